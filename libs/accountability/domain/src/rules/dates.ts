import { isCalendarDate } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';
import { InvalidLocalDate } from '../errors/value-errors.js';

export function requireLocalDate(field: string, value: string): LocalDate {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new InvalidLocalDate(field, String(value));
  return value;
}
