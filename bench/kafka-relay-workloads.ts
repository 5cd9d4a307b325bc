import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { KafkaRelay, toKafkaRecord, type IntegrationContract, type KafkaRecord } from '@redtape/kafka-relay';
import { createTopic } from '@redtape/kafka-relay/testing';
import { openSqliteReadModels } from '@redtape/projections';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { appendsInTurn } from './adapter-workloads.js';
import { monotonicMs } from './clock.js';

const STREAM_PREFIX = 'article';
// The broker's default (infra/kafka/start.sh), created up front so that neither timing includes it.
const PARTITIONS = 3;
const WAIT_TIMEOUT_MS = 300_000;

export interface KafkaRelayPlan {
  readonly rounds: number;
  readonly events: number;
  readonly batchSize: number;
  readonly streams: number;
  readonly eventsPerAppend: number;
}

/** A context name no earlier round used, so that its topic is new and empty. */
export function freshContext(): string {
  return `bench-${randomUUID().slice(0, 8)}`;
}

export function benchContract(context: string): IntegrationContract {
  return {
    context,
    filter: { streamPrefixes: [`${STREAM_PREFIX}-`] },
    catalog: { ArticleAmended: { version: 1, map: ({ data }) => ({ ...data }) } },
  };
}

/** Appends the events over the streams in turn, a few per append, so that each batch mixes keys. */
export async function fillStore(store: EventStore, plan: KafkaRelayPlan): Promise<void> {
  const { append } = appendsInTurn(store, STREAM_PREFIX, plan.streams, plan.eventsPerAppend);
  for (let appended = 0; appended < plan.events;) appended += await append();
}

/**
 * The messages the relay sends for the store's events, byte for byte, so that the baseline sends the
 * same; and the head of the log, which the relay must reach.
 */
export async function publishedForm(
  store: EventStore,
  context: string,
): Promise<{ records: KafkaRecord[]; head: GlobalPosition }> {
  const contract = benchContract(context);
  const records: KafkaRecord[] = [];
  let head: GlobalPosition | undefined;
  for await (const event of store.readAll()) {
    records.push(toKafkaRecord(event, contract));
    head = event.position;
  }
  if (head === undefined) throw new Error('the event store is empty');
  return { records, head };
}

/**
 * The baseline: a bare kafkajs producer set up as the relay's (idempotent, acks from all, one request
 * in flight) sends the records in batches, one awaited `send` each. Returns messages/s, connecting
 * included as the relay's figure includes it.
 */
export async function rawProducerRate(
  brokers: readonly string[],
  records: readonly KafkaRecord[],
  batchSize: number,
): Promise<number> {
  const topic = `redtape.bench-raw-${randomUUID().slice(0, 8)}.events.v1`;
  await createTopic(brokers, topic, PARTITIONS);
  const kafka = new Kafka({
    clientId: 'redtape-bench-raw',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const start = monotonicMs();
  await producer.connect();
  try {
    for (let from = 0; from < records.length; from += batchSize) {
      const messages = records.slice(from, from + batchSize).map((record) => ({ ...record }));
      await producer.send({ topic, acks: -1, messages });
    }
    return records.length / ((monotonicMs() - start) / 1000);
  } finally {
    await producer.disconnect();
  }
}

/** Starts a relay on a fresh read-model database and topic; returns events/s until it reaches `head`. */
export async function relayRate(
  brokers: readonly string[],
  store: EventStore,
  head: GlobalPosition,
  options: {
    readonly context: string;
    readonly dbFile: string;
    readonly batchSize: number;
    readonly events: number;
  },
): Promise<number> {
  const db = openSqliteReadModels(options.dbFile);
  const relay = new KafkaRelay({
    ...benchContract(options.context),
    store,
    db,
    brokers,
    clientId: 'redtape-bench-relay',
    batchSize: options.batchSize,
    topic: { create: false },
  });
  await createTopic(brokers, relay.topic, PARTITIONS);
  try {
    const start = monotonicMs();
    await relay.start();
    await relay.waitForPosition(head, WAIT_TIMEOUT_MS);
    return options.events / ((monotonicMs() - start) / 1000);
  } finally {
    await relay.stop();
    await db.destroy();
  }
}
