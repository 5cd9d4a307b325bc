export * from './accountability-history.js';
export * from './index.js';
export * from './procedures-history.js';
export * from './read-model-fixture.js';
