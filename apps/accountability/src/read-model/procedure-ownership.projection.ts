import { bishkekDate } from '@redtape/accountability-domain';
import { toEnvelope, UpcasterRegistry, type EventMetadata } from '@redtape/event-sourcing';
import type { RecordedEvent } from '@redtape/event-store';
import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
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

async function applyRegistration(
  trx: ReadModelTransaction,
  table: TableResolver,
  procedureId: string,
  revision: number,
  event: EventOf<'ProcedureRegistered'>,
): Promise<void> {
  await trx
    .insertInto(table('procedure_owners'))
    .values({
      procedure_id: procedureId,
      authority_id: event.data.authorityId,
      unit_id: event.data.unitId,
      status: event.data.status,
      revision,
    })
    .onConflict((conflict) => conflict.column('procedure_id').doNothing())
    .execute();
}

/**
 * Who owns each procedure and whether it is still in force (`procedure_owners`), and one row per
 * change that made a procedure simpler (`procedure_simplifications`): what the scorecards count.
 * The accountability service reads the procedures' events from the shared event store this way,
 * never by calling the procedures service. An event at or below the owner row's revision was
 * folded already and changes nothing.
 */
export const procedureOwnershipProjection = eventByEvent({
  name: 'procedure-ownership',
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

  async apply(recorded, trx, table) {
    const procedureId = procedureIdOfStream(recorded.streamId);
    const revision = Number(recorded.revision) + 1;
    const envelope = KNOWN_TYPES.has(recorded.type)
      ? toEnvelope<ProcedureEvent>(recorded, registry)
      : undefined;
    const event = envelope && ({ type: envelope.type, data: envelope.data } as ProcedureEvent);
    if (event?.type === 'ProcedureRegistered') {
      await applyRegistration(trx, table, procedureId, revision, event);
      return;
    }

    // Every event counts as a revision, a type this code does not know included.
    const status = event && statusAfter(event);
    const claimed = await trx
      .updateTable(table('procedure_owners'))
      .set(status === undefined ? { revision } : { revision, status })
      .where('procedure_id', '=', procedureId)
      .where('revision', '<', revision)
      .executeTakeFirst();
    // Folded already, or a stream whose first event was not its registration: nothing to show.
    if (claimed.numUpdatedRows === 0n) return;

    const cut = event && simplification(event);
    if (cut === undefined) return;
    const { unit_id } = (await trx
      .selectFrom(table('procedure_owners'))
      .select('unit_id')
      .where('procedure_id', '=', procedureId)
      .executeTakeFirstOrThrow()) as { unit_id: string };
    await trx
      .insertInto(table('procedure_simplifications'))
      .values({
        event_id: recorded.id,
        procedure_id: procedureId,
        unit_id,
        occurred_on: occurredOn(recorded),
        ...cut,
      })
      .onConflict((conflict) => conflict.column('event_id').doNothing())
      .execute();
  },
});
