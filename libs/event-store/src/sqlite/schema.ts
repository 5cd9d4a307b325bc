import type Database from 'better-sqlite3';

const SYNCHRONOUS_FULL = 2n;

/**
 * Durability settings shared by the adapter and the raw baseline of the benchmark, so that the two
 * are compared on equal terms.
 */
export function applyDurablePragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 15000');
  const synchronous = db.pragma('synchronous', { simple: true }) as bigint | number;
  if (BigInt(synchronous) !== SYNCHRONOUS_FULL)
    throw new Error(
      `SQLite refused synchronous=FULL (got ${String(synchronous)}); appends would not be durable`,
    );
  const journalMode = db.pragma('journal_mode', { simple: true });
  if (journalMode !== 'wal') throw new Error(`SQLite refused WAL journal mode (got ${String(journalMode)})`);
}

/**
 * Layout version 1. Event ids are unique per stream, through an index whose keys start with the
 * stream: a batch for one stream then touches a few index pages instead of one random page per event
 * (a global index on random UUIDs made 100-event appends cost about ten times more page writes).
 * Ids derive from stream and command, so they do not collide across streams.
 */
const LAYOUT_VERSION = 2n;

export function createEventsSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY,
      event_id    TEXT    NOT NULL,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at INTEGER NOT NULL,
      UNIQUE (stream_id, revision)
    ) STRICT;
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_event ON events (stream_id, event_id);
    CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
    -- Layout 2: by category (the stream id up to its first dash) and position, for filtered reads
    -- of the log; the expression must stay exactly as the adapter's queries write it.
    CREATE INDEX IF NOT EXISTS events_by_category
      ON events (substr(stream_id, 1, instr(stream_id, '-') - 1), position);
    -- History is sacred: the store itself refuses to rewrite or drop an event.
    CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `);
  // Files created before layout 1 keep their (stricter, slower) global unique index on event_id;
  // opening a file of layout 1 builds the category index once, which reads every event once.
  if (BigInt(db.pragma('user_version', { simple: true }) as bigint | number) < LAYOUT_VERSION)
    db.pragma(`user_version = ${LAYOUT_VERSION}`);
}
