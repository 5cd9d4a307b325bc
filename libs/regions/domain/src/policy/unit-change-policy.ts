import { isWithinJurisdiction, type Actor } from '@redtape/event-sourcing';

/** Whether an actor may change a unit: the shared jurisdiction rule, applied to the unit's ancestry. */
export function mayChangeUnit(actor: Actor | undefined, ancestry: readonly string[]): boolean {
  return isWithinJurisdiction(actor, ancestry);
}
