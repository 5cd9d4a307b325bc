import {
  ACCOUNTABILITY_STREAMS,
  type AccountabilityEvent,
  type InstructionStatus,
} from '@redtape/accountability-domain';
import { toEnvelope, UpcasterRegistry } from '@redtape/event-sourcing';
import type { RecordedEvent } from '@redtape/event-store';
import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
import { normalizeRequirementName } from '@redtape/procedures-domain';
import { sql } from 'kysely';

const registry = new UpcasterRegistry();

const KNOWN_TYPES = new Set<string>([
  'OfficialRegistered',
  'OfficialAppointed',
  'OfficialRelievedOfDuties',
  'ResponsibilityAssigned',
  'MeetingHeld',
  'InstructionIssued',
  'ProgressReported',
  'InstructionCompleted',
  'InstructionBecameOverdue',
  'InstructionReassigned',
  'UnitProgressReported',
] satisfies AccountabilityEvent['type'][]);

const COMPLETED: readonly InstructionStatus[] = ['COMPLETED', 'COMPLETED_LATE'];

type EventOf<T extends AccountabilityEvent['type']> = Extract<AccountabilityEvent, { type: T }>;

/** What `apply` needs of one stored event: its stream's id and revision, and the event if its type is known. */
interface Folded {
  readonly recorded: RecordedEvent;
  /** Events applied to the stream once this one is: 1 for its first. */
  readonly revision: number;
  readonly event: AccountabilityEvent | undefined;
}

/** Names are searched in the procedures' own folded form: case, diacritics, punctuation and spacing. */
export function nameSearchForm(name: string): string {
  return normalizeRequirementName(name);
}

function idAfter(prefix: string, streamId: string): string {
  return streamId.slice(prefix.length);
}

/**
 * Moves a stream's row to this event's revision, and says whether the event is new to it: an event
 * at or below the row's revision was folded already, and a stream whose first event was not its
 * creation has no row and nothing to show.
 */
async function claim(
  trx: ReadModelTransaction,
  table: string,
  key: { column: string; value: string },
  revision: number,
  changes: Record<string, unknown> = {},
): Promise<boolean> {
  const result = await trx
    .updateTable(table)
    .set({ ...changes, revision })
    .where(key.column, '=', key.value)
    .where('revision', '<', revision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The head of the authority appointed last among those in office; undefined while it has none. */
async function currentHead(
  trx: ReadModelTransaction,
  table: TableResolver,
  authorityId: string,
): Promise<string | undefined> {
  const row = (await trx
    .selectFrom(table('positions'))
    .select('official_id')
    .where('authority_id', '=', authorityId)
    .where('head', '=', 1)
    .where('relieved_on', 'is', null)
    .orderBy('appointed_on', 'desc')
    .orderBy('official_id')
    .limit(1)
    .executeTakeFirst()) as { official_id: string } | undefined;
  return row?.official_id;
}

async function holdsAnyPosition(
  trx: ReadModelTransaction,
  table: TableResolver,
  officialId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom(table('positions'))
    .select('official_id')
    .where('official_id', '=', officialId)
    .where('relieved_on', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function applyOfficialEvent(
  { recorded, revision, event }: Folded,
  trx: ReadModelTransaction,
  table: TableResolver,
): Promise<void> {
  const officialId = idAfter('official-', recorded.streamId);
  if (event?.type === 'OfficialRegistered') {
    const { data } = event as EventOf<'OfficialRegistered'>;
    await trx
      .insertInto(table('officials'))
      .values({
        id: officialId,
        name: data.name,
        normalized_name: nameSearchForm(data.name),
        revision,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    return;
  }
  if (!(await claim(trx, table('officials'), { column: 'id', value: officialId }, revision))) return;

  if (event?.type === 'OfficialAppointed') {
    const { data } = event as EventOf<'OfficialAppointed'>;
    await trx
      .insertInto(table('positions'))
      .values({
        official_id: officialId,
        appointed_revision: revision,
        authority_id: data.authorityId,
        unit_id: data.unitId,
        title: data.title,
        head: data.head ? 1 : 0,
        appointed_on: data.appointedOn,
        relieved_on: null,
      })
      .onConflict((conflict) => conflict.columns(['official_id', 'appointed_revision']).doNothing())
      .execute();
    if (data.head)
      // The new head takes over what waited for a head of this authority.
      await trx
        .updateTable(table('instructions'))
        .set({ effective_official_id: officialId, unassigned: 0, vacancy_authority_id: null })
        .where('unassigned', '=', 1)
        .where('vacancy_authority_id', '=', data.authorityId)
        .where('status', 'not in', COMPLETED)
        .execute();
    return;
  }

  if (event?.type === 'OfficialRelievedOfDuties') {
    const { data } = event as EventOf<'OfficialRelievedOfDuties'>;
    await trx
      .updateTable(table('positions'))
      .set({ relieved_on: data.relievedOn })
      .where('official_id', '=', officialId)
      .where('authority_id', '=', data.authorityId)
      .where('relieved_on', 'is', null)
      .execute();
    // An instruction waits for the next head of its own authority, or else of the one the official left.
    const vacant = {
      unassigned: 1,
      vacancy_authority_id: sql<string>`coalesce(${sql.ref('authority_id')}, ${data.authorityId})`,
    };
    if (data.head)
      // What the authority was given, and this head answered for, waits for the next head.
      await trx
        .updateTable(table('instructions'))
        .set(vacant)
        .where('effective_official_id', '=', officialId)
        .where('assignee_official_id', 'is', null)
        .where('authority_id', '=', data.authorityId)
        .where('status', 'not in', COMPLETED)
        .execute();
    // Instructions given to the official in person wait only once the official holds no position at all.
    if (!(await holdsAnyPosition(trx, table, officialId)))
      await trx
        .updateTable(table('instructions'))
        .set(vacant)
        .where('effective_official_id', '=', officialId)
        .where('assignee_official_id', '=', officialId)
        .where('status', 'not in', COMPLETED)
        .execute();
  }
}

async function applyInstructionEvent(
  { recorded, revision, event }: Folded,
  trx: ReadModelTransaction,
  table: TableResolver,
): Promise<void> {
  const instructionId = idAfter('instruction-', recorded.streamId);
  const key = { column: 'id', value: instructionId };
  switch (event?.type) {
    case 'InstructionIssued': {
      const { data } = event as EventOf<'InstructionIssued'>;
      const head =
        data.assigneeOfficialId === null && data.authorityId !== null
          ? await currentHead(trx, table, data.authorityId)
          : undefined;
      const answering = data.assigneeOfficialId ?? head ?? null;
      await trx
        .insertInto(table('instructions'))
        .values({
          id: instructionId,
          meeting_id: data.meetingId,
          text: data.text,
          issued_on: data.issuedOn,
          deadline: data.deadline,
          assignee_official_id: data.assigneeOfficialId,
          effective_official_id: answering,
          authority_id: data.authorityId,
          unit_id: data.unitId,
          status: 'ISSUED',
          completed_on: null,
          overdue_since: null,
          unassigned: answering === null ? 1 : 0,
          vacancy_authority_id: answering === null ? data.authorityId : null,
          revision,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      return;
    }
    case 'ProgressReported': {
      const { data } = event as EventOf<'ProgressReported'>;
      const started = await claim(trx, table('instructions'), key, revision, {
        status: sql`case when ${sql.ref('status')} = 'ISSUED' then 'IN_PROGRESS' else ${sql.ref('status')} end`,
      });
      if (!started) return;
      const instruction = (await trx
        .selectFrom(table('instructions'))
        .select(['unit_id', 'meeting_id'])
        .where('id', '=', instructionId)
        .executeTakeFirstOrThrow()) as { unit_id: string; meeting_id: string | null };
      await trx
        .insertInto(table('progress_reports'))
        .values({
          event_id: recorded.id,
          id: data.reportId,
          instruction_id: instructionId,
          unit_id: instruction.unit_id,
          meeting_id: instruction.meeting_id,
          reported_on: data.reportedOn,
          by_official_id: data.byOfficialId,
          text: data.text,
          figures: JSON.stringify(data.figures),
        })
        .onConflict((conflict) => conflict.column('event_id').doNothing())
        .execute();
      return;
    }
    case 'InstructionCompleted': {
      const { data } = event as EventOf<'InstructionCompleted'>;
      await claim(trx, table('instructions'), key, revision, {
        status: data.late ? 'COMPLETED_LATE' : 'COMPLETED',
        completed_on: data.completedOn,
      });
      return;
    }
    case 'InstructionBecameOverdue': {
      const { data } = event as EventOf<'InstructionBecameOverdue'>;
      await claim(trx, table('instructions'), key, revision, {
        // A completed instruction stays completed, as the domain folds it.
        status: sql`case when ${sql.ref('status')} in ('COMPLETED', 'COMPLETED_LATE') then ${sql.ref('status')} else 'OVERDUE' end`,
        overdue_since: data.detectedOn,
      });
      return;
    }
    case 'InstructionReassigned': {
      const { data } = event as EventOf<'InstructionReassigned'>;
      await claim(trx, table('instructions'), key, revision, {
        assignee_official_id: data.toOfficialId,
        effective_official_id: data.toOfficialId,
        unassigned: 0,
        vacancy_authority_id: null,
      });
      return;
    }
    default:
      // A type this code does not know still counts as a revision of the instruction.
      await claim(trx, table('instructions'), key, revision);
  }
}

async function applyResponsibilityEvent(
  { recorded, revision, event }: Folded,
  trx: ReadModelTransaction,
  table: TableResolver,
): Promise<void> {
  if (event?.type !== 'ResponsibilityAssigned') {
    const procedureId = idAfter('responsibility-procedure-', recorded.streamId);
    await claim(
      trx,
      table('procedure_responsibilities'),
      { column: 'procedure_id', value: procedureId },
      revision,
    );
    return;
  }
  const { data } = event as EventOf<'ResponsibilityAssigned'>;
  const procedures = table('procedure_responsibilities');
  await trx
    .insertInto(procedures)
    .values({
      procedure_id: data.subjectId,
      official_id: data.officialId,
      assigned_on: data.assignedOn,
      revision,
    })
    .onConflict((conflict) =>
      conflict
        .column('procedure_id')
        .doUpdateSet((eb) => ({
          official_id: eb.ref('excluded.official_id'),
          assigned_on: eb.ref('excluded.assigned_on'),
          revision: eb.ref('excluded.revision'),
        }))
        .where(`${procedures}.revision`, '<', revision),
    )
    .execute();
}

async function applyOnceOnlyEvent(
  { recorded, event }: Folded,
  trx: ReadModelTransaction,
  table: TableResolver,
): Promise<void> {
  switch (event?.type) {
    case 'MeetingHeld': {
      const { data } = event as EventOf<'MeetingHeld'>;
      await trx
        .insertInto(table('meetings'))
        .values({
          id: data.meetingId,
          held_on: data.heldOn,
          level: data.level,
          unit_id: data.unitId,
          title: data.title,
          chair: data.chair,
          chair_official_id: data.chairOfficialId,
          agenda: JSON.stringify(data.agenda),
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      return;
    }
    case 'UnitProgressReported': {
      const { data } = event as EventOf<'UnitProgressReported'>;
      await trx
        .insertInto(table('progress_reports'))
        .values({
          event_id: recorded.id,
          id: data.reportId,
          instruction_id: null,
          unit_id: data.unitId,
          meeting_id: data.meetingId,
          reported_on: data.reportedOn,
          by_official_id: data.byOfficialId,
          text: data.text,
          figures: JSON.stringify(data.figures),
        })
        .onConflict((conflict) => conflict.column('event_id').doNothing())
        .execute();
      return;
    }
    default:
      return;
  }
}

function readEvent(recorded: RecordedEvent): Folded {
  const event = KNOWN_TYPES.has(recorded.type)
    ? (() => {
        const envelope = toEnvelope<AccountabilityEvent>(recorded, registry);
        return { type: envelope.type, data: envelope.data } as AccountabilityEvent;
      })()
    : undefined;
  return { recorded, revision: Number(recorded.revision) + 1, event };
}

/**
 * Officials with every appointment they held, meetings, instructions with their status and who
 * answers for them, progress reports, and explicit responsibility for procedures. An instruction
 * whose official is relieved (or whose authority loses its head) is flagged `unassigned` until the
 * authority's next head takes it over, or it is reassigned. Every stream's row carries the revision
 * it has folded, so an event delivered again changes nothing; the rows depend only on the events,
 * in log order, so a rebuild gives the rows of the live run.
 */
export const accountabilityProjection = eventByEvent({
  name: 'accountability',
  version: 1,
  filter: ACCOUNTABILITY_STREAMS,
  tables: [
    'officials',
    'positions',
    'meetings',
    'instructions',
    'progress_reports',
    'procedure_responsibilities',
  ],

  async migrate(db, table) {
    await db.schema
      .createTable(table('officials'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('normalized_name', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('officials')}_by_name`)
      .on(table('officials'))
      .columns(['name', 'id'])
      .execute();

    await db.schema
      .createTable(table('positions'))
      .addColumn('official_id', 'text', (c) => c.notNull())
      .addColumn('appointed_revision', 'integer', (c) => c.notNull())
      .addColumn('authority_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('head', 'integer', (c) => c.notNull())
      .addColumn('appointed_on', 'text', (c) => c.notNull())
      .addColumn('relieved_on', 'text')
      .addPrimaryKeyConstraint(`${table('positions')}_pk`, ['official_id', 'appointed_revision'])
      .execute();
    await db.schema
      .createIndex(`${table('positions')}_by_authority`)
      .on(table('positions'))
      .columns(['authority_id', 'head', 'relieved_on'])
      .execute();
    await db.schema
      .createIndex(`${table('positions')}_by_unit`)
      .on(table('positions'))
      .columns(['unit_id', 'head', 'relieved_on'])
      .execute();

    await db.schema
      .createTable(table('meetings'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('chair', 'text', (c) => c.notNull())
      .addColumn('chair_official_id', 'text')
      .addColumn('agenda', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('meetings')}_by_unit`)
      .on(table('meetings'))
      .columns(['unit_id', 'held_on'])
      .execute();

    await db.schema
      .createTable(table('instructions'))
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('assignee_official_id', 'text')
      .addColumn('effective_official_id', 'text')
      .addColumn('authority_id', 'text')
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('completed_on', 'text')
      .addColumn('overdue_since', 'text')
      .addColumn('unassigned', 'integer', (c) => c.notNull())
      .addColumn('vacancy_authority_id', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('instructions')}_by_status`)
      .on(table('instructions'))
      .columns(['status', 'deadline'])
      .execute();
    await db.schema
      .createIndex(`${table('instructions')}_by_unit`)
      .on(table('instructions'))
      .columns(['unit_id', 'status'])
      .execute();
    await db.schema
      .createIndex(`${table('instructions')}_by_official`)
      .on(table('instructions'))
      .columns(['effective_official_id', 'status'])
      .execute();
    await db.schema
      .createIndex(`${table('instructions')}_by_meeting`)
      .on(table('instructions'))
      .column('meeting_id')
      .execute();
    await db.schema
      .createIndex(`${table('instructions')}_by_vacancy`)
      .on(table('instructions'))
      .columns(['vacancy_authority_id', 'unassigned'])
      .execute();

    await db.schema
      .createTable(table('progress_reports'))
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('instruction_id', 'text')
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('meeting_id', 'text')
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('by_official_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('figures', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('progress_reports')}_by_instruction`)
      .on(table('progress_reports'))
      .columns(['instruction_id', 'reported_on'])
      .execute();
    await db.schema
      .createIndex(`${table('progress_reports')}_by_meeting`)
      .on(table('progress_reports'))
      .columns(['meeting_id', 'reported_on'])
      .execute();

    await db.schema
      .createTable(table('procedure_responsibilities'))
      .addColumn('procedure_id', 'text', (c) => c.primaryKey())
      .addColumn('official_id', 'text', (c) => c.notNull())
      .addColumn('assigned_on', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${table('procedure_responsibilities')}_by_official`)
      .on(table('procedure_responsibilities'))
      .column('official_id')
      .execute();
  },

  async apply(recorded, trx, table) {
    const folded = readEvent(recorded);
    const { streamId } = recorded;
    if (streamId.startsWith('official-')) return applyOfficialEvent(folded, trx, table);
    if (streamId.startsWith('instruction-')) return applyInstructionEvent(folded, trx, table);
    if (streamId.startsWith('responsibility-procedure-')) return applyResponsibilityEvent(folded, trx, table);
    // Meetings and reports on a unit are one event per stream.
    return applyOnceOnlyEvent(folded, trx, table);
  },
});
