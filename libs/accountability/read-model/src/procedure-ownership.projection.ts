import { bishkekDate, procedureChangeOf } from '@redtape/accountability-domain';
import { publishedFormOf, type EventMetadata, type IntegrationEvent } from '@redtape/event-sourcing';
import type { RecordedEvent } from '@redtape/event-store';
import {
  foldOne,
  insertRows,
  selectWhereIn,
  upsertRows,
  type Projection,
  type ReadModelTransaction,
  type TableResolver,
} from '@redtape/projections';
import { PROCEDURES_CONTRACT, procedureIdOfStream, publishedAs } from '@redtape/procedures-domain/contract';

/** The day in Asia/Bishkek the change happened: only the event's own time, never the clock. */
function occurredOn(recorded: RecordedEvent): string {
  const { occurredAt } = recorded.metadata as unknown as Partial<EventMetadata>;
  const instant = typeof occurredAt === 'string' ? new Date(occurredAt) : recorded.recordedAt;
  return bishkekDate(Number.isNaN(instant.getTime()) ? recorded.recordedAt : instant);
}

/** Lifecycle events carry the status they leave the procedure in: the contract's convention. */
function statusAfter(event: IntegrationEvent): string | undefined {
  const { status } = event.data;
  return typeof status === 'string' ? status : undefined;
}

const NAME = 'procedure-ownership';

interface Owner {
  procedure_id: string;
  authority_id: string;
  unit_id: string;
  status: string;
  revision: number;
}

async function storedOwners(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureIds: readonly string[],
): Promise<Map<string, Owner>> {
  const rows = await selectWhereIn<Owner>(
    trx,
    table('procedure_owners'),
    ['procedure_id', 'authority_id', 'unit_id', 'status', 'revision'],
    'procedure_id',
    procedureIds,
  );
  return new Map(rows.map((row) => [row.procedure_id, { ...row, revision: Number(row.revision) }]));
}

/** A type the procedures context has not published (yet) still counts as a revision and changes nothing. */
function readEvent(recorded: RecordedEvent): IntegrationEvent | undefined {
  if (!Object.hasOwn(PROCEDURES_CONTRACT.catalog, recorded.type)) return undefined;
  return publishedFormOf(recorded, PROCEDURES_CONTRACT).integration;
}

/**
 * Who owns each procedure and whether it is still in force (`procedure_owners`), and one row per
 * change to the burden it puts on applicants (`procedure_simplifications`, signed, as
 * `procedureChangeOf` counts it): what the scorecards add up. The accountability service reads the
 * procedures' events from the shared event store in their published form (the procedures contract),
 * never as raw domain events nor by calling the service. An event at or below the owner row's
 * revision was folded already and changes nothing.
 */
export const procedureOwnershipProjection: Projection = {
  name: NAME,
  // 2: changes count net (an added requirement subtracts), and merges and abolitions count too.
  version: 2,
  filter: PROCEDURES_CONTRACT.filter,
  tables: ['procedure_owners', 'procedure_simplifications'],

  async migrate(db, table) {
    await db.schema
      .createTable(table('procedure_owners'))
      .addColumn('procedure_id', 'text', (c) => c.primaryKey())
      .addColumn('authority_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('procedure_owners')}_by_authority`)
      .on(table('procedure_owners'))
      .columns(['authority_id', 'status'])
      .execute();
    await db.schema
      .createIndex(`${table('procedure_owners')}_by_unit`)
      .on(table('procedure_owners'))
      .columns(['unit_id', 'status'])
      .execute();
    await db.schema
      .createTable(table('procedure_simplifications'))
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('procedure_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('requirements_removed', 'integer', (c) => c.notNull())
      .addColumn('decision_days_cut', 'integer', (c) => c.notNull())
      .addColumn('procedures_merged', 'integer', (c) => c.notNull())
      .addColumn('procedures_abolished', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('procedure_simplifications')}_by_unit`)
      .on(table('procedure_simplifications'))
      .columns(['unit_id', 'occurred_on'])
      .execute();
    await db.schema
      .createIndex(`${table('procedure_simplifications')}_by_procedure`)
      .on(table('procedure_simplifications'))
      .columns(['procedure_id', 'occurred_on'])
      .execute();
  },

  async applyBatch(events, trx, table) {
    const owners = await storedOwners(trx, table, [
      ...new Set(events.map((e) => procedureIdOfStream(e.streamId))),
    ]);
    const touched = new Set<string>();
    const simplifications: Record<string, unknown>[] = [];
    for (const recorded of events) {
      const procedureId = procedureIdOfStream(recorded.streamId);
      const revision = Number(recorded.revision) + 1;
      const event = await foldOne(NAME, recorded, () => readEvent(recorded));
      const owner = owners.get(procedureId);
      if (event && publishedAs(event, 'ProcedureRegistered')) {
        if (owner) continue;
        const { data } = event;
        owners.set(procedureId, {
          procedure_id: procedureId,
          authority_id: data.authorityId,
          unit_id: data.unitId,
          status: data.status,
          revision,
        });
        touched.add(procedureId);
        continue;
      }
      // Folded already, or a stream whose first event was not its registration: nothing to show.
      if (!owner || revision <= owner.revision) continue;
      // Every event counts as a revision, a type this code does not know included.
      owner.revision = revision;
      owner.status = (event && statusAfter(event)) ?? owner.status;
      touched.add(procedureId);
      const change = event && procedureChangeOf(event);
      if (change !== undefined)
        simplifications.push({
          event_id: recorded.id,
          procedure_id: procedureId,
          unit_id: owner.unit_id,
          occurred_on: occurredOn(recorded),
          requirements_removed: change.requirementsRemoved,
          decision_days_cut: change.decisionDaysCut,
          procedures_merged: change.merged,
          procedures_abolished: change.abolished,
        });
    }
    await upsertRows(
      trx,
      table('procedure_owners'),
      [...touched].map((id) => owners.get(id)!),
      ['procedure_id'],
    );
    await insertRows(trx, table('procedure_simplifications'), simplifications, ['event_id']);
  },
};
