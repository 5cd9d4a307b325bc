import { Kafka, Partitioners, logLevel, type LogEntry, type Producer } from 'kafkajs';
import type { KafkaRecord } from './cloud-event.js';

/** What the relay logs through; a pino logger fits. */
export interface RelayLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: RelayLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Whether and how the relay creates its topic before the first send. */
export interface TopicSettings {
  /** Defaults to true; false when the topic is provisioned elsewhere (it must exist then). */
  readonly create?: boolean;
  /** Defaults to the broker's `num.partitions`. */
  readonly numPartitions?: number;
  /** Defaults to the broker's `default.replication.factor`. */
  readonly replicationFactor?: number;
}

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: RelayLogger;
  readonly topic?: TopicSettings;
}

/**
 * kafkajs' own logging goes to the logger at debug level: during an outage it reports every failed
 * connection, while the relay says once per attempt what it is waiting for.
 */
function logCreator(logger: RelayLogger) {
  const levels: Partial<Record<number, string>> = {
    [logLevel.ERROR]: 'error',
    [logLevel.WARN]: 'warn',
    [logLevel.INFO]: 'info',
    [logLevel.DEBUG]: 'debug',
  };
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, ...fields } = log;
      logger.debug({ ...fields, kafkajs: namespace, kafkajsLevel: levels[level] }, message);
    };
}

export function createKafka(settings: KafkaSettings): Kafka {
  if (settings.brokers.length === 0) throw new Error('brokers must name at least one host:port');
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    connectionTimeout: 3000,
    requestTimeout: 15_000,
    // Short: the relay's own retry loop, with its backoff, is what waits out an outage.
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 3 },
    logLevel: settings.logger ? logLevel.INFO : logLevel.NOTHING,
    logCreator: logCreator(settings.logger ?? silentLogger),
  });
}

/**
 * Sends batches of records to one topic through an idempotent producer (acks from all in-sync
 * replicas, one request in flight, so the broker keeps each partition's order and drops the
 * producer's own retries). After a failure, `reset` drops the producer; the next `send` starts a new
 * one. Records go to partitions by the murmur2 hash of their key, as Java clients do.
 */
export class KafkaPublisher {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private topicReady: boolean;

  constructor(
    private readonly settings: KafkaSettings,
    readonly topic: string,
  ) {
    this.kafka = createKafka(settings);
    this.topicReady = settings.topic?.create === false;
  }

  /** One produce call for the whole batch; resolves once the broker acknowledged every record. */
  async send(records: readonly KafkaRecord[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.connected();
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: records.map(({ key, value, headers }) => ({ key, value, headers: { ...headers } })),
    });
  }

  /** Drops the producer after a failed send; never throws. */
  async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  close(): Promise<void> {
    return this.reset();
  }

  private async connected(): Promise<Producer> {
    if (!this.topicReady) {
      await this.createTopic();
      this.topicReady = true;
    }
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 3 },
      });
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      this.producer = producer;
    }
    return this.producer;
  }

  private async createTopic(): Promise<void> {
    const { numPartitions, replicationFactor } = this.settings.topic ?? {};
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: this.topic,
            ...(numPartitions === undefined ? {} : { numPartitions }),
            ...(replicationFactor === undefined ? {} : { replicationFactor }),
          },
        ],
      });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
