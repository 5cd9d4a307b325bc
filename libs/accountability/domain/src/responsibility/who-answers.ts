import type { LocalDate } from '../accountability-events.js';

/**
 * Who answers personally for what: the reform's central rule, in one place. The read models keep
 * positions and assignments as rows; every query and projection that needs an answer asks here.
 */

/** A position as the rules of responsibility see it: whose, which authority, heading it or not, since and until when. */
export interface HeldPosition {
  readonly officialId: string;
  readonly authorityId: string;
  readonly head: boolean;
  readonly appointedOn: LocalDate;
  /** Null while the official holds it. */
  readonly relievedOn: LocalDate | null;
}

export function isHeldNow(position: Pick<HeldPosition, 'relievedOn'>): boolean {
  return position.relievedOn === null;
}

/**
 * The official heading the given positions' authority (or unit) now: of the heads in office, the
 * one appointed last, then by official id so that every reader picks the same one; undefined while
 * nobody heads it.
 */
export function currentHeadOf(positions: Iterable<HeldPosition>): string | undefined {
  let chosen: HeldPosition | undefined;
  for (const position of positions) {
    if (!position.head || !isHeldNow(position)) continue;
    if (
      chosen === undefined ||
      position.appointedOn > chosen.appointedOn ||
      (position.appointedOn === chosen.appointedOn && position.officialId < chosen.officialId)
    )
      chosen = position;
  }
  return chosen?.officialId;
}

/** ASSIGNED: made responsible in person; HEAD_OF_AUTHORITY: by default, as head of the owning authority. */
export type ResponsibilityBasis = 'ASSIGNED' | 'HEAD_OF_AUTHORITY';

export interface ResponsibleOfficial {
  readonly officialId: string;
  readonly basis: ResponsibilityBasis;
}

/**
 * Whether an official holding positions in these units may answer for something of a unit with this
 * ancestry (the unit, then its ancestors): only within the official's own unit or below it.
 */
export function isWithinUnitChain(
  officialUnitIds: readonly string[],
  unitAncestry: readonly string[],
): boolean {
  return officialUnitIds.some((unitId) => unitAncestry.includes(unitId));
}

/** What is known of a procedure's responsibility: an assignment in person, and its authority's head. */
export interface ProcedureResponsibilityFacts {
  readonly assigned?: { readonly officialId: string; readonly inOffice: boolean } | undefined;
  /** The head of the authority that owns the procedure, see `currentHeadOf`. */
  readonly ownerHead?: string | undefined;
}

/**
 * The official made responsible for the procedure in person, while that official holds any
 * position; otherwise the head of the authority that owns it; null when neither is known.
 */
export function responsibleForProcedure(facts: ProcedureResponsibilityFacts): ResponsibleOfficial | null {
  if (facts.assigned?.inOffice) return { officialId: facts.assigned.officialId, basis: 'ASSIGNED' };
  if (facts.ownerHead !== undefined) return { officialId: facts.ownerHead, basis: 'HEAD_OF_AUTHORITY' };
  return null;
}

/**
 * Who answers for an instruction when it is issued: the official it names, else the head of the
 * authority it is addressed to; null (unassigned) until that authority has a head.
 */
export function answererOfInstruction(
  assigneeOfficialId: string | null,
  authorityHead: string | undefined,
): string | null {
  return assigneeOfficialId ?? authorityHead ?? null;
}

/** What the rules need of an instruction someone answers for. */
export interface AnsweredInstruction {
  readonly assigneeOfficialId: string | null;
  readonly authorityId: string | null;
  readonly completed: boolean;
}

/** An official leaves a position: which authority, whether as its head, and whether any position remains. */
export interface Relief {
  readonly officialId: string;
  readonly authorityId: string;
  readonly head: boolean;
  readonly holdsAnyPositionAfter: boolean;
}

/**
 * Whether an open instruction the relieved official answered for now waits for someone: one given
 * in person waits only once the official holds no position at all; one given to the authority
 * waits when its head leaves it.
 */
export function waitsAfterRelief(instruction: AnsweredInstruction, relief: Relief): boolean {
  if (instruction.completed) return false;
  if (instruction.assigneeOfficialId === relief.officialId) return !relief.holdsAnyPositionAfter;
  return (
    relief.head && instruction.assigneeOfficialId === null && instruction.authorityId === relief.authorityId
  );
}

/** The authority whose next head takes over a waiting instruction: its own, else the one the official left. */
export function authorityAwaitedBy(instruction: AnsweredInstruction, leftAuthorityId: string): string {
  return instruction.authorityId ?? leftAuthorityId;
}

/**
 * Who an instruction's outcome is charged to, as far as it is settled: null while it is still open
 * and within its deadline (then whoever answers for it now is, see `chargedTo`).
 */
export interface InstructionCharge {
  readonly chargedOfficialId: string | null;
  readonly answeringOfficialId: string | null;
}

/** The official an instruction counts for in a personal scorecard. */
export function chargedTo(instruction: InstructionCharge): string | null {
  return instruction.chargedOfficialId ?? instruction.answeringOfficialId;
}

/**
 * Once the deadline has passed or the instruction is completed, its outcome is charged to whoever
 * answered for it then, and stays with them whoever answers for it later.
 */
export function chargeOnOutcome(instruction: InstructionCharge): string | null {
  return chargedTo(instruction);
}

/**
 * When the official answering for an open instruction is relieved after its deadline, the miss was
 * theirs: it is charged to them before the instruction waits for a successor.
 */
export function chargeOnRelief(
  instruction: InstructionCharge & { readonly deadline: LocalDate; readonly completed: boolean },
  relief: { readonly officialId: string; readonly relievedOn: LocalDate },
): string | null {
  if (instruction.completed || instruction.chargedOfficialId !== null) return instruction.chargedOfficialId;
  return instruction.deadline < relief.relievedOn ? relief.officialId : null;
}
