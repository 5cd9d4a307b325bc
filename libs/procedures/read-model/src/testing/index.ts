export * from './index.js';
export * from './procedures-history.js';
export * from './read-model-fixture.js';
