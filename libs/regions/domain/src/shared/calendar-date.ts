import { DomainError, isCalendarDate } from '@redtape/event-sourcing';

export { isCalendarDate };

/** A day as 'YYYY-MM-DD'. Events carry days rather than instants because the sources only give days. */
export type CalendarDate = string;

export class InvalidCalendarDate extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} must be a real date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
}

export function requireCalendarDate(field: string, value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidCalendarDate(field, value);
  return value;
}
