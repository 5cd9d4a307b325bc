/**
 * A real crash: the relay runs in a child process and is SIGKILLed while it publishes, several
 * times, then restarted. Checkpoint-after-ack means that nothing up to the checkpoint left at a crash
 * is missing from the topic, and that only the batch in flight at a crash can arrive twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import type { GlobalPosition } from '@redtape/event-store';
import { eventually } from '@redtape/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as pace } from 'node:timers/promises';
import { topicFor } from './cloud-event.js';
import { ensureRelayTables, readRelayCheckpoint } from './relay-tables.js';
import { checkDelivery, storedEvents } from './testing/delivery.js';
import { KafkaBroker } from './testing/kafka-broker.js';
import { startRelayProcess, type RelayChild } from './testing/relay-child.js';
import { CASE_PREFIX, appendInterleaved, uniqueContext } from './testing/test-contract.js';
import { TemporaryStores } from './testing/temporary-stores.js';
import { TopicReader, createTopic } from './testing/topic-reader.js';

const FILTER = { streamPrefixes: [CASE_PREFIX] };
const WAIT_MS = 60_000;
const TOTAL = 3000;
const BATCH_SIZE = 25;
const CRASHES = 5;

let broker: KafkaBroker;
let stores: TemporaryStores;
let children: RelayChild[];
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
  children = [];
});

afterEach(async () => {
  await writing.catch(() => undefined);
  for (const child of children) await child.kill();
  await reader?.stop();
  await stores.dispose();
}, 60_000);

it('loses nothing and keeps each stream in order when the relay process is SIGKILLed mid-stream again and again', async () => {
  const context = uniqueContext('crash');
  const topic = topicFor(context);
  await createTopic(broker.brokers, topic, 4);
  reader = await TopicReader.start(broker.brokers, topic);
  const settings = {
    eventsFile: stores.eventsFile,
    dbFile: stores.dbFile,
    brokers: broker.brokers,
    context,
    // The same replica coming back: it takes its own lease again without waiting for it to expire.
    holder: 'replica-1',
    batchSize: BATCH_SIZE,
    leaseMs: 5000,
  };
  await ensureRelayTables(stores.db);
  const checkpoint = () => readRelayCheckpoint(stores.db, topic);
  // The writer keeps appending (paced, for several seconds) while the relay publishes, is killed
  // and comes back.
  let appending = true;
  writing = appendInterleaved(
    stores.store,
    Array.from({ length: 30 }, () => `${CASE_PREFIX}${randomUUID()}`),
    TOTAL,
    { onAppend: () => pace(5) },
  ).finally(() => (appending = false));

  const crashCheckpoints: (GlobalPosition | undefined)[] = [];
  let crashesWhileAppending = 0;
  for (let crash = 0; crash < CRASHES; crash++) {
    const from = (await checkpoint()) ?? 0n;
    const child = await startRelayProcess(settings);
    children.push(child);
    // Somewhere in the middle of a stretch of batches, not on a batch boundary of our choosing.
    const step = BigInt(60 + Math.floor(Math.random() * 250));
    await eventually(
      async () => ((await checkpoint()) ?? 0n) >= from + step,
      WAIT_MS,
      `the relay to publish ${step} events after position ${from}`,
    );
    if (appending) crashesWhileAppending++;
    await child.kill();
    const at = await checkpoint();
    crashCheckpoints.push(at);

    // Everything up to the checkpoint the dead relay left is in the topic already.
    await eventually(() => reader!.caughtUp(), WAIT_MS, 'the reader to reach the end of the topic');
    const ids = reader.ids;
    const checkpointed = (await storedEvents(stores.store, FILTER)).filter(
      (event) => at !== undefined && event.position <= at,
    );
    expect(checkpointed.filter((event) => !ids.has(event.id))).toEqual([]);
  }

  await writing;
  const last = await startRelayProcess(settings);
  children.push(last);
  const head = await stores.store.headPosition();
  await eventually(async () => ((await checkpoint()) ?? 0n) >= head!, WAIT_MS, 'the relay to catch up');
  await eventually(
    () => reader!.ids.size >= TOTAL && reader!.caughtUp(),
    WAIT_MS,
    `all ${TOTAL} events in the topic`,
  );
  await last.terminate();

  const stored = await storedEvents(stores.store, FILTER);
  const report = checkDelivery(reader.messages, stored);
  expect({ ...report, duplicates: [] }).toEqual({
    missing: [],
    duplicates: [],
    outOfOrder: [],
    splitKeys: [],
    unknown: [],
  });
  // Repeats are only events that were in flight at a crash: the one batch after its checkpoint.
  const inFlight = new Set(
    crashCheckpoints.flatMap((at) =>
      stored
        .filter((event) => at === undefined || event.position > at)
        .slice(0, BATCH_SIZE)
        .map((event) => event.id),
    ),
  );
  expect(report.duplicates.filter((message) => !inFlight.has(message.event.id))).toEqual([]);
  expect(report.duplicates.length).toBeLessThanOrEqual(CRASHES * BATCH_SIZE);
  expect(crashesWhileAppending).toBeGreaterThan(0);
}, 300_000);
