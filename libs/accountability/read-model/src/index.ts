export * from './accountability-queries.js';
export * from './accountability-tables.js';
export * from './accountability.projection.js';
export * from './invalid-query-input.js';
export * from './procedure-ownership.projection.js';
