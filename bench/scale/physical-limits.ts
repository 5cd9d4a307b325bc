/**
 * The physical limits every ratio of the scale bench is read against, measured on the file system the
 * services run on: fsyncs per second, raw better-sqlite3 inserts (one per commit and 100 per commit,
 * synchronous=FULL as the adapter), raw `readAll` of the history itself (the whole log, and the
 * procedures' streams only), plain inserts of audit-trail rows (read-model-write-bound.ts); and group commit: the adapter's appends from 1 writer, from 16 at once,
 * and in 100-event batches, on a copy of the history.
 */
import type { EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { PROCEDURE_STREAMS } from '@redtape/procedures-domain';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { appendsInTurn, concurrentAppends, readWholeLog } from '../adapter-workloads.js';
import { openRawPostgresInserts, rawPostgresTransactions } from '../postgres-raw-inserts.js';
import { PostgresEventStore } from '@redtape/event-store/postgres';
import pg from 'pg';
import { monotonicMs } from '../clock.js';
import { openRawInserts, openRawTransactions } from '../raw-inserts.js';
import { openAuditRowInserts } from './read-model-write-bound.js';
import { ratio, throughput, type Ratio, type Throughput } from '../results.js';
import { measureRounds, type RoundsPlan, type Step } from '../rounds.js';

const WRITE_PLAN: RoundsPlan = { warmUpMs: 300, rounds: 5, roundMs: 600 };
/** One full read per round, whatever the size: the log is read at least once per round. */
const READ_PLAN: RoundsPlan = { warmUpMs: 0, rounds: 3, roundMs: 1 };
const CONCURRENT_WRITERS = 16;
const BATCH = 100;
/** Streams the 100-event appends go to in turn, the adapter's and the raw baseline's alike. */
const BATCH_STREAMS = 10;

export interface PhysicalLimits {
  readonly fsyncPerSecond: Throughput;
  readonly rawInserts: Throughput;
  readonly rawBatchTransactions: Throughput;
  readonly readAll: Throughput & { readonly events: number };
  readonly readAllProcedures: Throughput & { readonly events: number };
  /** SQLite only: plain inserts of audit-trail rows, the ceiling of a row-per-event projection. */
  readonly auditRowInserts?: Throughput;
}

export interface GroupCommit {
  readonly singleWriter: Throughput;
  readonly concurrentWriters: Throughput;
  readonly batchAppends: Throughput;
  readonly concurrentToSingle: Ratio;
  readonly batchToRawTransactions: Ratio;
  readonly singleToRawInserts: Ratio;
  /** PostgreSQL only: 4 writers at once, the adapter against raw INSERTs on 4 connections. */
  readonly fourWriters?: {
    readonly raw: Throughput;
    readonly adapter: Throughput;
    readonly adapterToRaw: Ratio;
  };
}

/** Small writes each followed by fsync, in one file: what a durable commit costs at least. */
function fsyncLoop(file: string): Step {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(512, 7);
  let offset = 0;
  process.once('exit', () => closeSync(fd));
  return () => {
    writeSync(fd, block, 0, block.length, offset);
    fsyncSync(fd);
    offset = (offset + block.length) % (1 << 20);
    return 1;
  };
}

async function count(events: AsyncIterable<unknown>): Promise<number> {
  let read = 0;
  for await (const _ of events) read += 1;
  return read;
}

/** Raw reads of the history as generated, before any write round appends to the copy. */
async function measureReads(store: EventStore) {
  const events = await count(store.readAll());
  const procedureEvents = await count(store.readAll({ filter: PROCEDURE_STREAMS }));
  const rounds = await measureRounds(
    { all: readWholeLog(store), procedures: () => count(store.readAll({ filter: PROCEDURE_STREAMS })) },
    READ_PLAN,
  );
  return {
    readAll: { ...throughput('events/s', rounds.all), events },
    readAllProcedures: { ...throughput('events/s', rounds.procedures), events: procedureEvents },
  };
}

/** The adapter's appends, measured on every store after the raw baselines of each round. */
function adapterAppendSteps(store: EventStore) {
  return {
    single: appendsInTurn(store, 'bench-single', 100, 1).append,
    concurrent: concurrentAppends(store, CONCURRENT_WRITERS, 'bench-concurrent'),
    batch: appendsInTurn(store, 'bench-batch', BATCH_STREAMS, BATCH).append,
  };
}

/** Limits and group-commit ratios from the rounds every store measures. */
function limitsAndGroupCommit(
  reads: Awaited<ReturnType<typeof measureReads>>,
  writes: Record<'fsync' | 'rawInserts' | 'rawBatch' | 'single' | 'concurrent' | 'batch', number[]>,
): { limits: PhysicalLimits; groupCommit: GroupCommit } {
  const rawInserts = throughput('inserts/s', writes.rawInserts);
  const rawBatchTransactions = throughput('rows/s', writes.rawBatch);
  const singleWriter = throughput('appends/s', writes.single);
  const concurrentWriters = throughput('appends/s', writes.concurrent);
  const batchAppends = throughput('events/s', writes.batch);
  return {
    limits: {
      fsyncPerSecond: throughput('fsync/s', writes.fsync),
      rawInserts,
      rawBatchTransactions,
      ...reads,
    },
    groupCommit: {
      singleWriter,
      concurrentWriters,
      batchAppends,
      concurrentToSingle: ratio(concurrentWriters, singleWriter, 3),
      batchToRawTransactions: ratio(batchAppends, rawBatchTransactions, 0.5),
      singleToRawInserts: ratio(singleWriter, rawInserts, 0.7),
    },
  };
}

export async function measurePhysicalLimits(
  folder: string,
  historyCopy: string,
): Promise<{ limits: PhysicalLimits; groupCommit: GroupCommit }> {
  const raw = openRawInserts(join(folder, 'raw-inserts.db'));
  const rawBatch = openRawTransactions(join(folder, 'raw-transactions.db'), BATCH, BATCH_STREAMS);
  const auditRows = await openAuditRowInserts(folder);
  const store = SqliteEventStore.open(historyCopy);
  try {
    const reads = await measureReads(store);
    const writes = await measureRounds(
      {
        fsync: fsyncLoop(join(folder, 'fsync.bin')),
        rawInserts: raw.insertOneRow,
        rawBatch: rawBatch.insertRows,
        auditRows: auditRows.insertRows,
        ...adapterAppendSteps(store),
      },
      WRITE_PLAN,
    );
    const { limits, groupCommit } = limitsAndGroupCommit(reads, writes);
    return { limits: { ...limits, auditRowInserts: throughput('rows/s', writes.auditRows) }, groupCommit };
  } finally {
    raw.close();
    rawBatch.close();
    auditRows.close();
    await store.close();
  }
}

/** The time one step takes, for things measured once (a copy, a start). */
export async function timed<T>(step: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const started = monotonicMs();
  const value = await step();
  return { value, seconds: (monotonicMs() - started) / 1000 };
}

/**
 * The same on PostgreSQL, on a copy of the history: raw INSERTs (1 and 4 connections, and 100 rows per
 * transaction) in a table shaped like the adapter's, against the adapter's appends; fsync/s of the
 * local file system the bench runs on.
 */
export async function measurePostgresLimits(
  folder: string,
  url: string,
): Promise<{ limits: PhysicalLimits; groupCommit: GroupCommit }> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const store = await PostgresEventStore.open(url, { poolSize: CONCURRENT_WRITERS });
  try {
    const reads = await measureReads(store);
    const raw = await openRawPostgresInserts(pool);
    const writes = await measureRounds(
      {
        fsync: fsyncLoop(join(folder, 'fsync.bin')),
        rawInserts: raw.insertRows(1),
        rawFour: raw.insertRows(4),
        rawBatch: rawPostgresTransactions(pool, BATCH),
        ...adapterAppendSteps(store),
        four: concurrentAppends(store, 4, 'bench-four'),
      },
      WRITE_PLAN,
    );
    const { limits, groupCommit } = limitsAndGroupCommit(reads, writes);
    const rawFour = throughput('inserts/s', writes.rawFour);
    const four = throughput('appends/s', writes.four);
    return {
      limits,
      groupCommit: {
        ...groupCommit,
        fourWriters: { raw: rawFour, adapter: four, adapterToRaw: ratio(four, rawFour, 0.5) },
      },
    };
  } finally {
    await store.close();
    await pool.end();
  }
}
