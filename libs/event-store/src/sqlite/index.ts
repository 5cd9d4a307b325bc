export { SqliteEventStore } from './sqlite-event-store.js';
export { applyDurablePragmas, createEventsSchema } from './schema.js';
