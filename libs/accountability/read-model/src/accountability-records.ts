import type {
  Figure,
  ProcedureChange,
  HeldPosition,
  InstructionStatus,
  LocalDate,
  Scorecard,
} from '@redtape/accountability-domain';
import { isCalendarDate } from '@redtape/event-sourcing';
import type { InstructionRow, MeetingRow, PositionRow, ProgressReportRow } from './accountability-tables.js';
import { InvalidQueryInput } from './invalid-query-input.js';

/** What the accountability queries answer, and how a row becomes one. */

export interface PositionRecord {
  readonly officialId: string;
  readonly authorityId: string;
  readonly unitId: string;
  readonly title: string;
  readonly head: boolean;
  readonly appointedOn: LocalDate;
  /** Null while the official holds it. */
  readonly relievedOn: LocalDate | null;
}

export interface OfficialRecord {
  readonly id: string;
  readonly name: string;
  /** Events applied to the official: 1 after the registration. */
  readonly revision: number;
  /** Every appointment, oldest first. */
  readonly positions: PositionRecord[];
  /** See `currentPosition`. */
  readonly currentPosition: PositionRecord | null;
}

export interface InstructionRecord {
  readonly id: string;
  readonly meetingId: string | null;
  readonly text: string;
  readonly issuedOn: LocalDate;
  readonly deadline: LocalDate;
  /** As issued or reassigned; null for an instruction to an authority alone. */
  readonly assigneeOfficialId: string | null;
  /** Who answers for it: the assignee, the authority's head, or the head who took it over. */
  readonly effectiveOfficialId: string | null;
  readonly authorityId: string | null;
  readonly unitId: string;
  readonly status: InstructionStatus;
  readonly completedOn: LocalDate | null;
  readonly overdueSince: LocalDate | null;
  /** Nobody in office answers for it until the authority's next head takes it over or it is reassigned. */
  readonly unassigned: boolean;
  readonly revision: number;
}

export interface ProgressReportRecord {
  readonly id: string;
  /** Null for a report on a unit's reform as a whole. */
  readonly instructionId: string | null;
  readonly unitId: string;
  readonly meetingId: string | null;
  readonly reportedOn: LocalDate;
  readonly byOfficialId: string;
  readonly text: string;
  readonly figures: Figure[];
}

export type InstructionWithReports = InstructionRecord & { readonly reports: ProgressReportRecord[] };

export interface MeetingRecord {
  readonly id: string;
  readonly heldOn: LocalDate;
  readonly level: 'CABINET' | 'REGIONAL';
  readonly unitId: string;
  readonly title: string;
  readonly chair: string;
  readonly chairOfficialId: string | null;
  readonly agenda: string[];
  /** Issued at the meeting, by deadline. */
  readonly instructions: InstructionRecord[];
  /** Heard at the meeting, and reported on its instructions, in the order they were reported. */
  readonly reports: ProgressReportRecord[];
}

export interface OfficialFilter {
  /** Officials holding a position in one of these units now; an empty list matches nothing. */
  readonly unitIds?: readonly string[] | undefined;
  /** Found anywhere in the name, in any case, spelling of diacritics or spacing. */
  readonly search?: string | undefined;
}

export interface InstructionFilter {
  readonly status?: InstructionStatus | undefined;
  /** Only instructions about these units; an empty list matches nothing. */
  readonly unitIds?: readonly string[] | undefined;
  /** Only OVERDUE ones. */
  readonly overdueOnly?: boolean | undefined;
  /** Only those this official answers for (the effective official, see InstructionRecord). */
  readonly assigneeOfficialId?: string | undefined;
}

export type { ResponsibilityBasis, ResponsibleOfficial } from '@redtape/accountability-domain';

export interface ScorecardRecord extends Scorecard {
  /** Procedures in force (see the procedures contract's IN_FORCE_STATUSES) the official, or the units, answer for. */
  readonly proceduresResponsible: number;
  /** The day from which the two figures below count (inclusive); null counts from the beginning. */
  readonly baselineDate: LocalDate | null;
  /** Net: requirements removed less those added, from the baseline on. */
  readonly requirementsRemovedSinceBaseline: number;
  /** Net: decision days cut less those added, from the baseline on. */
  readonly decisionDaysCutSinceBaseline: number;
  readonly proceduresMergedSinceBaseline: number;
  /** Abolished less reinstated, from the baseline on. */
  readonly proceduresAbolishedSinceBaseline: number;
}

export function requireDate(field: string, value: string): LocalDate {
  if (!isCalendarDate(value))
    throw new InvalidQueryInput(`${field} must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

export function heldPosition(row: PositionRow): HeldPosition {
  return {
    officialId: row.official_id,
    authorityId: row.authority_id,
    head: Number(row.head) === 1,
    appointedOn: row.appointed_on,
    relievedOn: row.relieved_on,
  };
}

export function toPosition(row: PositionRow): PositionRecord {
  return {
    officialId: row.official_id,
    authorityId: row.authority_id,
    unitId: row.unit_id,
    title: row.title,
    head: Number(row.head) === 1,
    appointedOn: row.appointed_on,
    relievedOn: row.relieved_on,
  };
}

/** Of the positions held now, the head's one first, then the latest appointment. */
export function currentOf(positions: readonly PositionRecord[]): PositionRecord | null {
  const current = positions.filter((position) => position.relievedOn === null);
  const ranked = [...current].reverse().sort((a, b) => Number(b.head) - Number(a.head));
  return ranked[0] ?? null;
}

export function toInstruction(row: InstructionRow): InstructionRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    text: row.text,
    issuedOn: row.issued_on,
    deadline: row.deadline,
    assigneeOfficialId: row.assignee_official_id,
    effectiveOfficialId: row.effective_official_id,
    authorityId: row.authority_id,
    unitId: row.unit_id,
    status: row.status,
    completedOn: row.completed_on,
    overdueSince: row.overdue_since,
    unassigned: Number(row.unassigned) === 1,
    revision: Number(row.revision),
  };
}

export function toReport(row: ProgressReportRow): ProgressReportRecord {
  return {
    id: row.id,
    instructionId: row.instruction_id,
    unitId: row.unit_id,
    meetingId: row.meeting_id,
    reportedOn: row.reported_on,
    byOfficialId: row.by_official_id,
    text: row.text,
    figures: JSON.parse(row.figures) as Figure[],
  };
}

export function toMeeting(
  row: MeetingRow,
  instructions: InstructionRecord[],
  reports: ProgressReportRecord[],
): MeetingRecord {
  return {
    id: row.id,
    heldOn: row.held_on,
    level: row.level as MeetingRecord['level'],
    unitId: row.unit_id,
    title: row.title,
    chair: row.chair,
    chairOfficialId: row.chair_official_id,
    agenda: JSON.parse(row.agenda) as string[],
    instructions,
    reports,
  };
}

export interface DailySimplification {
  readonly owner: string;
  readonly occurredOn: string;
  readonly change: ProcedureChange;
}
