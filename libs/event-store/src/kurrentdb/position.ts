import { END, START, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';
import type { GlobalPosition } from '../port/index.js';

/**
 * KurrentDB gives every event in `$all` a (commit, prepare) pair of log positions; the port has one
 * number. For an event written by an ordinary append (implicitly committed prepares: what every gRPC
 * append writes) the two are equal: the server reports `(prepare.LogPosition, prepare.LogPosition)`
 * for such records (AllReader in kurrent-io/KurrentDB,
 * src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs), and an append answers with the
 * position of its last event (RequestManagerBase/WriteEvents: commit position for both). They differ
 * only for events of explicit transactions (the old TCP API), whose commit record follows their
 * prepares; one number cannot say where to resume inside such a transaction, so those are refused
 * loudly rather than risk a gap.
 *
 * Resuming: a position handed back as `{ commit: p, prepare: p }` is exactly that event's position.
 * `readAll` from it includes the event (inclusive: `TFPos(p, p) >= pos` in AllReader; the client's own
 * readAll "from position" test reads back the event it started at) and `subscribeToAll` from it starts
 * after the event (exclusive: the client's subscribeToAll "from position" test leaves out the marker
 * event it subscribed from). The adapter drops anything at or before the checkpoint on both paths,
 * so delivery stays exclusive whichever way the server leans.
 *
 * Only positions the store returned are valid starting points: KurrentDB positions are byte offsets
 * in its log, and a number that is not the start of a record is refused by the server ("invalid
 * position"), or worse, misread.
 */
export function toGlobalPosition(position: Position): GlobalPosition {
  if (position.commit !== position.prepare)
    throw new KurrentDbPositionError(
      `event at commit ${position.commit} / prepare ${position.prepare} was written by an explicit ` +
        'transaction; one global position cannot resume inside it',
    );
  return position.commit;
}

/** Where to start reading or subscribing for "after `after`" (the adapter skips the event at it). */
export function toReadPosition(after: GlobalPosition | undefined): ReadPosition {
  if (after === undefined || after < 0n) return START;
  return { commit: after, prepare: after };
}

/** Whether an event at `position` lies after `cursor` in `$all` order (commit, then prepare). */
export function comesAfter(position: Position, cursor: ReadPosition): boolean {
  if (cursor === START) return true;
  if (cursor === END) return false;
  return (
    position.commit > cursor.commit ||
    (position.commit === cursor.commit && position.prepare > cursor.prepare)
  );
}

/** Whether an event at `position` lies before `cursor` in `$all` order. */
export function comesBefore(position: Position, cursor: ReadPosition): boolean {
  if (cursor === END) return true;
  if (cursor === START) return false;
  return (
    position.commit < cursor.commit ||
    (position.commit === cursor.commit && position.prepare < cursor.prepare)
  );
}

/** The position of a recorded event, which servers before 22.6 did not send on stream reads. */
export function requirePosition(event: { readonly position?: Position; readonly id: string }): Position {
  if (!event.position)
    throw new KurrentDbPositionError(
      `event ${event.id} came without a log position (server older than 22.6?)`,
    );
  return event.position;
}

export class KurrentDbPositionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KurrentDbPositionError';
  }
}
