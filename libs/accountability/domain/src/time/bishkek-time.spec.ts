import { describe, expect, it } from '@jest/globals';
import { bishkekDate, daysBetween, isOverdue } from './bishkek-time.js';

describe('the date in Bishkek', () => {
  it.each([
    ['2026-03-31T00:00:00Z', '2026-03-31'],
    ['2026-03-31T17:59:59.999Z', '2026-03-31'],
    ['2026-03-31T18:00:00Z', '2026-04-01'],
    ['2026-03-30T18:00:00Z', '2026-03-31'],
    ['2026-12-31T18:30:00Z', '2027-01-01'],
    ['2028-02-28T18:00:00Z', '2028-02-29'],
  ])('is %s → %s (UTC+6)', (instant, date) => expect(bishkekDate(new Date(instant))).toBe(date));

  it('keeps UTC+6 in summer too: there is no daylight saving', () =>
    expect(bishkekDate(new Date('2026-07-15T17:59:00Z'))).toBe('2026-07-15'));

  it('reads the same instant written with another offset the same way', () =>
    expect(bishkekDate(new Date('2026-04-01T00:30:00+06:00'))).toBe('2026-04-01'));

  it('refuses an invalid Date', () => expect(() => bishkekDate(new Date('not a date'))).toThrow(RangeError));
});

describe('whether a deadline has passed', () => {
  it('has not on the deadline day itself', () => expect(isOverdue('2026-03-31', '2026-03-31')).toBe(false));
  it('has not before it', () => expect(isOverdue('2026-03-31', '2026-03-30')).toBe(false));
  it('has from the next day', () => expect(isOverdue('2026-03-31', '2026-04-01')).toBe(true));
  it('has across a year end', () => expect(isOverdue('2026-12-31', '2027-01-01')).toBe(true));
});

describe('days between two dates', () => {
  it.each([
    ['2026-03-31', '2026-03-31', 0],
    ['2026-03-31', '2026-04-01', 1],
    ['2026-04-01', '2026-03-31', -1],
    ['2026-02-10', '2026-03-31', 49],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-01-01', '2027-01-01', 365],
  ])('counts from %s to %s as %i', (a, b, days) => expect(daysBetween(a, b)).toBe(days));

  it('refuses a value that is not a date', () =>
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError));
});
