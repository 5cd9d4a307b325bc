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

export function createEventsSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY,
      event_id    TEXT    NOT NULL UNIQUE,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at INTEGER NOT NULL,
      UNIQUE (stream_id, revision)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
    -- History is sacred: the store itself refuses to rewrite or drop an event.
    CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `);
}
