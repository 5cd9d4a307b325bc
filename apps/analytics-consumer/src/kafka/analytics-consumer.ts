import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { REDTAPE_TOPICS } from '../contract.js';
import type { AnalyticsDb } from '../db/tables.js';
import { recordEvent, type RecordResult } from '../ledger/record-event.js';
import { recordRejection } from '../ledger/record-rejection.js';
import type { ConsumedEvent, MessageOrigin } from '../message/consumed-event.js';
import { decodeMessage } from '../message/decode-message.js';
import { UnreadableMessage } from '../message/unreadable-message.js';
import { commitResolvedOffset } from './commit-resolved-offset.js';
import { ensureTopics } from './ensure-topics.js';
import { createKafka, isKafkaError } from './kafka-client.js';

export interface AnalyticsConsumerOptions {
  readonly brokers: readonly string[];
  readonly groupId: string;
  readonly db: AnalyticsDb;
  readonly logger: Logger;
  /** Defaults to the three redtape topics. */
  readonly topics?: readonly string[];
  readonly clientId?: string;
  /** When rows are written; defaults to the system clock. */
  readonly now?: () => Date;
}

/** What this process did since it started. */
export interface ConsumerStats {
  /** Events seen for the first time (a `behind` one included, though it moved no metric). */
  recorded: number;
  duplicates: number;
  gaps: number;
  behind: number;
  rejected: number;
}

/**
 * Reads the redtape topics as one consumer group, from the earliest offset when the group is new,
 * and counts each event once into the analytics database. Per message: decode, then one SQLite
 * transaction (dedupe by ce_id, revision check, metrics); the group's offset is committed after the
 * transactions of the batch, never before. A crash in between only means a redelivery, which the
 * dedupe absorbs: at least once from Kafka, exactly once in the counts.
 */
export class AnalyticsConsumer {
  readonly stats: ConsumerStats = { recorded: 0, duplicates: 0, gaps: 0, behind: 0, rejected: 0 };
  /**
   * Resolves with the error when kafkajs gives up on the consumer: an error of this consumer's own
   * (the database, say) after kafkajs' retries, or a Kafka error it will not restart from.
   */
  readonly failure: Promise<Error>;
  readonly topics: readonly string[];
  private readonly kafka: Kafka;
  private readonly consumer: Consumer;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: AnalyticsConsumerOptions) {
    this.topics = options.topics ?? REDTAPE_TOPICS;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
    this.kafka = createKafka(options.brokers, options.clientId ?? 'redtape-analytics', this.logger);
    this.consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // Kafka errors (a broker away, a rebalance) are worth a restart; a failing database is not.
      retry: { restartOnFailure: async (error) => isKafkaError(error) },
    });
    this.failure = new Promise((resolve) => {
      this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
        this.logger.error(
          { err: payload.error, groupId: payload.groupId, restart: payload.restart },
          payload.restart ? 'the consumer crashed; kafkajs restarts it' : 'the consumer stopped on an error',
        );
        if (!payload.restart) resolve(payload.error);
      });
    });
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, this.topics, this.logger);
    await this.consumer.connect();
    try {
      await this.consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.consumeBatch(payload),
      });
    } catch (error) {
      await this.consumer.disconnect();
      throw error;
    }
    this.logger.info({ groupId: this.options.groupId, topics: this.topics }, 'consuming');
  }

  /** Finishes the message in hand, commits what was counted, leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    this.logger.info({ groupId: this.options.groupId, stats: this.stats }, 'stopped');
  }

  /**
   * Counts the batch's messages in turn until a stop or a seek, then commits the offset past the last
   * one counted: also during a graceful stop, which lets the batch in hand end this way.
   */
  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        await this.consumeMessage(message, { topic, partition, offset: Number(message.offset) });
        // Only now may the group move past it: the message's transaction has committed.
        resolveOffset(message.offset);
        await heartbeat();
      }
    } catch (error) {
      // The messages before the failing one are counted: commit them, but let the failure's own error
      // (a database's, a rebalance's) decide how the consumer goes on, not a failed commit's.
      await commitResolvedOffset(payload).catch((commitError: unknown) =>
        this.logger.warn(
          { err: commitError, topic, partition },
          'could not commit the offsets counted before the failure; those messages come again',
        ),
      );
      throw error;
    }
    await commitResolvedOffset(payload);
  }

  private async consumeMessage(message: KafkaMessage, origin: MessageOrigin): Promise<void> {
    let event: ConsumedEvent;
    try {
      event = decodeMessage(message, origin);
    } catch (error) {
      if (!(error instanceof UnreadableMessage)) throw error;
      await recordRejection(this.options.db, message, origin, error.message, error.eventId, this.now());
      this.stats.rejected += 1;
      this.logger.error(
        { ...origin, eventId: error.eventId, reason: error.message },
        'unreadable message set aside in rejected_messages',
      );
      return;
    }
    this.report(event, await recordEvent(this.options.db, event, this.now()));
  }

  /** Logged after the transaction committed, so every line matches a stored row. */
  private report(event: ConsumedEvent, result: RecordResult): void {
    if (result.duplicate) {
      this.stats.duplicates += 1;
      this.logger.debug({ eventId: event.id, ...event.origin }, 'already counted');
      return;
    }
    this.stats.recorded += 1;
    const about = {
      streamId: event.streamId,
      eventId: event.id,
      eventType: event.type,
      ...event.origin,
    };
    const { anomaly, notFolded } = result;
    if (anomaly?.kind === 'gap') {
      this.stats.gaps += 1;
      this.logger.error(
        { ...about, expectedRevision: anomaly.expected, gotRevision: anomaly.got },
        'revision gap: the stream skipped revisions this consumer never counted',
      );
    } else if (anomaly?.kind === 'behind') {
      this.stats.behind += 1;
      this.logger.warn(
        { ...about, expectedRevision: anomaly.expected, gotRevision: anomaly.got },
        'revision behind: a new event at a revision already counted; not counted',
      );
    }
    if (notFolded !== null && anomaly?.kind !== 'behind')
      this.logger.warn({ ...about, reason: notFolded }, 'the event moved no metric');
  }
}
