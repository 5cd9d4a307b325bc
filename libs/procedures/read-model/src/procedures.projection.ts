import {
  deleteWhereIn,
  foldOne,
  insertRows,
  mapInTurns,
  selectWhereIn,
  upsertRows,
  type Projection,
  type ReadModelTransaction,
  type TableResolver,
} from '@redtape/projections';
import { PROCEDURE_STREAMS, type ProcedureDocument, type Requirement } from '@redtape/procedures-domain';
import { foldProcedure, parseDocument, readProcedureEvent } from './procedure-events-read.js';
import { searchForm } from './search-form.js';

const NAME = 'procedures';

interface StoredProcedure {
  id: string;
  revision: number | string;
  document: string;
  normalized_title: string;
  registered_at: string;
  updated_at: string;
}

/** A procedure as the batch leaves it: the document and revision folded so far, and when. */
interface Folded {
  document: ProcedureDocument;
  revision: number;
  registeredAt: string;
  updatedAt: string;
  /** The title folded for search, while the title is the one it was folded from. */
  searchTitle?: { readonly title: string; readonly folded: string };
}

/** Whether two lists of requirements would give the same search rows (ids and names, in any order). */
function sameRequirements(before: readonly Requirement[], after: readonly Requirement[]): boolean {
  if (before.length !== after.length) return false;
  const names = new Map(before.map((requirement) => [requirement.requirementId, requirement.name]));
  return after.every((requirement) => names.get(requirement.requirementId) === requirement.name);
}

function procedureRow(procedureId: string, folded: Folded) {
  const { document } = folded;
  return {
    id: procedureId,
    authority_id: document.authorityId,
    unit_id: document.unitId,
    level: document.level,
    title: document.title,
    normalized_title:
      folded.searchTitle?.title === document.title ? folded.searchTitle.folded : searchForm(document.title),
    category: document.category,
    status: document.status,
    decision_days: document.decisionDays,
    fee_tyiyn: document.fee?.tyiyn ?? null,
    requirement_count: document.requirements.length,
    legal_basis: document.legalBasis,
    duplicate_of: document.duplicateOf,
    merged_into: document.mergedInto,
    document: JSON.stringify(document),
    revision: folded.revision,
    registered_at: folded.registeredAt,
    updated_at: folded.updatedAt,
  };
}

function requirementRows(procedureId: string, requirements: readonly Requirement[]) {
  return requirements.map((requirement) => ({
    procedure_id: procedureId,
    requirement_id: requirement.requirementId,
    name: requirement.name,
    normalized_name: searchForm(requirement.name),
  }));
}

/** The procedures a batch touches, as stored before it: one query for the whole batch. */
async function storedProcedures(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureIds: readonly string[],
): Promise<Map<string, Folded>> {
  const rows = await selectWhereIn<StoredProcedure>(
    trx,
    table('procedures'),
    ['id', 'revision', 'document', 'normalized_title', 'registered_at', 'updated_at'],
    'id',
    procedureIds,
  );
  return new Map(
    await mapInTurns(rows, (row) => {
      const document = parseDocument(row.document);
      return [
        row.id,
        {
          document,
          revision: Number(row.revision),
          registeredAt: row.registered_at,
          updatedAt: row.updated_at,
          searchTitle: { title: document.title, folded: row.normalized_title },
        },
      ];
    }),
  );
}

/**
 * Procedures as they stand (`procedures`, with their requirements in `procedure_requirements` for
 * search) and the figures of every version (`procedure_versions`: status, requirements, days, fee;
 * one row per event), so the reform can be measured at any past date. A batch reads the procedures
 * it touches in one query, folds each event with the domain's own `evolveProcedure`, and writes
 * each touched procedure once; an event at or below the row's revision was folded already and
 * changes nothing.
 */
export const proceduresProjection: Projection = {
  name: NAME,
  version: 2,
  filter: PROCEDURE_STREAMS,
  tables: ['procedures', 'procedure_requirements', 'procedure_versions'],

  async migrate(db, table) {
    await db.schema
      .createTable(table('procedures'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('authority_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('normalized_title', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decision_days', 'integer', (c) => c.notNull())
      .addColumn('fee_tyiyn', 'bigint')
      .addColumn('requirement_count', 'integer', (c) => c.notNull())
      .addColumn('legal_basis', 'text')
      .addColumn('duplicate_of', 'text')
      .addColumn('merged_into', 'text')
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('procedures')}_by_unit`)
      .on(table('procedures'))
      .columns(['unit_id', 'status'])
      .execute();
    await db.schema
      .createIndex(`${table('procedures')}_by_title`)
      .on(table('procedures'))
      .columns(['title', 'id'])
      .execute();
    await db.schema
      .createTable(table('procedure_requirements'))
      .addColumn('procedure_id', 'text', (c) => c.notNull())
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('normalized_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table('procedure_requirements')}_pk`, ['procedure_id', 'requirement_id'])
      .execute();
    await db.schema
      .createTable(table('procedure_versions'))
      .addColumn('procedure_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requirement_count', 'integer', (c) => c.notNull())
      .addColumn('decision_days', 'integer', (c) => c.notNull())
      .addColumn('fee_tyiyn', 'bigint')
      .addPrimaryKeyConstraint(`${table('procedure_versions')}_pk`, ['procedure_id', 'revision'])
      .execute();
    await db.schema
      .createIndex(`${table('procedure_versions')}_by_time`)
      .on(table('procedure_versions'))
      .columns(['occurred_at', 'procedure_id'])
      .execute();
  },

  async applyBatch(events, trx, table) {
    const read = events.map(readProcedureEvent);
    const procedures = await storedProcedures(trx, table, [...new Set(read.map((one) => one.procedureId))]);
    const requirementsBefore = new Map(
      [...procedures].map(([id, stored]) => [id, stored.document.requirements] as const),
    );
    const touched = new Set<string>();
    const versions: Record<string, unknown>[] = [];
    for (const [i, { procedureId, revision, event, occurredAt }] of read.entries()) {
      const stored = procedures.get(procedureId);
      if (stored && revision <= stored.revision) continue;
      const document = await foldOne(NAME, events[i]!, () => foldProcedure(stored?.document ?? null, event));
      // Nothing to show for a stream whose first event is not a registration.
      if (document === null) continue;
      procedures.set(procedureId, {
        document,
        revision,
        registeredAt: stored?.registeredAt ?? occurredAt,
        updatedAt: occurredAt,
        ...(stored?.searchTitle ? { searchTitle: stored.searchTitle } : {}),
      });
      touched.add(procedureId);
      versions.push({
        procedure_id: procedureId,
        revision,
        occurred_at: occurredAt,
        status: document.status,
        requirement_count: document.requirements.length,
        decision_days: document.decisionDays,
        fee_tyiyn: document.fee?.tyiyn ?? null,
      });
    }
    const changed = [...touched].map((id) => [id, procedures.get(id)!] as const);
    await upsertRows(
      trx,
      table('procedures'),
      await mapInTurns(changed, ([id, folded]) => procedureRow(id, folded)),
      ['id'],
    );
    // Most changes leave the requirements as they were: their search rows are rewritten only when not.
    const newRequirements = changed.filter(
      ([id, folded]) => !sameRequirements(requirementsBefore.get(id) ?? [], folded.document.requirements),
    );
    await deleteWhereIn(
      trx,
      table('procedure_requirements'),
      'procedure_id',
      newRequirements.filter(([id]) => requirementsBefore.has(id)).map(([id]) => id),
    );
    await insertRows(
      trx,
      table('procedure_requirements'),
      newRequirements.flatMap(([id, folded]) => requirementRows(id, folded.document.requirements)),
      ['procedure_id', 'requirement_id'],
    );
    await insertRows(trx, table('procedure_versions'), versions, ['procedure_id', 'revision']);
  },
};
