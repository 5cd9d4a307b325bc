import { toEnvelope } from '@redtape/event-sourcing';
import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
import {
  foldForSearch,
  REGIONS_STREAMS,
  regionsUpcasters,
  unitIdOfStream,
  type RegionsEvent,
} from '@redtape/regions-domain';

function searchTerms(texts: readonly (string | null | undefined)[]): string[] {
  const folded = texts
    .filter((text): text is string => !!text)
    .map(foldForSearch)
    .filter((term) => term.length > 0);
  return [...new Set(folded)];
}

async function addSearchTerms(
  trx: ReadModelTransaction,
  table: TableResolver,
  unitId: string,
  terms: string[],
) {
  if (terms.length === 0) return;
  await trx
    .insertInto(table('unit_search_terms'))
    .values(terms.map((term) => ({ unit_id: unitId, term })))
    .onConflict((conflict) => conflict.columns(['unit_id', 'term']).doNothing())
    .execute();
}

async function depthBelow(
  trx: ReadModelTransaction,
  table: TableResolver,
  parentId: string | null,
): Promise<number> {
  if (parentId === null) return 0;
  const parent = await trx
    .selectFrom(table('units'))
    .select('depth')
    .where('id', '=', parentId)
    .executeTakeFirst();
  return parent ? Number(parent['depth']) + 1 : 1;
}

/** Units, their authorities and the reform stages, as the regions GraphQL API reads them. */
export const regionsProjection = eventByEvent({
  name: 'regions',
  version: 1,
  filter: REGIONS_STREAMS,
  tables: ['units', 'unit_search_terms', 'authorities', 'reform_stages'],

  async migrate(db, table) {
    await db.schema
      .createTable(table('units'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_ru', 'text')
      .addColumn('name_ky', 'text')
      .addColumn('iso_code', 'text')
      .addColumn('soate', 'text')
      .addColumn('parent_id', 'text')
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('pilot_stage', 'integer')
      .addColumn('pilot_enrolled_on', 'text')
      .addColumn('data_quality', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('units')}_by_parent`)
      .on(table('units'))
      .column('parent_id')
      .execute();
    await db.schema
      .createTable(table('unit_search_terms'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table('unit_search_terms')}_pk`, ['unit_id', 'term'])
      .execute();
    await db.schema
      .createTable(table('authorities'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_ru', 'text')
      .addColumn('name_ky', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('authorities')}_by_unit`)
      .on(table('authorities'))
      .column('unit_id')
      .execute();
    await db.schema
      .createTable(table('reform_stages'))
      .addColumn('stage', 'integer', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('started_on', 'text')
      .addColumn('note', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
  },

  async apply(recorded, trx, table) {
    const event = toEnvelope<RegionsEvent>(recorded, regionsUpcasters);
    const revision = Number(recorded.revision) + 1;
    switch (event.type) {
      case 'UnitRegistered': {
        const { data } = event as Extract<RegionsEvent, { type: 'UnitRegistered' }>;
        const row = {
          id: data.unitId,
          kind: data.kind,
          category: data.category,
          name: data.names.en,
          name_ru: data.names.ru ?? null,
          name_ky: data.names.ky ?? null,
          iso_code: data.isoCode,
          soate: data.soate,
          parent_id: data.parentId,
          depth: await depthBelow(trx, table, data.parentId),
          pilot_stage: null,
          pilot_enrolled_on: null,
          data_quality: JSON.stringify(data.dataQuality),
          notes: data.notes,
          revision,
        };
        const { id: _id, ...update } = row;
        await trx
          .insertInto(table('units'))
          .values(row)
          .onConflict((conflict) => conflict.column('id').doUpdateSet(update))
          .execute();
        await addSearchTerms(
          trx,
          table,
          data.unitId,
          searchTerms([data.unitId, ...Object.values(data.names), ...data.aliases]),
        );
        return;
      }
      case 'UnitRenamed': {
        const { data } = event as Extract<RegionsEvent, { type: 'UnitRenamed' }>;
        const unitId = unitIdOfStream(recorded.streamId);
        await trx
          .updateTable(table('units'))
          .set({ name: data.to.en, name_ru: data.to.ru ?? null, name_ky: data.to.ky ?? null, revision })
          .where('id', '=', unitId)
          .execute();
        await addSearchTerms(trx, table, unitId, searchTerms(Object.values(data.to)));
        return;
      }
      case 'UnitEnrolledInPilot': {
        const { data } = event as Extract<RegionsEvent, { type: 'UnitEnrolledInPilot' }>;
        await trx
          .updateTable(table('units'))
          .set({ pilot_stage: data.stage, pilot_enrolled_on: data.enrolledOn, revision })
          .where('id', '=', unitIdOfStream(recorded.streamId))
          .execute();
        return;
      }
      case 'UnitWithdrawnFromPilot':
        await trx
          .updateTable(table('units'))
          .set({ pilot_stage: null, pilot_enrolled_on: null, revision })
          .where('id', '=', unitIdOfStream(recorded.streamId))
          .execute();
        return;
      case 'AuthorityEstablished': {
        const { data } = event as Extract<RegionsEvent, { type: 'AuthorityEstablished' }>;
        const row = {
          id: data.authorityId,
          unit_id: data.unitId,
          kind: data.kind,
          level: data.level,
          name: data.names.en,
          name_ru: data.names.ru ?? null,
          name_ky: data.names.ky ?? null,
          revision,
        };
        const { id: _id, ...update } = row;
        await trx
          .insertInto(table('authorities'))
          .values(row)
          .onConflict((conflict) => conflict.column('id').doUpdateSet(update))
          .execute();
        return;
      }
      case 'ReformStageStarted': {
        const { data } = event as Extract<RegionsEvent, { type: 'ReformStageStarted' }>;
        const row = {
          stage: data.stage,
          title: data.title,
          scope: data.scope,
          started_on: data.startedOn,
          note: data.note,
          revision,
        };
        const { stage: _stage, ...update } = row;
        await trx
          .insertInto(table('reform_stages'))
          .values(row)
          .onConflict((conflict) => conflict.column('stage').doUpdateSet(update))
          .execute();
        return;
      }
    }
  },
});
