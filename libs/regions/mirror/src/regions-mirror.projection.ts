import { publishedFormOf } from '@redtape/event-sourcing';
import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
import {
  AUTHORITY_STREAM_PREFIX,
  REGIONS_CONTRACT,
  UNIT_STREAM_PREFIX,
  publishedAs,
} from '@redtape/regions-domain/contract';

/**
 * Sets columns of a unit only if this event is newer than the last one applied to it, so that an
 * event delivered again never rolls a later change back.
 */
async function updateUnit(
  trx: ReadModelTransaction,
  table: TableResolver,
  unitId: string,
  revision: number,
  changes: Record<string, string | number | null>,
): Promise<void> {
  await trx
    .updateTable(table('units'))
    .set({ ...changes, revision })
    .where('id', '=', unitId)
    .where('revision', '<', revision)
    .execute();
}

/**
 * What a service outside the regions context knows of the administrative map: units, their parents
 * and pilot enrollment, and the authorities. It learns them only from the regions' events in the
 * shared event store, in their published form (the regions contract), never by calling the regions
 * service.
 */
export const regionsMirrorProjection = eventByEvent({
  name: 'regions-mirror',
  version: 1,
  filter: { streamPrefixes: [UNIT_STREAM_PREFIX, AUTHORITY_STREAM_PREFIX] },
  tables: ['units', 'authorities'],

  async migrate(db, table) {
    await db.schema
      .createTable(table('units'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('pilot_stage', 'integer')
      .addColumn('pilot_enrolled_on', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('units')}_by_parent`)
      .on(table('units'))
      .column('parent_id')
      .execute();
    await db.schema
      .createTable(table('authorities'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('authorities')}_by_unit`)
      .on(table('authorities'))
      .column('unit_id')
      .execute();
  },

  async apply(recorded, trx, table) {
    // Reform stages live in other streams; a type the regions have not published is not the mirror's business.
    if (!Object.hasOwn(REGIONS_CONTRACT.catalog, recorded.type)) return;
    const event = publishedFormOf(recorded, REGIONS_CONTRACT).integration;
    const revision = Number(recorded.revision) + 1;
    if (publishedAs(event, 'UnitRegistered')) {
      const { data } = event;
      // A unit is registered once; a second delivery of its registration changes nothing.
      await trx
        .insertInto(table('units'))
        .values({
          id: data.unitId,
          kind: data.kind,
          name: data.names.en,
          parent_id: data.parentUnitId,
          pilot_stage: null,
          pilot_enrolled_on: null,
          revision,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    } else if (publishedAs(event, 'UnitRenamed')) {
      await updateUnit(trx, table, event.data.unitId, revision, { name: event.data.names.en });
    } else if (publishedAs(event, 'UnitEnrolledInPilot')) {
      await updateUnit(trx, table, event.data.unitId, revision, {
        pilot_stage: event.data.reformStage,
        pilot_enrolled_on: event.data.enrolledOn,
      });
    } else if (publishedAs(event, 'UnitWithdrawnFromPilot')) {
      await updateUnit(trx, table, event.data.unitId, revision, {
        pilot_stage: null,
        pilot_enrolled_on: null,
      });
    } else if (publishedAs(event, 'AuthorityEstablished')) {
      const { data } = event;
      await trx
        .insertInto(table('authorities'))
        .values({ id: data.authorityId, unit_id: data.unitId, level: data.level, name: data.name })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    }
  },
});
