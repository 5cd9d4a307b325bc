import { describe, expect, it } from '@jest/globals';
import { reportingDay } from './reporting-day.js';

describe('the day an event counts for', () => {
  it.each([
    ['2026-03-01T08:30:00.000Z', '2026-03-01'],
    ['2026-03-01T17:59:59.999Z', '2026-03-01'],
    ['2026-03-01T18:00:00.000Z', '2026-03-02'],
    ['2026-03-02T00:30:00+06:00', '2026-03-02'],
  ])('is the date in Bishkek (UTC+6): %s → %s', (time, day) => expect(reportingDay(time)).toBe(day));

  it('refuses a time it cannot read', () => expect(() => reportingDay('yesterday')).toThrow(RangeError));
});
