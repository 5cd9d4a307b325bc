import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { validateIntegrationEvent, type IntegrationContext } from '@redtape/event-contracts';
import { KafkaBroker } from '@redtape/kafka-relay/testing';
import { eventually } from '@redtape/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import {
  graphql,
  newDeployment,
  startRedtape,
  tokenFor,
  type Deployment,
  type RunningSystem,
} from './system.js';

const STARTUP_TIMEOUT_MS = 180_000;
const CONTEXTS: readonly IntegrationContext[] = ['regions', 'procedures', 'accountability'];

interface Received {
  readonly topic: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly value: unknown;
}

function decode(topic: string, message: KafkaMessage): Received {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  return {
    topic,
    key: message.key?.toString() ?? '',
    headers,
    value: JSON.parse(message.value?.toString() ?? 'null'),
  };
}

/** An analytics team's consumer: any ordinary Kafka client, reading the three topics from the start. */
describe('analytics receive every change through Kafka, as a user runs it', () => {
  let broker: KafkaBroker;
  let deployment: Deployment;
  let system: RunningSystem;
  let consumer: Consumer;
  const received: Received[] = [];

  beforeAll(async () => {
    broker = await KafkaBroker.start();
    deployment = await newDeployment();
    system = await startRedtape(deployment, { KAFKA_BROKERS: broker.brokers.join(',') });
    const kafka = new Kafka({
      clientId: 'e2e-analytics',
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
    });
    consumer = kafka.consumer({ groupId: 'e2e-analytics' });
    await consumer.connect();
    for (const context of CONTEXTS) {
      // The relay creates its topic on first publish; accountability has nothing to say yet, so make sure it exists.
      const admin = kafka.admin();
      await admin.connect();
      await admin
        .createTopics({ topics: [{ topic: `redtape.${context}.events.v1`, numPartitions: 3 }] })
        .catch(() => false);
      await admin.disconnect();
    }
    await consumer.subscribe({
      topics: CONTEXTS.map((context) => `redtape.${context}.events.v1`),
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => void received.push(decode(topic, message)),
    });
  }, STARTUP_TIMEOUT_MS);

  afterAll(async () => {
    await consumer?.disconnect();
    await system?.stop();
    await deployment?.dispose();
    await broker?.dispose();
  }, STARTUP_TIMEOUT_MS);

  it('publishes the reference data the regions recorded, keyed by stream, as CloudEvents', async () => {
    const tokmok = await eventually(
      () =>
        received.find(
          (message) =>
            message.key === 'unit-city/tokmok' &&
            message.headers['ce_type'] === 'redtape.regions.UnitRegistered.v1',
        ) ?? false,
      60_000,
      'Tokmok’s registration on redtape.regions.events.v1',
    );
    expect(tokmok.topic).toBe('redtape.regions.events.v1');
    expect(tokmok.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_source: '/redtape/regions',
      ce_subject: 'unit-city/tokmok',
      'content-type': 'application/json',
      redtape_stream_revision: '0',
    });
    expect(tokmok.value).toMatchObject({
      unitId: 'city/tokmok',
      kind: 'CITY',
      actor: { id: 'system', role: 'system' },
    });
  });

  it('puts a procedure change on redtape.procedures.events.v1, valid against its JSON Schema', async () => {
    const cabinet = await tokenFor('cabinet');
    const registered = await graphql(
      system.gatewayUrl,
      `
        mutation ($input: RegisterProcedureInput!) {
          registerProcedure(input: $input) {
            id
          }
        }
      `,
      {
        token: cabinet,
        variables: {
          input: {
            procedureId: 'e2e-kafka-permit',
            authorityId: 'mayors-office/tokmok',
            title: 'Kiosk permit',
            category: 'trade',
            decisionDays: 20,
          },
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const changed = await graphql(
      system.gatewayUrl,
      `
        mutation ($input: ChangeDecisionTimeInput!) {
          changeDecisionTime(input: $input) {
            revision
          }
        }
      `,
      {
        token: cabinet,
        variables: {
          input: {
            procedureId: 'e2e-kafka-permit',
            days: 5,
            reason: 'pilot target',
            legalBasis: 'Cabinet decree 17',
          },
        },
      },
    );
    expect(changed.errors).toBeUndefined();

    const change = await eventually(
      () =>
        received.find(
          (message) =>
            message.key === 'procedure-e2e-kafka-permit' &&
            message.headers['ce_type'] === 'redtape.procedures.DecisionTimeChanged.v1',
        ) ?? false,
      30_000,
      'the decision time change on redtape.procedures.events.v1',
    );
    expect(change.value).toMatchObject({
      procedureId: 'e2e-kafka-permit',
      previousDecisionDays: 20,
      decisionDays: 5,
      reason: 'pilot target',
      legalBasis: 'Cabinet decree 17',
      actor: { id: 'cabinet-e2e', role: 'cabinet' },
    });
    expect(change.headers['redtape_stream_revision']).toBe('1');
    expect(validateIntegrationEvent('procedures', change.headers['ce_type']!, change.value)).toEqual({
      valid: true,
    });
  });

  it('sends only messages that fit their JSON Schema, on every topic', async () => {
    expect(received.length).toBeGreaterThan(100);
    const invalid = received
      .map((message) => ({
        message,
        result: validateIntegrationEvent(
          message.topic.split('.')[1] as IntegrationContext,
          message.headers['ce_type'] ?? '',
          message.value,
        ),
      }))
      .filter(({ result }) => !result.valid);
    expect(invalid).toEqual([]);
  });
});
