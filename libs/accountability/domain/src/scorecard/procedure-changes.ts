import type { IntegrationEvent } from '@redtape/event-sourcing';
import { publishedAs } from '@redtape/procedures-domain/contract';

/**
 * What one change did to the burden a procedure puts on applicants, as the scorecards count it: net,
 * so that a cut undone later counts as nothing (60 → 20 → 90 → 20 days is 40 days cut, not 110).
 */
export interface ProcedureChange {
  /** Requirements removed, less those added. */
  readonly requirementsRemoved: number;
  /** Decision days cut, less those added. */
  readonly decisionDaysCut: number;
  /** Merged into another procedure: the seed's way of eliminating a duplicate. */
  readonly merged: number;
  /** Abolished, less those reinstated. */
  readonly abolished: number;
}

export const NO_CHANGE: ProcedureChange = {
  requirementsRemoved: 0,
  decisionDaysCut: 0,
  merged: 0,
  abolished: 0,
};

/** The change a published procedures event makes; undefined for one that changes none of the figures. */
export function procedureChangeOf(event: IntegrationEvent): ProcedureChange | undefined {
  if (publishedAs(event, 'RequirementRemoved')) return { ...NO_CHANGE, requirementsRemoved: 1 };
  if (publishedAs(event, 'RequirementAdded')) return { ...NO_CHANGE, requirementsRemoved: -1 };
  if (publishedAs(event, 'DecisionTimeChanged')) {
    const cut = event.data.previousDecisionDays - event.data.decisionDays;
    return cut === 0 ? undefined : { ...NO_CHANGE, decisionDaysCut: cut };
  }
  if (publishedAs(event, 'ProcedureMerged')) return { ...NO_CHANGE, merged: 1 };
  if (publishedAs(event, 'ProcedureAbolished')) return { ...NO_CHANGE, abolished: 1 };
  if (publishedAs(event, 'ProcedureReinstated')) return { ...NO_CHANGE, abolished: -1 };
  return undefined;
}

/** The net effect of several changes. */
export function netChange(changes: Iterable<ProcedureChange>): ProcedureChange {
  let total = NO_CHANGE;
  for (const change of changes)
    total = {
      requirementsRemoved: total.requirementsRemoved + change.requirementsRemoved,
      decisionDaysCut: total.decisionDaysCut + change.decisionDaysCut,
      merged: total.merged + change.merged,
      abolished: total.abolished + change.abolished,
    };
  return total;
}
