import { NO_FACT, type Fact } from './fact.js';
import { Payload } from './payload.js';

type Reader = (payload: Payload) => Fact;

const statusChange =
  (abolished = false): Reader =>
  (payload) => ({
    kind: 'procedure-changed',
    procedureId: payload.text('procedureId'),
    requirementsDelta: 0,
    decisionDays: null,
    // The procedures catalog's convention: a lifecycle event carries the status it leaves the procedure in.
    status: payload.text('status'),
    abolished,
  });

const requirementsChange =
  (delta: number): Reader =>
  (payload) => ({
    kind: 'procedure-changed',
    procedureId: payload.text('procedureId'),
    requirementsDelta: delta,
    decisionDays: null,
    status: null,
    abolished: false,
  });

/**
 * The events the metrics fold, by `<context>.<EventType>`, with the one version each reader knows.
 * A RequirementReplaced keeps the count, and no other event moves a figure kept here.
 */
const READERS: ReadonlyMap<string, { readonly version: number; readonly read: Reader }> = new Map(
  Object.entries({
    'procedures.ProcedureRegistered': {
      version: 1,
      read: (payload) => ({
        kind: 'procedure-registered',
        procedureId: payload.text('procedureId'),
        unitId: payload.text('unitId'),
        status: payload.text('status'),
        requirements: payload.list('requirements').length,
        decisionDays: payload.count('decisionDays'),
      }),
    },
    'procedures.ProcedureActivated': { version: 1, read: statusChange() },
    'procedures.ReviewStarted': { version: 1, read: statusChange() },
    'procedures.ReviewFinished': { version: 1, read: statusChange() },
    'procedures.ProcedureMerged': { version: 1, read: statusChange() },
    'procedures.ProcedureReinstated': { version: 1, read: statusChange() },
    'procedures.ProcedureAbolished': { version: 1, read: statusChange(true) },
    'procedures.RequirementAdded': { version: 1, read: requirementsChange(1) },
    'procedures.RequirementRemoved': { version: 1, read: requirementsChange(-1) },
    'procedures.DecisionTimeChanged': {
      version: 1,
      read: (payload) => ({
        kind: 'procedure-changed',
        procedureId: payload.text('procedureId'),
        requirementsDelta: 0,
        decisionDays: payload.count('decisionDays'),
        status: null,
        abolished: false,
      }),
    },
    'accountability.InstructionIssued': {
      version: 1,
      read: (payload) => ({
        kind: 'instruction-issued',
        instructionId: payload.text('instructionId'),
        unitId: payload.text('unitId'),
      }),
    },
    'accountability.InstructionCompleted': {
      version: 1,
      read: (payload) => ({ kind: 'instruction-completed', instructionId: payload.text('instructionId') }),
    },
    'accountability.InstructionBecameOverdue': {
      version: 1,
      read: (payload) => ({ kind: 'instruction-overdue', instructionId: payload.text('instructionId') }),
    },
  }),
);

/** Every ce_type the metrics fold, e.g. `redtape.procedures.ProcedureRegistered.v1`. */
export const FOLDED_CE_TYPES: readonly string[] = [...READERS].map(
  ([name, { version }]) => `redtape.${name}.v${version}`,
);

const CE_TYPE = /^redtape\.([a-z][a-z-]*)\.([A-Z][A-Za-z]*)\.v([1-9][0-9]*)$/;

/** True for a `ce_type` of the form `redtape.<context>.<EventType>.v<version>`. */
export const isRedtapeCeType = (ceType: string): boolean => CE_TYPE.test(ceType);

/** What the metrics take from an event; throws UnreadableMessage when a field they need is missing. */
export function readFact(ceType: string, eventId: string, data: Readonly<Record<string, unknown>>): Fact {
  const match = CE_TYPE.exec(ceType);
  if (!match) return NO_FACT;
  const [, context, eventType, version] = match;
  const reader = READERS.get(`${context}.${eventType}`);
  if (!reader) return NO_FACT;
  if (Number(version) !== reader.version) return { kind: 'unsupported-version', ceType };
  return reader.read(new Payload(data, ceType, eventId));
}
