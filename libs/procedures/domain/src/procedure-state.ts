import type {
  GovernmentLevel,
  Money,
  ProcedureEvent,
  ProcedureStatus,
  Requirement,
  Step,
} from './procedure-events.js';

/** Everything a procedure is at one revision: what deciders check, time travel shows and audit diffs compare. */
export type ProcedureDocument = {
  procedureId: string;
  authorityId: string;
  unitId: string;
  level: GovernmentLevel;
  title: string;
  category: string;
  status: ProcedureStatus;
  requirements: Requirement[];
  steps: Step[];
  decisionDays: number;
  fee: Money | null;
  legalBasis: string | null;
  duplicateOf: string | null;
  mergedInto: string | null;
};

export type ProcedureState =
  { status: 'unregistered' } | { status: 'registered'; procedure: ProcedureDocument };

export const initialProcedureState = (): ProcedureState => ({ status: 'unregistered' });

/** Folds one event; pure and total, so projections and time travel fold exactly as the decider does. */
export function evolveProcedure(state: ProcedureState, event: ProcedureEvent): ProcedureState {
  if (event.type === 'ProcedureRegistered') {
    const { data } = event;
    return {
      status: 'registered',
      procedure: {
        procedureId: data.procedureId,
        authorityId: data.authorityId,
        unitId: data.unitId,
        level: data.level,
        title: data.title,
        category: data.category,
        status: data.status,
        requirements: data.requirements,
        steps: data.steps,
        decisionDays: data.decisionDays,
        fee: data.fee,
        legalBasis: data.legalBasis,
        duplicateOf: null,
        mergedInto: null,
      },
    };
  }
  if (state.status !== 'registered') return state;
  const procedure = state.procedure;
  const next = (changes: Partial<ProcedureDocument>): ProcedureState => ({
    status: 'registered',
    procedure: { ...procedure, ...changes },
  });
  switch (event.type) {
    case 'ProcedureActivated':
      return next({ status: 'ACTIVE' });
    case 'RequirementAdded':
      return next({ requirements: [...procedure.requirements, event.data.requirement] });
    case 'RequirementRemoved':
      return next({
        requirements: procedure.requirements.filter((r) => r.requirementId !== event.data.requirementId),
      });
    case 'RequirementReplaced':
      return next({
        requirements: procedure.requirements.map((r) =>
          r.requirementId === event.data.before.requirementId ? event.data.after : r,
        ),
      });
    case 'StepAdded': {
      const steps = [...procedure.steps];
      steps.splice(event.data.position, 0, event.data.step);
      return next({ steps });
    }
    case 'StepRemoved':
      return next({ steps: procedure.steps.filter((s) => s.stepId !== event.data.stepId) });
    case 'StepsReordered': {
      const byId = new Map(procedure.steps.map((s) => [s.stepId, s]));
      return next({
        steps: event.data.to.map((id) => byId.get(id)).filter((s): s is Step => s !== undefined),
      });
    }
    case 'DecisionTimeChanged':
      return next({ decisionDays: event.data.to });
    case 'FeeChanged':
      return next({ fee: event.data.to });
    case 'LegalBasisChanged':
      return next({ legalBasis: event.data.to });
    case 'ReviewStarted':
      return next({ status: 'UNDER_REVIEW' });
    case 'ReviewFinished':
      return next({ status: event.data.outcome });
    case 'ProcedureMarkedDuplicate':
      return next({ duplicateOf: event.data.duplicateOf });
    case 'ProcedureMerged':
      return next({ status: 'MERGED', mergedInto: event.data.into });
    case 'ProcedureAbolished':
      return next({ status: 'ABOLISHED' });
    case 'ProcedureReinstated':
      return next({ status: 'ACTIVE' });
  }
}
