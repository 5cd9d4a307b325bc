import type { GlobalPosition } from '@redtape/event-store';

/** The relay did not publish up to a position in time. */
export class RelayLagTimeout extends Error {
  constructor(
    readonly topic: string,
    readonly position: GlobalPosition,
    readonly timeoutMs: number,
  ) {
    super(`the relay to ${topic} did not publish up to position ${position} within ${timeoutMs} ms`);
    this.name = new.target.name;
  }
}

/** The relay stopped, or failed, while someone waited for it to reach a position. */
export class RelayStopped extends Error {
  constructor(
    readonly topic: string,
    readonly position: GlobalPosition,
    cause?: unknown,
  ) {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    super(`the relay to ${topic} stopped before publishing up to position ${position}${reason}`, { cause });
    this.name = new.target.name;
  }
}
