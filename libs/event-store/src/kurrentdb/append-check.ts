import type { Position } from '@kurrent/kurrentdb-client';
import {
  DuplicateEventId,
  assertExpectedRevision,
  repeatedAppend,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type StoredEventId,
  type StreamRevision,
} from '../port/index.js';
import { requirePosition, toGlobalPosition } from './position.js';

/** What an append needs to know about its stream, gathered in one forward read before it writes. */
export interface StreamScan {
  /** Revision of the stream's last event; undefined when the stream does not exist. */
  readonly current: StreamRevision | undefined;
  /** The append's event ids that the stream already holds. */
  readonly knownIds: ReadonlySet<string>;
  /** The stream's events from the one holding the append's first id, as many as the append has. */
  readonly storedFromFirstId: readonly StoredEventId[] | undefined;
}

export interface StreamEvent {
  readonly id: string;
  readonly revision: StreamRevision;
  readonly position?: Position;
}

export const EMPTY_STREAM: StreamScan = {
  current: undefined,
  knownIds: new Set(),
  storedFromFirstId: undefined,
};

/**
 * KurrentDB has no index from event id to stream revision (its own duplicate check for `any` only
 * remembers recent ids), so recognising a retried append means reading the stream. The cost is one
 * read of the stream per append, the same order as the load a command handler does before deciding.
 */
export async function scanStream(
  events: AsyncIterable<StreamEvent>,
  batch: readonly NewEvent[],
): Promise<StreamScan> {
  const ids = new Set(batch.map((event) => event.id.toLowerCase()));
  const firstId = batch[0]!.id.toLowerCase();
  const knownIds = new Set<string>();
  let current: StreamRevision | undefined;
  let storedFromFirstId: StoredEventId[] | undefined;
  for await (const event of events) {
    const id = event.id.toLowerCase();
    current = event.revision;
    if (ids.has(id)) knownIds.add(id);
    if (id === firstId && !storedFromFirstId) storedFromFirstId = [];
    if (storedFromFirstId && storedFromFirstId.length < batch.length)
      storedFromFirstId.push({
        eventId: id,
        revision: event.revision,
        position: toGlobalPosition(requirePosition(event)),
      });
  }
  return { current, knownIds, storedFromFirstId };
}

/**
 * Like the SQLite adapter: the very same ids at the point the append expects return the earlier
 * result (nothing is written); known ids elsewhere are refused, as a revision conflict when the
 * expectation does not hold anyway, else as `DuplicateEventId`. Undefined: the append may go ahead.
 *
 * The read and the append are two calls, and another writer may append in between. That is safe
 * because the append carries the expected revision: with `no_stream` or a revision, KurrentDB writes
 * only if the stream is still exactly as it was read, so the ids checked are all the ids there are
 * (or it refuses; or, if the same ids landed at that point meanwhile, it answers idempotently
 * itself). `any` and `stream_exists` carry no such guard: there a retry racing its own original
 * within that gap is caught by KurrentDB's duplicate check, which covers recent writes.
 */
export function decideAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  scan: StreamScan,
): AppendResult | undefined {
  const repeated = repeatedAppend(streamId, events, expected, scan.storedFromFirstId);
  if (repeated) return repeated;
  const known = events.find((event) => scan.knownIds.has(event.id.toLowerCase()));
  if (!known) return undefined;
  assertExpectedRevision(streamId, expected, scan.current);
  throw new DuplicateEventId(known.id, streamId);
}
