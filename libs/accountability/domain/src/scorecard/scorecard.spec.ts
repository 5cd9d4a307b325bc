import { describe, expect, it } from '@jest/globals';
import { scorecardOf, type ScorecardEntry } from './scorecard.js';

const entry = (status: ScorecardEntry['status'], unassigned = false): ScorecardEntry => ({
  status,
  unassigned,
});

describe('a scorecard of instructions', () => {
  it('is all zeros for no instructions', () =>
    expect(scorecardOf([])).toEqual({ onTime: 0, completedLate: 0, overdue: 0, open: 0, unassigned: 0 }));

  it('counts each status in its bucket, issued and in progress both as open', () =>
    expect(
      scorecardOf([
        entry('COMPLETED'),
        entry('COMPLETED'),
        entry('COMPLETED_LATE'),
        entry('OVERDUE'),
        entry('ISSUED'),
        entry('IN_PROGRESS'),
        entry('IN_PROGRESS'),
      ]),
    ).toEqual({ onTime: 2, completedLate: 1, overdue: 1, open: 3, unassigned: 0 }));

  it('counts open and overdue instructions nobody answers for as unassigned too', () =>
    expect(scorecardOf([entry('ISSUED', true), entry('OVERDUE', true), entry('ISSUED')])).toEqual({
      onTime: 0,
      completedLate: 0,
      overdue: 1,
      open: 2,
      unassigned: 2,
    }));

  it('no longer counts a completed instruction as unassigned', () =>
    expect(scorecardOf([entry('COMPLETED', true), entry('COMPLETED_LATE', true)])).toEqual({
      onTime: 1,
      completedLate: 1,
      overdue: 0,
      open: 0,
      unassigned: 0,
    }));

  it('folds any iterable, such as the values of a map', () =>
    expect(scorecardOf(new Map([['i-1', entry('OVERDUE')]]).values()).overdue).toBe(1));
});
