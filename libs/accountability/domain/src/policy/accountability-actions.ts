import { isWithinJurisdiction, type Actor, type ActorRole } from '@redtape/event-sourcing';
import type { AccountabilityCommandType } from '../commands/accountability-commands.js';

/** What can be done in the accountability context: one action per command. */
export type AccountabilityAction = AccountabilityCommandType;

// A record rather than a list, so that the compiler notices a command added without an action here.
const EVERY_ACTION: Readonly<Record<AccountabilityAction, true>> = {
  RegisterOfficial: true,
  AppointOfficial: true,
  RelieveOfficialOfDuties: true,
  AssignProcedureResponsibility: true,
  HoldMeeting: true,
  IssueInstruction: true,
  ReportProgress: true,
  CompleteInstruction: true,
  MarkInstructionOverdue: true,
  ReassignInstruction: true,
  ReportUnitProgress: true,
};
export const ACCOUNTABILITY_ACTIONS = Object.keys(EVERY_ACTION) as AccountabilityAction[];

/**
 * The Cabinet appoints, assigns, holds meetings and gives and closes instructions; officials answer
 * for them, so they only report progress (on their own instructions, which the decider checks, and
 * on their units). The system runs the deadline watcher and sample loads; auditors only read.
 */
export const ACCOUNTABILITY_ACTIONS_BY_ROLE: Readonly<Record<ActorRole, readonly AccountabilityAction[]>> = {
  cabinet: ACCOUNTABILITY_ACTIONS,
  admin: ACCOUNTABILITY_ACTIONS,
  system: ACCOUNTABILITY_ACTIONS,
  official: ['ReportProgress', 'ReportUnitProgress'],
  auditor: [],
};

/**
 * Whether an actor may take an action: the role must allow it, and the unit it concerns
 * (`ancestry`: the unit's id, then its ancestors up to the country; for an instruction its unit, for
 * an official the unit of the authority) must lie within the actor's jurisdiction.
 */
export function mayPerformAccountability(
  actor: Actor | undefined,
  action: AccountabilityAction,
  ancestry: readonly string[],
): boolean {
  return (
    actor !== undefined &&
    ACCOUNTABILITY_ACTIONS_BY_ROLE[actor.role].includes(action) &&
    isWithinJurisdiction(actor, ancestry)
  );
}
