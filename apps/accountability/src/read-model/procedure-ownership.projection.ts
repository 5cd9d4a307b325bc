import { bishkekDate } from '@redtape/accountability-domain';
import { toEnvelope, UpcasterRegistry, type EventMetadata } from '@redtape/event-sourcing';
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
import {
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_STREAMS,
  procedureIdOfStream,
  type ProcedureEvent,
  type ProcedureStatus,
} from '@redtape/procedures-domain';

const registry = new UpcasterRegistry();
const KNOWN_TYPES = new Set<string>(PROCEDURE_EVENT_TYPES);

type EventOf<T extends ProcedureEvent['type']> = Extract<ProcedureEvent, { type: T }>;

/** The day in Asia/Bishkek the change happened: only the event's own time, never the clock. */
function occurredOn(recorded: RecordedEvent): string {
  const { occurredAt } = recorded.metadata as unknown as Partial<EventMetadata>;
  const instant = typeof occurredAt === 'string' ? new Date(occurredAt) : recorded.recordedAt;
  return bishkekDate(Number.isNaN(instant.getTime()) ? recorded.recordedAt : instant);
}

/** The status after the event, for the events that change it; undefined for the others. */
function statusAfter(event: ProcedureEvent): ProcedureStatus | undefined {
  switch (event.type) {
    case 'ProcedureRegistered':
      return event.data.status;
    case 'ProcedureActivated':
      return 'ACTIVE';
    case 'ReviewStarted':
      return 'UNDER_REVIEW';
    case 'ReviewFinished':
      return event.data.outcome;
    case 'ProcedureMerged':
      return 'MERGED';
    case 'ProcedureAbolished':
      return 'ABOLISHED';
    case 'ProcedureReinstated':
      return event.data.to;
    default:
      return undefined;
  }
}

/** What the event cut, when it made the procedure simpler. */
function simplification(
  event: ProcedureEvent,
): { requirements_removed: number; decision_days_cut: number } | undefined {
  if (event.type === 'RequirementRemoved') return { requirements_removed: 1, decision_days_cut: 0 };
  if (event.type === 'DecisionTimeChanged') {
    const { from, to } = (event as EventOf<'DecisionTimeChanged'>).data;
    if (from > to) return { requirements_removed: 0, decision_days_cut: from - to };
  }
  return undefined;
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

function readEvent(recorded: RecordedEvent): ProcedureEvent | undefined {
  if (!KNOWN_TYPES.has(recorded.type)) return undefined;
  const envelope = toEnvelope<ProcedureEvent>(recorded, registry);
  return { type: envelope.type, data: envelope.data } as ProcedureEvent;
}

/**
 * Who owns each procedure and whether it is still in force (`procedure_owners`), and one row per
 * change that made a procedure simpler (`procedure_simplifications`): what the scorecards count.
 * The accountability service reads the procedures' events from the shared event store this way,
 * never by calling the procedures service. An event at or below the owner row's revision was
 * folded already and changes nothing.
 */
export const procedureOwnershipProjection: Projection = {
  name: NAME,
  version: 1,
  filter: PROCEDURE_STREAMS,
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
      if (event?.type === 'ProcedureRegistered') {
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
      const cut = event && simplification(event);
      if (cut !== undefined)
        simplifications.push({
          event_id: recorded.id,
          procedure_id: procedureId,
          unit_id: owner.unit_id,
          occurred_on: occurredOn(recorded),
          ...cut,
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
