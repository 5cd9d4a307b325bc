import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { fromKafkaMessage, type ReceivedCloudEvent } from '../cloud-event.js';

export interface ReadMessage {
  readonly partition: number;
  readonly offset: bigint;
  readonly event: ReceivedCloudEvent;
}

export function testKafka(brokers: readonly string[]): Kafka {
  return new Kafka({
    clientId: `redtape-kafka-relay-test-${randomUUID().slice(0, 8)}`,
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 10 },
  });
}

export async function createTopic(
  brokers: readonly string[],
  topic: string,
  numPartitions: number,
): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** The offset after the last message of every partition of the topic. */
export async function endOffsets(brokers: readonly string[], topic: string): Promise<Map<number, bigint>> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a topic from the beginning, in a consumer group of its own, and keeps every message in the
 * order each partition delivered it.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private readonly consumer: Consumer;

  private constructor(
    private readonly brokers: readonly string[],
    readonly topic: string,
  ) {
    this.consumer = testKafka(brokers).consumer({
      groupId: `redtape-test-${randomUUID()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
    });
  }

  /** The topic must exist. */
  static async start(brokers: readonly string[], topic: string): Promise<TopicReader> {
    const reader = new TopicReader(brokers, topic);
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topic, fromBeginning: true });
    await reader.consumer.run({
      eachMessage: async ({ partition, message }) => {
        reader.messages.push({ partition, offset: BigInt(message.offset), event: fromKafkaMessage(message) });
      },
    });
    return reader;
  }

  get events(): ReceivedCloudEvent[] {
    return this.messages.map((message) => message.event);
  }

  /** Distinct event ids read so far. */
  get ids(): Set<string> {
    return new Set(this.messages.map((message) => message.event.id));
  }

  /** True once it has read every message the topic held when asked. */
  async caughtUp(): Promise<boolean> {
    const ends = await endOffsets(this.brokers, this.topic);
    const read = new Map<number, bigint>();
    for (const { partition, offset } of this.messages) {
      const next = offset + 1n;
      if (next > (read.get(partition) ?? 0n)) read.set(partition, next);
    }
    return [...ends].every(([partition, end]) => end === 0n || (read.get(partition) ?? 0n) >= end);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
