import type {
  EventFilter,
  GlobalPosition,
  RecordedEvent,
  Subscription,
  SubscriptionPage,
} from './event-store.js';
import { eventsOfPages, onlyOnce } from './ready-batches.js';

/** What one read of the log found: the events, and how far the log was read to find them. */
export interface ReadPage {
  readonly events: RecordedEvent[];
  /**
   * The last event's position when the page is full; otherwise the head of the log when it was read,
   * so that the next read starts there and never examines the same stretch of log again.
   */
  readonly readTo: GlobalPosition | undefined;
}

export interface CatchUpSource {
  /** Up to `limit` events after `after` that match the filter, in global order. */
  readPage(
    after: GlobalPosition | undefined,
    filter: EventFilter | undefined,
    limit: number,
  ): Promise<ReadPage>;
  /** Calls the listener whenever the log may have grown; returns the unsubscribe function. */
  onAppended(listener: () => void): () => void;
}

export const CATCH_UP_PAGE_SIZE = 500;

/**
 * A catch-up subscription over any store that can read its log in pages and say when it grew.
 * Gap-free as long as `readPage` never returns a position while an earlier one is still to commit,
 * which each adapter guarantees for its own store. Each read starts where the last one stopped
 * looking (`readTo`), so an idle filtered subscription reads nothing twice, and appends announced
 * while a read runs are taken by the next read, not one read each.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  options: { after?: GlobalPosition; filter?: EventFilter; pageSize?: number } = {},
): Subscription {
  const pageSize = options.pageSize ?? CATCH_UP_PAGE_SIZE;
  let closed = false;
  let appendedSinceRead = false;
  let wake: (() => void) | undefined;
  const iterateOnce = onlyOnce();

  const unsubscribe = source.onAppended(() => {
    appendedSinceRead = true;
    wake?.();
  });

  async function* pages(): AsyncGenerator<SubscriptionPage> {
    let after = options.after;
    try {
      while (!closed) {
        appendedSinceRead = false;
        const { events, readTo } = await source.readPage(after, options.filter, pageSize);
        if (closed) return;
        const moved = readTo !== undefined && (after === undefined || readTo > after);
        if (events.length > 0 || moved) yield { events, readTo };
        if (moved) after = readTo;
        if (events.length === pageSize || appendedSinceRead || closed) continue;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      unsubscribe();
    }
  }

  return {
    [Symbol.asyncIterator]() {
      iterateOnce();
      return eventsOfPages(pages());
    },
    pages() {
      iterateOnce();
      return pages();
    },
    async close() {
      closed = true;
      unsubscribe();
      wake?.();
    },
  };
}
