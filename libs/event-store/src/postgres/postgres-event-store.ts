import pg from 'pg';
import {
  DuplicateEventId,
  StreamNotFound,
  assertExpectedRevision,
  assertValidEvents,
  assertValidExpectedRevision,
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
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeToAllOptions,
  type Subscription,
} from '../port/index.js';
import { AppendListener } from './append-listener.js';
import { APPENDED_CHANNEL, migrateEventStore } from './schema.js';
import { inTransaction } from './transaction.js';

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

export interface PostgresEventStoreOptions {
  /** Connections in the pool; defaults to 10. */
  readonly poolSize?: number;
  /** Told when the connection that wakes subscribers fails; it reconnects by itself. */
  readonly onListenerError?: (error: Error) => void;
}

const READ_PAGE = 500;
/** Any constant works; it only has to be the same for every process sharing the database. */
const APPEND_LOCK = 'redtape.event_store.append';
const UNIQUE_VIOLATION = '23505';
// Text casts keep 64-bit numbers exact: pg hands bigint back as a string anyway, and says so here.
const COLUMNS = `position::text AS position, event_id::text AS event_id, stream_id,
  revision::text AS revision, type, data, metadata, recorded_at`;

const ALL_PAGE = `SELECT ${COLUMNS} FROM event_store.events
  WHERE position > $1
    AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(prefix) WHERE starts_with(stream_id, p.prefix)))
    AND ($3::text[] IS NULL OR type = ANY($3::text[]))
  ORDER BY events.position LIMIT $4`;

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
 * The event store on PostgreSQL. Every append takes one store-wide transaction lock before it assigns
 * positions and holds it until its commit. A reader can therefore never see position n+1 while n is
 * still to commit: with a plain sequence, concurrent transactions commit out of order, and a
 * subscriber that had read past a late-committing event would skip it for good. Serializing appends
 * costs write concurrency (KurrentDB has a single writer too) and buys a log that subscriptions can
 * trust with nothing but `position > checkpoint`. Subscribers wake through LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private readonly listener: AppendListener;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    connectionString: string,
    onListenerError: (error: Error) => void,
  ) {
    this.listener = new AppendListener(connectionString, onListenerError);
  }

  /** Connects and migrates the store's schema to the newest layout. */
  static async open(
    connectionString: string,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    const onListenerError =
      options.onListenerError ??
      ((error: Error) => process.emitWarning(`event store listener: ${error.message}`));
    // An idle pooled connection that the server drops must not crash the process; the next query reconnects.
    pool.on('error', onListenerError);
    // Also while checked out: a connection the server ends between two statements must not crash the
    // process; the statement that follows fails and the append reports it.
    pool.on('connect', (client) => client.on('error', onListenerError));
    try {
      await migrateEventStore(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, connectionString, onListenerError);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidStreamName(streamId);
    assertValidEvents(events);
    assertValidExpectedRevision(expected);
    const result = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [APPEND_LOCK]);
      const replayed = await this.alreadyAppended(client, streamId, events, expected);
      if (replayed) return { ...replayed, appended: false };
      const current = await this.currentRevision(client, streamId);
      assertExpectedRevision(streamId, expected, current);
      const position = await this.insert(client, streamId, (current ?? -1n) + 1n, events);
      // Delivered at commit, to every process listening.
      await client.query(`NOTIFY ${APPENDED_CHANNEL}`);
      const nextExpectedRevision = (current ?? -1n) + BigInt(events.length);
      return { nextExpectedRevision, position, appended: true };
    });
    if (result.appended) this.listener.notify();
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position };
  }

  /** One statement for the whole batch; positions continue the log without a gap. */
  private async insert(
    client: pg.PoolClient,
    streamId: string,
    firstRevision: StreamRevision,
    events: readonly NewEvent[],
  ): Promise<GlobalPosition> {
    try {
      const { rows } = await client.query<{ position: string }>(
        `INSERT INTO event_store.events
           (position, event_id, stream_id, revision, type, data, metadata, recorded_at)
         SELECT head.position + e.n, e.id, $1, $2::bigint + e.n - 1, e.type, e.data, e.metadata, $3
         FROM (SELECT coalesce(max(position), 0) AS position FROM event_store.events) AS head,
              unnest($4::uuid[], $5::text[], $6::json[], $7::json[])
                WITH ORDINALITY AS e(id, type, data, metadata, n)
         RETURNING position::text AS position`,
        [
          streamId,
          firstRevision.toString(),
          new Date(),
          events.map((event) => event.id.toLowerCase()),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata ?? {})),
        ],
      );
      return rows.reduce((last, row) => (BigInt(row.position) > last ? BigInt(row.position) : last), 0n);
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_event_id'))
        throw new DuplicateEventId(await this.firstStoredId(streamId, events), streamId);
      throw error;
    }
  }

  /** Read outside the append's transaction, which the failed INSERT aborted. */
  private async firstStoredId(streamId: string, events: readonly NewEvent[]): Promise<string> {
    const ids = events.map((event) => event.id.toLowerCase());
    const { rows } = await this.pool.query<{ event_id: string }>(
      'SELECT event_id::text AS event_id FROM event_store.events WHERE stream_id = $1 AND event_id = ANY($2::uuid[])',
      [streamId, ids],
    );
    const stored = new Set(rows.map((row) => row.event_id));
    return events.find((event) => stored.has(event.id.toLowerCase()))?.id ?? events[0]!.id;
  }

  private async currentRevision(
    client: pg.ClientBase | pg.Pool,
    streamId: string,
  ): Promise<StreamRevision | undefined> {
    const { rows } = await client.query<{ revision: string | null }>(
      'SELECT max(revision)::text AS revision FROM event_store.events WHERE stream_id = $1',
      [streamId],
    );
    const revision = rows[0]?.revision;
    return revision == null ? undefined : BigInt(revision);
  }

  /** Idempotent append: see `repeatedAppend`. */
  private async alreadyAppended(
    client: pg.PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    const { rows } = await client.query<{ event_id: string; revision: string; position: string }>(
      `SELECT event_id::text AS event_id, revision::text AS revision, position::text AS position
       FROM event_store.events
       WHERE stream_id = $1
         AND revision >= (SELECT revision FROM event_store.events WHERE stream_id = $1 AND event_id = $2::uuid)
       ORDER BY events.revision LIMIT $3`,
      [streamId, events[0]!.id.toLowerCase(), events.length],
    );
    const stored = rows.map((row) => ({
      eventId: row.event_id,
      revision: BigInt(row.revision),
      position: BigInt(row.position),
    }));
    return repeatedAppend(streamId, events, expected, stored.length > 0 ? stored : undefined);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    assertValidStreamName(streamId);
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const current = await this.currentRevision(this.pool, streamId);
    if (current === undefined) throw new StreamNotFound(streamId);
    const query = backwards
      ? `SELECT ${COLUMNS} FROM event_store.events WHERE stream_id = $1 AND revision <= $2 ORDER BY events.revision DESC LIMIT $3`
      : `SELECT ${COLUMNS} FROM event_store.events WHERE stream_id = $1 AND revision >= $2 ORDER BY events.revision ASC LIMIT $3`;
    let cursor: bigint = from === 'start' ? 0n : from === 'end' ? current : from;
    while (remaining > 0 && cursor >= 0n) {
      const limit = Math.min(READ_PAGE, remaining);
      const { rows } = await this.pool.query<EventRow>(query, [streamId, cursor.toString(), limit]);
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = BigInt(rows[rows.length - 1]!.revision);
      cursor = backwards ? last - 1n : last + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(READ_PAGE, remaining);
      const page = await this.readPage(after, options.filter, limit);
      for (const event of page) yield event;
      remaining -= page.length;
      if (page.length < limit) return;
      after = page[page.length - 1]!.position;
    }
  }

  private async readPage(
    after: GlobalPosition | undefined,
    filter: EventFilter | undefined,
    limit: number,
  ): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(ALL_PAGE, [
      (after ?? 0n).toString(),
      nonEmpty(filter?.streamPrefixes),
      nonEmpty(filter?.eventTypes),
      limit,
    ]);
    return rows.map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return catchUpSubscription(
      {
        readPage: (after, filter, limit) => this.readPage(after, filter, limit),
        onAppended: (listener) => this.listener.listen(listener),
      },
      options,
    );
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
    this.listener.stop();
    await this.pool.end();
  }
}
