import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
import { PROCEDURE_STREAMS, type ProcedureDocument, type Requirement } from '@redtape/procedures-domain';
import { foldProcedure, parseDocument, readProcedureEvent } from './procedure-events-read.js';
import { searchForm } from './search-form.js';

interface StoredProcedure {
  revision: number | string;
  document: string;
  registered_at: string;
}

async function storedProcedure(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureId: string,
): Promise<StoredProcedure | undefined> {
  return (await trx
    .selectFrom(table('procedures'))
    .select(['revision', 'document', 'registered_at'])
    .where('id', '=', procedureId)
    .executeTakeFirst()) as StoredProcedure | undefined;
}

function procedureRow(
  procedureId: string,
  document: ProcedureDocument,
  revision: number,
  registeredAt: string,
  updatedAt: string,
) {
  return {
    id: procedureId,
    authority_id: document.authorityId,
    unit_id: document.unitId,
    level: document.level,
    title: document.title,
    normalized_title: searchForm(document.title),
    category: document.category,
    status: document.status,
    decision_days: document.decisionDays,
    fee_tyiyn: document.fee?.tyiyn ?? null,
    legal_basis: document.legalBasis,
    duplicate_of: document.duplicateOf,
    merged_into: document.mergedInto,
    requirements: JSON.stringify(document.requirements),
    steps: JSON.stringify(document.steps),
    document: JSON.stringify(document),
    revision,
    registered_at: registeredAt,
    updated_at: updatedAt,
  };
}

async function replaceRequirements(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureId: string,
  requirements: readonly Requirement[],
): Promise<void> {
  await trx.deleteFrom(table('procedure_requirements')).where('procedure_id', '=', procedureId).execute();
  if (requirements.length === 0) return;
  await trx
    .insertInto(table('procedure_requirements'))
    .values(
      requirements.map((requirement) => ({
        procedure_id: procedureId,
        requirement_id: requirement.requirementId,
        name: requirement.name,
        normalized_name: searchForm(requirement.name),
      })),
    )
    .onConflict((conflict) => conflict.columns(['procedure_id', 'requirement_id']).doNothing())
    .execute();
}

/**
 * Procedures as they stand (`procedures`, with their requirements in `procedure_requirements` for
 * search) and one `procedure_versions` row per event, so the reform can be measured at any past
 * date. Each event is folded with the domain's own `evolveProcedure` onto the document kept in the
 * row; an event at or below the row's revision was folded already and changes nothing.
 */
export const proceduresProjection = eventByEvent({
  name: 'procedures',
  version: 1,
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
      .addColumn('legal_basis', 'text')
      .addColumn('duplicate_of', 'text')
      .addColumn('merged_into', 'text')
      .addColumn('requirements', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
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
      .addColumn('document', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table('procedure_versions')}_pk`, ['procedure_id', 'revision'])
      .execute();
    await db.schema
      .createIndex(`${table('procedure_versions')}_by_time`)
      .on(table('procedure_versions'))
      .columns(['occurred_at', 'procedure_id'])
      .execute();
  },

  async apply(recorded, trx, table) {
    const { procedureId, revision, event, occurredAt } = readProcedureEvent(recorded);
    const stored = await storedProcedure(trx, table, procedureId);
    if (stored && revision <= Number(stored.revision)) return;

    const document = foldProcedure(stored ? parseDocument(stored.document) : null, event);
    // Nothing to show for a stream whose first event is not a registration.
    if (document === null) return;

    const row = procedureRow(
      procedureId,
      document,
      revision,
      stored?.registered_at ?? occurredAt,
      occurredAt,
    );
    const { id: _id, ...update } = row;
    await trx
      .insertInto(table('procedures'))
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(update))
      .execute();
    await replaceRequirements(trx, table, procedureId, document.requirements);
    await trx
      .insertInto(table('procedure_versions'))
      .values({
        procedure_id: procedureId,
        revision,
        occurred_at: occurredAt,
        status: document.status,
        requirement_count: document.requirements.length,
        decision_days: document.decisionDays,
        fee_tyiyn: document.fee?.tyiyn ?? null,
        document: row.document,
      })
      .onConflict((conflict) => conflict.columns(['procedure_id', 'revision']).doNothing())
      .execute();
  },
});
