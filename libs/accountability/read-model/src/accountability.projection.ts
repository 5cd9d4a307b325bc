import {
  ACCOUNTABILITY_STREAMS,
  COMPLETED_STATUSES,
  INSTRUCTION_STREAM_PREFIX,
  OFFICIAL_STREAM_PREFIX,
  PROCEDURE_RESPONSIBILITY_STREAM_PREFIX,
  accountabilityUpcasters,
  answererOfInstruction,
  chargeOnOutcome,
  chargeOnRelief,
  authorityAwaitedBy,
  currentHeadOf,
  instructionStatusAfter,
  isCompletedStatus,
  waitsAfterRelief,
  type AccountabilityEvent,
  type InstructionEvent,
  type InstructionStatus,
} from '@redtape/accountability-domain';
import { searchForm, toEnvelope } from '@redtape/event-sourcing';
import type { RecordedEvent } from '@redtape/event-store';
import { eventByEvent, type ReadModelTransaction, type TableResolver } from '@redtape/projections';
import { createAccountabilityTables } from './accountability-schema.js';

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

type EventOf<T extends AccountabilityEvent['type']> = Extract<AccountabilityEvent, { type: T }>;

/** What `apply` needs of one stored event: its stream's id and revision, and the event if its type is known. */
interface Folded {
  readonly recorded: RecordedEvent;
  /** Events applied to the stream once this one is: 1 for its first. */
  readonly revision: number;
  readonly event: AccountabilityEvent | undefined;
}

/** Names are searched in the kernel's search form: case, diacritics, punctuation and spacing. */
export function nameSearchForm(name: string): string {
  return searchForm(name);
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

/** The authority's head now, by the domain's rule over all who were appointed to it. */
async function currentHead(
  trx: ReadModelTransaction,
  table: TableResolver,
  authorityId: string,
): Promise<string | undefined> {
  const positions = (await trx
    .selectFrom(table('positions'))
    .select(['official_id', 'authority_id', 'head', 'appointed_on', 'relieved_on'])
    .where('authority_id', '=', authorityId)
    .execute()) as PositionFacts[];
  return currentHeadOf(positions.map(heldPosition));
}

interface PositionFacts {
  official_id: string;
  authority_id: string;
  head: number;
  appointed_on: string;
  relieved_on: string | null;
}

function heldPosition(row: PositionFacts) {
  return {
    officialId: row.official_id,
    authorityId: row.authority_id,
    head: Number(row.head) === 1,
    appointedOn: row.appointed_on,
    relievedOn: row.relieved_on,
  };
}

/** The instruction's status after the event, by the domain's transition table. */
async function statusAfter(
  trx: ReadModelTransaction,
  table: TableResolver,
  instructionId: string,
  event: InstructionEvent,
): Promise<InstructionStatus | undefined> {
  return (await outcomeAfter(trx, table, instructionId, event))?.status;
}

/**
 * The status after an outcome (completion, a missed deadline), and who the outcome is charged to:
 * whoever answered for the instruction then (`chargeOnOutcome`), for good.
 */
async function outcomeAfter(
  trx: ReadModelTransaction,
  table: TableResolver,
  instructionId: string,
  event: InstructionEvent,
): Promise<{ status: InstructionStatus; charged_official_id: string | null } | undefined> {
  const row = (await trx
    .selectFrom(table('instructions'))
    .select(['status', 'charged_official_id', 'effective_official_id'])
    .where('id', '=', instructionId)
    .executeTakeFirst()) as
    | { status: InstructionStatus; charged_official_id: string | null; effective_official_id: string | null }
    | undefined;
  if (!row) return undefined;
  return {
    status: instructionStatusAfter(row.status, event),
    charged_official_id: chargeOnOutcome({
      chargedOfficialId: row.charged_official_id,
      answeringOfficialId: row.effective_official_id,
    }),
  };
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
  const officialId = idAfter(OFFICIAL_STREAM_PREFIX, recorded.streamId);
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
        .where('status', 'not in', COMPLETED_STATUSES)
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
    const relief = {
      officialId,
      authorityId: data.authorityId,
      head: data.head,
      holdsAnyPositionAfter: await holdsAnyPosition(trx, table, officialId),
    };
    const answered = (await trx
      .selectFrom(table('instructions'))
      .select(['id', 'assignee_official_id', 'authority_id', 'status', 'deadline', 'charged_official_id'])
      .where('effective_official_id', '=', officialId)
      .execute()) as AnsweredRow[];
    for (const row of answered) {
      const instruction = {
        assigneeOfficialId: row.assignee_official_id,
        authorityId: row.authority_id,
        completed: isCompletedStatus(row.status),
      };
      // A deadline missed before the relief stays the relieved official's.
      const charged = chargeOnRelief(
        {
          chargedOfficialId: row.charged_official_id,
          answeringOfficialId: officialId,
          deadline: row.deadline,
          completed: instruction.completed,
        },
        { officialId, relievedOn: data.relievedOn },
      );
      const waits = waitsAfterRelief(instruction, relief);
      if (!waits && charged === row.charged_official_id) continue;
      await trx
        .updateTable(table('instructions'))
        .set({
          charged_official_id: charged,
          ...(waits
            ? { unassigned: 1, vacancy_authority_id: authorityAwaitedBy(instruction, data.authorityId) }
            : {}),
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
}

interface AnsweredRow {
  id: string;
  assignee_official_id: string | null;
  authority_id: string | null;
  status: InstructionStatus;
  deadline: string;
  charged_official_id: string | null;
}

async function applyInstructionEvent(
  { recorded, revision, event }: Folded,
  trx: ReadModelTransaction,
  table: TableResolver,
): Promise<void> {
  const instructionId = idAfter(INSTRUCTION_STREAM_PREFIX, recorded.streamId);
  const key = { column: 'id', value: instructionId };
  switch (event?.type) {
    case 'InstructionIssued': {
      const { data } = event as EventOf<'InstructionIssued'>;
      const head =
        data.assigneeOfficialId === null && data.authorityId !== null
          ? await currentHead(trx, table, data.authorityId)
          : undefined;
      const answering = answererOfInstruction(data.assigneeOfficialId, head);
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
          status: instructionStatusAfter(undefined, event),
          completed_on: null,
          overdue_since: null,
          charged_official_id: null,
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
      const status = await statusAfter(trx, table, instructionId, event);
      const started =
        status !== undefined && (await claim(trx, table('instructions'), key, revision, { status }));
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
      const outcome = await outcomeAfter(trx, table, instructionId, event);
      if (outcome !== undefined)
        await claim(trx, table('instructions'), key, revision, {
          ...outcome,
          completed_on: data.completedOn,
        });
      return;
    }
    case 'InstructionBecameOverdue': {
      const { data } = event as EventOf<'InstructionBecameOverdue'>;
      const outcome = await outcomeAfter(trx, table, instructionId, event);
      if (outcome !== undefined)
        await claim(trx, table('instructions'), key, revision, {
          ...outcome,
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
    const procedureId = idAfter(PROCEDURE_RESPONSIBILITY_STREAM_PREFIX, recorded.streamId);
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
        const envelope = toEnvelope<AccountabilityEvent>(recorded, accountabilityUpcasters);
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
  // 2: an instruction's outcome is charged to who answered for it then (charged_official_id).
  version: 2,
  filter: ACCOUNTABILITY_STREAMS,
  tables: [
    'officials',
    'positions',
    'meetings',
    'instructions',
    'progress_reports',
    'procedure_responsibilities',
  ],

  migrate: createAccountabilityTables,

  async apply(recorded, trx, table) {
    const folded = readEvent(recorded);
    const { streamId } = recorded;
    if (streamId.startsWith(OFFICIAL_STREAM_PREFIX)) return applyOfficialEvent(folded, trx, table);
    if (streamId.startsWith(INSTRUCTION_STREAM_PREFIX)) return applyInstructionEvent(folded, trx, table);
    if (streamId.startsWith(PROCEDURE_RESPONSIBILITY_STREAM_PREFIX))
      return applyResponsibilityEvent(folded, trx, table);
    // Meetings and reports on a unit are one event per stream.
    return applyOnceOnlyEvent(folded, trx, table);
  },
});
