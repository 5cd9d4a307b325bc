import type { Actor } from '@redtape/event-sourcing';

/**
 * Whether an actor may change a unit. `ancestry` is the unit's id followed by its ancestors up to
 * `country/kg`. An official acts for one unit and everything below it; the Cabinet and admins act
 * everywhere; `system` loads reference data; auditors only read and anonymous callers change nothing.
 */
export function mayChangeUnit(actor: Actor | undefined, ancestry: readonly string[]): boolean {
  if (actor === undefined) return false;
  switch (actor.role) {
    case 'cabinet':
    case 'admin':
    case 'system':
      return true;
    case 'official':
      return actor.unitId !== undefined && ancestry.includes(actor.unitId);
    case 'auditor':
      return false;
  }
}
