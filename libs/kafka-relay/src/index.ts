export * from './integration-events.js';
export * from './cloud-event.js';
export * from './kafka-relay.js';
export * from './replay.js';
export * from './errors.js';
export { silentLogger, type RelayLogger, type TopicSettings } from './kafka-publisher.js';
export {
  RELAY_CHECKPOINT_TABLE,
  RELAY_LEASE_TABLE,
  readRelayCheckpoint,
  readRelayLease,
  type RelayDatabase,
  type RelayLease,
} from './relay-tables.js';
