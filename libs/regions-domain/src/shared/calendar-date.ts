import { DomainError } from '@redtape/event-sourcing';

/** A day as 'YYYY-MM-DD'. Events carry days rather than instants because the sources only give days. */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidCalendarDate extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} must be a real date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
}

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March, so only a real day survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function requireCalendarDate(field: string, value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidCalendarDate(field, value);
  return value;
}
