import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
import { diffProcedures, PROCEDURE_STREAMS } from '@redtape/procedures-domain';
import { sql } from 'kysely';
import { foldProcedure, parseDocument, readProcedureEvent } from './procedure-events-read.js';

interface StoredDocument {
  revision: number | string;
  document: string;
}

async function storedDocument(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureId: string,
): Promise<StoredDocument | undefined> {
  return (await trx
    .selectFrom(table('audit_documents'))
    .select(['revision', 'document'])
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst()) as StoredDocument | undefined;
}

async function alreadyRecorded(trx: ReadModelTransaction, table: TableResolver, eventId: string) {
  const row = await trx
    .selectFrom(table('audit_entries'))
    .select('event_id')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Every change to every procedure: who made it (as the event's metadata says), when, why, on which
 * legal basis, and which fields it changed (`diffProcedures` of the document before and after).
 * The document before each event comes from this projection's own `audit_documents`, so the trail
 * depends on no other read model. Times come from the event only, never from a clock, so a rebuild
 * from position 0 writes byte-identical rows; an event recorded already changes nothing.
 */
export const auditTrailProjection = eventByEvent({
  name: 'audit-trail',
  version: 1,
  filter: PROCEDURE_STREAMS,
  tables: ['audit_entries', 'audit_documents'],

  async migrate(db, table) {
    await db.schema
      .createTable(table('audit_entries'))
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('procedure_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text')
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('actor_unit', 'text')
      .addColumn('reason', 'text')
      .addColumn('legal_basis', 'text')
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('audit_entries')}_by_position`)
      .on(table('audit_entries'))
      .column('position')
      .unique()
      .execute();
    await db.schema
      .createIndex(`${table('audit_entries')}_by_procedure`)
      .on(table('audit_entries'))
      .columns(['procedure_id', 'revision'])
      .unique()
      .execute();
    await db.schema
      .createIndex(`${table('audit_entries')}_by_unit`)
      .on(table('audit_entries'))
      .columns(['unit_id', 'position'])
      .execute();
    await db.schema
      .createIndex(`${table('audit_entries')}_by_actor`)
      .on(table('audit_entries'))
      .columns(['actor_id', 'position'])
      .execute();
    await db.schema
      .createTable(table('audit_documents'))
      .addColumn('procedure_id', 'text', (c) => c.primaryKey())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .execute();
  },

  async apply(recorded, trx, table) {
    if (await alreadyRecorded(trx, table, recorded.id)) return;
    const { procedureId, revision, event, metadata, occurredAt } = readProcedureEvent(recorded);
    const stored = await storedDocument(trx, table, procedureId);
    if (stored && revision <= Number(stored.revision)) return;

    const before = stored ? parseDocument(stored.document) : null;
    const after = foldProcedure(before, event);
    // A stream whose first event is not a registration has no procedure to attribute changes to.
    if (after === null) return;

    const { actor } = metadata;
    await trx
      .insertInto(table('audit_entries'))
      .values({
        event_id: recorded.id,
        procedure_id: procedureId,
        unit_id: after.unitId,
        revision,
        // Through text, so that no 64-bit position is ever rounded by a JavaScript number.
        position: sql`cast(${recorded.position.toString()} as bigint)`,
        event_type: recorded.type,
        occurred_at: occurredAt,
        recorded_at: recorded.recordedAt.toISOString(),
        actor_id: actor.id,
        actor_name: actor.name ?? null,
        actor_role: actor.role,
        actor_unit: actor.unitId ?? null,
        reason: metadata.reason ?? null,
        legal_basis: metadata.legalBasis ?? null,
        command_id: metadata.commandId,
        changes: JSON.stringify(diffProcedures(before, after)),
      })
      .execute();
    const document = JSON.stringify(after);
    await trx
      .insertInto(table('audit_documents'))
      .values({ procedure_id: procedureId, revision, document })
      .onConflict((conflict) => conflict.column('procedure_id').doUpdateSet({ revision, document }))
      .execute();
  },
});
