import {
  OPEN_STATUSES,
  chargedTo,
  currentHeadOf,
  isHeldNow,
  netChange,
  responsibleForProcedure,
  scorecardOf,
  type InstructionStatus,
  type LocalDate,
  type ResponsibleOfficial,
  type Scorecard,
} from '@redtape/accountability-domain';
import { containsPattern, likeContains, rowsBy } from '@redtape/projections';
import { IN_FORCE_STATUSES } from '@redtape/procedures-domain/contract';
import type { Kysely } from 'kysely';
import { nameSearchForm } from './accountability.projection.js';
import type { AccountabilityTables } from './accountability-tables.js';
import {
  requireDate,
  heldPosition,
  toPosition,
  currentOf,
  toInstruction,
  toReport,
  toMeeting,
  type DailySimplification,
  type InstructionFilter,
  type InstructionRecord,
  type InstructionWithReports,
  type MeetingRecord,
  type OfficialFilter,
  type OfficialRecord,
  type PositionRecord,
  type ProgressReportRecord,
  type ScorecardRecord,
} from './accountability-records.js';

export * from './accountability-records.js';

type SinceBaseline = Pick<
  ScorecardRecord,
  | 'requirementsRemovedSinceBaseline'
  | 'decisionDaysCutSinceBaseline'
  | 'proceduresMergedSinceBaseline'
  | 'proceduresAbolishedSinceBaseline'
>;

/** The net change of the owners' procedures from `since` on (inclusive), by the domain's `netChange`. */
function simplificationsSince(
  owners: readonly string[],
  daily: ReadonlyMap<string, readonly DailySimplification[]>,
  since: LocalDate | undefined,
): SinceBaseline {
  const net = netChange(
    owners
      .flatMap((owner) => daily.get(owner) ?? [])
      .filter((day) => since === undefined || day.occurredOn >= since)
      .map((day) => day.change),
  );
  return {
    requirementsRemovedSinceBaseline: net.requirementsRemoved,
    decisionDaysCutSinceBaseline: net.decisionDaysCut,
    proceduresMergedSinceBaseline: net.merged,
    proceduresAbolishedSinceBaseline: net.abolished,
  };
}

/** The map's entries whose value `valueOf` finds. */
function definedValues<V, W>(
  map: ReadonlyMap<string, V>,
  valueOf: (value: V) => W | undefined,
): Map<string, W> {
  const defined = new Map<string, W>();
  for (const [key, value] of map) {
    const found = valueOf(value);
    if (found !== undefined) defined.set(key, found);
  }
  return defined;
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
    return (await this.headsOfUnits([unitId])).get(unitId);
  }

  /** The official heading the authority now, by the domain's rule; undefined while it has none. */
  async headOfAuthority(authorityId: string): Promise<string | undefined> {
    const positions = await this.db
      .selectFrom('positions')
      .selectAll()
      .where('authority_id', '=', authorityId)
      .execute();
    return currentHeadOf(positions.map(heldPosition));
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
    return (await this.scorecardsOfOfficials(new Map([[officialId, baseline]]))).get(officialId)!;
  }

  /**
   * How these units stand (pass a unit and its descendants for a region as a whole): the
   * instructions about them, their authorities' procedures in force, and what those shed since
   * `baseline` (inclusive).
   */
  async scorecardOfUnit(unitIds: readonly string[], baseline?: LocalDate): Promise<ScorecardRecord> {
    return (await this.scorecardsOfUnitGroups(new Map([['units', { unitIds, baseline }]]))).get('units')!;
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

  // Batches: one statement, or a fixed few, for every id or parent that a GraphQL request asks for
  // (see AccountabilityLoaders). Each answers, per key, what its single-item counterpart above does.

  async officialsByIds(ids: readonly string[]): Promise<Map<string, OfficialRecord>> {
    const officials = await this.officialsById([...new Set(ids)]);
    return new Map(officials.map((official) => [official.id, official]));
  }

  /** `headOf` each unit, by the unit's id; a unit without a head in office is left out. */
  async headsOfUnits(unitIds: readonly string[]): Promise<Map<string, OfficialRecord>> {
    if (unitIds.length === 0) return new Map();
    const positions = await this.db
      .selectFrom('positions')
      .selectAll()
      .where('unit_id', 'in', unitIds)
      .execute();
    const headIds = new Map<string, string>();
    for (const [unitId, own] of rowsBy(positions, (row) => row.unit_id)) {
      const head = currentHeadOf(own.map(heldPosition));
      if (head !== undefined) headIds.set(unitId, head);
    }
    const officials = await this.officialsByIds([...headIds.values()]);
    return definedValues(headIds, (officialId) => officials.get(officialId));
  }

  /** `officials({ unitIds: [unit] })` of each unit, by the unit's id: those in office there, by name, then id. */
  async officialsOfUnits(unitIds: readonly string[]): Promise<Map<string, OfficialRecord[]>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('positions')
      .innerJoin('officials', 'officials.id', 'positions.official_id')
      .select(['positions.unit_id', 'positions.official_id'])
      .where('positions.unit_id', 'in', unitIds)
      .where('positions.relieved_on', 'is', null)
      .orderBy('officials.name')
      .orderBy('officials.id')
      .execute();
    const officials = await this.officialsByIds(rows.map((row) => row.official_id));
    return new Map(
      [...rowsBy(rows, (row) => row.unit_id)].map(([unitId, own]) => [
        unitId,
        [...new Set(own.map((row) => row.official_id))].flatMap((id) => officials.get(id) ?? []),
      ]),
    );
  }

  /** The instructions themselves, without their reports (see `reportsOfInstructions`). */
  async instructionsByIds(ids: readonly string[]): Promise<Map<string, InstructionRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('instructions').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, toInstruction(row)]));
  }

  /** The reports of each instruction, by its id, in the order `instruction` gives them. */
  async reportsOfInstructions(
    instructionIds: readonly string[],
  ): Promise<Map<string, ProgressReportRecord[]>> {
    if (instructionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('instruction_id', 'in', instructionIds)
      .orderBy('reported_on')
      .orderBy('id')
      .execute();
    return new Map(
      [...rowsBy(rows, (row) => row.instruction_id!)].map(([id, own]) => [id, own.map(toReport)]),
    );
  }

  async meetingsByIds(ids: readonly string[]): Promise<Map<string, MeetingRecord>> {
    if (ids.length === 0) return new Map();
    const meetings = await this.db.selectFrom('meetings').selectAll().where('id', 'in', ids).execute();
    if (meetings.length === 0) return new Map();
    const found = meetings.map((meeting) => meeting.id);
    const instructions = await this.db
      .selectFrom('instructions')
      .selectAll()
      .where('meeting_id', 'in', found)
      .orderBy('deadline')
      .orderBy('id')
      .execute();
    const reports = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('meeting_id', 'in', found)
      .orderBy('reported_on')
      .orderBy('id')
      .orderBy('event_id')
      .execute();
    const instructionsOf = rowsBy(instructions, (row) => row.meeting_id!);
    const reportsOf = rowsBy(reports, (row) => row.meeting_id!);
    return new Map(
      meetings.map((meeting) => [
        meeting.id,
        toMeeting(
          meeting,
          (instructionsOf.get(meeting.id) ?? []).map(toInstruction),
          (reportsOf.get(meeting.id) ?? []).map(toReport),
        ),
      ]),
    );
  }

  /** `instructions({ assigneeOfficialId, status })` of each official, by the official's id. */
  async instructionsOfOfficials(
    officialIds: readonly string[],
    status?: InstructionStatus,
  ): Promise<Map<string, InstructionRecord[]>> {
    if (officialIds.length === 0) return new Map();
    let query = this.db
      .selectFrom('instructions')
      .selectAll()
      .where('effective_official_id', 'in', officialIds);
    if (status !== undefined) query = query.where('status', '=', status);
    const rows = await query.orderBy('deadline').orderBy('id').execute();
    return new Map(
      [...rowsBy(rows, (row) => row.effective_official_id!)].map(([id, own]) => [id, own.map(toInstruction)]),
    );
  }

  /** `instructions({ unitIds, status })` of each group of units (a unit and those below it), by the group's key. */
  async instructionsOfUnitGroups(
    groups: ReadonlyMap<string, readonly string[]>,
    status?: InstructionStatus,
  ): Promise<Map<string, InstructionRecord[]>> {
    const unitIds = [...new Set([...groups.values()].flat())];
    if (unitIds.length === 0) return new Map();
    let query = this.db.selectFrom('instructions').selectAll().where('unit_id', 'in', unitIds);
    if (status !== undefined) query = query.where('status', '=', status);
    const rows = (await query.orderBy('deadline').orderBy('id').execute()).map(toInstruction);
    return new Map(
      [...groups].map(([key, ids]) => {
        const members = new Set(ids);
        return [key, rows.filter((row) => members.has(row.unitId))];
      }),
    );
  }

  /** `responsibleOfficialForProcedure` of each procedure, by its id; one nobody answers for is left out. */
  async responsibleOfficialsForProcedures(
    procedureIds: readonly string[],
  ): Promise<Map<string, ResponsibleOfficial>> {
    return this.responsibleOfficials([...new Set(procedureIds)]);
  }

  /**
   * `scorecardOfUnit` of each group of units (a unit and those below it), each from its own
   * baseline, by the group's key: three statements whatever the number of groups.
   */
  async scorecardsOfUnitGroups(
    groups: ReadonlyMap<string, { readonly unitIds: readonly string[]; readonly baseline?: LocalDate }>,
  ): Promise<Map<string, ScorecardRecord>> {
    const since = new Map(
      [...groups].map(([key, group]) => [
        key,
        group.baseline === undefined ? undefined : requireDate('baseline', group.baseline),
      ]),
    );
    const unitIds = [...new Set([...groups.values()].flatMap((group) => group.unitIds))];
    const instructions =
      unitIds.length === 0
        ? []
        : await this.db
            .selectFrom('instructions')
            .select(['unit_id', 'status', 'unassigned'])
            .where('unit_id', 'in', unitIds)
            .execute();
    const procedures =
      unitIds.length === 0
        ? []
        : await this.db
            .selectFrom('procedure_owners')
            .select((eb) => ['unit_id', eb.fn.countAll<number | string>().as('total')])
            .where('unit_id', 'in', unitIds)
            .where('status', 'in', IN_FORCE_STATUSES)
            .groupBy('unit_id')
            .execute();
    const simplified = await this.simplificationsByDay('unit_id', unitIds);
    const instructionsOf = rowsBy(instructions, (row) => row.unit_id);
    const proceduresOf = new Map(procedures.map((row) => [row.unit_id, Number(row.total)]));
    return new Map(
      [...groups].map(([key, group]) => {
        const from = since.get(key);
        return [
          key,
          {
            ...this.instructionCounts(group.unitIds.flatMap((id) => instructionsOf.get(id) ?? [])),
            proceduresResponsible: group.unitIds.reduce((sum, id) => sum + (proceduresOf.get(id) ?? 0), 0),
            baselineDate: from ?? null,
            ...simplificationsSince(group.unitIds, simplified, from),
          },
        ];
      }),
    );
  }

  /**
   * `scorecardOfOfficial` of each official, each from its own baseline, by the official's id: a
   * fixed few statements whatever the number of officials.
   */
  async scorecardsOfOfficials(
    baselines: ReadonlyMap<string, LocalDate | undefined>,
  ): Promise<Map<string, ScorecardRecord>> {
    const since = new Map(
      [...baselines].map(([id, baseline]) => [
        id,
        baseline === undefined ? undefined : requireDate('baseline', baseline),
      ]),
    );
    const officialIds = [...baselines.keys()];
    if (officialIds.length === 0) return new Map();
    // An instruction counts for the official its outcome is charged to (`chargedTo`): a deadline
    // missed stays with whoever missed it after a successor takes the instruction over.
    const instructions = (
      await this.db
        .selectFrom('instructions')
        .select(['effective_official_id', 'charged_official_id', 'status', 'unassigned'])
        .where((eb) =>
          eb.or([
            eb('effective_official_id', 'in', officialIds),
            eb('charged_official_id', 'in', officialIds),
          ]),
        )
        .execute()
    ).map((row) => ({
      ...row,
      chargedTo: chargedTo({
        chargedOfficialId: row.charged_official_id,
        answeringOfficialId: row.effective_official_id,
      }),
    }));
    // Candidates: procedures of authorities these officials head now, and those made theirs in
    // person; `responsibleOfficials` then applies the rule to each.
    const positions = await this.db
      .selectFrom('positions')
      .selectAll()
      .where('official_id', 'in', officialIds)
      .execute();
    const headed = [
      ...new Set(
        positions
          .map(heldPosition)
          .filter((position) => position.head && isHeldNow(position))
          .map((position) => position.authorityId),
      ),
    ];
    const candidates = await this.db
      .selectFrom('procedure_owners')
      .select('procedure_id')
      .where('status', 'in', IN_FORCE_STATUSES)
      .where((eb) =>
        eb.or([
          ...(headed.length > 0 ? [eb('authority_id', 'in', headed)] : []),
          eb(
            'procedure_id',
            'in',
            eb
              .selectFrom('procedure_responsibilities')
              .select('procedure_id')
              .where('official_id', 'in', officialIds),
          ),
        ]),
      )
      .execute();
    const responsible = await this.responsibleOfficials(candidates.map((row) => row.procedure_id));
    const proceduresOf = rowsBy(
      [...responsible].map(([procedureId, answer]) => ({ procedureId, officialId: answer.officialId })),
      (row) => row.officialId,
    );
    const simplified = await this.simplificationsByDay('procedure_id', [...responsible.keys()]);
    const instructionsOf = rowsBy(instructions, (row) => row.chargedTo ?? '');
    return new Map(
      officialIds.map((id) => {
        const procedureIds = (proceduresOf.get(id) ?? []).map((row) => row.procedureId);
        const from = since.get(id);
        return [
          id,
          {
            ...this.instructionCounts(instructionsOf.get(id) ?? []),
            proceduresResponsible: procedureIds.length,
            baselineDate: from ?? null,
            ...simplificationsSince(procedureIds, simplified, from),
          },
        ];
      }),
    );
  }

  /** What the procedures of these units, or these procedures, shed on each day, by unit or procedure. */
  private async simplificationsByDay(
    column: 'procedure_id' | 'unit_id',
    ids: readonly string[],
  ): Promise<Map<string, DailySimplification[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedure_simplifications')
      .select((eb) => [
        eb.ref(column).as('owner'),
        'occurred_on',
        eb.fn.sum<number | string>('requirements_removed').as('removed'),
        eb.fn.sum<number | string>('decision_days_cut').as('cut'),
        eb.fn.sum<number | string>('procedures_merged').as('merged'),
        eb.fn.sum<number | string>('procedures_abolished').as('abolished'),
      ])
      .where(column, 'in', ids)
      .groupBy([column, 'occurred_on'])
      .execute();
    return rowsBy(
      rows.map((row) => ({
        owner: row.owner,
        occurredOn: row.occurred_on,
        change: {
          requirementsRemoved: Number(row.removed),
          decisionDaysCut: Number(row.cut),
          merged: Number(row.merged),
          abolished: Number(row.abolished),
        },
      })),
      (row) => row.owner,
    );
  }

  private instructionCounts(rows: readonly { status: InstructionStatus; unassigned: number }[]): Scorecard {
    return scorecardOf(rows.map((row) => ({ status: row.status, unassigned: Number(row.unassigned) === 1 })));
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
