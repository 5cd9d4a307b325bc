import type { GlobalPosition } from '@redtape/event-store';

interface Waiter {
  readonly position: GlobalPosition;
  settle(error?: unknown): void;
}

/** Promises that settle once a checkpointed reader (a projection, a relay) has reached a position, fail with it, or time out. */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  constructor(private readonly hasReached: (position: GlobalPosition) => Promise<boolean>) {}

  wait(position: GlobalPosition, timeoutMs: number, timedOut: () => Error): Promise<void> {
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
      return Promise.reject(new RangeError(`timeoutMs must be a finite number ≥ 0, got ${timeoutMs}`));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        settle: (error?: unknown) => {
          if (!this.waiting.delete(waiter)) return;
          clearTimeout(timer);
          if (error === undefined) resolve();
          else reject(error);
        },
      };
      const timer = setTimeout(() => waiter.settle(timedOut()), timeoutMs);
      this.waiting.add(waiter);
      this.check(waiter);
    });
  }

  /** Call whenever the checkpoint moved. */
  recheck(): void {
    for (const waiter of this.waiting) this.check(waiter);
  }

  rejectAll(reason: (position: GlobalPosition) => Error): void {
    for (const waiter of [...this.waiting]) waiter.settle(reason(waiter.position));
  }

  private check(waiter: Waiter): void {
    this.hasReached(waiter.position).then(
      (reached) => {
        if (reached) waiter.settle();
      },
      (error: unknown) => waiter.settle(error),
    );
  }
}
