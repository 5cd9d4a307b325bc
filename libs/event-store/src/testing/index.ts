export { eventStoreContract, type OpenedStore, type StoreCapabilities } from './event-store.contract.js';
export { raceWritersInSeparateProcesses, type WriterOutcome } from './separate-process-writers.js';
export { uniqueStream, newEventId } from './unique.js';
export { openTemporarySqliteStore } from './temporary-sqlite-store.js';
export { openTemporaryPostgresStore } from './temporary-postgres-store.js';
