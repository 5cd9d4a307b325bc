import { applyDurablePragmas, createEventsSchema } from '@redtape/event-store/sqlite';
import Database from 'better-sqlite3';
import type { Step } from './rounds.js';
import { sampleEvent } from './sample-events.js';

const STREAM_COUNT = 100;

/**
 * A file with the adapter's events table and durability pragmas, and one plain INSERT of a sample
 * event at a stream and revision: what both baselines below run, one row at a time.
 */
function openEventsTable(file: string) {
  const db = new Database(file);
  applyDurablePragmas(db);
  createEventsSchema(db);
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSample = (streamId: string, revision: number) => {
    const event = sampleEvent();
    insert.run(
      event.id,
      streamId,
      revision,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      Date.now(),
    );
  };
  return { db, insertSample };
}

/**
 * The baseline: one plain INSERT per autocommit transaction into a table shaped like the adapter's,
 * with the same durability pragmas. This is the ceiling a durable single-event append can reach.
 */
export function openRawInserts(file: string): { insertOneRow: Step; close(): void } {
  const { db, insertSample } = openEventsTable(file);
  let inserted = 0;
  return {
    insertOneRow: () => {
      insertSample(`raw-${inserted % STREAM_COUNT}`, Math.floor(inserted / STREAM_COUNT));
      inserted += 1;
      return 1;
    },
    close: () => db.close(),
  };
}

/**
 * The baseline of a batch append: `rows` plain INSERTs in one transaction (one commit, one fsync),
 * same table and pragmas, one statement per row as the simplest client would write them, into
 * `streamCount` streams in turn as the adapter's workload writes (`appendsInTurn`). The streams
 * matter: a fresh stream per transaction ran twice as fast as streams that keep growing, whose
 * random event ids land all over their part of the (stream, event id) index.
 */
export function openRawTransactions(
  file: string,
  rows: number,
  streamCount: number,
): { insertRows: Step; close(): void } {
  const { db, insertSample } = openEventsTable(file);
  const nextRevisions = new Array<number>(streamCount).fill(0);
  let batches = 0;
  const transaction = db.transaction(() => {
    const stream = batches++ % streamCount;
    const first = nextRevisions[stream]!;
    nextRevisions[stream] = first + rows;
    for (let revision = first; revision < first + rows; revision++)
      insertSample(`raw-batch-${stream}`, revision);
  });
  return {
    insertRows: () => {
      transaction();
      return rows;
    },
    close: () => db.close(),
  };
}
