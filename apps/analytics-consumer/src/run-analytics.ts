import type { Logger } from 'pino';
import type { AnalyticsConfig } from './config.js';
import { openAnalyticsDb } from './db/open-analytics-db.js';
import { AnalyticsConsumer } from './kafka/analytics-consumer.js';

/** The consumer and its database, started together and stopped together. */
export interface RunningAnalytics {
  readonly consumer: AnalyticsConsumer;
  stop(): Promise<void>;
}

export async function startAnalytics(config: AnalyticsConfig, logger: Logger): Promise<RunningAnalytics> {
  const db = await openAnalyticsDb(config.db);
  const consumer = new AnalyticsConsumer({ brokers: config.brokers, groupId: config.groupId, db, logger });
  try {
    await consumer.start();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  logger.info({ db: config.db }, 'counting into the analytics database');
  return {
    consumer,
    async stop() {
      try {
        await consumer.stop();
      } finally {
        await db.destroy();
      }
    },
  };
}
