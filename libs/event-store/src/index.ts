export * from './port/index.js';
export * from './open-event-store.js';
export * from './retry/backoff.js';
