import type { ProcedureStatus } from '../procedure-events.js';

/**
 * The statuses in which a procedure binds applicants: a draft does not yet, a merged or abolished
 * one no longer. The one definition the reform's metrics, the scorecards and the analytics count by.
 */
export const IN_FORCE_STATUSES: readonly ProcedureStatus[] = ['ACTIVE', 'UNDER_REVIEW', 'SIMPLIFIED'];

export function isInForce(status: ProcedureStatus): boolean {
  return IN_FORCE_STATUSES.includes(status);
}

/** Merged into another or abolished: it binds nobody and never will again unless reinstated. */
export const CLOSED_STATUSES: readonly ProcedureStatus[] = ['MERGED', 'ABOLISHED'];

export function isClosed(status: ProcedureStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}
