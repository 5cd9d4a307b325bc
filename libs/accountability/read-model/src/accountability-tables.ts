import type { InstructionStatus } from '@redtape/accountability-domain';
import type { RegionsMirrorTables } from '@redtape/regions-mirror';

/**
 * The accountability service's read model as readers see it: each name is a view over the current
 * generation of its projection's table. Dates are local dates in Asia/Bishkek (YYYY-MM-DD); JSON
 * columns hold text; flags are integers 0 or 1, so that the same tables work on every SQL dialect.
 */

/** A person who holds or held positions (`accountability` projection). */
export interface OfficialRow {
  id: string;
  name: string;
  /** The name folded for search (case, diacritics, punctuation and spacing). */
  normalized_name: string;
  /** Events of the official's stream applied: 1 after the registration. */
  revision: number;
}

/** One row per appointment, kept after the official is relieved (`accountability` projection). */
export interface PositionRow {
  official_id: string;
  /** The official's revision once the appointment was applied: orders and keys the appointments. */
  appointed_revision: number;
  authority_id: string;
  unit_id: string;
  title: string;
  /** 1 when the position heads the authority. */
  head: number;
  appointed_on: string;
  relieved_on: string | null;
}

/** A meeting as minuted (`accountability` projection). */
export interface MeetingRow {
  id: string;
  held_on: string;
  level: string;
  unit_id: string;
  title: string;
  chair: string;
  chair_official_id: string | null;
  /** JSON: string[]. */
  agenda: string;
}

/** An instruction as it stands, and who answers for it now (`accountability` projection). */
export interface InstructionRow {
  id: string;
  meeting_id: string | null;
  text: string;
  issued_on: string;
  deadline: string;
  /** The official it is addressed to, as issued or reassigned; null when addressed to an authority only. */
  assignee_official_id: string | null;
  /**
   * Who answers for it: the assignee, or the head of the authority for an instruction to an
   * authority, or the head who took it over after the assignee left. Kept when that official is
   * relieved (the instruction is then `unassigned`), so it still shows on their record.
   */
  effective_official_id: string | null;
  /** Who the outcome is charged to once settled (see `chargedTo`); null while open and within the deadline. */
  charged_official_id: string | null;
  authority_id: string | null;
  unit_id: string;
  status: InstructionStatus;
  completed_on: string | null;
  /** The day the deadline watcher found the deadline passed. */
  overdue_since: string | null;
  /** 1 while nobody in office answers for it: its official was relieved, or its authority has no head. */
  unassigned: number;
  /** While unassigned: the authority whose next head takes it over. */
  vacancy_authority_id: string | null;
  /** Events of the instruction's stream applied: 1 after it was issued. */
  revision: number;
}

/** Progress reported on an instruction, or on a unit's reform as a whole (`accountability` projection). */
export interface ProgressReportRow {
  /** The id of the event that reported it: report ids are unique only within their instruction. */
  event_id: string;
  id: string;
  instruction_id: string | null;
  unit_id: string;
  /** The meeting the report was heard at; for a report on an instruction, the instruction's meeting. */
  meeting_id: string | null;
  reported_on: string;
  by_official_id: string;
  text: string;
  /** JSON: Figure[]. */
  figures: string;
}

/** An official made personally responsible for a procedure (`accountability` projection). */
export interface ProcedureResponsibilityRow {
  procedure_id: string;
  official_id: string;
  assigned_on: string;
  /** Events of the responsibility stream applied. */
  revision: number;
}

/** Who owns each procedure, from the procedures' own events (`procedure-ownership` projection). */
export interface ProcedureOwnerRow {
  procedure_id: string;
  authority_id: string;
  unit_id: string;
  status: string;
  /** Events of the procedure's stream applied: 1 after its registration. */
  revision: number;
}

/** One row per procedure event that changed its burden, signed (`procedureChangeOf`, `procedure-ownership`). */
export interface ProcedureSimplificationRow {
  event_id: string;
  procedure_id: string;
  unit_id: string;
  /** The day in Asia/Bishkek the change happened (the event's `occurredAt`). */
  occurred_on: string;
  /** 1 for a requirement removed, −1 for one added. */
  requirements_removed: number;
  /** Days the decision time was shortened by; negative when it was lengthened. */
  decision_days_cut: number;
  /** 1 when the procedure was merged into another. */
  procedures_merged: number;
  /** 1 when abolished, −1 when reinstated. */
  procedures_abolished: number;
}

export interface AccountabilityTables extends RegionsMirrorTables {
  officials: OfficialRow;
  positions: PositionRow;
  meetings: MeetingRow;
  instructions: InstructionRow;
  progress_reports: ProgressReportRow;
  procedure_responsibilities: ProcedureResponsibilityRow;
  procedure_owners: ProcedureOwnerRow;
  procedure_simplifications: ProcedureSimplificationRow;
}
