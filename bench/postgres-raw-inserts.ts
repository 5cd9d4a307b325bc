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
