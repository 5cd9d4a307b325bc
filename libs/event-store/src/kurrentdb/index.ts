export { KurrentDbEventStore, type KurrentDbClient } from './kurrentdb-event-store.js';
export { KurrentDbPositionError } from './position.js';
