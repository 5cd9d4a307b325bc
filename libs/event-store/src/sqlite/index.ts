export { SqliteEventStore } from './sqlite-event-store.js';
export { applyDurablePragmas } from './schema.js';
