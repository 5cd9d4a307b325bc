import type { RecordedEvent, SubscriptionPage } from './event-store.js';

const NOT_READY = Symbol('not ready');

/** Settles after the promises already resolved have run their callbacks. */
function afterPendingCallbacks(): Promise<typeof NOT_READY> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_READY)));
}

/**
 * Groups the items of an async iterable into batches of at most `maxSize`: a batch takes the items
 * that are ready now and never waits for more, so a quiet source still yields one item at a time.
 * Stop it by ending the source (closing a subscription), not by calling `return`: an item may still
 * be awaited.
 */
export async function* readyBatches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let awaited: Promise<IteratorResult<T>> | undefined;
  for (;;) {
    const first = await (awaited ?? iterator.next());
    awaited = undefined;
    if (first.done) return;
    const batch = [first.value];
    let ended = false;
    while (batch.length < maxSize) {
      const next = iterator.next();
      const ready = await Promise.race([next, afterPendingCallbacks()]);
      if (ready === NOT_READY) {
        // Marked as handled here; a failure still surfaces when the next round awaits it.
        next.catch(() => undefined);
        awaited = next;
        break;
      }
      if (ready.done) {
        ended = true;
        break;
      }
      batch.push(ready.value);
    }
    yield batch;
    if (ended) return;
  }
}

/** Events one at a time from a subscription's pages. */
export async function* eventsOfPages(pages: AsyncIterable<SubscriptionPage>): AsyncGenerator<RecordedEvent> {
  for await (const page of pages) yield* page.events;
}

/**
 * Pages of a subscription that delivers events one at a time (a server's stream): the events ready
 * together, up to `maxSize`; the log is known to be read only up to the last of them.
 */
export async function* readyPages(
  events: AsyncIterable<RecordedEvent>,
  maxSize: number,
): AsyncGenerator<SubscriptionPage> {
  for await (const batch of readyBatches(events, maxSize))
    yield { events: batch, readTo: batch.at(-1)?.position };
}

/** Throws on a second iteration: a subscription hands each event out once. */
export function onlyOnce(): () => void {
  let iterated = false;
  return () => {
    if (iterated) throw new Error('a subscription can be iterated only once');
    iterated = true;
  };
}
