import type { Actor, ActorRole } from '@redtape/event-sourcing';
import type { RegionsCommand } from '../regions-messages.js';
import { mayChangeUnit } from './unit-change-policy.js';

/** What can be done in the regions context: one action per command. */
export type RegionsAction = RegionsCommand['type'];

// A record rather than a list, so that the compiler notices a command added without an action here.
const EVERY_ACTION: Readonly<Record<RegionsAction, true>> = {
  StartReformStage: true,
  RegisterUnit: true,
  RenameUnit: true,
  EnrollUnitInPilot: true,
  WithdrawUnitFromPilot: true,
  EstablishAuthority: true,
};
const ALL_ACTIONS = Object.keys(EVERY_ACTION) as RegionsAction[];

/**
 * Reform stages, the list of units and the pilot are decided by the Cabinet, so officials may only
 * keep their own units' names and authorities up to date.
 */
export const ACTIONS_BY_ROLE: Readonly<Record<ActorRole, readonly RegionsAction[]>> = {
  system: ALL_ACTIONS,
  admin: ALL_ACTIONS,
  cabinet: ALL_ACTIONS,
  official: ['RenameUnit', 'EstablishAuthority'],
  auditor: [],
};

export function actionsOf(role: ActorRole): readonly RegionsAction[] {
  return ACTIONS_BY_ROLE[role];
}

/**
 * Whether an actor may take an action on a unit (for reform stages, the country: `['country/kg']`):
 * the role must allow the action and the unit must lie within the actor's reach.
 */
export function mayPerform(
  actor: Actor | undefined,
  action: RegionsAction,
  ancestry: readonly string[],
): boolean {
  return actor !== undefined && actionsOf(actor.role).includes(action) && mayChangeUnit(actor, ancestry);
}
