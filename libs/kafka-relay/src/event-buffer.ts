/**
 * A bounded hand-over between a subscription (the filler) and the publisher: while one batch is
 * being sent and acknowledged, the events that arrive meanwhile gather here and go out together
 * in the next one. A full buffer makes the filler wait, so a long outage holds no more than
 * `capacity` events in memory.
 */
export class EventBuffer<T> {
  private items: T[] = [];
  private ended = false;
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wakeTaker: (() => void) | undefined;
  private wakeFiller: (() => void) | undefined;

  constructor(private readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  /** Copies the source into the buffer until it ends, fails or the buffer is closed. */
  async fill(source: AsyncIterable<T>): Promise<void> {
    try {
      for await (const item of source) {
        while (this.items.length >= this.capacity && !this.closed)
          await new Promise<void>((resolve) => (this.wakeFiller = resolve));
        if (this.closed) return;
        this.items.push(item);
        this.wake();
      }
      this.ended = true;
    } catch (error) {
      this.failure = { error };
    }
    this.wake();
  }

  /**
   * Waits for at least one item and takes up to `max` of those ready. Undefined once the buffer is
   * closed, or the source has ended and everything was taken; throws the source's failure after
   * handing out what came before it.
   */
  async take(max: number): Promise<T[] | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      if (this.items.length > 0) {
        const batch = this.items.splice(0, max);
        this.wakeFiller?.();
        this.wakeFiller = undefined;
        return batch;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    }
  }

  /** Drops what it holds and ends both sides; close the source too, or the filler waits on it. */
  close(): void {
    this.closed = true;
    this.items = [];
    this.wake();
  }

  private wake(): void {
    this.wakeTaker?.();
    this.wakeTaker = undefined;
    this.wakeFiller?.();
    this.wakeFiller = undefined;
  }
}
