import { isCalendarDate } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';

/** Asia/Bishkek keeps UTC+6 all year round (no daylight saving since 2005). */
export const BISHKEK_UTC_OFFSET_HOURS = 6;

const DAY_MS = 24 * 60 * 60 * 1000;
const OFFSET_MS = BISHKEK_UTC_OFFSET_HOURS * 60 * 60 * 1000;

/** The date in Bishkek at this instant: e.g. 2026-03-01T18:00:00Z is already 2026-03-02 there. */
export function bishkekDate(instant: Date): LocalDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('bishkekDate needs a valid instant, not an invalid Date');
  return new Date(time + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Whether a deadline has passed on `today`: the deadline day itself is still on time, so an
 * instruction is overdue only from the next day.
 */
export function isOverdue(deadline: LocalDate, today: LocalDate): boolean {
  // YYYY-MM-DD dates sort as text in the same order as in time.
  return today > deadline;
}

/** Whole days from `a` to `b`: positive when `b` is later, 0 for the same day, negative when earlier. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return epochDay(b) - epochDay(a);
}

function epochDay(date: LocalDate): number {
  if (!isCalendarDate(date)) throw new RangeError(`${JSON.stringify(date)} is not a date written YYYY-MM-DD`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}
