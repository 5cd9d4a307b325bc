import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Step } from './rounds.js';
import { sampleEvent } from './sample-events.js';

const STREAM_COUNT = 100;

/**
 * The baseline: one plain INSERT per autocommit transaction into a table shaped like the adapter's
 * (same columns, constraints and index), on the same server. This is the ceiling a durable
 * single-event append can reach; `writers` of them run at once, each on its own connection.
 */
export async function openRawPostgresInserts(pool: pg.Pool): Promise<{ insertRows(writers: number): Step }> {
  await pool.query(`
    CREATE TABLE raw_events (
      position    bigserial   PRIMARY KEY,
      event_id    uuid        NOT NULL,
      stream_id   text        NOT NULL,
      revision    bigint      NOT NULL,
      type        text        NOT NULL,
      data        json        NOT NULL,
      metadata    json        NOT NULL,
      recorded_at timestamptz NOT NULL,
      UNIQUE (stream_id, revision),
      UNIQUE (stream_id, event_id)
    )`);
  await pool.query('CREATE INDEX raw_events_by_type ON raw_events (type, position)');
  let inserted = 0;
  const insertOne = async () => {
    const event = sampleEvent();
    const streamIndex = inserted % STREAM_COUNT;
    const revision = Math.floor(inserted / STREAM_COUNT);
    inserted += 1;
    await pool.query(
      `INSERT INTO raw_events (event_id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        event.id,
        // Writers running at once must not collide on (stream, revision).
        `raw-${streamIndex}-${randomUUID()}`,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        new Date(),
      ],
    );
  };
  return {
    insertRows: (writers) => async () => {
      await Promise.all(Array.from({ length: writers }, insertOne));
      return writers;
    },
  };
}

/**
 * The baseline of a batch append on PostgreSQL: `rows` rows in one transaction, one multi-row INSERT
 * into the table `openRawPostgresInserts` created (call it first), on one connection.
 */
export function rawPostgresTransactions(pool: pg.Pool, rows: number): Step {
  let batches = 0;
  return async () => {
    const streamId = `raw-batch-${batches++}-${randomUUID()}`;
    const values: unknown[] = [];
    const tuples = Array.from({ length: rows }, (_, revision) => {
      const event = sampleEvent();
      const at = values.length;
      values.push(
        event.id,
        streamId,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        new Date(),
      );
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`;
    });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO raw_events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES ${tuples.join(', ')}`,
        values,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    return rows;
  };
}
