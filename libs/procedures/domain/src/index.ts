export * from './procedure-events.js';
export * from './procedure-state.js';

export * from './commands/procedure-commands.js';
export * from './errors/value-errors.js';
export * from './errors/requirement-errors.js';
export * from './errors/step-errors.js';
export * from './errors/procedure-errors.js';
export * from './decider/procedure-decider.js';

export { MAX_NOTE_LENGTH, MAX_TEXT_LENGTH } from './rules/text.js';
export { isProcedureScopedId } from './rules/ids.js';
export { GOVERNMENT_LEVELS } from './rules/government-level.js';

export * from './audit/field-change.js';
export * from './audit/diff-procedures.js';

export { nameSimilarity } from './review/name-similarity.js';
export * from './review/duplicate-candidates.js';

export * from './metrics/reform-metrics.js';
export * from './rules/in-force.js';
export { proceduresUpcasters } from './upcasters.js';

export * from './policy/procedure-actions.js';

export * from './integration-events.js';
