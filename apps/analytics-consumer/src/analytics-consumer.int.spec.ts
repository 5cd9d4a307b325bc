/**
 * The consumer against a real single-node Kafka broker (infra/kafka/start.sh), one for this file, and
 * real SQLite files. Every test has topics, a group and a database of its own; messages are the
 * relay's own mapping of domain events.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { KafkaBroker } from '@redtape/kafka-relay/testing';
import { eventually } from '@redtape/testing';
import type { Producer } from 'kafkajs';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { AnalyticsDb } from './db/tables.js';
import { AnalyticsConsumer } from './kafka/analytics-consumer.js';
import { PINO_LEVEL, capturedLogger, type LogLine } from './testing/captured-logger.js';
import {
  committedOffsets,
  createTestTopics,
  forgetCommittedOffsets,
  groupCaughtUp,
  publish,
  publishRaw,
  startProducer,
  type TopicsByContext,
} from './testing/kafka-fixtures.js';
import { RelayedHistory, issuance, registration, type RelayedMessage } from './testing/relayed-events.js';
import { TemporaryDb } from './testing/temporary-db.js';

const WAIT_MS = 60_000;
// Joining a group, a restart and kafkajs' retries before it gives up take seconds each on a busy machine.
const TEST_MS = 180_000;
const DAY_1 = '2026-02-10T09:00:00.000Z';
const DAY_2 = '2026-02-11T09:00:00.000Z';

let broker: KafkaBroker;
let producer: Producer;
let temporary: TemporaryDb;
let topics: TopicsByContext;
let groupId: string;
let history: RelayedHistory;
let running: AnalyticsConsumer[];

beforeAll(async () => {
  broker = await KafkaBroker.start();
  producer = await startProducer(broker.brokers);
}, 240_000);

afterAll(async () => {
  await producer?.disconnect();
  await broker?.dispose();
}, 60_000);

beforeEach(async () => {
  temporary = new TemporaryDb();
  topics = await createTestTopics(broker.brokers, 'analytics');
  groupId = `analytics-test-${randomUUID()}`;
  history = new RelayedHistory();
  running = [];
}, 60_000);

afterEach(async () => {
  for (const consumer of running) await consumer.stop();
  await temporary.dispose();
}, 60_000);

/**
 * A consumer of the test's topics and group, as a process would run it, with its own database handle.
 * `onRead` runs where the consumer reads its clock, once per message right before the message's
 * transaction, so a test can act at an exact message.
 */
async function startConsumer(
  onRead?: (consumer: AnalyticsConsumer) => void,
): Promise<{ consumer: AnalyticsConsumer; db: AnalyticsDb; lines: LogLine[] }> {
  const db = await temporary.open();
  const { logger, lines } = capturedLogger();
  const consumer = new AnalyticsConsumer({
    brokers: broker.brokers,
    groupId,
    db,
    logger,
    topics: Object.values(topics),
    clientId: 'analytics-consumer-int-spec',
    now: () => {
      onRead?.(consumer);
      return new Date();
    },
  });
  await consumer.start();
  running.push(consumer);
  return { consumer, db, lines };
}

async function stopConsumer(consumer: AnalyticsConsumer): Promise<void> {
  running = running.filter((other) => other !== consumer);
  await consumer.stop();
}

/** Everything published so far was counted and its offsets committed. */
const caughtUp = () =>
  eventually(
    () => groupCaughtUp(broker.brokers, groupId, Object.values(topics)),
    WAIT_MS,
    'the group to commit every offset',
    { intervalMs: 250 },
  );

const send = (...messages: RelayedMessage[]) => publish(producer, topics, messages);

const seenIds = async (db: AnalyticsDb) =>
  (await db.selectFrom('seen_events').select('event_id').execute()).map((row) => row.event_id).sort();

const idsOf = (messages: readonly RelayedMessage[]) =>
  messages.map((message) => message.record.headers['ce_id']).sort();

const dayRow = (db: AnalyticsDb, unitId: string, day: string) =>
  db
    .selectFrom('unit_daily_metrics')
    .select([
      'active_procedures',
      'total_requirements',
      'total_decision_days',
      'average_decision_days',
      'procedures_registered',
      'procedures_abolished',
      'instructions_issued',
      'instructions_overdue',
    ])
    .where('unit_id', '=', unitId)
    .where('day', '=', day)
    .executeTakeFirst();

describe('the analytics consumer on a real broker', () => {
  it(
    'reads the three topics as one group and commits its offsets on each',
    async () => {
      const messages = [
        history.unit('city/naryn', 'UnitEnrolledInPilot', { stage: 2, enrolledOn: '2026-01-15' }, DAY_1),
        history.procedure('p1', 'ProcedureRegistered', registration('p1', { unitId: 'city/naryn' }), DAY_1),
        history.instruction('i1', 'InstructionIssued', issuance('i1', 'city/naryn'), DAY_1),
      ];
      await send(...messages);
      const { db } = await startConsumer();

      await caughtUp();
      const seen = await db.selectFrom('seen_events').select(['event_id', 'kafka_topic']).execute();
      expect(new Set(seen.map((row) => row.kafka_topic))).toEqual(new Set(Object.values(topics)));
      expect(seen.map((row) => row.event_id).sort()).toEqual(idsOf(messages));
      expect(await dayRow(db, 'city/naryn', '2026-02-10')).toMatchObject({
        active_procedures: 1,
        procedures_registered: 1,
        instructions_issued: 1,
      });
    },
    TEST_MS,
  );

  it(
    'folds a sequence of events into reform metrics per unit and day',
    async () => {
      const { db } = await startConsumer();
      await send(
        history.procedure('p1', 'ProcedureRegistered', registration('p1', { requirementCount: 3 }), DAY_1),
        history.procedure('p2', 'ProcedureRegistered', registration('p2', { decisionDays: 10 }), DAY_1),
        history.procedure('p1', 'DecisionTimeChanged', { from: 30, to: 14 }, DAY_2),
        history.procedure(
          'p1',
          'RequirementRemoved',
          { requirementId: 'document-3', name: 'Document 3' },
          DAY_2,
        ),
        history.procedure('p2', 'ProcedureAbolished', { from: 'ACTIVE' }, DAY_2),
        history.instruction('i1', 'InstructionIssued', issuance('i1', 'district/nookat'), DAY_1),
        history.instruction(
          'i1',
          'InstructionBecameOverdue',
          { instructionId: 'i1', deadline: '2026-03-31', detectedOn: '2026-04-01' },
          DAY_2,
        ),
      );

      await caughtUp();
      // Streams are ordered, not the topics against each other; each row holds its day's figures anyway.
      expect(await dayRow(db, 'district/nookat', '2026-02-10')).toEqual({
        active_procedures: 2,
        total_requirements: 5,
        total_decision_days: 40,
        average_decision_days: 20,
        procedures_registered: 2,
        procedures_abolished: 0,
        instructions_issued: 1,
        instructions_overdue: 0,
      });
      expect(await dayRow(db, 'district/nookat', '2026-02-11')).toEqual({
        active_procedures: 1,
        total_requirements: 2,
        total_decision_days: 14,
        average_decision_days: 14,
        procedures_registered: 0,
        procedures_abolished: 1,
        instructions_issued: 0,
        instructions_overdue: 1,
      });
    },
    TEST_MS,
  );

  it(
    'counts an event delivered twice (same ce_id) once',
    async () => {
      const registered = history.procedure('p1', 'ProcedureRegistered', registration('p1'), DAY_1);
      const added = history.procedure(
        'p1',
        'RequirementAdded',
        { requirement: { requirementId: 'extra', name: 'Extra', originals: 1, copies: 0, note: null } },
        DAY_1,
      );
      // A relay that crashed before its checkpoint publishes again what it had published.
      await send(registered, added, registered, added);
      const { consumer, db } = await startConsumer();

      await caughtUp();
      expect(consumer.stats).toMatchObject({ recorded: 2, duplicates: 2, gaps: 0, behind: 0 });
      expect(await seenIds(db)).toEqual(idsOf([registered, added]));
      expect(await dayRow(db, 'district/nookat', '2026-02-10')).toMatchObject({
        active_procedures: 1,
        total_requirements: 3,
        procedures_registered: 1,
      });
    },
    TEST_MS,
  );

  it(
    'reports a skipped revision as a gap: a row and an error log line',
    async () => {
      const { consumer, db, lines } = await startConsumer();
      const registered = history.procedure('p1', 'ProcedureRegistered', registration('p1'), DAY_1);
      history.skip('procedure-p1');
      const changed = history.procedure('p1', 'DecisionTimeChanged', { from: 30, to: 20 }, DAY_2);
      await send(registered, changed);

      await caughtUp();
      const gaps = await db.selectFrom('revision_gaps').selectAll().execute();
      expect(gaps).toEqual([
        expect.objectContaining({
          stream_id: 'procedure-p1',
          kind: 'gap',
          expected_revision: 1,
          got_revision: 2,
          event_id: changed.record.headers['ce_id'],
          kafka_topic: topics.procedures,
        }),
      ]);
      const logged = lines.filter((line) => line.msg.startsWith('revision gap'));
      expect(logged).toEqual([
        expect.objectContaining({
          level: PINO_LEVEL.error,
          streamId: 'procedure-p1',
          expectedRevision: 1,
          gotRevision: 2,
          eventId: changed.record.headers['ce_id'],
          topic: topics.procedures,
          partition: gaps[0]?.kafka_partition,
          offset: gaps[0]?.kafka_offset,
        }),
      ]);
      expect(consumer.stats.gaps).toBe(1);
      // The event after the gap is counted all the same.
      expect(await dayRow(db, 'district/nookat', '2026-02-11')).toMatchObject({ total_decision_days: 20 });
    },
    TEST_MS,
  );

  it(
    'resumes from the committed offsets after a restart and counts nothing twice',
    async () => {
      const first = [
        history.procedure('p1', 'ProcedureRegistered', registration('p1'), DAY_1),
        history.procedure('p2', 'ProcedureRegistered', registration('p2'), DAY_1),
      ];
      const second = [
        history.procedure('p1', 'DecisionTimeChanged', { from: 30, to: 10 }, DAY_1),
        history.procedure('p3', 'ProcedureRegistered', registration('p3'), DAY_1),
      ];
      await send(...first);
      const before = await startConsumer();
      await caughtUp();
      await stopConsumer(before.consumer);

      await send(...second);
      const after = await startConsumer();
      await caughtUp();

      expect(after.consumer.stats).toMatchObject({ recorded: 2, duplicates: 0 });
      expect(await seenIds(after.db)).toEqual(idsOf([...first, ...second]));
      expect(await dayRow(after.db, 'district/nookat', '2026-02-10')).toMatchObject({
        active_procedures: 3,
        total_decision_days: 70,
        procedures_registered: 3,
      });
    },
    TEST_MS,
  );

  it(
    'commits, when stopped in the middle of a batch, the offsets of every message it counted',
    async () => {
      const total = 300;
      const stopAt = 40;
      const messages = Array.from({ length: total }, (_, index) =>
        history.procedure(`p${index}`, 'ProcedureRegistered', registration(`p${index}`), DAY_1),
      );
      await send(...messages);
      // A stop (SIGTERM, say) while the consumer is about to count message `stopAt`: it lands in the
      // middle of the first batch (about a third of the messages, one partition's share), every time.
      let reads = 0;
      let stopping: Promise<void> | undefined;
      const { consumer, db } = await startConsumer((reading) => {
        reads += 1;
        if (reads === stopAt) stopping = stopConsumer(reading);
      });
      await eventually(() => stopping !== undefined, WAIT_MS, 'the consumer to reach the message to stop at');
      await stopping;

      expect(consumer.stats.recorded).toBe(stopAt);
      const seen = await db
        .selectFrom('seen_events')
        .select(['kafka_partition', (eb) => eb.fn.max('kafka_offset').as('last')])
        .groupBy('kafka_partition')
        .execute();
      const counted = [0, 1, 2].map((partition) => {
        const last = seen.find((row) => row.kafka_partition === partition)?.last;
        return last === undefined ? -1 : Number(last) + 1;
      });
      expect(await committedOffsets(broker.brokers, groupId, topics.procedures)).toEqual(counted);
    },
    TEST_MS,
  );

  it(
    'counts once what the database holds but the group never committed (a crash between the two)',
    async () => {
      const messages = [
        history.procedure('p1', 'ProcedureRegistered', registration('p1'), DAY_1),
        history.procedure('p1', 'DecisionTimeChanged', { from: 30, to: 12 }, DAY_1),
        history.instruction('i1', 'InstructionIssued', issuance('i1', 'district/nookat'), DAY_1),
      ];
      await send(...messages);
      const crashed = await startConsumer();
      await caughtUp();
      await stopConsumer(crashed.consumer);
      const counted = await dayRow(crashed.db, 'district/nookat', '2026-02-10');
      // Every transaction committed, no offset did: the group reads it all again.
      await forgetCommittedOffsets(broker.brokers, groupId);

      const restarted = await startConsumer();
      await caughtUp();

      expect(restarted.consumer.stats).toMatchObject({ recorded: 0, duplicates: 3 });
      expect(await dayRow(restarted.db, 'district/nookat', '2026-02-10')).toEqual(counted);
      expect(counted).toMatchObject({
        procedures_registered: 1,
        total_decision_days: 12,
        instructions_issued: 1,
      });
    },
    TEST_MS,
  );

  it(
    'commits no offset past a message whose transaction failed, stops, and counts it after a restart',
    async () => {
      const first = await startConsumer();
      const enrolled = history.unit(
        'city/naryn',
        'UnitEnrolledInPilot',
        { stage: 2, enrolledOn: '2026-01-15' },
        DAY_1,
      );
      await send(enrolled);
      await caughtUp();
      let failure: Error | undefined;
      void first.consumer.failure.then((error) => (failure = error));
      // The database breaks under the running consumer: the next fold fails and its transaction rolls back.
      await sql`drop table procedures`.execute(first.db);
      const registered = history.procedure('p1', 'ProcedureRegistered', registration('p1'), DAY_1);
      await send(registered);

      const error = await eventually(() => failure ?? false, WAIT_MS, 'the consumer to stop on the error');
      expect(error.message).toMatch(/no such table: procedures/);
      expect(first.lines).toContainEqual(
        expect.objectContaining({ level: PINO_LEVEL.error, msg: 'the consumer stopped on an error' }),
      );
      expect(await committedOffsets(broker.brokers, groupId, topics.procedures)).toEqual([-1, -1, -1]);
      expect(await seenIds(first.db)).toEqual(idsOf([enrolled]));
      await stopConsumer(first.consumer);

      const restarted = await startConsumer(); // opening the database creates the missing table again
      await caughtUp();
      expect(restarted.consumer.stats).toMatchObject({ recorded: 1, duplicates: 0 });
      expect(await seenIds(restarted.db)).toEqual(idsOf([enrolled, registered]));
      expect(await dayRow(restarted.db, 'district/nookat', '2026-02-10')).toMatchObject({
        procedures_registered: 1,
      });
    },
    TEST_MS,
  );

  it(
    'sets an unreadable message aside and counts the ones after it',
    async () => {
      const { consumer, db } = await startConsumer();
      const registered = history.procedure('p1', 'ProcedureRegistered', registration('p1'), DAY_1);
      const { ce_id: _id, ...withoutId } = registered.record.headers;
      await publishRaw(producer, topics.procedures, [
        { key: registered.record.key, value: registered.record.value, headers: withoutId },
      ]);
      await send(registered);

      await caughtUp();
      expect(await db.selectFrom('rejected_messages').select(['kafka_topic', 'reason']).execute()).toEqual([
        { kafka_topic: topics.procedures, reason: 'no ce_id header' },
      ]);
      expect(consumer.stats).toMatchObject({ rejected: 1, recorded: 1 });
      expect(await seenIds(db)).toEqual(idsOf([registered]));
    },
    TEST_MS,
  );
});
