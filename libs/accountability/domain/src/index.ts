export * from './accountability-events.js';

export * from './commands/accountability-commands.js';
export * from './officials/official-commands.js';
export * from './responsibility/responsibility-commands.js';
export * from './meetings/meeting-commands.js';
export * from './instructions/instruction-commands.js';
export * from './unit-reports/unit-report-commands.js';

export * from './officials/official-state.js';
export * from './officials/official-decider.js';
export * from './responsibility/responsibility-decider.js';
export * from './responsibility/who-answers.js';
export * from './meetings/meeting-decider.js';
export * from './instructions/instruction-state.js';
export * from './instructions/instruction-decider.js';
export * from './unit-reports/unit-report-decider.js';

export * from './errors/value-errors.js';
export * from './errors/rule-errors.js';
export * from './officials/official-errors.js';
export * from './responsibility/responsibility-errors.js';
export * from './meetings/meeting-errors.js';
export * from './instructions/instruction-errors.js';
export * from './unit-reports/unit-report-errors.js';

export { MAX_NOTE_LENGTH, MAX_TEXT_LENGTH } from './rules/text.js';
export { isAccountabilityId } from './rules/ids.js';

export * from './time/bishkek-time.js';
export * from './policy/accountability-actions.js';
export * from './scorecard/scorecard.js';
export * from './scorecard/procedure-changes.js';

export * from './integration-events.js';
export { accountabilityUpcasters } from './upcasters.js';
