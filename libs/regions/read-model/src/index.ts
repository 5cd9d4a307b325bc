export * from './regions-queries.js';
export * from './regions-tables.js';
export * from './regions.projection.js';
