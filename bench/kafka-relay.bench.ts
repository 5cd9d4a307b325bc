/**
 * The Kafka relay's throughput against a bare kafkajs producer sending the same messages the same way
 * (batches of 100, acks from all, idempotent, one request in flight), both against one real broker
 * started for the run. Prints a markdown table and writes every figure to reports/bench/. Reports;
 * asserts nothing. Skipped, loudly, where Java (which the broker needs) is missing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { KafkaBroker } from '@redtape/kafka-relay/testing';
import { createBenchFolder, removeBenchFolder } from './bench-folder.js';
import { describeEnvironment, type Environment } from './environment.js';
import {
  fillStore,
  freshContext,
  publishedForm,
  rawProducerRate,
  relayRate,
  type KafkaRelayPlan,
} from './kafka-relay-workloads.js';
import { markdownTable } from './markdown-table.js';
import { writeReport } from './report-file.js';
import { ratio, throughput, type Ratio, type Throughput } from './results.js';
import { RESULT_COLUMNS, ratioCell, throughputRow } from './results-table.js';

const PLAN: KafkaRelayPlan = { rounds: 3, events: 20_000, batchSize: 100, streams: 100, eventsPerAppend: 20 };

interface KafkaRelayResults {
  readonly environment: Environment;
  readonly plan: KafkaRelayPlan;
  readonly throughput: { readonly rawProducer: Throughput; readonly relay: Throughput };
  readonly ratios: { readonly relayToRawProducer: Ratio };
}

async function run(broker: KafkaBroker, folder: string, startedAt: Date): Promise<KafkaRelayResults> {
  const environment = describeEnvironment(folder, startedAt);
  const store = SqliteEventStore.open(join(folder, 'events.db'));
  try {
    console.log(`Appending ${PLAN.events.toLocaleString('en-US')} events to the event store…`);
    await fillStore(store, PLAN);
    const { records, head } = await publishedForm(store, freshContext());
    const rawRates: number[] = [];
    const relayRates: number[] = [];
    // Interleaved, each round on fresh topics, so that a slow spell of the broker or the disk weighs on both.
    for (let round = 1; round <= PLAN.rounds; round++) {
      console.log(`Round ${round} of ${PLAN.rounds}: raw producer, then relay…`);
      rawRates.push(await rawProducerRate(broker.brokers, records, PLAN.batchSize));
      relayRates.push(
        await relayRate(broker.brokers, store, head, {
          context: freshContext(),
          dbFile: join(folder, `read-models-${round}.db`),
          batchSize: PLAN.batchSize,
          events: records.length,
        }),
      );
    }
    const rawProducer = throughput('messages/s', rawRates);
    const relay = throughput('events/s', relayRates);
    return {
      environment,
      plan: PLAN,
      throughput: { rawProducer, relay },
      ratios: { relayToRawProducer: ratio(relay, rawProducer, 0.7) },
    };
  } finally {
    await store.close();
  }
}

function resultsTable({ throughput: rates, ratios, plan }: KafkaRelayResults): string {
  const batch = `batches of ${plan.batchSize}, acks all, idempotent`;
  return markdownTable(RESULT_COLUMNS, [
    throughputRow(`raw kafkajs producer, ${batch}`, rates.rawProducer),
    throughputRow(
      `KafkaRelay from SQLite to Kafka, ${batch}`,
      rates.relay,
      ratioCell(ratios.relayToRawProducer, 'raw producer'),
    ),
  ]);
}

if (spawnSync('java', ['-version']).error) {
  console.log('\n!!! KAFKA RELAY BENCH SKIPPED: `java` is not on PATH, and the Kafka broker needs it. !!!\n');
  process.exit(0);
}

const startedAt = new Date();
const folder = createBenchFolder();
console.log('Starting a Kafka broker…');
const broker = await KafkaBroker.start().catch((error: unknown) => {
  removeBenchFolder(folder);
  throw error;
});
// The broker runs detached (setsid): Ctrl-C would otherwise leave it behind.
process.once('SIGINT', () => {
  void broker.dispose().finally(() => {
    removeBenchFolder(folder);
    process.exit(130);
  });
});
try {
  console.log(`Benchmarking the Kafka relay against ${broker.brokers.join(', ')}, store in ${folder}…`);
  const results = await run(broker, folder, startedAt);
  console.log(`\n${resultsTable(results)}\n`);
  console.log('Target: the relay ≥ 0.7 × the raw producer.');
  console.log(`Full results: ${writeReport('kafka-relay', results)}`);
} finally {
  await broker.dispose();
  removeBenchFolder(folder);
}
