import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import { physicalTable } from '@redtape/projections';
import { accountabilityProjection } from './accountability.projection.js';
import { AccountabilityHistory, type Appointment } from './testing/accountability-history.js';
import { ReadModelFixture, tableContents } from './testing/read-model-fixture.js';

const TOKMOK_ANCESTRY = ['city/tokmok', 'region/chuy', 'country/kg'];

let fixture: ReadModelFixture;
let history: AccountabilityHistory;

beforeEach(async () => {
  fixture = new ReadModelFixture([accountabilityProjection]);
  history = new AccountabilityHistory(fixture.store);
  await fixture.start();
});

afterEach(() => fixture.dispose());

const TOKMOK = { authorityId: 'mayors-office/tokmok', unitId: 'city/tokmok' } as const;
const NOOKAT = { authorityId: 'district-akimat/nookat', unitId: 'district/nookat' } as const;
const MAYOR: Appointment = { ...TOKMOK, title: 'Mayor', head: true, appointedOn: '2025-01-15' };
const DEPUTY: Appointment = { ...TOKMOK, title: 'Deputy mayor', head: false, appointedOn: '2025-01-16' };

/**
 * Tokmok's mayor and deputy; a Cabinet meeting that gives the mayor's office one instruction and
 * the mayor two in person (one of them done at once), and the deputy one.
 */
async function tokmokHistory(): Promise<void> {
  await history.registerOfficial('b.toktogulov', 'Bakyt Toktogulov');
  await history.registerOfficial('n.asanova', 'Nurgul Asanova');
  await history.registerOfficial('k.osmonov', 'Kanat Osmonov');
  await history.appoint('b.toktogulov', MAYOR);
  await history.appoint('n.asanova', DEPUTY);
  await history.holdMeeting({
    meetingId: 'cabinet-2025-02-03',
    heldOn: '2025-02-03',
    level: 'CABINET',
    unitId: 'country/kg',
    title: 'Stage 2 of the debureaucratization reform',
    chair: 'Chairman of the Cabinet of Ministers',
    chairOfficialId: null,
    agenda: ['Progress of the pilot units', 'Duplicate requirements'],
  });
  const atTheMeeting = { meetingId: 'cabinet-2025-02-03', issuedOn: '2025-02-03', unitId: 'city/tokmok' };
  await history.issue({
    ...atTheMeeting,
    instructionId: 'tokmok-inventory',
    text: 'Inventory every permit the mayor’s office issues',
    deadline: '2025-04-01',
    authorityId: TOKMOK.authorityId,
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'tokmok-duplicates',
    text: 'Drop the requirements the tax service confirms itself',
    deadline: '2025-03-01',
    assigneeOfficialId: 'b.toktogulov',
    authorityId: TOKMOK.authorityId,
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'tokmok-hotline',
    text: 'Open a hotline for complaints about permits',
    deadline: '2025-02-28',
    assigneeOfficialId: 'b.toktogulov',
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'tokmok-website',
    text: 'Publish every procedure on the city website',
    deadline: '2025-05-01',
    assigneeOfficialId: 'n.asanova',
  });
  await history.complete('tokmok-hotline', '2025-02-20');
}

async function contents() {
  return {
    officials: await tableContents(fixture.db, 'officials', ['id']),
    positions: await tableContents(fixture.db, 'positions', ['official_id', 'appointed_revision']),
    meetings: await tableContents(fixture.db, 'meetings', ['id']),
    instructions: await tableContents(fixture.db, 'instructions', ['id']),
    reports: await tableContents(fixture.db, 'progress_reports', ['event_id']),
    responsibilities: await tableContents(fixture.db, 'procedure_responsibilities', ['procedure_id']),
  };
}

async function instructionFlags() {
  return fixture.db
    .selectFrom('instructions')
    .select(['id', 'status', 'assignee_official_id', 'effective_official_id', 'unassigned'])
    .orderBy('id')
    .execute();
}

describe('the accountability projection', () => {
  it('keeps officials, with one position row per appointment, the history of a relieved one included', async () => {
    await tokmokHistory();
    await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15');
    await history.appoint('b.toktogulov', {
      authorityId: 'regional-administration/chuy',
      unitId: 'region/chuy',
      title: 'Deputy governor',
      head: false,
      appointedOn: '2025-04-01',
    });
    await fixture.caughtUp();

    expect(await tableContents(fixture.db, 'officials', ['id'])).toEqual([
      { id: 'b.toktogulov', name: 'Bakyt Toktogulov', normalized_name: 'bakyt toktogulov', revision: 4 },
      { id: 'k.osmonov', name: 'Kanat Osmonov', normalized_name: 'kanat osmonov', revision: 1 },
      { id: 'n.asanova', name: 'Nurgul Asanova', normalized_name: 'nurgul asanova', revision: 2 },
    ]);
    expect(await tableContents(fixture.db, 'positions', ['official_id', 'appointed_revision'])).toEqual([
      {
        official_id: 'b.toktogulov',
        appointed_revision: 2,
        authority_id: 'mayors-office/tokmok',
        unit_id: 'city/tokmok',
        title: 'Mayor',
        head: 1,
        appointed_on: '2025-01-15',
        relieved_on: '2025-03-15',
      },
      {
        official_id: 'b.toktogulov',
        appointed_revision: 4,
        authority_id: 'regional-administration/chuy',
        unit_id: 'region/chuy',
        title: 'Deputy governor',
        head: 0,
        appointed_on: '2025-04-01',
        relieved_on: null,
      },
      {
        official_id: 'n.asanova',
        appointed_revision: 2,
        authority_id: 'mayors-office/tokmok',
        unit_id: 'city/tokmok',
        title: 'Deputy mayor',
        head: 0,
        appointed_on: '2025-01-16',
        relieved_on: null,
      },
    ]);
  });

  it('records the meeting as minuted, and its instructions with who answers for them', async () => {
    await tokmokHistory();
    await fixture.caughtUp();

    expect(await tableContents(fixture.db, 'meetings', ['id'])).toEqual([
      {
        id: 'cabinet-2025-02-03',
        held_on: '2025-02-03',
        level: 'CABINET',
        unit_id: 'country/kg',
        title: 'Stage 2 of the debureaucratization reform',
        chair: 'Chairman of the Cabinet of Ministers',
        chair_official_id: null,
        agenda: JSON.stringify(['Progress of the pilot units', 'Duplicate requirements']),
      },
    ]);
    const issued = {
      meeting_id: 'cabinet-2025-02-03',
      issued_on: '2025-02-03',
      unit_id: 'city/tokmok',
      completed_on: null,
      overdue_since: null,
      charged_official_id: null,
      unassigned: 0,
      vacancy_authority_id: null,
      status: 'ISSUED',
      revision: 1,
    };
    expect(await tableContents(fixture.db, 'instructions', ['id'])).toEqual([
      {
        ...issued,
        id: 'tokmok-duplicates',
        text: 'Drop the requirements the tax service confirms itself',
        deadline: '2025-03-01',
        assignee_official_id: 'b.toktogulov',
        effective_official_id: 'b.toktogulov',
        authority_id: 'mayors-office/tokmok',
      },
      {
        ...issued,
        id: 'tokmok-hotline',
        text: 'Open a hotline for complaints about permits',
        deadline: '2025-02-28',
        assignee_official_id: 'b.toktogulov',
        effective_official_id: 'b.toktogulov',
        authority_id: null,
        status: 'COMPLETED',
        completed_on: '2025-02-20',
        // Settled on who answered when it was completed.
        charged_official_id: 'b.toktogulov',
        revision: 2,
      },
      {
        ...issued,
        id: 'tokmok-inventory',
        text: 'Inventory every permit the mayor’s office issues',
        deadline: '2025-04-01',
        assignee_official_id: null,
        effective_official_id: 'b.toktogulov',
        authority_id: 'mayors-office/tokmok',
      },
      {
        ...issued,
        id: 'tokmok-website',
        text: 'Publish every procedure on the city website',
        deadline: '2025-05-01',
        assignee_official_id: 'n.asanova',
        effective_official_id: 'n.asanova',
        authority_id: null,
      },
    ]);
  });

  it('moves an instruction from ISSUED to IN_PROGRESS on its first report, and keeps every report', async () => {
    await tokmokHistory();
    const figures = [{ name: 'requirements removed', value: 2, unit: 'documents' }];
    await history.report('tokmok-duplicates', {
      reportId: 'r1',
      reportedOn: '2025-02-10',
      byOfficialId: 'b.toktogulov',
      text: 'Two requirements dropped',
      figures,
    });
    await history.report('tokmok-duplicates', {
      reportId: 'r2',
      reportedOn: '2025-02-17',
      byOfficialId: 'b.toktogulov',
      text: 'One more under review',
    });
    await history.reportUnitProgress({
      reportId: 'tokmok-2025-02',
      unitId: 'city/tokmok',
      meetingId: 'cabinet-2025-02-03',
      reportedOn: '2025-02-03',
      byOfficialId: 'b.toktogulov',
      text: 'Tokmok has inventoried 40 procedures',
      figures: [{ name: 'procedures inventoried', value: 40, unit: null }],
    });
    // Report ids are unique per instruction only: another instruction's r1 is another report.
    await history.report('tokmok-website', {
      reportId: 'r1',
      reportedOn: '2025-02-11',
      byOfficialId: 'n.asanova',
      text: 'Half of them published',
    });
    await fixture.caughtUp();

    const rows = await fixture.db.selectFrom('progress_reports').selectAll().orderBy('reported_on').execute();
    expect(rows).toEqual([
      {
        event_id: expect.any(String),
        id: 'tokmok-2025-02',
        instruction_id: null,
        unit_id: 'city/tokmok',
        meeting_id: 'cabinet-2025-02-03',
        reported_on: '2025-02-03',
        by_official_id: 'b.toktogulov',
        text: 'Tokmok has inventoried 40 procedures',
        figures: JSON.stringify([{ name: 'procedures inventoried', value: 40, unit: null }]),
      },
      {
        event_id: expect.any(String),
        id: 'r1',
        instruction_id: 'tokmok-duplicates',
        unit_id: 'city/tokmok',
        meeting_id: 'cabinet-2025-02-03',
        reported_on: '2025-02-10',
        by_official_id: 'b.toktogulov',
        text: 'Two requirements dropped',
        figures: JSON.stringify(figures),
      },
      {
        event_id: expect.any(String),
        id: 'r1',
        instruction_id: 'tokmok-website',
        unit_id: 'city/tokmok',
        meeting_id: 'cabinet-2025-02-03',
        reported_on: '2025-02-11',
        by_official_id: 'n.asanova',
        text: 'Half of them published',
        figures: '[]',
      },
      {
        event_id: expect.any(String),
        id: 'r2',
        instruction_id: 'tokmok-duplicates',
        unit_id: 'city/tokmok',
        meeting_id: 'cabinet-2025-02-03',
        reported_on: '2025-02-17',
        by_official_id: 'b.toktogulov',
        text: 'One more under review',
        figures: '[]',
      },
    ]);
    expect(await instructionFlags()).toEqual([
      expect.objectContaining({ id: 'tokmok-duplicates', status: 'IN_PROGRESS' }),
      expect.objectContaining({ id: 'tokmok-hotline', status: 'COMPLETED' }),
      expect.objectContaining({ id: 'tokmok-inventory', status: 'ISSUED' }),
      expect.objectContaining({ id: 'tokmok-website', status: 'IN_PROGRESS' }),
    ]);
  });

  it('marks an instruction OVERDUE, keeps it so through reports, and completes it as COMPLETED_LATE', async () => {
    await tokmokHistory();
    await history.markOverdue('tokmok-duplicates', '2025-03-02');
    await history.report('tokmok-duplicates', {
      reportId: 'late-report',
      reportedOn: '2025-03-05',
      byOfficialId: 'b.toktogulov',
    });
    await fixture.caughtUp();
    expect(
      await fixture.db
        .selectFrom('instructions')
        .select(['status', 'overdue_since', 'completed_on', 'revision'])
        .where('id', '=', 'tokmok-duplicates')
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'OVERDUE', overdue_since: '2025-03-02', completed_on: null, revision: 3 });

    await fixture.caughtUp(await history.complete('tokmok-duplicates', '2025-03-10'));

    expect(
      await fixture.db
        .selectFrom('instructions')
        .select(['status', 'overdue_since', 'completed_on', 'revision'])
        .where('id', '=', 'tokmok-duplicates')
        .executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'COMPLETED_LATE',
      overdue_since: '2025-03-02',
      completed_on: '2025-03-10',
      revision: 4,
    });
  });

  it('flags the open instructions of a relieved head as unassigned, and the completed ones stay as they were', async () => {
    await tokmokHistory();
    await fixture.caughtUp(await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15'));

    expect(await instructionFlags()).toEqual([
      {
        id: 'tokmok-duplicates',
        status: 'ISSUED',
        assignee_official_id: 'b.toktogulov',
        effective_official_id: 'b.toktogulov',
        unassigned: 1,
      },
      {
        id: 'tokmok-hotline',
        status: 'COMPLETED',
        assignee_official_id: 'b.toktogulov',
        effective_official_id: 'b.toktogulov',
        unassigned: 0,
      },
      {
        id: 'tokmok-inventory',
        status: 'ISSUED',
        assignee_official_id: null,
        effective_official_id: 'b.toktogulov',
        unassigned: 1,
      },
      {
        id: 'tokmok-website',
        status: 'ISSUED',
        assignee_official_id: 'n.asanova',
        effective_official_id: 'n.asanova',
        unassigned: 0,
      },
    ]);
  });

  it('hands the instructions of the relieved head over to the next head of the authority', async () => {
    await tokmokHistory();
    await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15');
    await fixture.caughtUp(await history.appoint('k.osmonov', { ...MAYOR, appointedOn: '2025-03-20' }));

    expect(await instructionFlags()).toEqual([
      {
        id: 'tokmok-duplicates',
        status: 'ISSUED',
        assignee_official_id: 'b.toktogulov',
        effective_official_id: 'k.osmonov',
        unassigned: 0,
      },
      {
        id: 'tokmok-hotline',
        status: 'COMPLETED',
        assignee_official_id: 'b.toktogulov',
        effective_official_id: 'b.toktogulov',
        unassigned: 0,
      },
      {
        id: 'tokmok-inventory',
        status: 'ISSUED',
        assignee_official_id: null,
        effective_official_id: 'k.osmonov',
        unassigned: 0,
      },
      {
        id: 'tokmok-website',
        status: 'ISSUED',
        assignee_official_id: 'n.asanova',
        effective_official_id: 'n.asanova',
        unassigned: 0,
      },
    ]);
    expect(
      await fixture.db.selectFrom('instructions').select('vacancy_authority_id').distinct().execute(),
    ).toEqual([{ vacancy_authority_id: null }]);
  });

  it('leaves instructions alone when their official is relieved of a position that is not the head’s and stays in office', async () => {
    await tokmokHistory();
    await history.appoint('n.asanova', {
      authorityId: 'regional-administration/chuy',
      unitId: 'region/chuy',
      title: 'Adviser',
      head: false,
      appointedOn: '2025-02-01',
    });
    await fixture.caughtUp(await history.relieve('n.asanova', TOKMOK.authorityId, '2025-03-15'));
    expect((await instructionFlags()).find((row) => row.id === 'tokmok-website')).toMatchObject({
      effective_official_id: 'n.asanova',
      unassigned: 0,
    });

    await fixture.caughtUp(await history.relieve('n.asanova', 'regional-administration/chuy', '2025-03-20'));
    expect((await instructionFlags()).find((row) => row.id === 'tokmok-website')).toMatchObject({
      effective_official_id: 'n.asanova',
      unassigned: 1,
    });
  });

  it('clears the flag when an unassigned instruction is reassigned', async () => {
    await tokmokHistory();
    await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15');
    await fixture.caughtUp(await history.reassign('tokmok-duplicates', 'n.asanova', '2025-03-16'));

    expect(
      await fixture.db
        .selectFrom('instructions')
        .select([
          'assignee_official_id',
          'effective_official_id',
          'unassigned',
          'vacancy_authority_id',
          'revision',
        ])
        .where('id', '=', 'tokmok-duplicates')
        .executeTakeFirstOrThrow(),
    ).toEqual({
      assignee_official_id: 'n.asanova',
      effective_official_id: 'n.asanova',
      unassigned: 0,
      vacancy_authority_id: null,
      revision: 2,
    });
  });

  it('flags an instruction to an authority without a head until a head is appointed', async () => {
    await history.registerOfficial('t.mamatov', 'Talant Mamatov');
    await history.issue({
      instructionId: 'nookat-inventory',
      issuedOn: '2025-02-03',
      deadline: '2025-04-01',
      authorityId: NOOKAT.authorityId,
      unitId: NOOKAT.unitId,
    });
    await fixture.caughtUp();
    expect(await instructionFlags()).toEqual([
      {
        id: 'nookat-inventory',
        status: 'ISSUED',
        assignee_official_id: null,
        effective_official_id: null,
        unassigned: 1,
      },
    ]);

    await fixture.caughtUp(
      await history.appoint('t.mamatov', { ...NOOKAT, title: 'Akim', head: true, appointedOn: '2025-02-10' }),
    );
    expect(await instructionFlags()).toEqual([
      {
        id: 'nookat-inventory',
        status: 'ISSUED',
        assignee_official_id: null,
        effective_official_id: 't.mamatov',
        unassigned: 0,
      },
    ]);
  });

  it('keeps the latest explicit responsibility for a procedure', async () => {
    await tokmokHistory();
    await history.assignResponsibility('tokmok-street-trade', 'n.asanova', '2025-02-05', TOKMOK_ANCESTRY);
    await fixture.caughtUp(
      await history.assignResponsibility(
        'tokmok-street-trade',
        'b.toktogulov',
        '2025-02-07',
        TOKMOK_ANCESTRY,
      ),
    );

    expect(await tableContents(fixture.db, 'procedure_responsibilities', ['procedure_id'])).toEqual([
      {
        procedure_id: 'tokmok-street-trade',
        official_id: 'b.toktogulov',
        assigned_on: '2025-02-07',
        revision: 2,
      },
    ]);
  });

  it('leaves the same rows when every event is folded a second time, a late relief included', async () => {
    await tokmokHistory();
    await history.report('tokmok-duplicates', {
      reportId: 'r1',
      reportedOn: '2025-02-10',
      byOfficialId: 'b.toktogulov',
    });
    await history.assignResponsibility('tokmok-street-trade', 'n.asanova', '2025-02-05', TOKMOK_ANCESTRY);
    await history.reportUnitProgress({
      reportId: 'tokmok-2025-02',
      unitId: 'city/tokmok',
      meetingId: 'cabinet-2025-02-03',
      reportedOn: '2025-02-03',
      byOfficialId: 'b.toktogulov',
    });
    await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15');
    await history.appoint('k.osmonov', { ...MAYOR, appointedOn: '2025-03-20' });
    await history.markOverdue('tokmok-inventory', '2025-04-02');
    await history.appoint('b.toktogulov', { ...DEPUTY, title: 'Adviser', appointedOn: '2025-04-03' });
    await fixture.caughtUp();
    const once = await contents();

    const events = await collect(fixture.store.readAll({ filter: accountabilityProjection.filter }));
    const relief = events.find((event) => event.type === 'OfficialRelievedOfDuties')!;
    const table = (logical: string) => physicalTable(logical, 1);
    await fixture.db.transaction().execute(async (trx) => {
      for (const event of events) await accountabilityProjection.apply(event, trx, table);
      // The relief delivered again after the new head took over, and after the official came back
      // as an adviser, must neither take the instructions away nor end the new position.
      await accountabilityProjection.apply(relief, trx, table);
    });

    expect(await contents()).toEqual(once);
    expect(once.instructions.filter((row) => row['unassigned'] === 1)).toEqual([]);
  });

  it('rebuilds from position 0 into exactly the rows it built live', async () => {
    await tokmokHistory();
    await history.report('tokmok-duplicates', {
      reportId: 'r1',
      reportedOn: '2025-02-10',
      byOfficialId: 'b.toktogulov',
    });
    await history.assignResponsibility('tokmok-street-trade', 'n.asanova', '2025-02-05', TOKMOK_ANCESTRY);
    await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15');
    await history.markOverdue('tokmok-duplicates', '2025-03-16');
    await history.appoint('k.osmonov', { ...MAYOR, appointedOn: '2025-03-20' });
    await history.complete('tokmok-duplicates', '2025-03-25');
    await history.reassign('tokmok-website', 'k.osmonov', '2025-03-26');
    await fixture.caughtUp();
    const live = await contents();

    await fixture.runner('accountability').rebuild();

    expect(fixture.runner('accountability').checkpoint).toMatchObject({ generation: 2 });
    expect(await contents()).toEqual(live);
    expect(live.instructions).toHaveLength(4);
    expect(live.positions).toHaveLength(3);
  });
});
