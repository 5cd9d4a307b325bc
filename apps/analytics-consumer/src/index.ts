export * from './contract.js';
export * from './config.js';
export { createLogger } from './logger.js';
export { startAnalytics, type RunningAnalytics } from './run-analytics.js';
export { openAnalyticsDb } from './db/open-analytics-db.js';
export type * from './db/tables.js';
export {
  AnalyticsConsumer,
  type AnalyticsConsumerOptions,
  type ConsumerStats,
} from './kafka/analytics-consumer.js';
export { decodeMessage, type ReceivedMessage } from './message/decode-message.js';
export type { ConsumedEvent, MessageOrigin } from './message/consumed-event.js';
export type { Fact } from './message/fact.js';
export { UnreadableMessage } from './message/unreadable-message.js';
export { recordEvent, type RecordResult, type RevisionAnomaly } from './ledger/record-event.js';
export { checkRevision, type RevisionCheck } from './ledger/revision-check.js';
