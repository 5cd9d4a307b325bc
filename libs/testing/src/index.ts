export * from './eventually.js';
export * from './subgraph-schema.js';
