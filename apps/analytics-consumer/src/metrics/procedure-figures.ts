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
