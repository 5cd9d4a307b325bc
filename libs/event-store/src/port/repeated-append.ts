import type {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  StreamRevision,
} from './event-store.js';
import { DuplicateEventId } from './errors.js';
import { firstRevisionImpliedBy } from './expected-revision.js';

/** An event already in the stream, as an adapter reads it back to recognise a retried append. */
export interface StoredEventId {
  readonly eventId: string;
  readonly revision: StreamRevision;
  readonly position: GlobalPosition;
}

/**
 * Decides whether an append repeats an earlier one, given the stream's events from where the
 * append's first event id is stored (up to as many as the append holds; undefined when the id is not
 * in the stream). The very same ids, in order, at the point the append expects: the earlier append's
 * result, and the adapter writes nothing. Known ids anywhere else: `DuplicateEventId`. Otherwise
 * undefined, and the append goes ahead under the usual revision check.
 */
export function repeatedAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  storedFromFirstId: readonly StoredEventId[] | undefined,
): AppendResult | undefined {
  const first = storedFromFirstId?.[0];
  if (!storedFromFirstId || !first) return undefined;
  const implied = firstRevisionImpliedBy(expected);
  if (implied !== undefined && implied !== first.revision) return undefined;
  const sameEvents =
    storedFromFirstId.length === events.length &&
    storedFromFirstId.every((stored, i) => stored.eventId === events[i]!.id.toLowerCase());
  if (!sameEvents) throw new DuplicateEventId(events[0]!.id, streamId);
  const last = storedFromFirstId[storedFromFirstId.length - 1]!;
  return markedRepeated({ nextExpectedRevision: last.revision, position: last.position });
}

const repeated = new WeakSet<AppendResult>();

/**
 * Marks a result as that of a repeated append. The result keeps the shape of the earlier append's
 * (a retry must answer exactly what the first delivery was answered); who asks can still learn that
 * nothing was written now, through `wasRepeated`.
 */
export function markedRepeated(result: AppendResult): AppendResult {
  repeated.add(result);
  return result;
}

/** True when the store wrote nothing for this append: the same events were stored already. */
export function wasRepeated(result: AppendResult): boolean {
  return repeated.has(result);
}
