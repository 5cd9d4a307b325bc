import type { ProcedureStatus } from '../procedure-events.js';
import type { ProcedureDocument } from '../procedure-state.js';
import { isInForce } from '../rules/in-force.js';

export type ReformMetrics = {
  activeProcedures: number;
  totalRequirements: number;
  totalDecisionDays: number;
  medianDecisionDays: number | null;
  totalFeesTyiyn: number;
};

/** The middle value, or the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** What the reform's figures need of a procedure: a read model keeps these per version, not the document. */
export interface ProcedureFigures {
  readonly status: ProcedureStatus;
  readonly requirementCount: number;
  readonly decisionDays: number;
  readonly feeTyiyn: number | null;
}

export function figuresOf(procedure: ProcedureDocument): ProcedureFigures {
  return {
    status: procedure.status,
    requirementCount: procedure.requirements.length,
    decisionDays: procedure.decisionDays,
    feeTyiyn: procedure.fee?.tyiyn ?? null,
  };
}

/**
 * The reform's figures over the procedures in force (ACTIVE, UNDER_REVIEW, SIMPLIFIED): how many,
 * how many documents they ask for, how long decisions take and what they cost (in whole tyiyn).
 */
export function reformMetrics(procedures: readonly ProcedureFigures[]): ReformMetrics {
  const inForce = procedures.filter((procedure) => isInForce(procedure.status));
  const days = inForce.map((procedure) => procedure.decisionDays);
  return {
    activeProcedures: inForce.length,
    totalRequirements: inForce.reduce((sum, procedure) => sum + procedure.requirementCount, 0),
    totalDecisionDays: days.reduce((sum, value) => sum + value, 0),
    medianDecisionDays: median(days),
    totalFeesTyiyn: inForce.reduce((sum, procedure) => sum + (procedure.feeTyiyn ?? 0), 0),
  };
}
