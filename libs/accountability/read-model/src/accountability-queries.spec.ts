import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore } from '@redtape/event-store';
import { RegionsHistory } from '@redtape/regions-mirror/testing';
import type { AccountabilityQueries, PositionRecord } from './accountability-queries.js';
import { InvalidQueryInput } from './invalid-query-input.js';
import { AccountabilityHistory, type Appointment } from './testing/accountability-history.js';
import { ProceduresHistory, type Owner } from './testing/procedures-history.js';
import { ReadModelFixture } from './testing/read-model-fixture.js';

const TOKMOK_ANCESTRY = ['city/tokmok', 'region/chuy', 'country/kg'];
const NOOKAT_ANCESTRY = ['district/nookat', 'region/osh', 'country/kg'];

// One history for every query below; the queries only read it.
let fixture: ReadModelFixture;
let queries: AccountabilityQueries;

const TOKMOK: Owner = { authorityId: 'mayors-office/tokmok', unitId: 'city/tokmok', level: 'CITY' };
const CHUY: Owner = { authorityId: 'regional-administration/chuy', unitId: 'region/chuy', level: 'REGIONAL' };
const NOOKAT: Owner = { authorityId: 'district-akimat/nookat', unitId: 'district/nookat', level: 'DISTRICT' };
const YSYK_ATA: Owner = {
  authorityId: 'district-akimat/ysyk-ata',
  unitId: 'district/ysyk-ata',
  level: 'DISTRICT',
};

const position = (owner: Owner, title: string, head: boolean, appointedOn: string): Appointment => ({
  authorityId: owner.authorityId,
  unitId: owner.unitId,
  title,
  head,
  appointedOn,
});

const MAYOR_TOKTOGULOV = position(TOKMOK, 'Mayor', true, '2025-01-15');
const DEPUTY_GOVERNOR_TOKTOGULOV = position(CHUY, 'Deputy governor', false, '2025-04-01');

/**
 * The map with Tokmok enrolled in the pilot on 1 February 2025; the heads of Chüy, Nookat and
 * Tokmok and two deputies; Tokmok's mayor relieved on 15 March and replaced on 20 March, a Nookat
 * deputy relieved for good; procedures simplified before and after the pilot began; a Cabinet
 * meeting with its instructions, reports, completions and missed deadlines.
 */
async function writeHistory(store: EventStore) {
  const regions = new RegionsHistory(store);
  await regions.registerMap();
  await regions.enroll('city/tokmok', 2, '2025-02-01');

  const history = new AccountabilityHistory(store);
  const procedures = new ProceduresHistory(store);
  for (const [id, name] of [
    ['a.duishenov', 'Almaz Duishenov'],
    ['t.mamatov', 'Talant Mamatov'],
    ['b.toktogulov', 'Bakyt Toktogulov'],
    ['n.asanova', 'Nurgul Asanova'],
    ['a.ozbekova', 'Ainura Özbekova'],
    ['k.osmonov', 'Kanat Osmonov'],
  ] as const)
    await history.registerOfficial(id, name);
  await history.appoint('a.duishenov', position(CHUY, 'Governor', true, '2025-01-10'));
  await history.appoint('t.mamatov', position(NOOKAT, 'Akim', true, '2025-01-12'));
  await history.appoint('b.toktogulov', MAYOR_TOKTOGULOV);
  await history.appoint('n.asanova', position(TOKMOK, 'Deputy mayor', false, '2025-01-16'));
  await history.appoint('a.ozbekova', position(NOOKAT, 'Deputy akim', false, '2025-01-18'));
  await history.appoint('t.mamatov', {
    authorityId: 'cabinet/kg',
    unitId: 'country/kg',
    title: 'Member of the reform commission',
    head: false,
    appointedOn: '2025-02-20',
  });

  await procedures.register(
    'tokmok-street-trade',
    TOKMOK,
    ['application', 'passport', 'tax'],
    30,
    '2025-01-20T03:00:00Z',
  );
  await procedures.register('tokmok-kiosk', TOKMOK, ['application'], 15, '2025-01-20T03:00:00Z');
  await procedures.register('tokmok-market', TOKMOK, ['application'], 20, '2025-01-20T03:00:00Z');
  await procedures.register('chuy-land', CHUY, ['application', 'cadastre'], 45, '2025-01-20T03:00:00Z');
  await procedures.register('nookat-land', NOOKAT, ['application'], 45, '2025-01-20T03:00:00Z');
  await procedures.register('ysyk-ata-pasture', YSYK_ATA, ['application'], 30, '2025-01-20T03:00:00Z');
  await procedures.removeRequirement('tokmok-street-trade', 'tax', '2025-01-25T04:00:00Z');
  await procedures.abolish('tokmok-market', '2025-02-10T04:00:00Z');
  await procedures.removeRequirement('chuy-land', 'cadastre', '2025-03-01T04:00:00Z');
  await procedures.changeDecisionTime('tokmok-street-trade', 10, '2025-03-10T04:00:00Z');
  await procedures.removeRequirement('tokmok-street-trade', 'passport', '2025-03-11T04:00:00Z');
  await procedures.changeDecisionTime('tokmok-kiosk', 5, '2025-03-12T04:00:00Z');
  await history.assignResponsibility('tokmok-kiosk', 'n.asanova', '2025-02-05', TOKMOK_ANCESTRY);
  await history.assignResponsibility('nookat-land', 'a.ozbekova', '2025-02-06', NOOKAT_ANCESTRY);

  await history.holdMeeting({
    meetingId: 'cabinet-2025-02-03',
    heldOn: '2025-02-03',
    level: 'CABINET',
    unitId: 'country/kg',
    title: 'Stage 2 of the debureaucratization reform',
    chair: 'Chairman of the Cabinet of Ministers',
    chairOfficialId: null,
    agenda: ['Progress of the pilot units'],
  });
  const atTheMeeting = { meetingId: 'cabinet-2025-02-03', issuedOn: '2025-02-03' };
  const tokmok = { ...atTheMeeting, unitId: 'city/tokmok' };
  const personally = (officialId: string) => ({ assigneeOfficialId: officialId });
  await history.issue({
    ...tokmok,
    instructionId: 'tokmok-inventory',
    deadline: '2025-04-01',
    authorityId: TOKMOK.authorityId,
  });
  await history.issue({
    ...tokmok,
    instructionId: 'tokmok-duplicates',
    deadline: '2025-03-01',
    ...personally('b.toktogulov'),
  });
  await history.issue({
    ...tokmok,
    instructionId: 'tokmok-hotline',
    deadline: '2025-02-28',
    ...personally('b.toktogulov'),
  });
  await history.issue({
    ...tokmok,
    instructionId: 'tokmok-website',
    text: 'Publish every procedure on the city website',
    deadline: '2025-05-01',
    ...personally('n.asanova'),
  });
  await history.issue({
    ...tokmok,
    instructionId: 'tokmok-signs',
    deadline: '2025-02-15',
    ...personally('n.asanova'),
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'chuy-review',
    deadline: '2025-06-30',
    authorityId: CHUY.authorityId,
    unitId: CHUY.unitId,
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'nookat-archive',
    deadline: '2025-03-31',
    authorityId: NOOKAT.authorityId,
    unitId: NOOKAT.unitId,
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'nookat-permits',
    deadline: '2025-05-15',
    authorityId: NOOKAT.authorityId,
    unitId: NOOKAT.unitId,
    ...personally('a.ozbekova'),
  });
  await history.issue({
    ...atTheMeeting,
    instructionId: 'ysyk-ata-inventory',
    deadline: '2025-04-15',
    authorityId: YSYK_ATA.authorityId,
    unitId: YSYK_ATA.unitId,
  });
  await history.reportUnitProgress({
    reportId: 'tokmok-2025-02',
    unitId: 'city/tokmok',
    meetingId: 'cabinet-2025-02-03',
    reportedOn: '2025-02-03',
    byOfficialId: 'b.toktogulov',
    text: 'Tokmok has inventoried 40 procedures',
  });
  await history.report('tokmok-website', {
    reportId: 'r1',
    reportedOn: '2025-02-11',
    byOfficialId: 'n.asanova',
    text: 'Half of them published',
    figures: [{ name: 'procedures published', value: 20, unit: null }],
  });
  await history.markOverdue('tokmok-signs', '2025-02-16');
  await history.complete('tokmok-hotline', '2025-02-20');
  await history.complete('tokmok-signs', '2025-02-20');
  await history.markOverdue('tokmok-duplicates', '2025-03-02');
  await history.relieve('b.toktogulov', TOKMOK.authorityId, '2025-03-15');
  await history.relieve('a.ozbekova', NOOKAT.authorityId, '2025-03-18');
  await history.appoint('k.osmonov', position(TOKMOK, 'Mayor', true, '2025-03-20'));
  await history.appoint('b.toktogulov', DEPUTY_GOVERNOR_TOKTOGULOV);
}

beforeAll(async () => {
  fixture = new ReadModelFixture();
  await fixture.start();
  await writeHistory(fixture.store);
  await fixture.caughtUp();
  queries = fixture.queries;
});

afterAll(() => fixture.dispose());

const asPosition = (
  officialId: string,
  appointment: Appointment,
  relievedOn: string | null,
): PositionRecord => ({
  officialId,
  ...appointment,
  relievedOn,
});

const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);

describe('officials', () => {
  it('answers an official with every appointment, oldest first, and the position held now', async () => {
    const deputyGovernor = asPosition('b.toktogulov', DEPUTY_GOVERNOR_TOKTOGULOV, null);
    expect(await queries.official('b.toktogulov')).toEqual({
      id: 'b.toktogulov',
      name: 'Bakyt Toktogulov',
      revision: 4,
      positions: [asPosition('b.toktogulov', MAYOR_TOKTOGULOV, '2025-03-15'), deputyGovernor],
      currentPosition: deputyGovernor,
    });
    expect(await queries.official('nobody')).toBeUndefined();
  });

  it('gives the head’s position as the current one of an official holding several, and none once relieved of all', async () => {
    expect(await queries.currentPosition('t.mamatov')).toEqual(
      asPosition('t.mamatov', position(NOOKAT, 'Akim', true, '2025-01-12'), null),
    );
    expect(await queries.currentPosition('a.ozbekova')).toBeNull();
    expect(await queries.currentPosition('nobody')).toBeNull();
  });

  it('lists officials by name, those in office in given units, or those whose name matches', async () => {
    expect(ids(await queries.officials())).toEqual([
      'a.ozbekova',
      'a.duishenov',
      'b.toktogulov',
      'k.osmonov',
      'n.asanova',
      't.mamatov',
    ]);
    expect(ids(await queries.officials({ unitIds: ['city/tokmok'] }))).toEqual(['k.osmonov', 'n.asanova']);
    expect(ids(await queries.officials({ unitIds: ['city/tokmok', 'region/chuy'] }))).toEqual([
      'a.duishenov',
      'b.toktogulov',
      'k.osmonov',
      'n.asanova',
    ]);
    expect(ids(await queries.officials({ search: 'ÖZBEK' }))).toEqual(['a.ozbekova']);
    expect(ids(await queries.officials({ search: 'ozbekova', unitIds: ['district/nookat'] }))).toEqual([]);
    expect(await queries.officials({ unitIds: [] })).toEqual([]);
    expect(await queries.officials({ search: ' . ' })).toEqual([]);
  });

  it('answers the head of a unit: the official heading one of its authorities now', async () => {
    expect((await queries.headOf('city/tokmok'))?.id).toBe('k.osmonov');
    expect((await queries.headOf('region/chuy'))?.id).toBe('a.duishenov');
    expect(await queries.headOf('district/ysyk-ata')).toBeUndefined();
    expect(await queries.headOf('country/kg')).toBeUndefined();
  });
});

describe('instructions and meetings', () => {
  it('answers an instruction with its reports', async () => {
    expect(await queries.instruction('tokmok-website')).toEqual({
      id: 'tokmok-website',
      meetingId: 'cabinet-2025-02-03',
      text: 'Publish every procedure on the city website',
      issuedOn: '2025-02-03',
      deadline: '2025-05-01',
      assigneeOfficialId: 'n.asanova',
      effectiveOfficialId: 'n.asanova',
      authorityId: null,
      unitId: 'city/tokmok',
      status: 'IN_PROGRESS',
      completedOn: null,
      overdueSince: null,
      unassigned: false,
      revision: 2,
      reports: [
        {
          id: 'r1',
          instructionId: 'tokmok-website',
          unitId: 'city/tokmok',
          meetingId: 'cabinet-2025-02-03',
          reportedOn: '2025-02-11',
          byOfficialId: 'n.asanova',
          text: 'Half of them published',
          figures: [{ name: 'procedures published', value: 20, unit: null }],
        },
      ],
    });
    expect(await queries.instruction('nothing')).toBeUndefined();
  });

  it('lists instructions by deadline, filtered by status, units, overdue or who answers for them', async () => {
    expect(ids(await queries.instructions({ status: 'ISSUED' }))).toEqual([
      'nookat-archive',
      'tokmok-inventory',
      'ysyk-ata-inventory',
      'nookat-permits',
      'chuy-review',
    ]);
    expect(ids(await queries.instructions({ unitIds: ['city/tokmok'], overdueOnly: true }))).toEqual([
      'tokmok-duplicates',
    ]);
    expect(ids(await queries.instructions({ assigneeOfficialId: 'k.osmonov' }))).toEqual([
      'tokmok-duplicates',
      'tokmok-inventory',
    ]);
    expect(ids(await queries.instructions({ status: 'COMPLETED_LATE', unitIds: ['city/tokmok'] }))).toEqual([
      'tokmok-signs',
    ]);
    expect(await queries.instructions({ unitIds: [] })).toEqual([]);
    expect(await queries.instructions({ overdueOnly: true, status: 'ISSUED' })).toEqual([]);
  });

  it('answers a meeting with the instructions issued at it and the reports heard on them', async () => {
    const meeting = await queries.meeting('cabinet-2025-02-03');
    expect(meeting).toMatchObject({
      id: 'cabinet-2025-02-03',
      heldOn: '2025-02-03',
      level: 'CABINET',
      unitId: 'country/kg',
      title: 'Stage 2 of the debureaucratization reform',
      chair: 'Chairman of the Cabinet of Ministers',
      chairOfficialId: null,
      agenda: ['Progress of the pilot units'],
    });
    expect(ids(meeting!.instructions)).toEqual([
      'tokmok-signs',
      'tokmok-hotline',
      'tokmok-duplicates',
      'nookat-archive',
      'tokmok-inventory',
      'ysyk-ata-inventory',
      'tokmok-website',
      'nookat-permits',
      'chuy-review',
    ]);
    expect(meeting!.reports.map((report) => [report.id, report.instructionId])).toEqual([
      ['tokmok-2025-02', null],
      ['r1', 'tokmok-website'],
    ]);
    expect(await queries.meeting('no-meeting')).toBeUndefined();
  });

  it('gives the deadline watcher the open instructions past their deadline: from the day after it, not on it', async () => {
    expect(await queries.openInstructionsPastDeadline('2025-03-31')).toEqual([]);
    expect(await queries.openInstructionsPastDeadline('2025-04-01')).toEqual(['nookat-archive']);
    expect(await queries.openInstructionsPastDeadline('2025-04-02')).toEqual([
      'nookat-archive',
      'tokmok-inventory',
    ]);
  });
});

describe('responsibility for procedures', () => {
  it('is the head of the owning authority unless an official in office was made responsible in person', async () => {
    expect(await queries.responsibleOfficialForProcedure('tokmok-street-trade')).toEqual({
      officialId: 'k.osmonov',
      basis: 'HEAD_OF_AUTHORITY',
    });
    expect(await queries.responsibleOfficialForProcedure('tokmok-kiosk')).toEqual({
      officialId: 'n.asanova',
      basis: 'ASSIGNED',
    });
  });

  it('falls back to the head once the official made responsible has left office', async () => {
    expect(await queries.responsibleOfficialForProcedure('nookat-land')).toEqual({
      officialId: 't.mamatov',
      basis: 'HEAD_OF_AUTHORITY',
    });
  });

  it('is nobody for a procedure whose authority has no head, or that it does not know', async () => {
    expect(await queries.responsibleOfficialForProcedure('ysyk-ata-pasture')).toBeNull();
    expect(await queries.responsibleOfficialForProcedure('no-such-procedure')).toBeNull();
  });
});

describe('scorecards', () => {
  const nothing = {
    onTime: 0,
    completedLate: 0,
    overdue: 0,
    open: 0,
    unassigned: 0,
    proceduresResponsible: 0,
    requirementsRemovedSinceBaseline: 0,
    decisionDaysCutSinceBaseline: 0,
    proceduresMergedSinceBaseline: 0,
    proceduresAbolishedSinceBaseline: 0,
  };

  it('scores the head who took over: the open instructions handed over, and the authority’s procedures since the baseline', async () => {
    // tokmok-duplicates was missed on 2025-03-01, under b.toktogulov: it stays his (issue #14, finding 3).
    expect(await queries.scorecardOfOfficial('k.osmonov', '2025-02-01')).toEqual({
      ...nothing,
      open: 1,
      proceduresResponsible: 1,
      baselineDate: '2025-02-01',
      requirementsRemovedSinceBaseline: 1,
      decisionDaysCutSinceBaseline: 20,
    });
    expect(await queries.scorecardOfOfficial('k.osmonov')).toMatchObject({
      baselineDate: null,
      requirementsRemovedSinceBaseline: 2,
      decisionDaysCutSinceBaseline: 20,
    });
  });

  it('scores the relieved mayor on what was done in time and on the deadline he missed, and a deputy on the procedure made hers', async () => {
    expect(await queries.scorecardOfOfficial('b.toktogulov', '2025-02-01')).toEqual({
      ...nothing,
      onTime: 1,
      overdue: 1,
      baselineDate: '2025-02-01',
    });
    expect(await queries.scorecardOfOfficial('n.asanova', '2025-02-01')).toEqual({
      ...nothing,
      completedLate: 1,
      open: 1,
      proceduresResponsible: 1,
      baselineDate: '2025-02-01',
      decisionDaysCutSinceBaseline: 10,
    });
  });

  it('counts the open instructions of an official who left office as unassigned', async () => {
    expect(await queries.scorecardOfOfficial('a.ozbekova')).toEqual({
      ...nothing,
      open: 1,
      unassigned: 1,
      baselineDate: null,
    });
  });

  it('scores a unit from its pilot enrollment, as the regions mirror knows it', async () => {
    const baseline = (await fixture.regions.unit('city/tokmok'))?.pilot_enrolled_on ?? undefined;
    expect(baseline).toBe('2025-02-01');

    expect(await queries.scorecardOfUnit(['city/tokmok'], baseline)).toEqual({
      onTime: 1,
      completedLate: 1,
      overdue: 1,
      open: 2,
      unassigned: 0,
      proceduresResponsible: 2,
      baselineDate: '2025-02-01',
      requirementsRemovedSinceBaseline: 1,
      decisionDaysCutSinceBaseline: 30,
      proceduresMergedSinceBaseline: 0,
      // tokmok-market, abolished on 2025-02-10: the reform's main action counts.
      proceduresAbolishedSinceBaseline: 1,
    });
  });

  it('scores a region as a whole through the units below it', async () => {
    const units = await fixture.regions.descendants('region/chuy');
    expect(await queries.scorecardOfUnit(units, '2025-02-01')).toEqual({
      onTime: 1,
      completedLate: 1,
      overdue: 1,
      open: 4,
      unassigned: 1,
      proceduresResponsible: 4,
      baselineDate: '2025-02-01',
      requirementsRemovedSinceBaseline: 2,
      decisionDaysCutSinceBaseline: 30,
      proceduresMergedSinceBaseline: 0,
      proceduresAbolishedSinceBaseline: 1,
    });
    expect(await queries.scorecardOfUnit(['district/nookat'])).toEqual({
      ...nothing,
      open: 2,
      unassigned: 1,
      proceduresResponsible: 1,
      baselineDate: null,
    });
    expect(await queries.scorecardOfUnit([])).toEqual({ ...nothing, baselineDate: null });
  });

  it('refuses a date that is not written YYYY-MM-DD', async () => {
    await expect(queries.scorecardOfUnit(['city/tokmok'], '2025-02-30')).rejects.toThrow(InvalidQueryInput);
    await expect(queries.scorecardOfOfficial('k.osmonov', '1 Feb 2025')).rejects.toThrow(InvalidQueryInput);
    await expect(queries.openInstructionsPastDeadline('tomorrow')).rejects.toThrow(InvalidQueryInput);
  });
});

// The batches read many ids or parents at once for the GraphQL loaders; whatever the rules above
// become, each must answer per key exactly what its single-item counterpart answers.
describe('the same reads for many ids or parents at once', () => {
  const UNITS = [
    'country/kg',
    'region/chuy',
    'city/tokmok',
    'district/nookat',
    'district/ysyk-ata',
    'city/naryn',
  ];
  const OFFICIALS = [
    'a.duishenov',
    't.mamatov',
    'b.toktogulov',
    'n.asanova',
    'a.ozbekova',
    'k.osmonov',
    'nobody',
  ];

  it('given several units, when their heads and officials are asked for at once, then each unit gets what it gets alone', async () => {
    const heads = await queries.headsOfUnits(UNITS);
    const officials = await queries.officialsOfUnits(UNITS);

    for (const unit of UNITS) {
      expect(heads.get(unit)).toEqual(await queries.headOf(unit));
      expect(officials.get(unit) ?? []).toEqual(await queries.officials({ unitIds: [unit] }));
    }
  });

  it('given several ids, one unknown, when officials, instructions and meetings are asked for at once, then each is what the single read answers', async () => {
    const officials = await queries.officialsByIds(OFFICIALS);
    for (const id of OFFICIALS) expect(officials.get(id)).toEqual(await queries.official(id));

    const instructionIds = ['tokmok-website', 'tokmok-signs', 'chuy-review', 'no-such-instruction'];
    const instructions = await queries.instructionsByIds(instructionIds);
    const reports = await queries.reportsOfInstructions(instructionIds);
    for (const id of instructionIds) {
      const alone = await queries.instruction(id);
      if (alone === undefined) expect(instructions.has(id)).toBe(false);
      else {
        const { reports: aloneReports, ...instruction } = alone;
        expect(instructions.get(id)).toEqual(instruction);
        expect(reports.get(id) ?? []).toEqual(aloneReports);
      }
    }

    const meetings = await queries.meetingsByIds(['cabinet-2025-02-03', 'no-such-meeting']);
    expect(meetings.get('cabinet-2025-02-03')).toEqual(await queries.meeting('cabinet-2025-02-03'));
    expect(meetings.has('no-such-meeting')).toBe(false);
  });

  it('given several officials and groups of units, when their instructions are asked for at once, then each gets what `instructions` answers, of any status or of one', async () => {
    const groups = new Map([
      ['chuy', ['region/chuy', 'city/tokmok', 'district/ysyk-ata']],
      ['nookat', ['district/nookat']],
      ['nowhere', []],
    ]);
    for (const status of [undefined, 'OVERDUE', 'ISSUED'] as const) {
      const ofOfficials = await queries.instructionsOfOfficials(OFFICIALS, status);
      for (const id of OFFICIALS)
        expect(ofOfficials.get(id) ?? []).toEqual(
          await queries.instructions({ assigneeOfficialId: id, status }),
        );
      const ofGroups = await queries.instructionsOfUnitGroups(groups, status);
      for (const [key, unitIds] of groups)
        expect(ofGroups.get(key)).toEqual(await queries.instructions({ unitIds, status }));
    }
  });

  it('given several procedures, when who answers for them is asked at once, then each is what the single read answers', async () => {
    const procedureIds = [
      'tokmok-kiosk',
      'tokmok-street-trade',
      'nookat-land',
      'chuy-land',
      'no-such-procedure',
    ];

    const together = await queries.responsibleOfficialsForProcedures(procedureIds);

    for (const id of procedureIds)
      expect(together.get(id) ?? null).toEqual(await queries.responsibleOfficialForProcedure(id));
  });

  it('given groups of units and officials, each with its own baseline or none, when their scorecards are asked for at once, then each is the single scorecard', async () => {
    const groups = new Map<string, { unitIds: string[]; baseline?: string }>([
      ['tokmok', { unitIds: ['city/tokmok'], baseline: '2025-02-01' }],
      ['chuy', { unitIds: ['region/chuy', 'city/tokmok', 'district/ysyk-ata'] }],
      ['nookat', { unitIds: ['district/nookat'], baseline: '2025-03-01' }],
      ['nowhere', { unitIds: [] }],
    ]);
    const ofUnits = await queries.scorecardsOfUnitGroups(groups);
    for (const [key, group] of groups)
      expect(ofUnits.get(key)).toEqual(await queries.scorecardOfUnit(group.unitIds, group.baseline));

    const baselines = new Map(OFFICIALS.map((id, index) => [id, index % 2 === 0 ? '2025-02-01' : undefined]));
    const ofOfficials = await queries.scorecardsOfOfficials(baselines);
    for (const [id, baseline] of baselines)
      expect(ofOfficials.get(id)).toEqual(await queries.scorecardOfOfficial(id, baseline));
  });

  it('given a batch with a date not written YYYY-MM-DD, when it is read, then it is refused like the single read', async () => {
    await expect(
      queries.scorecardsOfUnitGroups(
        new Map([['tokmok', { unitIds: ['city/tokmok'], baseline: '2025-02-30' }]]),
      ),
    ).rejects.toThrow(InvalidQueryInput);
    await expect(queries.scorecardsOfOfficials(new Map([['k.osmonov', '1 Feb 2025']]))).rejects.toThrow(
      InvalidQueryInput,
    );
  });
});
