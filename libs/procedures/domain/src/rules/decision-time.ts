import { InvalidDecisionTime } from '../errors/value-errors.js';

/** The statutory time to decide, in whole days; a decision takes at least one. */
export function requireDecisionDays(days: number): number {
  if (!Number.isSafeInteger(days) || days < 1) throw new InvalidDecisionTime(days);
  return days;
}
