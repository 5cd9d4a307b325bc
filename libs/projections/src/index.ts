export * from './projection.js';
export * from './projection-runner.js';
export * from './open-sqlite-read-models.js';
export * from './errors.js';
export { CHECKPOINT_TABLE, readCheckpoint, type ProjectionCheckpoint } from './checkpoints.js';
export { physicalTable } from './generation-tables.js';
export { projectEvents } from './project-events.js';
