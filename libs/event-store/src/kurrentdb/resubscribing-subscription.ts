import {
  CATCH_UP_PAGE_SIZE,
  onlyOnce,
  readyPages,
  type GlobalPosition,
  type RecordedEvent,
  type Subscription,
} from '../port/index.js';
import { backoffDelay, type ExponentialBackoff } from '../retry/backoff.js';

/** One server-side subscription: the matching events after `after`, in global order. */
export interface Upstream {
  readonly events: AsyncIterator<RecordedEvent>;
  /** Cancels the server-side subscription; safe to call more than once, never throws. */
  close(): Promise<void>;
}

export interface RetryPolicy extends ExponentialBackoff {
  /** Whether an error is the connection's (resubscribe) rather than the request's (end the subscription). */
  readonly isTransient: (error: unknown) => boolean;
}

const CLOSED = Symbol('closed');

/**
 * A catch-up subscription that survives dropped connections: when the server-side subscription fails
 * with a transient error (or simply ends), it waits (exponential backoff, capped) and subscribes again
 * from the last event it delivered. No gaps, because it resumes from exactly that event; no
 * duplicates, because anything at or before it is dropped, whether or not the server starts
 * inclusively. Other errors end the iteration with that error. `close` ends it at once, even while it
 * waits for the server or for the next attempt.
 */
export function resubscribingSubscription(
  open: (after: GlobalPosition | undefined) => Upstream,
  options: { readonly after?: GlobalPosition; readonly retry: RetryPolicy; readonly pageSize?: number },
): Subscription {
  let closed = false;
  const iterateOnce = onlyOnce();
  let upstream: Upstream | undefined;
  let wakeOnClose: (() => void) | undefined;

  /**
   * Waits for `promise`, or for `close`, whichever comes first. A fresh promise per wait, rather
   * than a race against one long-lived "closed" promise, which would collect a reaction per event.
   */
  function orClosed<T>(promise: Promise<T>): Promise<T | typeof CLOSED> {
    if (closed) {
      // Nobody waits for `promise` any more, and a closed upstream's reads may reject (a destroyed
      // stream: ERR_STREAM_PREMATURE_CLOSE); unhandled, that would end the process. Its outcome no
      // longer matters once closed, so it is safe to drop.
      promise.catch(() => undefined);
      return Promise.resolve(CLOSED);
    }
    return new Promise<T | typeof CLOSED>((resolve, reject) => {
      wakeOnClose = () => resolve(CLOSED);
      promise.then(resolve, reject);
    }).finally(() => (wakeOnClose = undefined));
  }

  async function pause(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await orClosed(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))).finally(() =>
      clearTimeout(timer),
    );
  }

  async function* deliver(): AsyncGenerator<RecordedEvent> {
    let after = options.after;
    let failures = 0;
    while (!closed) {
      const current = open(after);
      upstream = current;
      try {
        for (;;) {
          // Closed while the reader held the last event: the upstream is gone, so do not read it.
          if (closed) return;
          const next = await orClosed(current.events.next());
          if (next === CLOSED) return;
          if (next.done) break;
          failures = 0;
          const event = next.value;
          if (after !== undefined && event.position <= after) continue;
          after = event.position;
          yield event;
        }
      } catch (error) {
        if (closed) return;
        if (!options.retry.isTransient(error)) throw error;
      } finally {
        await current.close();
      }
      if (closed) return;
      failures += 1;
      await pause(backoffDelay(failures, options.retry));
    }
  }

  return {
    [Symbol.asyncIterator]() {
      iterateOnce();
      return deliver();
    },
    // The server hands events over one by one; a page is what has arrived together.
    pages() {
      iterateOnce();
      return readyPages(deliver(), options.pageSize ?? CATCH_UP_PAGE_SIZE);
    },
    async close() {
      closed = true;
      wakeOnClose?.();
      await upstream?.close();
    },
  };
}
