/**
 * The PostgreSQL event store against raw INSERTs on the same server, measured in one run: one writer
 * at a time, then four at once (where the adapter's store-wide append lock costs what it costs), and
 * 100-event batches. Uses the server `npm test` would (REDTAPE_TEST_DATABASE_URL) or starts a
 * throwaway cluster with infra/postgres/start.sh. Prints a markdown table and writes every figure to
 * reports/bench/. Reports; asserts nothing.
 */
import { PostgresEventStore } from '@redtape/event-store/postgres';
import { temporaryPostgresDatabase } from '@redtape/testing/postgres';
import pg from 'pg';
import { appendsInTurn, concurrentAppends } from './adapter-workloads.js';
import { describeEnvironment, type Environment } from './environment.js';
import { markdownTable } from './markdown-table.js';
import { openRawPostgresInserts } from './postgres-raw-inserts.js';
import { writeReport } from './report-file.js';
import { ratio, throughput, type Ratio, type Throughput } from './results.js';
import { RESULT_COLUMNS, ratioCell, throughputRow } from './results-table.js';
import { measureRounds, type RoundsPlan } from './rounds.js';

const PLAN: RoundsPlan & { readonly writers: number; readonly batchSize: number } = {
  warmUpMs: 500,
  rounds: 7,
  roundMs: 800,
  writers: 4,
  batchSize: 100,
};

interface PostgresResults {
  readonly environment: Environment;
  readonly plan: typeof PLAN;
  readonly throughput: Record<'raw' | 'single' | 'rawConcurrent' | 'concurrent' | 'batch', Throughput>;
  readonly ratios: Record<'singleToRaw' | 'concurrentToRawConcurrent' | 'batchToSingle', Ratio>;
}

async function run(url: string, startedAt: Date): Promise<PostgresResults> {
  const environment = describeEnvironment(process.cwd(), startedAt);
  const pool = new pg.Pool({ connectionString: url, max: PLAN.writers });
  const store = await PostgresEventStore.open(url, { poolSize: PLAN.writers });
  try {
    const raw = await openRawPostgresInserts(pool);
    const steps = {
      raw: raw.insertRows(1),
      single: appendsInTurn(store, 'single', 100, 1).append,
      rawConcurrent: raw.insertRows(PLAN.writers),
      concurrent: concurrentAppends(store, PLAN.writers),
      batch: appendsInTurn(store, 'batch', 10, PLAN.batchSize).append,
    };
    console.log('Interleaved rounds of raw inserts and appends…');
    const rates = await measureRounds(steps, PLAN);
    const rows = {
      raw: throughput('inserts/s', rates.raw),
      single: throughput('appends/s', rates.single),
      rawConcurrent: throughput('inserts/s', rates.rawConcurrent),
      concurrent: throughput('appends/s', rates.concurrent),
      batch: throughput('events/s', rates.batch),
    };
    return {
      environment,
      plan: PLAN,
      throughput: rows,
      ratios: {
        singleToRaw: ratio(rows.single, rows.raw, 0.7),
        concurrentToRawConcurrent: ratio(rows.concurrent, rows.rawConcurrent, 0.5),
        batchToSingle: ratio(rows.batch, rows.single, 10),
      },
    };
  } finally {
    await store.close();
    await pool.end();
  }
}

function resultsTable({ throughput: rates, ratios }: PostgresResults): string {
  const writers = `${PLAN.writers} writers at once`;
  return markdownTable(RESULT_COLUMNS, [
    throughputRow('raw INSERT, autocommit, 1 writer', rates.raw),
    throughputRow('adapter append, 1 event, 1 writer', rates.single, ratioCell(ratios.singleToRaw, 'raw')),
    throughputRow(`raw INSERT, autocommit, ${writers}`, rates.rawConcurrent),
    throughputRow(
      `adapter append, 1 event, ${writers}`,
      rates.concurrent,
      ratioCell(ratios.concurrentToRawConcurrent, `raw, ${writers}`),
    ),
    throughputRow(
      `adapter append, ${PLAN.batchSize} events, 1 writer`,
      rates.batch,
      ratioCell(ratios.batchToSingle, '1-event appends'),
    ),
  ]);
}

const startedAt = new Date();
console.log('Finding or starting a PostgreSQL server…');
const database = await temporaryPostgresDatabase();
try {
  const results = await run(database.url, startedAt);
  console.log(`\n${resultsTable(results)}\n`);
  console.log(
    'Targets: 1-event appends ≥ 0.7 × raw; 4 concurrent writers ≥ 0.5 × raw (appends are serialized); batches ≥ 10 × 1-event.',
  );
  console.log(`Full results: ${writeReport('postgres-event-store', results)}`);
} finally {
  await database.drop();
}
