import type { ExpectedRevision, StreamRevision } from './event-store.js';

/** Base of every error the port raises; `code` is stable and safe to show to a client. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type ActualRevision = StreamRevision | 'no_stream';

export class StreamRevisionConflict extends EventStoreError {
  readonly code = 'STREAM_REVISION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFound extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
  }
}

export class InvalidStreamName extends EventStoreError {
  readonly code = 'INVALID_STREAM_NAME';
  constructor(
    readonly streamId: unknown,
    reason: string,
  ) {
    super(`invalid stream name ${JSON.stringify(streamId)}: ${reason}`);
  }
}

export class InvalidEvent extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super(`invalid event at index ${index}: ${reason}`);
  }
}

/** An event id that this stream already holds elsewhere than where this append would put it. */
export class DuplicateEventId extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`event id ${eventId} is already stored (appending to ${streamId})`);
  }
}
