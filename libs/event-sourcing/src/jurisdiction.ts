import type { Actor } from './envelope.js';

/**
 * Whether a change to something that belongs to a unit lies within the actor's reach. `ancestry` is
 * that unit's id followed by its ancestors up to the country. An official acts for one unit and
 * everything below it; the Cabinet and admins act everywhere; `system` records reference data and
 * scheduled facts; auditors only read; an anonymous caller changes nothing. Every context applies
 * this one rule (each adds which actions a role may take).
 */
export function isWithinJurisdiction(actor: Actor | undefined, ancestry: readonly string[]): boolean {
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
