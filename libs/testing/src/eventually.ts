import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions {
  /** Pause between two probes; defaults to 10 ms. */
  readonly intervalMs?: number;
}

export class EventuallyTimedOut extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    readonly lastFailure: unknown,
  ) {
    const detail = lastFailure instanceof Error ? `; last attempt: ${lastFailure.message}` : '';
    super(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`, { cause: lastFailure });
    this.name = new.target.name;
  }
}

/**
 * Polls `probe` until it answers or `timeoutMs` has passed, instead of sleeping for a guessed time.
 * The probe has no answer yet while it throws (a failing expectation, say) or returns `false`;
 * anything else it returns, `undefined` included, is its answer. It always runs at least once.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
  options: EventuallyOptions = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  const intervalMs = options.intervalMs ?? 10;
  for (;;) {
    let lastFailure: unknown;
    try {
      const answer = await probe();
      if (answer !== false) return answer as Exclude<T, false>;
    } catch (error) {
      lastFailure = error;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new EventuallyTimedOut(what, timeoutMs, lastFailure);
    await delay(Math.min(intervalMs, left));
  }
}
