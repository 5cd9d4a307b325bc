import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import type pg from 'pg';
import { inTransaction } from './transaction.js';

export const EVENT_STORE_SCHEMA = 'event_store';
/** Channel every append notifies at its commit, to wake subscribers in every process. */
export const APPENDED_CHANNEL = 'redtape_event_store_appended';

/**
 * Versioned layouts of the event store; a new version is a new entry, never an edit of a shipped one.
 * Version 1: positions are assigned under one store-wide lock (see PostgresEventStore), so a plain
 * bigint key is enough; event ids are unique per stream, as on every adapter; JSON is kept as the text
 * that was written (`json`, not `jsonb`), so an event reads back exactly as it was stored.
 */
const migrations: Record<string, Migration> = {
  '0001_events': {
    async up(db) {
      await sql`
        CREATE TABLE event_store.events (
          position    bigint      PRIMARY KEY,
          event_id    uuid        NOT NULL,
          stream_id   text        NOT NULL,
          revision    bigint      NOT NULL,
          type        text        NOT NULL,
          data        json        NOT NULL,
          metadata    json        NOT NULL,
          recorded_at timestamptz NOT NULL,
          CONSTRAINT events_stream_revision UNIQUE (stream_id, revision),
          CONSTRAINT events_stream_event_id UNIQUE (stream_id, event_id)
        )`.execute(db);
      await sql`CREATE INDEX events_by_type ON event_store.events (type, position)`.execute(db);
      // History is sacred: the store itself refuses to rewrite or drop an event.
      await sql`
        CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'events are append-only'; END $$`.execute(db);
      await sql`
        CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON event_store.events
        FOR EACH ROW EXECUTE FUNCTION event_store.refuse_change()`.execute(db);
      await sql`
        CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON event_store.events
        FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change()`.execute(db);
    },
  },
};

/** Brings the store's tables up to the newest layout; safe when several processes start at once. */
export async function migrateEventStore(pool: pg.Pool): Promise<void> {
  // Kysely's migrator creates its own tables before taking its lock, so the schema comes first, under
  // a lock of ours: two processes' CREATE SCHEMA IF NOT EXISTS can otherwise collide.
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [EVENT_STORE_SCHEMA]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${EVENT_STORE_SCHEMA}`);
  });
  // Not destroyed afterwards: that would end the pool the store goes on using.
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: EVENT_STORE_SCHEMA,
    migrationTableName: 'migrations',
    migrationLockTableName: 'migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error('migrating the PostgreSQL event store failed', { cause: error });
}
