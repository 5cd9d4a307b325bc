import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DuplicateEventId,
  StreamNotFound,
  assertExpectedRevision,
  assertValidAppend,
  assertValidStreamName,
  catchUpSubscription,
  markedRepeated,
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
import { announceAppend, listenForAppends } from './append-notifier.js';
import { applyDurablePragmas, createEventsSchema } from './schema.js';

/** An append waiting for the group commit, and what became of it. */
interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
  outcome?: AppendResult & { appended: boolean };
  failure?: unknown;
}

interface EventRow {
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: bigint;
}

const READ_PAGE = 500;
const INSERT_CHUNK = 100;
const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    recordedAt: new Date(Number(row.recorded_at)),
  };
}

/**
 * A stream's category: its id up to the first dash (`procedure` of `procedure-…`). The events table
 * has an index on exactly this expression, so a filter by stream prefix seeks instead of scanning.
 */
const CATEGORY = `substr(stream_id, 1, instr(stream_id, '-') - 1)`;

function filterClause(filter: EventFilter | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0) {
    const terms = prefixes.map((prefix) => {
      const dash = prefix.indexOf('-');
      if (dash < 1) {
        params.push(prefix.length, prefix);
        return 'substr(stream_id, 1, ?) = ?';
      }
      params.push(prefix.slice(0, dash), prefix.length, prefix);
      return `(${CATEGORY} = ? AND substr(stream_id, 1, ?) = ?)`;
    });
    parts.push(`(${terms.join(' OR ')})`);
  }
  const types = filter?.eventTypes ?? [];
  if (types.length > 0) {
    parts.push(`type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}

/**
 * Checked by code, not `instanceof SqliteError`: the native addon keeps the error class of the first
 * copy of better-sqlite3 loaded in the process, which is not the class a second copy exports (as in
 * test runners with one module registry per file).
 */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/** Compiled once per connection: preparing on every append costs as much as the insert itself. */
function prepareStatements(db: Database.Database) {
  return {
    currentRevision: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?'),
    eventInStream: db.prepare('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?'),
    storedFrom: db.prepare(
      'SELECT event_id, revision, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    streamForwards: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    streamBackwards: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    head: db.prepare('SELECT max(position) AS position FROM events'),
  };
}

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, shared safely by
 * several processes because every append runs in a BEGIN IMMEDIATE transaction (one writer at a time,
 * the others wait up to the busy timeout). Positions are the table's rowid: single-writer commits make
 * them appear to readers strictly in order, so a catch-up subscription can never skip one.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly insertStatements = new Map<number, Database.Statement>();
  /** Global-log reads, prepared once per filter shape. */
  private readonly pageStatements = new Map<string, Database.Statement>();
  private readonly appendOne: (
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ) => AppendResult & { appended: boolean };
  private readonly appendGroup: (group: readonly QueuedAppend[]) => void;
  /** Appends waiting for the next group commit. */
  private queued: QueuedAppend[] = [];

  private constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.defaultSafeIntegers(true);
    applyDurablePragmas(this.db);
    createEventsSchema(this.db);
    this.statements = prepareStatements(this.db);
    // Within the group's transaction each append is a savepoint of its own: one that fails (a
    // revision conflict) rolls back alone, and the others still commit.
    this.appendOne = this.db.transaction(this.appendWithinTransaction.bind(this));
    this.appendGroup = this.db.transaction(this.appendEach.bind(this)).immediate;
  }

  static open(file: string): SqliteEventStore {
    return new SqliteEventStore(resolve(file));
  }

  /**
   * Appends wait for the turn of the event loop, then every append queued by then commits in one
   * transaction: one fsync for all, however many commands run at once. Each keeps its own
   * expected-revision check and its own result or error.
   */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events, expected);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queued.push({ streamId, events, expected, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    const group = this.queued;
    this.queued = [];
    try {
      this.appendGroup(group);
    } catch (error) {
      // The transaction itself failed (the file is locked beyond the busy timeout, the disk is full):
      // nothing of the group was stored.
      for (const append of group) append.reject(error);
      return;
    }
    if (group.some((append) => append.outcome?.appended)) announceAppend(this.file);
    for (const append of group)
      if (append.outcome) {
        const { appended, ...result } = append.outcome;
        append.resolve(appended ? result : markedRepeated(result));
      } else append.reject(append.failure);
  }

  private appendEach(group: readonly QueuedAppend[]): void {
    for (const append of group) {
      try {
        append.outcome = this.appendOne(append.streamId, append.events, append.expected);
      } catch (error) {
        append.failure = error;
      }
    }
  }

  private appendWithinTransaction(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): AppendResult & { appended: boolean } {
    const current = this.currentRevision(streamId);
    const replayed = this.alreadyAppended(streamId, events, expected);
    if (replayed) return { ...replayed, appended: false };
    assertExpectedRevision(streamId, expected, current);

    const recordedAt = BigInt(Date.now());
    const firstRevision = (current ?? -1n) + 1n;
    let position = 0n;
    for (let start = 0; start < events.length; start += INSERT_CHUNK) {
      const chunk = events.slice(start, start + INSERT_CHUNK);
      const values = chunk.flatMap((event, i) => [
        event.id.toLowerCase(),
        streamId,
        firstRevision + BigInt(start + i),
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata ?? {}),
        recordedAt,
      ]);
      try {
        position = BigInt(this.insertStatement(chunk.length).run(...values).lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DuplicateEventId(this.firstStoredId(streamId, chunk), streamId);
        throw error;
      }
    }
    const revision = firstRevision + BigInt(events.length) - 1n;
    return { nextExpectedRevision: revision, position, appended: true };
  }

  /** One multi-row INSERT per chunk: a statement per event costs a round trip into SQLite each. */
  private insertStatement(rows: number): Database.Statement {
    let statement = this.insertStatements.get(rows);
    if (!statement) {
      const tuples = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES ${tuples}`,
      );
      this.insertStatements.set(rows, statement);
    }
    return statement;
  }

  private firstStoredId(streamId: string, events: readonly NewEvent[]): string {
    const stored = events.find(
      (event) => this.statements.eventInStream.get(streamId, event.id.toLowerCase()) !== undefined,
    );
    return stored?.id ?? events[0]!.id;
  }

  private currentRevision(streamId: string): StreamRevision | undefined {
    const row = this.statements.currentRevision.get(streamId) as { revision: bigint | null } | undefined;
    return row?.revision ?? undefined;
  }

  /** Idempotent append: see `repeatedAppend`. */
  private alreadyAppended(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    const first = this.statements.eventInStream.get(streamId, events[0]!.id.toLowerCase()) as
      { revision: bigint } | undefined;
    const stored = first
      ? (
          this.statements.storedFrom.all(streamId, first.revision, events.length) as {
            event_id: string;
            revision: bigint;
            position: bigint;
          }[]
        ).map((row) => ({ eventId: row.event_id, revision: row.revision, position: row.position }))
      : undefined;
    return repeatedAppend(streamId, events, expected, stored);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    assertValidStreamName(streamId);
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    if (this.currentRevision(streamId) === undefined) throw new StreamNotFound(streamId);
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    let cursor: bigint = from === 'start' ? 0n : from === 'end' ? BigInt(Number.MAX_SAFE_INTEGER) : from;
    while (remaining > 0) {
      const limit = Math.min(READ_PAGE, remaining);
      const rows = statement.all(streamId, cursor, limit) as EventRow[];
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = rows[rows.length - 1]!.revision;
      cursor = backwards ? last - 1n : last + 1n;
      if (cursor < 0n) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(READ_PAGE, remaining);
      const { events, readTo } = this.readPage(after, options.filter, limit);
      yield* events;
      remaining -= events.length;
      if (events.length < limit || readTo === undefined) return;
      after = readTo;
    }
  }

  /**
   * Reads up to the head as it stands now, and says so: every position up to the head is committed
   * (one writer, positions in commit order), so the next read may start after it.
   */
  private readPage(
    after: GlobalPosition | undefined,
    filter: EventFilter | undefined,
    limit: number,
  ): ReadPage {
    const head = (this.statements.head.get() as { position: bigint | null }).position ?? undefined;
    if (head === undefined || (after !== undefined && head <= after)) return { events: [], readTo: head };
    const where = filterClause(filter);
    let statement = this.pageStatements.get(where.sql);
    if (!statement) {
      statement = this.db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ?${where.sql} ORDER BY position LIMIT ?`,
      );
      this.pageStatements.set(where.sql, statement);
    }
    const rows = statement.all(after ?? -1n, head, ...where.params, limit) as EventRow[];
    const events = rows.map(toRecorded);
    return { events, readTo: events.length === limit ? events[limit - 1]!.position : head };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return catchUpSubscription(
      {
        readPage: async (after, filter, limit) => this.readPage(after, filter, limit),
        onAppended: (listener) => listenForAppends(this.file, listener),
      },
      options,
    );
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const row = this.statements.head.get() as { position: bigint | null };
    return row.position ?? undefined;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
