import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';

/**
 * Creates the topics that do not exist yet, with the broker's defaults: a context's relay creates its
 * topic only when it first publishes, and a group cannot subscribe to a topic that is not there. The
 * relay creates it the same way, so it finds the topic as it would have made it. Where clients may
 * not create topics, provision them beforehand; then this creates nothing.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], logger: Logger): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    logger.info({ topics: missing }, 'creating the topics nothing has published to yet');
    await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
