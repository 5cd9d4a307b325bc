/** Pauses between attempts that double after each failure, from the first delay up to a cap. */
export interface ExponentialBackoff {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

// Twenty doublings (a millionfold) reach any cap in use; stopping there keeps the product finite, so
// that no count of failures turns it into Infinity (or NaN, times a first delay of 0).
const MAX_DOUBLINGS = 20;

/** The pause before the next attempt after `failures` failures in a row (1 after the first). */
export function backoffDelay(failures: number, backoff: ExponentialBackoff): number {
  return Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** Math.min(failures - 1, MAX_DOUBLINGS));
}

/**
 * `delayMs` spread at random over ±20 %, in whole milliseconds, so that clients which failed together
 * do not all try again at the same instant.
 */
export function withJitter(delayMs: number, random: () => number = Math.random): number {
  return Math.round(delayMs * (0.8 + random() * 0.4));
}
