/**
 * The broker goes down while the relay publishes (infra/kafka/stop.sh) and comes back on the same
 * port with the same data (start.sh): the relay stalls, retries with backoff, and resumes by itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { eventually } from '@redtape/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as pace } from 'node:timers/promises';
import { KafkaRelay } from './kafka-relay.js';
import { readRelayCheckpoint } from './relay-tables.js';
import { checkDelivery, storedEvents } from './testing/delivery.js';
import { KafkaBroker } from './testing/kafka-broker.js';
import { CASE_PREFIX, appendInterleaved, testContract, uniqueContext } from './testing/test-contract.js';
import { TemporaryStores } from './testing/temporary-stores.js';
import { TopicReader, createTopic } from './testing/topic-reader.js';

const FILTER = { streamPrefixes: [CASE_PREFIX] };
const WAIT_MS = 60_000;
const TOTAL = 1500;

let broker: KafkaBroker;
let stores: TemporaryStores;
let relay: KafkaRelay | undefined;
let reader: TopicReader | undefined;
let writing: Promise<unknown> = Promise.resolve();

beforeAll(async () => {
  broker = await KafkaBroker.start();
}, 240_000);

afterAll(async () => {
  await broker?.dispose();
}, 60_000);

beforeEach(() => {
  stores = new TemporaryStores();
});

afterEach(async () => {
  await writing.catch(() => undefined);
  await relay?.stop();
  await reader?.stop();
  await stores.dispose();
}, 60_000);

it('stalls while the broker is down, never moves the checkpoint past what it acknowledged, and resumes by itself', async () => {
  const context = uniqueContext('outage');
  relay = new KafkaRelay({
    ...testContract(context),
    store: stores.store,
    db: stores.db,
    brokers: broker.brokers,
    clientId: 'kafka-relay-outage-spec',
    batchSize: 20,
    leaseMs: 5000,
    retry: { initialMs: 100, maxMs: 1000 },
  });
  const topic = relay.topic;
  await createTopic(broker.brokers, topic, 3);
  await relay.start();
  const checkpoint = () => readRelayCheckpoint(stores.db, topic);
  writing = appendInterleaved(
    stores.store,
    Array.from({ length: 12 }, () => `${CASE_PREFIX}${randomUUID()}`),
    TOTAL,
    { onAppend: () => pace(5) },
  );
  await eventually(async () => ((await checkpoint()) ?? 0n) >= 200n, WAIT_MS, 'the first 200 events out');

  await broker.stop();
  await eventually(() => relay?.status === 'stalled', WAIT_MS, 'the relay to stall');
  const stalledAt = await checkpoint();
  await writing;
  // Appends went on meanwhile; nothing was acknowledged, so the checkpoint stayed where it was.
  expect(await stores.store.headPosition()).toBeGreaterThan(stalledAt ?? 0n);
  expect(await checkpoint()).toBe(stalledAt);
  expect(relay.status).toBe('stalled');

  await broker.start();
  const head = await stores.store.headPosition();
  await relay.waitForPosition(head!, WAIT_MS);
  expect(relay.status).toBe('running');
  expect(relay.lastError).toBeUndefined();

  reader = await TopicReader.start(broker.brokers, topic);
  await eventually(
    () => reader!.ids.size >= TOTAL && reader!.caughtUp(),
    WAIT_MS,
    `all ${TOTAL} events in the topic`,
  );
  const report = checkDelivery(reader.messages, await storedEvents(stores.store, FILTER));
  expect({ ...report, duplicates: [] }).toEqual({
    missing: [],
    duplicates: [],
    outOfOrder: [],
    splitKeys: [],
    unknown: [],
  });
  // At most the batch in flight when the broker went away is sent twice.
  expect(report.duplicates.length).toBeLessThanOrEqual(20);
}, 300_000);
