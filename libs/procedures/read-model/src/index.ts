export * from './audit-trail.projection.js';
export * from './invalid-query-input.js';
export * from './pagination.js';
export * from './procedures-queries.js';
export * from './procedures-tables.js';
export * from './procedures.projection.js';
