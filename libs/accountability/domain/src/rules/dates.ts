import { isCalendarDate } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';
import { DateAfterToday, InvalidLocalDate } from '../errors/value-errors.js';
import { bishkekDate } from '../time/bishkek-time.js';

export function requireLocalDate(field: string, value: string): LocalDate {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new InvalidLocalDate(field, String(value));
  return value;
}

/**
 * A date of something that has happened (an appointment, a relief, a completion, a report): a well
 * formed day no later than today in Bishkek at the command's instant. A future date would take effect
 * at once (a position emptied today, an instruction done on time today) while it says it has not yet.
 */
export function requirePastOrToday(field: string, value: string, now: Date): LocalDate {
  const date = requireLocalDate(field, value);
  const today = bishkekDate(now);
  if (date > today) throw new DateAfterToday(field, date, today);
  return date;
}
