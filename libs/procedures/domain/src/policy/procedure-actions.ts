import { isWithinJurisdiction, type Actor, type ActorRole } from '@redtape/event-sourcing';
import type { ProcedureCommandType } from '../commands/procedure-commands.js';

/** What can be done to procedures: one action per command. */
export type ProcedureAction = ProcedureCommandType;

// A record rather than a list, so that the compiler notices a command added without an action here.
const EVERY_ACTION: Readonly<Record<ProcedureAction, true>> = {
  RegisterProcedure: true,
  ActivateProcedure: true,
  AddRequirement: true,
  RemoveRequirement: true,
  ReplaceRequirement: true,
  AddStep: true,
  RemoveStep: true,
  ReorderSteps: true,
  ChangeDecisionTime: true,
  ChangeFee: true,
  ChangeLegalBasis: true,
  StartReview: true,
  FinishReview: true,
  MarkProcedureDuplicate: true,
  MergeProcedure: true,
  AbolishProcedure: true,
  ReinstateProcedure: true,
};
export const PROCEDURE_ACTIONS: readonly ProcedureAction[] = Object.keys(EVERY_ACTION) as ProcedureAction[];

/**
 * Officials run their own authorities' procedures, so they may take every action on them (the
 * jurisdiction rule keeps them to their unit and the units below); the Cabinet, admins and the
 * system act everywhere; auditors only read.
 */
export const PROCEDURE_ACTIONS_BY_ROLE: Readonly<Record<ActorRole, readonly ProcedureAction[]>> = {
  official: PROCEDURE_ACTIONS,
  cabinet: PROCEDURE_ACTIONS,
  admin: PROCEDURE_ACTIONS,
  system: PROCEDURE_ACTIONS,
  auditor: [],
};

/**
 * Whether an actor may take an action on a procedure: the role must allow the action, and the
 * owning unit (`ancestryOfOwningUnit`: its id, then its ancestors up to the country) must lie
 * within the actor's jurisdiction.
 */
export function mayPerformOnProcedure(
  actor: Actor | undefined,
  action: ProcedureAction,
  ancestryOfOwningUnit: readonly string[],
): boolean {
  return (
    actor !== undefined &&
    PROCEDURE_ACTIONS_BY_ROLE[actor.role].includes(action) &&
    isWithinJurisdiction(actor, ancestryOfOwningUnit)
  );
}
