/**
 * `npm run bench`: the SQLite event store's throughput against raw better-sqlite3 inserts, its read
 * speed and its subscription latency, all measured in one run on one file system. Prints a markdown
 * table and writes every figure to reports/bench/. Reports; asserts nothing.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { appendsInTurn, readWholeLog, readWholeStream } from './adapter-workloads.js';
import { createBenchFolder, removeBenchFolder } from './bench-folder.js';
import { describeEnvironment } from './environment.js';
import { openRawInserts } from './raw-inserts.js';
import { writeReport } from './report-file.js';
import { latency, ratio, throughput, type BenchPlan, type BenchResults } from './results.js';
import { resultsTable } from './results-table.js';
import { measureRounds } from './rounds.js';
import { latencyFromSameProcess, latencyFromSeparateProcess } from './subscription-latency.js';

// Sized so that the whole run stays well under two minutes on a 2-core machine; many short rounds
// rather than a few long ones, so that the interleaved workloads share the disk's passing moods.
const PLAN: BenchPlan = {
  warmUpMs: 500,
  rounds: 9,
  roundMs: 800,
  singleAppendStreams: 100,
  batchSize: 100,
  batchStreams: 10,
  latency: { maxSamples: 200, timeBoxMs: 15_000 },
};

async function measureWrites(folder: string, store: SqliteEventStore) {
  const raw = openRawInserts(join(folder, 'raw-inserts.db'));
  const single = appendsInTurn(store, 'single', PLAN.singleAppendStreams, 1);
  const batch = appendsInTurn(store, 'batch', PLAN.batchStreams, PLAN.batchSize);
  try {
    const rates = await measureRounds(
      { rawInserts: raw.insertOneRow, singleEventAppends: single.append, batchAppends: batch.append },
      PLAN,
    );
    return { rates, longStreamId: batch.streamIds[0]! };
  } finally {
    raw.close();
  }
}

async function run(folder: string, startedAt: Date): Promise<BenchResults> {
  const environment = describeEnvironment(folder, startedAt);
  console.log(`Benchmarking the SQLite event store in ${folder} (${environment.fileSystem})…`);
  const file = join(folder, 'events.db');
  const store = SqliteEventStore.open(file);
  try {
    console.log('Appends and raw inserts, interleaved rounds…');
    const writes = await measureWrites(folder, store);
    console.log('Reads…');
    const readLog = readWholeLog(store);
    const readStream = readWholeStream(store, writes.longStreamId);
    const reads = await measureRounds({ globalLog: readLog, stream: readStream }, PLAN);
    const eventsInLog = await readLog();
    const eventsInStream = await readStream();
    console.log('Subscription latency…');
    const sameProcess = await latencyFromSameProcess(file, PLAN.latency);
    const separateProcess = await latencyFromSeparateProcess(file, PLAN.latency);

    const rawInserts = throughput('inserts/s', writes.rates.rawInserts);
    const singleEventAppends = throughput('appends/s', writes.rates.singleEventAppends);
    const batchAppends = throughput('events/s', writes.rates.batchAppends);
    return {
      environment,
      plan: PLAN,
      throughput: {
        rawInserts,
        singleEventAppends,
        batchAppends,
        globalLogRead: { ...throughput('events/s', reads.globalLog), eventsPerRead: eventsInLog },
        streamRead: { ...throughput('events/s', reads.stream), eventsPerRead: eventsInStream },
      },
      ratios: {
        singleEventAppendsToRawInserts: ratio(singleEventAppends, rawInserts, 0.7),
        // A single-event append carries one event, so its appends/s are its events/s.
        batchToSingleEventThroughput: ratio(batchAppends, singleEventAppends, 10),
      },
      subscriptionLatency: { sameProcess: latency(sameProcess), separateProcess: latency(separateProcess) },
    };
  } finally {
    await store.close();
  }
}

const startedAt = new Date();
const folder = createBenchFolder();
process.once('SIGINT', () => {
  removeBenchFolder(folder);
  process.exit(130);
});
try {
  const results = await run(folder, startedAt);
  console.log(`\n${resultsTable(results)}\n`);
  console.log(
    'Targets: 1-event appends ≥ 0.7 × raw inserts; batches ≥ 10 × 1-event; latency well under 100 ms.',
  );
  console.log(`Full results: ${writeReport('event-store', results)}`);
} finally {
  removeBenchFolder(folder);
}
