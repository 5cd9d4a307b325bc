import {
  OPEN_STATUSES,
  currentHeadOf,
  isHeldNow,
  responsibleForProcedure,
  scorecardOf,
  type Figure,
  type HeldPosition,
  type InstructionStatus,
  type LocalDate,
  type ResponsibleOfficial,
  type Scorecard,
} from '@redtape/accountability-domain';
import { isCalendarDate } from '@redtape/event-sourcing';
import { containsPattern, likeContains } from '@redtape/projections';
import { IN_FORCE_STATUSES } from '@redtape/procedures-domain/contract';
import { sql, type Kysely } from 'kysely';
import { nameSearchForm } from './accountability.projection.js';
import type {
  AccountabilityTables,
  InstructionRow,
  MeetingRow,
  PositionRow,
  ProgressReportRow,
} from './accountability-tables.js';
import { InvalidQueryInput } from './invalid-query-input.js';

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
  readonly requirementsRemovedSinceBaseline: number;
  readonly decisionDaysCutSinceBaseline: number;
}

function requireDate(field: string, value: string): LocalDate {
  if (!isCalendarDate(value))
    throw new InvalidQueryInput(`${field} must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

function heldPosition(row: PositionRow): HeldPosition {
  return {
    officialId: row.official_id,
    authorityId: row.authority_id,
    head: Number(row.head) === 1,
    appointedOn: row.appointed_on,
    relievedOn: row.relieved_on,
  };
}

function toPosition(row: PositionRow): PositionRecord {
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
function currentOf(positions: readonly PositionRecord[]): PositionRecord | null {
  const current = positions.filter((position) => position.relievedOn === null);
  const ranked = [...current].reverse().sort((a, b) => Number(b.head) - Number(a.head));
  return ranked[0] ?? null;
}

function toInstruction(row: InstructionRow): InstructionRecord {
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

function toReport(row: ProgressReportRow): ProgressReportRecord {
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

function toMeeting(
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

/** Everything the accountability API reads, from the read model only (never from the event store). */
export class AccountabilityQueries {
  constructor(private readonly db: Kysely<AccountabilityTables>) {}

  async official(id: string): Promise<OfficialRecord | undefined> {
    const [official] = await this.officialsById([id]);
    return official;
  }

  /** Officials by name, then id. */
  async officials(filter: OfficialFilter = {}): Promise<OfficialRecord[]> {
    if (filter.unitIds?.length === 0) return [];
    let query = this.db.selectFrom('officials').select('id');
    if (filter.unitIds !== undefined) {
      const unitIds = filter.unitIds;
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('positions')
          .select('official_id')
          .where('unit_id', 'in', unitIds)
          .where('relieved_on', 'is', null),
      );
    }
    if (filter.search !== undefined) {
      const term = nameSearchForm(filter.search);
      if (term.length === 0) return [];
      query = query.where(likeContains('normalized_name', containsPattern(term)));
    }
    const rows = await query.orderBy('name').orderBy('id').execute();
    return this.officialsById(rows.map((row) => row.id));
  }

  /**
   * The position the official holds now: of several, the one heading an authority, then the one
   * appointed last; null while the official holds none.
   */
  async currentPosition(officialId: string): Promise<PositionRecord | null> {
    return currentOf(await this.positionsOf([officialId]));
  }

  /**
   * The official heading an authority of the unit now; of several such heads (the Cabinet and a
   * central agency of the country, say), the one appointed last.
   */
  async headOf(unitId: string): Promise<OfficialRecord | undefined> {
    const positions = await this.db
      .selectFrom('positions')
      .selectAll()
      .where('unit_id', '=', unitId)
      .execute();
    const head = currentHeadOf(positions.map(heldPosition));
    return head === undefined ? undefined : this.official(head);
  }

  async instruction(id: string): Promise<InstructionWithReports | undefined> {
    const row = await this.db.selectFrom('instructions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const reports = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('instruction_id', '=', id)
      .orderBy('reported_on')
      .orderBy('id')
      .execute();
    return { ...toInstruction(row), reports: reports.map(toReport) };
  }

  /** Instructions by deadline, then id. */
  async instructions(filter: InstructionFilter = {}): Promise<InstructionRecord[]> {
    if (filter.unitIds?.length === 0) return [];
    let query = this.db.selectFrom('instructions').selectAll();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.overdueOnly) query = query.where('status', '=', 'OVERDUE');
    if (filter.unitIds !== undefined) query = query.where('unit_id', 'in', filter.unitIds);
    if (filter.assigneeOfficialId !== undefined)
      query = query.where('effective_official_id', '=', filter.assigneeOfficialId);
    const rows = await query.orderBy('deadline').orderBy('id').execute();
    return rows.map(toInstruction);
  }

  async meeting(id: string): Promise<MeetingRecord | undefined> {
    const row = await this.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const instructions = await this.db
      .selectFrom('instructions')
      .selectAll()
      .where('meeting_id', '=', id)
      .orderBy('deadline')
      .orderBy('id')
      .execute();
    const reports = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('meeting_id', '=', id)
      .orderBy('reported_on')
      .orderBy('id')
      .orderBy('event_id')
      .execute();
    return toMeeting(row, instructions.map(toInstruction), reports.map(toReport));
  }

  /**
   * The official made responsible for the procedure in person, while that official is in office;
   * otherwise the head of the authority that owns it; null when neither is known.
   */
  async responsibleOfficialForProcedure(procedureId: string): Promise<ResponsibleOfficial | null> {
    return (await this.responsibleOfficials([procedureId])).get(procedureId) ?? null;
  }

  /**
   * How the official stands: the instructions they answer for, the procedures in force they are
   * responsible for now, and what those procedures shed since `baseline` (inclusive).
   */
  async scorecardOfOfficial(officialId: string, baseline?: LocalDate): Promise<ScorecardRecord> {
    const since = baseline === undefined ? undefined : requireDate('baseline', baseline);
    const instructions = await this.db
      .selectFrom('instructions')
      .select(['status', 'unassigned'])
      .where('effective_official_id', '=', officialId)
      .execute();

    const headed = this.db
      .selectFrom('positions')
      .select('authority_id')
      .where('official_id', '=', officialId)
      .where('head', '=', 1)
      .where('relieved_on', 'is', null);
    const candidates = await this.db
      .selectFrom('procedure_owners')
      .select('procedure_id')
      .where('status', 'in', IN_FORCE_STATUSES)
      .where((eb) =>
        eb.or([
          eb('authority_id', 'in', headed),
          eb(
            'procedure_id',
            'in',
            eb
              .selectFrom('procedure_responsibilities')
              .select('procedure_id')
              .where('official_id', '=', officialId),
          ),
        ]),
      )
      .execute();
    const responsible = await this.responsibleOfficials(candidates.map((row) => row.procedure_id));
    const procedureIds = [...responsible]
      .filter(([, answer]) => answer.officialId === officialId)
      .map(([procedureId]) => procedureId);

    return {
      ...this.instructionCounts(instructions),
      proceduresResponsible: procedureIds.length,
      baselineDate: since ?? null,
      ...(await this.simplifications('procedure_id', procedureIds, since)),
    };
  }

  /**
   * How these units stand (pass a unit and its descendants for a region as a whole): the
   * instructions about them, their authorities' procedures in force, and what those shed since
   * `baseline` (inclusive).
   */
  async scorecardOfUnit(unitIds: readonly string[], baseline?: LocalDate): Promise<ScorecardRecord> {
    const since = baseline === undefined ? undefined : requireDate('baseline', baseline);
    const instructions =
      unitIds.length === 0
        ? []
        : await this.db
            .selectFrom('instructions')
            .select(['status', 'unassigned'])
            .where('unit_id', 'in', unitIds)
            .execute();
    const procedures =
      unitIds.length === 0
        ? { total: 0 }
        : await this.db
            .selectFrom('procedure_owners')
            .select((eb) => eb.fn.countAll<number | string>().as('total'))
            .where('unit_id', 'in', unitIds)
            .where('status', 'in', IN_FORCE_STATUSES)
            .executeTakeFirstOrThrow();
    return {
      ...this.instructionCounts(instructions),
      proceduresResponsible: Number(procedures.total),
      baselineDate: since ?? null,
      ...(await this.simplifications('unit_id', unitIds, since)),
    };
  }

  /**
   * Instructions still issued or in progress whose deadline is before `today` (a date in
   * Asia/Bishkek): the deadline day itself is still on time. What the deadline watcher marks overdue.
   */
  async openInstructionsPastDeadline(today: LocalDate): Promise<string[]> {
    const day = requireDate('today', today);
    const rows = await this.db
      .selectFrom('instructions')
      .select('id')
      .where('status', 'in', OPEN_STATUSES)
      .where('deadline', '<', day)
      .orderBy('deadline')
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  private instructionCounts(rows: readonly { status: InstructionStatus; unassigned: number }[]): Scorecard {
    return scorecardOf(rows.map((row) => ({ status: row.status, unassigned: Number(row.unassigned) === 1 })));
  }

  private async simplifications(
    column: 'procedure_id' | 'unit_id',
    ids: readonly string[],
    since: LocalDate | undefined,
  ): Promise<Pick<ScorecardRecord, 'requirementsRemovedSinceBaseline' | 'decisionDaysCutSinceBaseline'>> {
    if (ids.length === 0) return { requirementsRemovedSinceBaseline: 0, decisionDaysCutSinceBaseline: 0 };
    let query = this.db
      .selectFrom('procedure_simplifications')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number | string>('requirements_removed'), sql.lit(0)).as('removed'),
        eb.fn.coalesce(eb.fn.sum<number | string>('decision_days_cut'), sql.lit(0)).as('cut'),
      ])
      .where(column, 'in', ids);
    if (since !== undefined) query = query.where('occurred_on', '>=', since);
    const { removed, cut } = await query.executeTakeFirstOrThrow();
    return { requirementsRemovedSinceBaseline: Number(removed), decisionDaysCutSinceBaseline: Number(cut) };
  }

  private async officialsById(ids: readonly string[]): Promise<OfficialRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('officials')
      .select(['id', 'name', 'revision'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const positions = await this.positionsOf(ids);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const own = positions.filter((position) => position.officialId === id);
      return [
        {
          id,
          name: row.name,
          revision: Number(row.revision),
          positions: own,
          currentPosition: currentOf(own),
        },
      ];
    });
  }

  /** Oldest appointment first, per official. */
  private async positionsOf(officialIds: readonly string[]): Promise<PositionRecord[]> {
    const rows = await this.db
      .selectFrom('positions')
      .selectAll()
      .where('official_id', 'in', officialIds)
      .orderBy('official_id')
      .orderBy('appointed_revision')
      .execute();
    return rows.map(toPosition);
  }

  private async responsibleOfficials(
    procedureIds: readonly string[],
  ): Promise<Map<string, ResponsibleOfficial>> {
    const answers = new Map<string, ResponsibleOfficial>();
    if (procedureIds.length === 0) return answers;
    const assigned = await this.db
      .selectFrom('procedure_responsibilities')
      .select(['procedure_id', 'official_id'])
      .where('procedure_id', 'in', procedureIds)
      .execute();
    const owners = await this.db
      .selectFrom('procedure_owners')
      .select(['procedure_id', 'authority_id'])
      .where('procedure_id', 'in', procedureIds)
      .execute();
    const officialIds = [...new Set(assigned.map((row) => row.official_id))];
    const authorityIds = [...new Set(owners.map((row) => row.authority_id))];
    const positions =
      officialIds.length + authorityIds.length === 0
        ? []
        : await this.db
            .selectFrom('positions')
            .selectAll()
            .where((eb) =>
              eb.or([
                ...(officialIds.length > 0 ? [eb('official_id', 'in', officialIds)] : []),
                ...(authorityIds.length > 0 ? [eb('authority_id', 'in', authorityIds)] : []),
              ]),
            )
            .execute();
    const held = positions.map(heldPosition);
    const inOffice = new Set(held.filter(isHeldNow).map((position) => position.officialId));
    const headOf = new Map<string, string | undefined>();
    for (const { authority_id: authorityId } of owners)
      if (!headOf.has(authorityId))
        headOf.set(
          authorityId,
          currentHeadOf(held.filter((position) => position.authorityId === authorityId)),
        );

    const assignedTo = new Map(assigned.map((row) => [row.procedure_id, row.official_id]));
    const ownerOf = new Map(owners.map((row) => [row.procedure_id, row.authority_id]));
    for (const procedureId of procedureIds) {
      const officialId = assignedTo.get(procedureId);
      const authorityId = ownerOf.get(procedureId);
      const answer = responsibleForProcedure({
        assigned: officialId === undefined ? undefined : { officialId, inOffice: inOffice.has(officialId) },
        ownerHead: authorityId === undefined ? undefined : headOf.get(authorityId),
      });
      if (answer !== null) answers.set(procedureId, answer);
    }
    return answers;
  }
}
