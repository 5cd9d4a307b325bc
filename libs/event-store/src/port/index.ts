export * from './event-store.js';
export * from './errors.js';
export * from './expected-revision.js';
export * from './validation.js';
export * from './catch-up-subscription.js';
export * from './collect.js';
export * from './repeated-append.js';
export * from './ready-batches.js';
