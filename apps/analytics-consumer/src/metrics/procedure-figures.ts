import type { Fact } from '../message/fact.js';

/**
 * Statuses in which a procedure binds applicants: a draft does not yet, a merged or abolished one no
 * longer. The same definition as the reform metrics the procedures service shows.
 */
export const IN_FORCE_STATUSES: readonly string[] = ['ACTIVE', 'UNDER_REVIEW', 'SIMPLIFIED'];

/** What the metrics keep of one procedure. */
export interface ProcedureFigures {
  readonly unitId: string;
  readonly status: string;
  readonly requirements: number;
  readonly decisionDays: number;
}

type ProcedureFact = Extract<Fact, { kind: 'procedure-registered' | 'procedure-changed' }>;

/**
 * The procedure's figures after the event; undefined for a change to a procedure whose registration
 * was never counted here (it came before the topic's retention, or was lost in a gap).
 */
export function evolveProcedure(
  current: ProcedureFigures | undefined,
  fact: ProcedureFact,
): ProcedureFigures | undefined {
  if (fact.kind === 'procedure-registered') {
    const { unitId, status, requirements, decisionDays } = fact;
    return { unitId, status, requirements, decisionDays };
  }
  if (current === undefined) return undefined;
  return {
    unitId: current.unitId,
    status: fact.status ?? current.status,
    requirements: current.requirements + fact.requirementsDelta,
    decisionDays: fact.decisionDays ?? current.decisionDays,
  };
}

/** A procedure's share of its unit's figures over procedures in force, or what an event changed in it. */
export interface InForceFigures {
  readonly active: number;
  readonly requirements: number;
  readonly decisionDays: number;
}

export const NO_FIGURES: InForceFigures = { active: 0, requirements: 0, decisionDays: 0 };

function inForceShare(figures: ProcedureFigures | undefined): InForceFigures {
  if (figures === undefined || !IN_FORCE_STATUSES.includes(figures.status)) return NO_FIGURES;
  return { active: 1, requirements: figures.requirements, decisionDays: figures.decisionDays };
}

/**
 * How one event of a procedure changed its unit's figures over procedures in force. Exact whatever
 * order other streams are read in: a stream's own events come in order.
 */
export function inForceDelta(before: ProcedureFigures | undefined, after: ProcedureFigures): InForceFigures {
  const [was, is] = [inForceShare(before), inForceShare(after)];
  return {
    active: is.active - was.active,
    requirements: is.requirements - was.requirements,
    decisionDays: is.decisionDays - was.decisionDays,
  };
}

/** What happened on the day, counted once per event. */
export interface DayCounts {
  readonly proceduresRegistered: number;
  readonly proceduresAbolished: number;
  readonly instructionsIssued: number;
  readonly instructionsCompleted: number;
  readonly instructionsOverdue: number;
}

export function dayCountsOf(fact: Fact): DayCounts {
  return {
    proceduresRegistered: fact.kind === 'procedure-registered' ? 1 : 0,
    proceduresAbolished: fact.kind === 'procedure-changed' && fact.abolished ? 1 : 0,
    instructionsIssued: fact.kind === 'instruction-issued' ? 1 : 0,
    instructionsCompleted: fact.kind === 'instruction-completed' ? 1 : 0,
    instructionsOverdue: fact.kind === 'instruction-overdue' ? 1 : 0,
  };
}
