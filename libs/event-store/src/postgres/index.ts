export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { ensureSchema, openPool, type PoolOptions } from './pool.js';
