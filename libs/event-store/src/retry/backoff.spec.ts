import { describe, expect, it } from '@jest/globals';
import { backoffDelay, withJitter } from './backoff.js';

describe('backoffDelay', () => {
  const backoff = { firstDelayMs: 100, maxDelayMs: 5_000 };

  it('starts at the first delay and doubles after each further failure', () =>
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffDelay(failures, backoff))).toEqual([
      100, 200, 400, 800, 1_600, 3_200,
    ]));

  it('never waits longer than the cap', () => {
    expect(backoffDelay(7, backoff)).toBe(5_000);
    expect(backoffDelay(10_000, backoff)).toBe(5_000);
  });

  it('stops doubling after twenty doublings, however high the cap', () =>
    expect(backoffDelay(40, { firstDelayMs: 1, maxDelayMs: Number.MAX_SAFE_INTEGER })).toBe(2 ** 20));

  it('stays a number after any count of failures, even from a first delay of 0', () =>
    expect(backoffDelay(5_000, { firstDelayMs: 0, maxDelayMs: 1_000 })).toBe(0));
});

describe('withJitter', () => {
  it('spreads a delay over ±20 %', () => {
    expect(withJitter(1_000, () => 0)).toBe(800);
    expect(withJitter(1_000, () => 0.5)).toBe(1_000);
    expect(withJitter(1_000, () => 0.9999)).toBe(1_200);
  });

  it('rounds to whole milliseconds', () => expect(withJitter(333, () => 0)).toBe(266));
});
