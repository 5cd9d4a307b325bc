import { DomainError } from './errors.js';

export class RequiredTextMissing extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly field: string) {
    super(`${field} is required and must not be blank`);
  }
}

export class TextTooLong extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly length: number,
    readonly maxLength: number,
  ) {
    super(`${field} may be at most ${maxLength} characters long, not ${length}`);
  }
}

/** The trimmed text, refusing a blank or overlong one: the rule every context applies to names and texts. */
export function requiredText(field: string, value: string, maxLength: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw new RequiredTextMissing(field);
  if (trimmed.length > maxLength) throw new TextTooLong(field, trimmed.length, maxLength);
  return trimmed;
}

/** The trimmed text, or null when there is none: a blank optional text means "not given". */
export function optionalText(
  field: string,
  value: string | null | undefined,
  maxLength: number,
): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') return null;
  if (trimmed.length > maxLength) throw new TextTooLong(field, trimmed.length, maxLength);
  return trimmed;
}
