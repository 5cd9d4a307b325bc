import type { EventStore, ExpectedRevision } from '@redtape/event-store';
import type { Step } from './rounds.js';
import { sampleEvents } from './sample-events.js';

/**
 * Appends to a fixed set of streams in turn, each time stating the exact revision the stream is at,
 * as a command handler does after loading its aggregate.
 */
export function appendsInTurn(
  store: EventStore,
  category: string,
  streamCount: number,
  eventsPerAppend: number,
) {
  const streamIds = Array.from({ length: streamCount }, (_, i) => `${category}-${i}`);
  const expected: ExpectedRevision[] = streamIds.map(() => 'no_stream');
  let turn = 0;
  const append: Step = async () => {
    const index = turn++ % streamCount;
    const result = await store.appendToStream(
      streamIds[index]!,
      sampleEvents(eventsPerAppend),
      expected[index]!,
    );
    expected[index] = result.nextExpectedRevision;
    return eventsPerAppend;
  };
  return { append, streamIds };
}

/** `writers` single-event appends at once, each to streams of its own, as separate commands are. */
export function concurrentAppends(store: EventStore, writers: number, category = 'concurrent'): Step {
  const each = Array.from({ length: writers }, (_, w) => appendsInTurn(store, `${category}-${w}`, 25, 1));
  return async () => {
    await Promise.all(each.map((writer) => writer.append()));
    return writers;
  };
}

async function count(events: AsyncIterable<unknown>): Promise<number> {
  let read = 0;
  for await (const _ of events) read += 1;
  return read;
}

export function readWholeLog(store: EventStore): Step {
  return () => count(store.readAll());
}

export function readWholeStream(store: EventStore, streamId: string): Step {
  return () => count(store.readStream(streamId, { direction: 'forwards' }));
}
