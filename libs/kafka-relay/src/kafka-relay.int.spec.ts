/**
 * The relay against a real single-node Kafka broker (infra/kafka/start.sh), one per file. Every test
 * publishes to a context (so a topic) of its own.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { eventually } from '@redtape/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { KafkaRelay, type KafkaRelayOptions } from './kafka-relay.js';
import { UnmappedEventType } from './integration-events.js';
import { readRelayCheckpoint, readRelayLease } from './relay-tables.js';
import { replayToKafka, type ReplayProgress } from './replay.js';
import { checkDelivery, storedEvents } from './testing/delivery.js';
import { KafkaBroker } from './testing/kafka-broker.js';
import { startRelayProcess, type RelayChild } from './testing/relay-child.js';
import {
  CASE_PREFIX,
  appendInterleaved,
  appendNotes,
  testContract,
  testMetadata,
  uniqueContext,
} from './testing/test-contract.js';
import { TemporaryStores } from './testing/temporary-stores.js';
import { TopicReader, createTopic } from './testing/topic-reader.js';

const WAIT_MS = 30_000;
const FILTER = { streamPrefixes: [CASE_PREFIX] };

let broker: KafkaBroker;
let stores: TemporaryStores;
let relays: KafkaRelay[];
let readers: TopicReader[];
let children: RelayChild[];

beforeAll(async () => {
  broker = await KafkaBroker.start();
}, 240_000);

afterAll(async () => {
  await broker?.dispose();
}, 60_000);

beforeEach(() => {
  stores = new TemporaryStores();
  relays = [];
  readers = [];
  children = [];
});

afterEach(async () => {
  for (const child of children) await child.kill();
  for (const relay of relays) await relay.stop();
  for (const reader of readers) await reader.stop();
  await stores.dispose();
}, 60_000);

function relayFor(context: string, overrides: Partial<KafkaRelayOptions> = {}): KafkaRelay {
  const relay = new KafkaRelay({
    ...testContract(context),
    store: stores.store,
    db: stores.db,
    brokers: broker.brokers,
    clientId: 'kafka-relay-int-spec',
    ...overrides,
  });
  relays.push(relay);
  return relay;
}

async function readerOf(topic: string): Promise<TopicReader> {
  const reader = await TopicReader.start(broker.brokers, topic);
  readers.push(reader);
  return reader;
}

const streams = (count: number) => Array.from({ length: count }, () => `${CASE_PREFIX}${randomUUID()}`);

describe('KafkaRelay on a real broker', () => {
  it('publishes stored events as CloudEvents keyed by their stream, with every header, then checkpoints', async () => {
    const context = uniqueContext('roundtrip');
    const relay = relayFor(context, { topic: { numPartitions: 3 } });
    await relay.start();
    expect(relay.status).toBe('running');
    const streamId = `${CASE_PREFIX}${randomUUID()}`;
    const opened = {
      id: randomUUID(),
      type: 'CaseOpened',
      data: { title: 'Simplify the building permit', internalScore: 7 },
      metadata: testMetadata({ correlationId: 'corr-42', causationId: 'cause-42' }),
    };
    const { position } = await stores.store.appendToStream(streamId, [opened], 'no_stream');
    const other = await stores.store.appendToStream(`official-${randomUUID()}`, [opened], 'any');

    await relay.waitForPosition(position, WAIT_MS);
    // An event of another context counts as reached: the relay never publishes it.
    await relay.waitForPosition(other.position, WAIT_MS);
    const reader = await readerOf(relay.topic);
    await eventually(() => reader.messages.length >= 1 && reader.caughtUp(), WAIT_MS, 'the message');

    expect(reader.messages).toHaveLength(1);
    expect(reader.messages[0]?.event).toEqual({
      key: streamId,
      specversion: '1.0',
      id: opened.id,
      source: `/redtape/${context}`,
      type: `redtape.${context}.CaseOpened.v1`,
      time: '2025-03-01T08:30:00.000Z',
      subject: streamId,
      contentType: 'application/json',
      streamRevision: 0n,
      globalPosition: position,
      correlationId: 'corr-42',
      causationId: 'cause-42',
      data: {
        caseId: streamId.slice(CASE_PREFIX.length),
        title: 'Simplify the building permit',
        actor: { id: 'official-7', role: 'official', unitId: 'district/nookat' },
        reason: 'pilot stage 2',
        legalBasis: 'Resolution No. 10a',
        occurredAt: '2025-03-01T08:30:00.000Z',
      },
    });
    expect(relay.topic).toBe(`redtape.${context}.events.v1`);
    expect(await readRelayCheckpoint(stores.db, relay.topic)).toBe(position);
    expect(relay.published).toBe(1);
  }, 60_000);

  it('keeps the order of every stream across partitions (40 streams, 4 partitions, 1200 events)', async () => {
    const context = uniqueContext('order');
    const relay = relayFor(context, { batchSize: 50 });
    await createTopic(broker.brokers, relay.topic, 4);
    await relay.start();
    const head = await appendInterleaved(stores.store, streams(40), 1200);

    await relay.waitForPosition(head, WAIT_MS);
    const reader = await readerOf(relay.topic);
    await eventually(() => reader.messages.length >= 1200 && reader.caughtUp(), WAIT_MS, 'all 1200 messages');

    const report = checkDelivery(reader.messages, await storedEvents(stores.store, FILTER));
    expect(report).toEqual({ missing: [], duplicates: [], outOfOrder: [], splitKeys: [], unknown: [] });
    expect(new Set(reader.messages.map((message) => message.partition))).toEqual(new Set([0, 1, 2, 3]));
    expect(relay.published).toBe(1200);
  }, 90_000);

  it('stops at a stored event type without a mapping, after publishing and checkpointing those before it', async () => {
    const context = uniqueContext('unmapped');
    const relay = relayFor(context);
    const streamId = `${CASE_PREFIX}${randomUUID()}`;
    const before = await appendNotes(stores.store, streamId, 3);
    const archived = await stores.store.appendToStream(
      streamId,
      [{ id: randomUUID(), type: 'CaseArchived', data: {}, metadata: testMetadata() }],
      'any',
    );
    await appendNotes(stores.store, streamId, 2, 3);
    await relay.start();

    await expect(relay.done).rejects.toThrow(UnmappedEventType);
    expect(relay.status).toBe('failed');
    expect(relay.lastError).toMatchObject({ eventType: 'CaseArchived', position: archived.position });
    expect(await readRelayCheckpoint(stores.db, relay.topic)).toBe(before);
    const reader = await readerOf(relay.topic);
    await eventually(() => reader.messages.length >= 3 && reader.caughtUp(), WAIT_MS, 'the three notes');
    expect(reader.messages.map((message) => message.event.streamRevision)).toEqual([0n, 1n, 2n]);
  }, 60_000);

  it('lets only the lease holder publish; a standby takes over once the lease of a holder that died expires', async () => {
    const context = uniqueContext('lease');
    const leaseMs = 3000;
    const standby = relayFor(context, { holder: 'replica-b', leaseMs });
    await createTopic(broker.brokers, standby.topic, 3);
    const holder = await startRelayProcess({
      eventsFile: stores.eventsFile,
      dbFile: stores.dbFile,
      brokers: broker.brokers,
      context,
      holder: 'replica-a',
      batchSize: 20,
      leaseMs,
    });
    children.push(holder);
    await standby.start();
    expect(standby.status).toBe('standby');
    const keys = streams(10);

    const first = await appendInterleaved(stores.store, keys, 200);
    await standby.waitForPosition(first, WAIT_MS);
    expect(standby.status).toBe('standby');
    expect(standby.published).toBe(0);
    expect((await readRelayLease(stores.db, standby.topic))?.holder).toBe('replica-a');

    await holder.kill();
    const lease = await readRelayLease(stores.db, standby.topic);
    expect(lease?.holder).toBe('replica-a');
    await eventually(() => standby.status === 'running', leaseMs * 3, 'the standby to take over');
    expect(Date.now()).toBeGreaterThanOrEqual(lease?.expiresAt ?? Infinity);
    const second = await appendInterleaved(stores.store, keys, 200);
    await standby.waitForPosition(second, WAIT_MS);

    expect(standby.published).toBe(200);
    const reader = await readerOf(standby.topic);
    await eventually(() => reader.messages.length >= 400 && reader.caughtUp(), WAIT_MS, 'all 400 messages');
    const report = checkDelivery(reader.messages, await storedEvents(stores.store, FILTER));
    expect(report).toEqual({ missing: [], duplicates: [], outOfOrder: [], splitKeys: [], unknown: [] });
  }, 120_000);

  it('hands over at once when the holder stops and gives its lease up', async () => {
    const context = uniqueContext('handover');
    const leaseMs = 60_000;
    const first = relayFor(context, { holder: 'replica-a', leaseMs });
    const second = relayFor(context, { holder: 'replica-b', leaseMs });
    await first.start();
    await second.start();
    expect([first.status, second.status]).toEqual(['running', 'standby']);
    const keys = streams(5);
    const before = await appendInterleaved(stores.store, keys, 50);
    await first.waitForPosition(before, WAIT_MS);

    await first.stop();
    await eventually(
      () => second.status === 'running',
      WAIT_MS,
      'the standby to take over long before expiry',
    );
    const after = await appendInterleaved(stores.store, keys, 50);
    await second.waitForPosition(after, WAIT_MS);

    expect([first.published, second.published]).toEqual([50, 50]);
    const reader = await readerOf(second.topic);
    await eventually(() => reader.messages.length >= 100 && reader.caughtUp(), WAIT_MS, 'all 100 messages');
    const report = checkDelivery(reader.messages, await storedEvents(stores.store, FILTER));
    expect(report).toEqual({ missing: [], duplicates: [], outOfOrder: [], splitKeys: [], unknown: [] });
  }, 60_000);
});

describe('replayToKafka', () => {
  it('publishes a context again from a position, reporting progress, without touching the relay checkpoint', async () => {
    const context = uniqueContext('replay');
    const relay = relayFor(context);
    await createTopic(broker.brokers, relay.topic, 3);
    await relay.start();
    const keys = streams(4);
    const head = await appendInterleaved(stores.store, keys, 60);
    await relay.waitForPosition(head, WAIT_MS);
    await relay.stop();
    const stored = await storedEvents(stores.store, FILTER);
    const from = stored[40]!.position;
    const progress: ReplayProgress[] = [];

    const result = await replayToKafka({
      ...testContract(context),
      store: stores.store,
      brokers: broker.brokers,
      clientId: 'kafka-relay-replay-spec',
      from,
      batchSize: 7,
      onProgress: (report) => progress.push(report),
    });

    expect(result).toEqual({ topic: relay.topic, published: 20, lastPosition: head });
    expect(await readRelayCheckpoint(stores.db, relay.topic)).toBe(head);
    expect(progress.map((report) => report.published)).toEqual([0, 7, 14, 20, 20]);
    expect(progress.at(-1)).toMatchObject({ fraction: 1, position: head, from, until: head });
    const reader = await readerOf(relay.topic);
    await eventually(() => reader.messages.length >= 80 && reader.caughtUp(), WAIT_MS, 'all 80 messages');
    const report = checkDelivery(reader.messages, stored);
    expect(report.duplicates.map((message) => message.event.id).sort()).toEqual(
      stored
        .slice(40)
        .map((event) => event.id)
        .sort(),
    );
    expect({ ...report, duplicates: [] }).toEqual({
      missing: [],
      duplicates: [],
      outOfOrder: [],
      splitKeys: [],
      unknown: [],
    });
  }, 60_000);

  it('runs from the command line, drawing its progress on stderr', async () => {
    const context = uniqueContext('replay-cli');
    const head = await appendInterleaved(stores.store, streams(3), 30);
    const cli = fileURLToPath(new URL('./cli/replay.ts', import.meta.url));
    const contract = fileURLToPath(new URL('./testing/env-contract.ts', import.meta.url));

    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=@redtape/source',
        '--import',
        'tsx',
        cli,
        '--contract',
        contract,
        '--events',
        stores.eventsFile,
        '--brokers',
        broker.brokers.join(','),
        '--batch-size',
        '10',
      ],
      { env: { ...process.env, REDTAPE_TEST_CONTEXT: context } },
    );

    const topic = `redtape.${context}.events.v1`;
    expect(stdout).toBe(`replayed 30 events to ${topic}, the last at position ${head}\n`);
    expect(stderr).toContain(`100%  30 events  position ${head} of ${head}`);
    const reader = await readerOf(topic);
    await eventually(() => reader.messages.length >= 30 && reader.caughtUp(), WAIT_MS, 'the 30 messages');
    expect(reader.ids.size).toBe(30);
  }, 60_000);
});
