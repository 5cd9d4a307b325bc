import {
  foldOne,
  insertRows,
  mapInTurns,
  positionKeyType,
  selectWhereIn,
  upsertRows,
  type Projection,
  type ReadModelTransaction,
  type TableResolver,
} from '@redtape/projections';
import { diffProcedures, PROCEDURE_STREAMS, type ProcedureDocument } from '@redtape/procedures-domain';
import { foldProcedure, parseDocument, readProcedureEvent } from './procedure-events-read.js';

const NAME = 'audit-trail';

interface StoredDocument {
  procedure_id: string;
  revision: number | string;
  document: string;
}

/** The trail's own document of each procedure a batch touches, as stored before it: one query. */
async function storedDocuments(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureIds: readonly string[],
): Promise<Map<string, { document: ProcedureDocument; revision: number }>> {
  const rows = await selectWhereIn<StoredDocument>(
    trx,
    table('audit_documents'),
    ['procedure_id', 'revision', 'document'],
    'procedure_id',
    procedureIds,
  );
  return new Map(
    rows.map((row) => [
      row.procedure_id,
      { document: parseDocument(row.document), revision: Number(row.revision) },
    ]),
  );
}

/**
 * Every change to every procedure: who made it (as the event's metadata says), when, why, on which
 * legal basis, and which fields it changed (`diffProcedures` of the document before and after).
 * The document before each event comes from this projection's own `audit_documents` (read once per
 * batch for the procedures it touches), so the trail depends on no other read model. Times come from the event only, never from a clock, so a rebuild
 * from position 0 writes byte-identical rows; an event recorded already changes nothing.
 */
export const auditTrailProjection: Projection = {
  name: NAME,
  version: 2,
  filter: PROCEDURE_STREAMS,
  tables: ['audit_entries', 'audit_documents'],

  async migrate(db, table) {
    await db.schema
      .createTable(table('audit_entries'))
      // Keyed by the event's position: on SQLite the row id itself, so the rows lie in log order and
      // need no index of their own (version 2; version 1 keyed them by event id, a random UUID).
      .addColumn('position', positionKeyType(db), (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('procedure_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
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

  async applyBatch(events, trx, table) {
    const read = events.map(readProcedureEvent);
    const documents = await storedDocuments(trx, table, [...new Set(read.map((one) => one.procedureId))]);
    const touched = new Set<string>();
    const entries: Record<string, unknown>[] = [];
    for (const [i, { procedureId, revision, event, metadata, occurredAt }] of read.entries()) {
      const recorded = events[i]!;
      const stored = documents.get(procedureId);
      if (stored && revision <= stored.revision) continue;
      const before = stored?.document ?? null;
      const after = await foldOne(NAME, recorded, () => foldProcedure(before, event));
      // A stream whose first event is not a registration has no procedure to attribute changes to.
      if (after === null) continue;
      const changes = await foldOne(NAME, recorded, () => diffProcedures(before, after));
      documents.set(procedureId, { document: after, revision });
      touched.add(procedureId);
      const { actor } = metadata;
      entries.push({
        event_id: recorded.id,
        procedure_id: procedureId,
        unit_id: after.unitId,
        revision,
        // A bigint parameter, so that no 64-bit position is ever rounded by a JavaScript number.
        position: recorded.position,
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
        changes: JSON.stringify(changes),
      });
    }
    await insertRows(trx, table('audit_entries'), entries, ['position']);
    await upsertRows(
      trx,
      table('audit_documents'),
      await mapInTurns([...touched], (procedureId) => {
        const { document, revision } = documents.get(procedureId)!;
        return { procedure_id: procedureId, revision, document: JSON.stringify(document) };
      }),
      ['procedure_id'],
    );
  },
};
