import type pg from 'pg';
import {
  DuplicateEventId,
  StreamNotFound,
  assertExpectedRevision,
  assertValidAppend,
  assertValidStreamName,
  catchUpSubscription,
  repeatedAppend,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type JsonObject,
  type NewEvent,
  type ReadAllOptions,
  type ReadPage,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeToAllOptions,
  type Subscription,
} from '../port/index.js';
import { AppendListener } from './append-listener.js';
import { openPool } from './pool.js';
import { migrateEventStore } from './schema.js';
import { retryWhileTransient } from './transient-errors.js';

/** What `event_store.append` answers: appended, refused on the expectation, or first id already known. */
interface AppendRow {
  outcome: 'appended' | 'conflict' | 'known' | 'duplicate';
  current_revision: string | null;
  last_position: string | null;
  known_ids: string[] | null;
  known_revisions: string[] | null;
  known_positions: string[] | null;
}

/** An append waiting for its group, and how to answer its caller. */
interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Appends per group: enough to share a commit, few enough to keep one call's JSON small. */
const MAX_GROUP = 64;

const APPEND_COLUMNS = `outcome, current_revision::text AS current_revision, last_position::text AS last_position,
  known_ids, known_revisions::text[] AS known_revisions, known_positions::text[] AS known_positions`;

interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: Date;
}

/** A row of a page of the log: an event with the head beside it, or only the head when none matched. */
type PageRow = { [Column in keyof EventRow]: EventRow[Column] | null } & { head: string | null };

export interface PostgresEventStoreOptions {
  /** Connections in the pool; defaults to 10. */
  readonly poolSize?: number;
  /** Told when the connection that wakes subscribers fails; it reconnects by itself. */
  readonly onListenerError?: (error: Error) => void;
}

const READ_PAGE = 500;
const MAX_REVISION = 2n ** 63n - 1n;
const UNIQUE_VIOLATION = '23505';
// Text casts keep 64-bit numbers exact: pg hands bigint back as a string anyway, and says so here.
const COLUMNS = `position::text AS position, event_id::text AS event_id, stream_id,
  revision::text AS revision, type, data, metadata, recorded_at`;

// Up to the head read in the same statement (one snapshot): every position at or below it is
// committed (appends are serialized, positions in commit order), so the next read may start after
// it. The head comes back even when no event matches, on a row of its own.
const ALL_PAGE = `WITH head AS (SELECT max(position) AS position FROM event_store.events),
  page AS (
    SELECT e.* FROM event_store.events e, head
    WHERE e.position > $1 AND e.position <= head.position
      AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(prefix) WHERE starts_with(e.stream_id, p.prefix)))
      AND ($3::text[] IS NULL OR e.type = ANY($3::text[]))
    ORDER BY e.position LIMIT $4)
  SELECT events.position::text AS position, events.event_id::text AS event_id, events.stream_id,
    events.revision::text AS revision, events.type, events.data, events.metadata, events.recorded_at,
    head.position::text AS head
  FROM head LEFT JOIN page AS events ON true
  ORDER BY events.position`;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

function nonEmpty(values: readonly string[] | undefined): readonly string[] | null {
  return values && values.length > 0 ? values : null;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && violated === constraint;
}

/**
 * The event store on PostgreSQL. Every append is one call of `event_store.append` (see schema.ts),
 * which takes one store-wide transaction lock before it assigns positions and holds it until commit. A reader can therefore never see position n+1 while n is
 * still to commit: with a plain sequence, concurrent transactions commit out of order, and a
 * subscriber that had read past a late-committing event would skip it for good. Serializing appends
 * costs write concurrency (KurrentDB has a single writer too) and buys a log that subscriptions can
 * trust with nothing but `position > checkpoint`. Subscribers wake through LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private readonly listener: AppendListener;
  private readonly subscriptions = new Set<Subscription>();
  /** Queries under way: pg's pool never settles one still queued for a connection when it ends. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  /** Appends waiting while this connection's previous group commits. */
  private queued: QueuedAppend[] = [];
  private committing = false;

  private constructor(
    private readonly pool: pg.Pool,
    connectionString: string,
    private readonly onListenerError: (error: Error) => void,
  ) {
    this.listener = new AppendListener(connectionString, onListenerError);
  }

  /** Connects and migrates the store's schema to the newest layout. */
  static async open(
    connectionString: string,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const onListenerError =
      options.onListenerError ??
      ((error: Error) => process.emitWarning(`event store listener: ${error.message}`));
    const pool = openPool(connectionString, {
      max: options.poolSize ?? 10,
      // Appends read the log afresh after taking the append lock, which only READ COMMITTED does; a
      // database or role default of REPEATABLE READ would read from before the lock.
      settings: '-c default_transaction_isolation=read\\ committed',
      onError: onListenerError,
    });
    try {
      await migrateEventStore(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, connectionString, onListenerError);
  }

  /**
   * Group commit: an append waits while this connection's previous group commits, then every append
   * that queued meanwhile goes in one call of `event_store.append_group`, one transaction, one fsync.
   * An append that finds nothing committing goes at once, alone, through `event_store.append`.
   */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events, expected);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queued.push({ streamId, events, expected, resolve, reject });
      if (!this.committing) {
        this.committing = true;
        void this.tracked(this.commitQueued());
      }
    });
  }

  private async commitQueued(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        const group = this.queued.splice(0, MAX_GROUP);
        if (group.length === 1) await this.commitAlone(group[0]!);
        else await this.commitGroup(group);
      }
    } finally {
      this.committing = false;
    }
  }

  private async commitAlone(append: QueuedAppend): Promise<void> {
    try {
      const { rows } = await this.pool.query<AppendRow>(
        `SELECT ${APPEND_COLUMNS} FROM event_store.append($1, $2, $3::uuid[], $4::text[], $5::json[], $6::json[], $7)`,
        [
          append.streamId,
          String(append.expected),
          append.events.map((event) => event.id.toLowerCase()),
          append.events.map((event) => event.type),
          append.events.map((event) => JSON.stringify(event.data)),
          append.events.map((event) => JSON.stringify(event.metadata ?? {})),
          new Date(),
        ],
      );
      append.resolve(await this.answer(append, rows[0]));
    } catch (error) {
      // A later event of the batch is already in the stream (the function checks only the first).
      if (isUniqueViolation(error, 'events_stream_event_id'))
        append.reject(
          new DuplicateEventId(await this.firstStoredId(append.streamId, append.events), append.streamId),
        );
      else append.reject(error);
    }
  }

  private async commitGroup(group: readonly QueuedAppend[]): Promise<void> {
    let rows: (AppendRow & { ordinal: number })[];
    try {
      ({ rows } = await this.pool.query<AppendRow & { ordinal: number }>(
        `SELECT ordinal, ${APPEND_COLUMNS} FROM event_store.append_group($1::json, $2)`,
        [
          JSON.stringify(
            group.map((append) => ({
              stream: append.streamId,
              expected: String(append.expected),
              ids: append.events.map((event) => event.id.toLowerCase()),
              types: append.events.map((event) => event.type),
              data: append.events.map((event) => event.data),
              metadata: append.events.map((event) => event.metadata ?? {}),
            })),
          ),
          new Date(),
        ],
      ));
    } catch (error) {
      // The transaction itself failed: nothing of the group was stored.
      for (const append of group) append.reject(error);
      return;
    }
    for (const [i, append] of group.entries()) {
      try {
        append.resolve(
          await this.answer(
            append,
            rows.find((row) => row.ordinal === i + 1),
          ),
        );
      } catch (error) {
        append.reject(error);
      }
    }
  }

  /** The caller's answer from what the append function said of its append. */
  private async answer(append: QueuedAppend, row: AppendRow | undefined): Promise<AppendResult> {
    const { streamId, events, expected } = append;
    if (!row) throw new Error('event_store.append returned no row');
    if (row.outcome === 'duplicate')
      throw new DuplicateEventId(await this.firstStoredId(streamId, events), streamId);
    const current = row.current_revision === null ? undefined : BigInt(row.current_revision);
    if (row.outcome === 'appended') {
      this.listener.notify();
      return { nextExpectedRevision: current!, position: BigInt(row.last_position!) };
    }
    if (row.outcome === 'known') {
      const stored = row.known_ids!.map((eventId, i) => ({
        eventId,
        revision: BigInt(row.known_revisions![i]!),
        position: BigInt(row.known_positions![i]!),
      }));
      const repeated = repeatedAppend(streamId, events, expected, stored);
      if (repeated) return repeated;
    }
    // The port's own rule raises the conflict; known ids that pass it are stored elsewhere.
    assertExpectedRevision(streamId, expected, current);
    throw new DuplicateEventId(events[0]!.id, streamId);
  }

  /** Read after the failed append, whose transaction has ended. */
  private async firstStoredId(streamId: string, events: readonly NewEvent[]): Promise<string> {
    const ids = events.map((event) => event.id.toLowerCase());
    const { rows } = await this.pool.query<{ event_id: string }>(
      'SELECT event_id::text AS event_id FROM event_store.events WHERE stream_id = $1 AND event_id = ANY($2::uuid[])',
      [streamId, ids],
    );
    const stored = new Set(rows.map((row) => row.event_id));
    return events.find((event) => stored.has(event.id.toLowerCase()))?.id ?? events[0]!.id;
  }

  private async currentRevision(streamId: string): Promise<StreamRevision | undefined> {
    const { rows } = await this.pool.query<{ revision: string | null }>(
      'SELECT max(revision)::text AS revision FROM event_store.events WHERE stream_id = $1',
      [streamId],
    );
    const revision = rows[0]?.revision;
    return revision == null ? undefined : BigInt(revision);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    assertValidStreamName(streamId);
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const query = backwards
      ? `SELECT ${COLUMNS} FROM event_store.events WHERE stream_id = $1 AND revision <= $2 ORDER BY events.revision DESC LIMIT $3`
      : `SELECT ${COLUMNS} FROM event_store.events WHERE stream_id = $1 AND revision >= $2 ORDER BY events.revision ASC LIMIT $3`;
    let cursor: bigint = from === 'start' ? 0n : from === 'end' ? MAX_REVISION : from;
    let found = false;
    while (remaining > 0 && cursor >= 0n) {
      const limit = Math.min(READ_PAGE, remaining);
      const { rows } = await this.pool.query<EventRow>(query, [streamId, cursor.toString(), limit]);
      for (const row of rows) yield toRecorded(row);
      found ||= rows.length > 0;
      remaining -= rows.length;
      if (rows.length < limit) break;
      const last = BigInt(rows[rows.length - 1]!.revision);
      cursor = backwards ? last - 1n : last + 1n;
    }
    // Only a read that found nothing asks whether the stream exists: loading an aggregate, the common
    // case, costs one query.
    if (!found && (await this.currentRevision(streamId)) === undefined) throw new StreamNotFound(streamId);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(READ_PAGE, remaining);
      const { events, readTo } = await this.readPage(after, options.filter, limit);
      yield* events;
      remaining -= events.length;
      if (events.length < limit || readTo === undefined) return;
      after = readTo;
    }
  }

  private async readPage(
    after: GlobalPosition | undefined,
    filter: EventFilter | undefined,
    limit: number,
  ): Promise<ReadPage> {
    const { rows } = await this.pool.query<PageRow>(ALL_PAGE, [
      (after ?? 0n).toString(),
      nonEmpty(filter?.streamPrefixes),
      nonEmpty(filter?.eventTypes),
      limit,
    ]);
    const events = rows.filter((row): row is EventRow & PageRow => row.position !== null).map(toRecorded);
    if (events.length === limit) return { events, readTo: events[limit - 1]!.position };
    const head = rows[0]?.head;
    return { events, readTo: head === undefined || head === null ? undefined : BigInt(head) };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription = catchUpSubscription(
      {
        // A subscription outlives a restart of the server: it reads again once the server is back.
        readPage: (after, filter, limit) =>
          this.tracked(
            retryWhileTransient(
              () => this.readPage(after, filter, limit),
              () => this.closed,
              (error) => this.onListenerError(error),
            ),
          ),
        onAppended: (listener) => this.listener.listen(listener),
      },
      options,
    );
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      pages: () => subscription.pages(),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  private tracked<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const settled = () => void this.inFlight.delete(work);
    work.then(settled, settled);
    return work;
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      'SELECT max(position)::text AS position FROM event_store.events',
    );
    const position = rows[0]?.position;
    return position == null ? undefined : BigInt(position);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    await Promise.allSettled([...this.inFlight]);
    this.listener.stop();
    await this.pool.end();
  }
}
