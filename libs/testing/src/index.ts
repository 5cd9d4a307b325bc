export * from './eventually.js';
export * from './subgraph-schema.js';
export * from './postgres.js';
