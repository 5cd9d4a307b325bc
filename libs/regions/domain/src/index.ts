export * from './streams.js';
export * from './regions-messages.js';

export * from './shared/calendar-date.js';
export * from './shared/localized-names.js';
export * from './shared/text.js';

export * from './reform-stages/stage-number.js';
export * from './reform-stages/reform-stage-events.js';
export * from './reform-stages/reform-stage-commands.js';
export * from './reform-stages/reform-stage-errors.js';
export * from './reform-stages/reform-stage-decider.js';
export * from './reform-stages/debureaucratization-stages.js';

export * from './units/unit-kinds.js';
export * from './units/unit-id.js';
export * from './units/unit-events.js';
export * from './units/unit-commands.js';
export * from './units/unit-errors.js';
export * from './units/unit-state.js';
export * from './units/unit-decider.js';

export * from './authorities/authority-kinds.js';
export * from './authorities/authority-id.js';
export * from './authorities/authority-events.js';
export * from './authorities/authority-commands.js';
export * from './authorities/authority-errors.js';
export * from './authorities/authority-decider.js';
export * from './authorities/default-authority.js';

export * from './search/fold-for-search.js';

export * from './policy/unit-change-policy.js';
export * from './policy/regions-actions.js';

export * from './reference-data/kg-admin-units-dataset.js';
export * from './reference-data/invalid-reference-data.js';
export * from './reference-data/reference-data-commands.js';

export * from './integration-events.js';
export { regionsUpcasters } from './upcasters.js';
