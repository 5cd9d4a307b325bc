import type { EventFilter, GlobalPosition, RecordedEvent, Subscription } from './event-store.js';

export interface CatchUpSource {
  /** Up to `limit` events after `after` that match the filter, in global order. */
  readPage(
    after: GlobalPosition | undefined,
    filter: EventFilter | undefined,
    limit: number,
  ): Promise<RecordedEvent[]>;
  /** Calls the listener whenever the log may have grown; returns the unsubscribe function. */
  onAppended(listener: () => void): () => void;
}

const PAGE_SIZE = 500;

/**
 * A catch-up subscription over any store that can read its log in pages and say when it grew.
 * Gap-free as long as `readPage` never returns a position while an earlier one is still to commit,
 * which each adapter guarantees for its own store.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  options: { after?: GlobalPosition; filter?: EventFilter } = {},
): Subscription {
  let closed = false;
  let appendedSinceRead = false;
  let wake: (() => void) | undefined;
  let iterated = false;

  const unsubscribe = source.onAppended(() => {
    appendedSinceRead = true;
    wake?.();
  });

  async function* deliver(): AsyncGenerator<RecordedEvent> {
    let after = options.after;
    try {
      while (!closed) {
        appendedSinceRead = false;
        const page = await source.readPage(after, options.filter, PAGE_SIZE);
        for (const event of page) {
          if (closed) return;
          yield event;
          after = event.position;
        }
        if (page.length === PAGE_SIZE || appendedSinceRead || closed) continue;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      unsubscribe();
    }
  }

  return {
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error('a subscription can be iterated only once');
      iterated = true;
      return deliver();
    },
    async close() {
      closed = true;
      unsubscribe();
      wake?.();
    },
  };
}
