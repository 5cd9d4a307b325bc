/**
 * The event store port. It is shaped after KurrentDB so that every adapter (SQLite, PostgreSQL,
 * KurrentDB) can honour it without a special case above it: stream revisions count from 0, a global
 * position orders every event of the store, and an append states the revision it expects.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Zero-based revision of an event within its stream (KurrentDB's `revision`). */
export type StreamRevision = bigint;
/** Position of an event in the store's global log; strictly increasing in commit order. */
export type GlobalPosition = bigint;

/**
 * What the writer believes about the stream:
 * - `no_stream`: it must not exist yet;
 * - `stream_exists`: it must exist, at any revision;
 * - `any`: no check (use sparingly: it silently gives up the concurrency check);
 * - a revision: its last event must be at exactly that revision.
 */
export type ExpectedRevision = StreamRevision | 'no_stream' | 'stream_exists' | 'any';

export interface NewEvent {
  /** A UUID. Appending an event whose id is already stored at that point of the stream is a no-op. */
  readonly id: string;
  /** Past-tense PascalCase name; never changes once stored. */
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: StreamRevision;
  readonly position: GlobalPosition;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event in the stream after the append: the next append's expected revision. */
  readonly nextExpectedRevision: StreamRevision;
  /** Global position of the last event of this append. */
  readonly position: GlobalPosition;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive; defaults to the first event forwards and the last event backwards. */
  readonly fromRevision?: StreamRevision | 'start' | 'end';
  readonly maxCount?: number;
}

/** Both parts, when given, must match (AND); within a part any listed value matches (OR). */
export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /**
   * Exclusive: read events after this position, as a checkpoint is used. Omitted: from the start.
   * Only a position this store handed out counts (KurrentDB's are byte offsets: `p - 1` names nothing).
   */
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  readonly maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events after it. Omitted: the whole log from the start. */
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  /** Most events in one of its pages: what a reader folds in one go while it catches up (default 500). */
  readonly pageSize?: number;
}

/** What a subscription delivers at once: the events ready now, and how far the log has been read. */
export interface SubscriptionPage {
  /** In global order, after everything delivered before; may be empty when only `readTo` moved. */
  readonly events: readonly RecordedEvent[];
  /**
   * The log has been read up to this position: no event the filter takes lies after the last one
   * delivered and at or before it. A reader waiting for a position the filter leaves out learns here
   * that it has passed, without asking the store. Undefined when the store cannot say.
   */
  readonly readTo: GlobalPosition | undefined;
}

/**
 * A catch-up subscription: delivers history after the checkpoint, then continues live, in global
 * order, with no gaps and no duplicates. Iterate it, or its `pages()`, once; `close` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** The same events a page at a time, as they are read: what a batching reader folds in one go. */
  pages(): AsyncIterable<SubscriptionPage>;
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /** Throws `StreamNotFound` when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Position of the newest event in the store, or undefined when it is empty. */
  headPosition(): Promise<GlobalPosition | undefined>;
  close(): Promise<void>;
}
