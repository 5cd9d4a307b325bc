import { isCalendarDate } from '@redtape/event-sourcing';
import {
  duplicateCandidates,
  reformMetrics,
  type DuplicateCandidate,
  type FieldChange,
  type LevelProcedures,
  type ProcedureDocument,
  type ProcedureNames,
  type ProcedureStatus,
  type ReformMetrics,
} from '@redtape/procedures-domain';
import { rowBy, rowsBy } from '@redtape/projections';
import { RegionsMirrorQueries } from '@redtape/regions-mirror';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { InvalidQueryInput } from './invalid-query-input.js';
import { decodeCursor, encodeCursor, pageOf, requirePageSize, type Page } from './pagination.js';
import { parseDocument } from './procedure-events-read.js';
import type { ProcedureRow, ProcedureVersionRow, ProceduresTables } from './procedures-tables.js';
import { containsPattern, likeContains, searchForm } from './search-form.js';

/** A procedure as it stands, with the count of events applied to it and when it was registered and last changed. */
export type ProcedureRecord = ProcedureDocument & {
  readonly revision: number;
  readonly registeredAt: string;
  readonly updatedAt: string;
};

export interface AuditEntry {
  readonly eventId: string;
  readonly procedureId: string;
  readonly unitId: string;
  /** Events applied to the procedure after this one: 1 for its registration. */
  readonly revision: number;
  readonly position: bigint;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: {
    readonly id: string;
    readonly name: string | null;
    readonly role: string;
    readonly unitId: string | null;
  };
  readonly reason: string | null;
  readonly legalBasis: string | null;
  readonly commandId: string;
  readonly changes: FieldChange[];
}

export interface ProcedureFilter {
  /** Only procedures of these units; an empty list matches nothing. */
  readonly unitIds?: readonly string[] | undefined;
  readonly status?: ProcedureStatus | undefined;
  /** Found anywhere in the title or a requirement's name, in any case, spelling of diacritics or spacing. */
  readonly search?: string | undefined;
}

export interface PageRequest {
  readonly first: number;
  /** The `endCursor` of the page before; omitted for the first page. */
  readonly after?: string | null | undefined;
}

export interface AuditFilter {
  readonly procedureId?: string | undefined;
  /** Only changes to procedures of these units; an empty list matches nothing. */
  readonly unitIds?: readonly string[] | undefined;
  readonly actorId?: string | undefined;
  /** ISO 8601 instants, both inclusive, compared with when the change happened. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Merged and abolished procedures bind nobody any more: nothing left to deduplicate. */
const CLOSED_STATUSES: readonly ProcedureStatus[] = ['MERGED', 'ABOLISHED'];

const PROCEDURES_LIST = 'procedures';
const AUDIT_LIST = 'audit';

type Tables = ProceduresTables;
type FigureRow = Pick<ProcedureVersionRow, 'status' | 'requirement_count' | 'decision_days' | 'fee_tyiyn'> & {
  unit_id: string;
};
type ProcedureQuery = SelectQueryBuilder<Tables, 'procedures', object>;

function toRecord(row: Pick<ProcedureRow, 'document' | 'revision' | 'registered_at' | 'updated_at'>) {
  return {
    ...parseDocument(row.document),
    revision: Number(row.revision),
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
  } satisfies ProcedureRecord;
}

function metricsOf(rows: readonly FigureRow[]): ReformMetrics {
  return reformMetrics(
    rows.map((row) => ({
      status: row.status as ProcedureStatus,
      requirementCount: Number(row.requirement_count),
      decisionDays: Number(row.decision_days),
      feeTyiyn: row.fee_tyiyn === null ? null : Number(row.fee_tyiyn),
    })),
  );
}

function instantOf(field: string, value: string): string {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new InvalidQueryInput(`${field} must be an ISO 8601 instant, not ${JSON.stringify(value)}`);
  return parsed.toISOString();
}

/** The first instant after the day: versions that occurred before it count for that day. */
function endOfDay(asOf: string): string {
  if (!isCalendarDate(asOf))
    throw new InvalidQueryInput(`asOf must be a date written YYYY-MM-DD, not ${JSON.stringify(asOf)}`);
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString();
}

interface AuditSelection {
  event_id: string;
  procedure_id: string;
  unit_id: string;
  revision: number;
  position_text: string;
  event_type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  actor_name: string | null;
  actor_role: string;
  actor_unit: string | null;
  reason: string | null;
  legal_basis: string | null;
  command_id: string;
  changes: string;
}

function toAuditEntry(row: AuditSelection): AuditEntry {
  return {
    eventId: row.event_id,
    procedureId: row.procedure_id,
    unitId: row.unit_id,
    revision: Number(row.revision),
    position: BigInt(row.position_text),
    eventType: row.event_type,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role, unitId: row.actor_unit },
    reason: row.reason,
    legalBasis: row.legal_basis,
    commandId: row.command_id,
    changes: JSON.parse(row.changes) as FieldChange[],
  };
}

/** Everything the procedures API reads, from the read model only (never from the event store). */
export class ProceduresQueries {
  private readonly regions: RegionsMirrorQueries;

  constructor(private readonly db: Kysely<ProceduresTables>) {
    this.regions = new RegionsMirrorQueries(db);
  }

  async procedure(id: string): Promise<ProcedureRecord | undefined> {
    const row = await this.db
      .selectFrom('procedures')
      .select(['document', 'revision', 'registered_at', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Procedures ordered by title, then id; `after` continues from a page's `endCursor`. */
  async procedures(filter: ProcedureFilter & PageRequest): Promise<Page<ProcedureRecord>> {
    const first = requirePageSize(filter.first);
    const after = filter.after ? decodeCursor(PROCEDURES_LIST, filter.after, 2) : undefined;
    const filtered = this.filteredProcedures(filter);
    if (filtered === undefined) return { nodes: [], hasNextPage: false, endCursor: null, totalCount: 0 };

    const { total } = await filtered
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow();
    let page = filtered.select(['id', 'title', 'document', 'revision', 'registered_at', 'updated_at']);
    if (after) {
      const [title, id] = after as [string, string];
      page = page.where((eb) =>
        eb.or([eb('title', '>', title), eb.and([eb('title', '=', title), eb('id', '>', id)])]),
      );
    }
    const rows = await page
      .orderBy('title')
      .orderBy('id')
      .limit(first + 1)
      .execute();
    return pageOf(rows, first, Number(total), toRecord, (row) =>
      encodeCursor(PROCEDURES_LIST, [row.title, row.id]),
    );
  }

  async proceduresByIds(ids: readonly string[]): Promise<Map<string, ProcedureRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedures')
      .select(['id', 'document', 'revision', 'registered_at', 'updated_at'])
      .where('id', 'in', ids)
      .execute();
    return new Map([...rowBy(rows, (row) => row.id)].map(([id, row]) => [id, toRecord(row)]));
  }

  /** `proceduresOfUnit` of each unit, by its id, in one statement. */
  async proceduresOfUnits(
    unitIds: readonly string[],
    status?: ProcedureStatus,
  ): Promise<Map<string, ProcedureRecord[]>> {
    if (unitIds.length === 0) return new Map();
    let query = this.db
      .selectFrom('procedures')
      .select(['unit_id', 'document', 'revision', 'registered_at', 'updated_at'])
      .where('unit_id', 'in', unitIds);
    if (status !== undefined) query = query.where('status', '=', status);
    const rows = await query.orderBy('title').orderBy('id').execute();
    return new Map(
      [...rowsBy(rows, (row) => row.unit_id)].map(([unitId, own]) => [unitId, own.map(toRecord)]),
    );
  }

  async proceduresOfUnit(unitId: string, status?: ProcedureStatus): Promise<ProcedureRecord[]> {
    let query = this.db
      .selectFrom('procedures')
      .select(['document', 'revision', 'registered_at', 'updated_at'])
      .where('unit_id', '=', unitId);
    if (status !== undefined) query = query.where('status', '=', status);
    const rows = await query.orderBy('title').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Changes in the order they were recorded (global position); `after` continues from a page's `endCursor`. */
  async auditTrail(filter: AuditFilter & PageRequest): Promise<Page<AuditEntry>> {
    const first = requirePageSize(filter.first);
    const after = filter.after ? decodeCursor(AUDIT_LIST, filter.after, 1)[0] : undefined;
    if (after !== undefined && !/^\d{1,19}$/.test(after))
      throw new InvalidQueryInput(`${JSON.stringify(filter.after)} is not a cursor of this list`);
    if (filter.unitIds?.length === 0)
      return { nodes: [], hasNextPage: false, endCursor: null, totalCount: 0 };

    let filtered = this.db.selectFrom('audit_entries');
    if (filter.procedureId !== undefined) filtered = filtered.where('procedure_id', '=', filter.procedureId);
    if (filter.unitIds !== undefined) filtered = filtered.where('unit_id', 'in', filter.unitIds);
    if (filter.actorId !== undefined) filtered = filtered.where('actor_id', '=', filter.actorId);
    if (filter.from !== undefined)
      filtered = filtered.where('occurred_at', '>=', instantOf('from', filter.from));
    if (filter.to !== undefined) filtered = filtered.where('occurred_at', '<=', instantOf('to', filter.to));

    const { total } = await filtered
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow();
    let page = filtered.select([
      'event_id',
      'procedure_id',
      'unit_id',
      'revision',
      // Read as text: a 64-bit position must not pass through a JavaScript number.
      sql<string>`cast(${sql.ref('audit_entries.position')} as text)`.as('position_text'),
      'event_type',
      'occurred_at',
      'recorded_at',
      'actor_id',
      'actor_name',
      'actor_role',
      'actor_unit',
      'reason',
      'legal_basis',
      'command_id',
      'changes',
    ]);
    if (after !== undefined)
      page = page.where('audit_entries.position', '>', sql<number>`cast(${after} as bigint)`);
    const rows = await page
      .orderBy('audit_entries.position')
      .limit(first + 1)
      .execute();
    return pageOf(rows, first, Number(total), toAuditEntry, (row) =>
      encodeCursor(AUDIT_LIST, [row.position_text]),
    );
  }

  /**
   * The reform's figures for the procedures of these units (every unit when omitted): now, or as
   * they stood at the end of `asOf` (a UTC day, YYYY-MM-DD), from each procedure's latest version then.
   */
  async metrics(unitIds: readonly string[] | undefined, asOf?: string): Promise<ReformMetrics> {
    const before = asOf === undefined ? undefined : endOfDay(asOf);
    if (unitIds?.length === 0) return reformMetrics([]);
    const rows =
      before === undefined ? await this.currentFigures(unitIds) : await this.figuresBefore(unitIds, before);
    return metricsOf(rows);
  }

  /** `metrics` of each group of units (a unit and those below it, say), by the group's key, in one statement. */
  async metricsOfUnitGroups(
    groups: ReadonlyMap<string, readonly string[]>,
    asOf?: string,
  ): Promise<Map<string, ReformMetrics>> {
    const before = asOf === undefined ? undefined : endOfDay(asOf);
    const unitIds = [...new Set([...groups.values()].flat())];
    const rows =
      unitIds.length === 0
        ? []
        : before === undefined
          ? await this.currentFigures(unitIds)
          : await this.figuresBefore(unitIds, before);
    const byUnit = rowsBy(rows, (row) => row.unit_id);
    return new Map(
      [...groups].map(([key, ids]) => [key, metricsOf(ids.flatMap((id) => byUnit.get(id) ?? []))]),
    );
  }

  private async currentFigures(unitIds: readonly string[] | undefined): Promise<FigureRow[]> {
    let query = this.db
      .selectFrom('procedures')
      .select(['unit_id', 'status', 'requirement_count', 'decision_days', 'fee_tyiyn']);
    if (unitIds !== undefined) query = query.where('unit_id', 'in', unitIds);
    return query.execute();
  }

  /** Each procedure's figures in its latest version before the instant: the version rows are indexed by procedure. */
  private async figuresBefore(unitIds: readonly string[] | undefined, before: string): Promise<FigureRow[]> {
    let query = this.db
      .selectFrom('procedures as p')
      .innerJoin('procedure_versions as v', 'v.procedure_id', 'p.id')
      .select(['p.unit_id', 'v.status', 'v.requirement_count', 'v.decision_days', 'v.fee_tyiyn'])
      .where('v.revision', '=', (eb) =>
        eb
          .selectFrom('procedure_versions as w')
          .select((inner) => inner.fn.max('w.revision').as('revision'))
          .whereRef('w.procedure_id', '=', 'p.id')
          .where('w.occurred_at', '<', before),
      );
    if (unitIds !== undefined) query = query.where('p.unit_id', 'in', unitIds);
    return query.execute();
  }

  /**
   * Procedures and requirements that may duplicate one another across the unit's chain: the
   * country's, the region's and the unit's own (a district against its region), top level first, so
   * that `left` of a candidate is the higher level. Merged and abolished procedures are left out.
   */
  async duplicateCandidates(unitId: string): Promise<DuplicateCandidate[]> {
    const chain = [...((await this.regions.ancestry(unitId)) ?? [unitId])].reverse();
    const procedures = await this.db
      .selectFrom('procedures')
      .select(['id', 'unit_id', 'title'])
      .where('unit_id', 'in', chain)
      .where('status', 'not in', CLOSED_STATUSES)
      .orderBy('id')
      .execute();
    const requirements =
      procedures.length === 0
        ? []
        : await this.db
            .selectFrom('procedure_requirements')
            .select(['procedure_id', 'requirement_id', 'name'])
            .where(
              'procedure_id',
              'in',
              procedures.map((procedure) => procedure.id),
            )
            .orderBy('procedure_id')
            .orderBy('requirement_id')
            .execute();
    const levels: LevelProcedures[] = chain.map((id) => ({
      unitId: id,
      procedures: procedures
        .filter((procedure) => procedure.unit_id === id)
        .map((procedure): ProcedureNames => ({
          procedureId: procedure.id,
          title: procedure.title,
          requirements: requirements
            .filter((requirement) => requirement.procedure_id === procedure.id)
            .map((requirement) => ({ requirementId: requirement.requirement_id, name: requirement.name })),
        })),
    }));
    return duplicateCandidates(levels);
  }

  private filteredProcedures(filter: ProcedureFilter): ProcedureQuery | undefined {
    let query: ProcedureQuery = this.db.selectFrom('procedures');
    if (filter.unitIds !== undefined) {
      if (filter.unitIds.length === 0) return undefined;
      query = query.where('unit_id', 'in', filter.unitIds);
    }
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.search !== undefined) {
      const term = searchForm(filter.search);
      if (term.length === 0) return undefined;
      const pattern = containsPattern(term);
      query = query.where((eb) =>
        eb.or([
          likeContains('normalized_title', pattern),
          eb(
            'id',
            'in',
            eb
              .selectFrom('procedure_requirements')
              .select('procedure_id')
              .where(likeContains('normalized_name', pattern)),
          ),
        ]),
      );
    }
    return query;
  }
}
