import type { AuthorityCommand } from './authorities/authority-commands.js';
import type { AuthorityEvent } from './authorities/authority-events.js';
import type { ReformStageCommand } from './reform-stages/reform-stage-commands.js';
import type { ReformStageEvent } from './reform-stages/reform-stage-events.js';
import type { UnitCommand } from './units/unit-commands.js';
import type { UnitEvent } from './units/unit-events.js';

export type RegionsEvent = UnitEvent | AuthorityEvent | ReformStageEvent;
export type RegionsCommand = UnitCommand | AuthorityCommand | ReformStageCommand;

/** Every event type this context publishes. Stored types never change; a new shape gets a new schema version. */
export const REGIONS_EVENT_TYPES = Object.keys({
  UnitRegistered: true,
  UnitRenamed: true,
  UnitEnrolledInPilot: true,
  UnitWithdrawnFromPilot: true,
  AuthorityEstablished: true,
  ReformStageStarted: true,
} satisfies Record<RegionsEvent['type'], true>) as readonly RegionsEvent['type'][];
