import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import type pg from 'pg';
import { ensureSchema } from './pool.js';

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
  /**
   * Version 2: an append is one call of this function, so one round trip instead of seven. It takes
   * the store-wide lock, then (each statement of a volatile function reading afresh) the stream's
   * state, and inserts only when the expectation holds. The expectation rule is the port's
   * (`assertExpectedRevision`), mirrored here so that checking and writing share the lock; the
   * adapter re-runs the port's rule on the state returned, so the error it raises is the port's.
   */
  '0002_append_function': {
    async up(db) {
      await sql`
        CREATE FUNCTION event_store.append(
          p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data json[],
          p_metadata json[], p_recorded_at timestamptz)
        RETURNS TABLE (outcome text, current_revision bigint, last_position bigint,
                       known_ids text[], known_revisions bigint[], known_positions bigint[])
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          v_current bigint;
          v_first_known bigint;
          v_head bigint;
        BEGIN
          PERFORM pg_advisory_xact_lock(hashtext('redtape.event_store.append'));
          SELECT max(e.revision) INTO v_current FROM event_store.events e WHERE e.stream_id = p_stream;
          SELECT e.revision INTO v_first_known FROM event_store.events e
            WHERE e.stream_id = p_stream AND e.event_id = p_ids[1];
          IF v_first_known IS NOT NULL THEN
            RETURN QUERY
              SELECT 'known'::text, v_current, NULL::bigint, array_agg(k.event_id::text ORDER BY k.revision),
                     array_agg(k.revision ORDER BY k.revision), array_agg(k.position ORDER BY k.revision)
              FROM (SELECT e.event_id, e.revision, e.position FROM event_store.events e
                    WHERE e.stream_id = p_stream AND e.revision >= v_first_known
                    ORDER BY e.revision LIMIT cardinality(p_ids)) AS k;
            RETURN;
          END IF;
          IF NOT (p_expected = 'any'
                  OR (p_expected = 'no_stream' AND v_current IS NULL)
                  OR (p_expected = 'stream_exists' AND v_current IS NOT NULL)
                  OR (v_current IS NOT NULL AND p_expected = v_current::text)) THEN
            RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint, NULL::text[], NULL::bigint[], NULL::bigint[];
            RETURN;
          END IF;
          SELECT coalesce(max(e.position), 0) INTO v_head FROM event_store.events e;
          INSERT INTO event_store.events
            (position, event_id, stream_id, revision, type, data, metadata, recorded_at)
          SELECT v_head + x.n, x.id, p_stream, coalesce(v_current, -1) + x.n, x.type, x.data, x.metadata,
                 p_recorded_at
          FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS x(id, type, data, metadata, n);
          PERFORM pg_notify('${sql.raw(APPENDED_CHANNEL)}', '');
          RETURN QUERY SELECT 'appended'::text, coalesce(v_current, -1) + cardinality(p_ids),
                              v_head + cardinality(p_ids), NULL::text[], NULL::bigint[], NULL::bigint[];
        END $$`.execute(db);
    },
  },
  /**
   * Version 3: appends that arrive while another is committing go in one call and one transaction,
   * so they share the lock, the round trip and the commit's fsync; each is a subtransaction of its
   * own (a later event id already stored fails that append alone) with its own outcome.
   */
  '0003_append_group_function': {
    async up(db) {
      await sql`
        CREATE FUNCTION event_store.append_group(p_appends json, p_recorded_at timestamptz)
        RETURNS TABLE (ordinal integer, outcome text, current_revision bigint, last_position bigint,
                       known_ids text[], known_revisions bigint[], known_positions bigint[])
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          v_append json;
          v_ordinal integer := 0;
        BEGIN
          FOR v_append IN SELECT a FROM json_array_elements(p_appends) AS a LOOP
            v_ordinal := v_ordinal + 1;
            BEGIN
              RETURN QUERY
                SELECT v_ordinal, r.* FROM event_store.append(
                  v_append->>'stream', v_append->>'expected',
                  ARRAY(SELECT json_array_elements_text(v_append->'ids'))::uuid[],
                  ARRAY(SELECT json_array_elements_text(v_append->'types')),
                  ARRAY(SELECT json_array_elements(v_append->'data')),
                  ARRAY(SELECT json_array_elements(v_append->'metadata')),
                  p_recorded_at) AS r;
            EXCEPTION WHEN unique_violation THEN
              RETURN QUERY SELECT v_ordinal, 'duplicate'::text, NULL::bigint, NULL::bigint,
                                  NULL::text[], NULL::bigint[], NULL::bigint[];
            END;
          END LOOP;
        END $$`.execute(db);
    },
  },
};

/** Brings the store's tables up to the newest layout; safe when several processes start at once. */
export async function migrateEventStore(pool: pg.Pool): Promise<void> {
  // Kysely's migrator creates its own tables before taking its lock, so the schema comes first.
  await ensureSchema(pool, EVENT_STORE_SCHEMA);
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
