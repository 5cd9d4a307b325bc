import type { GlobalPosition } from '@redtape/event-store';

interface Waiter {
  readonly position: GlobalPosition;
  settle(error?: unknown): void;
}

/** Callers waiting for the relay to reach a position; each is checked again whenever asked to. */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  constructor(private readonly hasReached: (position: GlobalPosition) => Promise<boolean>) {}

  get size(): number {
    return this.waiting.size;
  }

  wait(position: GlobalPosition, timeoutMs: number, timedOut: () => Error): Promise<void> {
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
      return Promise.reject(new RangeError(`timeoutMs must be a finite number ≥ 0, got ${timeoutMs}`));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => waiter.settle(timedOut()), timeoutMs);
      const waiter: Waiter = {
        position,
        settle: (error?: unknown) => {
          if (!this.waiting.delete(waiter)) return;
          clearTimeout(timer);
          if (error === undefined) resolve();
          else reject(error);
        },
      };
      this.waiting.add(waiter);
      this.check(waiter);
    });
  }

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
