import type { Figure } from '../accountability-events.js';
import { InvalidFigureValue } from '../errors/value-errors.js';
import { optionalText, requiredText } from './text.js';

/** Reported figures as they will be recorded: names and units trimmed, values finite numbers. */
export function normalizeFigures(figures: readonly Figure[]): Figure[] {
  return figures.map((figure, i) => {
    const field = `figures[${i}]`;
    if (typeof figure.value !== 'number' || !Number.isFinite(figure.value))
      throw new InvalidFigureValue(`${field}.value`, figure.value);
    return {
      name: requiredText(`${field}.name`, figure.name),
      value: figure.value,
      unit: optionalText(`${field}.unit`, figure.unit),
    };
  });
}
