import type { IntegrationContext } from '@redtape/event-contracts';
import { createTopic, testKafka } from '@redtape/kafka-relay/testing';
import { randomUUID } from 'node:crypto';
import { Partitioners, type Producer } from 'kafkajs';
import type { RelayedMessage } from './relayed-events.js';

export type TopicsByContext = Readonly<Record<IntegrationContext, string>>;

/**
 * Topics of a test's own (the real names with a suffix), made with 3 partitions like the broker's
 * default, so tests sharing a broker never read each other's messages.
 */
export async function createTestTopics(brokers: readonly string[], label: string): Promise<TopicsByContext> {
  const suffix = `${label}-${randomUUID().slice(0, 8)}`;
  const topics = {
    regions: `redtape.regions.events.v1.${suffix}`,
    procedures: `redtape.procedures.events.v1.${suffix}`,
    accountability: `redtape.accountability.events.v1.${suffix}`,
  };
  for (const topic of Object.values(topics)) await createTopic(brokers, topic, 3);
  return topics;
}

/** Partitions by key with murmur2, as the relay's producer does, so a stream stays in one partition. */
export async function startProducer(brokers: readonly string[]): Promise<Producer> {
  const producer = testKafka(brokers).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  return producer;
}

/** Sends the messages in order, each on its context's topic, and waits for the broker's acks. */
export async function publish(
  producer: Producer,
  topics: TopicsByContext,
  messages: readonly RelayedMessage[],
): Promise<void> {
  for (const { context, record } of messages)
    await producer.send({
      topic: topics[context],
      acks: -1,
      messages: [{ key: record.key, value: record.value, headers: { ...record.headers } }],
    });
}

/** Sends raw messages (e.g. unreadable ones) to one topic. */
export async function publishRaw(
  producer: Producer,
  topic: string,
  messages: { key: string; value: string; headers: Record<string, string> }[],
): Promise<void> {
  await producer.send({ topic, acks: -1, messages });
}

/**
 * True once the group has committed, on every partition of the topics, the offset after the last
 * message: everything published so far was counted and acknowledged.
 */
export async function groupCaughtUp(
  brokers: readonly string[],
  groupId: string,
  topics: readonly string[],
): Promise<boolean> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const { partition, high } of ends) {
        const offset = partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
        // A partition nothing was published to has nothing to commit (-1 there means "none yet").
        if (high !== '0' && offset !== high) return false;
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** The group's committed offset on each partition of the topic, -1 where it committed none. */
export async function committedOffsets(
  brokers: readonly string[],
  groupId: string,
  topic: string,
): Promise<number[]> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return [...(committed?.partitions ?? [])]
      .sort((a, b) => a.partition - b.partition)
      .map(({ offset }) => Number(offset));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Deletes the group and with it every offset it committed, as if it had never committed any: started
 * again, it reads from the earliest offsets. The group must have no member.
 */
export async function forgetCommittedOffsets(brokers: readonly string[], groupId: string): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}
