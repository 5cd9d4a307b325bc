import { describe, it } from '@jest/globals';
import type { Actor } from '@redtape/event-sourcing';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import type { Figure, UnitProgressReported } from '../accountability-events.js';
import { ReportAlreadyRecorded } from '../errors/rule-errors.js';
import { InvalidFigureValue, InvalidLocalDate, RequiredTextMissing } from '../errors/value-errors.js';
import {
  admin,
  akimOfBatken,
  akimOfNookat,
  auditor,
  cabinet,
  command,
  unitReport,
} from '../testing/accountability-fixtures.js';
import { unitReportDecider } from './unit-report-decider.js';
import { DateAfterToday } from '../errors/value-errors.js';
import {
  ReportAfterMeeting,
  ReportInAnotherOfficialsName,
  ReportMeetingUnknown,
} from './unit-report-errors.js';

const spec = deciderSpec(unitReportDecider);

const MEETING_HELD_ON = '2026-02-10';

/** The report, with the date of the meeting it names as the application looks it up. */
const reportUnit = (
  changes: Partial<UnitProgressReported['data']> = {},
  actor: Actor = akimOfNookat,
  meetingHeldOn: string | null = MEETING_HELD_ON,
) => command('ReportUnitProgress', { ...unitReport, ...changes, meetingHeldOn }, { actor });
const reported = (changes: Partial<UnitProgressReported['data']> = {}): UnitProgressReported => ({
  type: 'UnitProgressReported',
  data: { ...unitReport, ...changes },
});

describe("reporting progress on a unit's reform", () => {
  it('records the report an official makes at a meeting, with its figures', () =>
    spec.given([]).when(reportUnit()).then([reported()]));

  it('records a report made before the meeting that heard it', () =>
    spec
      .given([])
      .when(reportUnit({ reportedOn: '2026-02-01' }))
      .then([reported({ reportedOn: '2026-02-01' })]));

  it('refuses a report dated after the meeting said to have heard it', () =>
    spec
      .given([])
      .when(reportUnit({ reportedOn: '2026-05-01' }))
      .thenThrows(ReportAfterMeeting, { meetingId: 'cabinet-2026-02-10', heldOn: MEETING_HELD_ON }));

  it('refuses a report naming a meeting nobody recorded', () =>
    spec
      .given([])
      .when(reportUnit({ meetingId: 'no-such-meeting' }, akimOfNookat, null))
      .thenThrows(ReportMeetingUnknown, { meetingId: 'no-such-meeting' }));

  it('refuses a report dated after today: it has not been made yet', () =>
    spec
      .given([])
      .when(reportUnit({ meetingId: null, reportedOn: '2027-01-10' }, akimOfNookat, null))
      .thenThrows(DateAfterToday, { field: 'reportedOn', today: '2026-12-31' }));

  it('records a report made outside any meeting', () =>
    spec
      .given([])
      .when(reportUnit({ meetingId: null }))
      .then([reported({ meetingId: null })]));

  it.each([
    ['the Cabinet', cabinet],
    ['an admin', admin],
  ])("lets %s record a report in an official's name", (_who, actor) =>
    spec.given([]).when(reportUnit({}, actor)).then([reported()]),
  );

  it('trims figure names and records a blank unit as none', () =>
    spec
      .given([])
      .when(reportUnit({ figures: [{ name: ' procedures abolished ', value: 9, unit: ' ' }] }))
      .then([reported({ figures: [{ name: 'procedures abolished', value: 9, unit: null }] })]));

  it('records negative and fractional figures, such as a change in days', () =>
    spec
      .given([])
      .when(reportUnit({ figures: [{ name: 'average decision time change', value: -4.5, unit: 'days' }] }))
      .then([reported({ figures: [{ name: 'average decision time change', value: -4.5, unit: 'days' }] })]));

  it('changes nothing when the same report is sent again', () =>
    spec.given([reported()]).when(reportUnit()).thenNothing());

  it('refuses the same report id with other content, as a conflict', () =>
    spec
      .given([reported()])
      .when(reportUnit({ text: 'Of 48 district procedures, 10 were abolished' }))
      .thenThrows(ReportAlreadyRecorded, { code: 'CONFLICT', reportId: 'nookat-2026-q1' }));

  it("refuses an official's report in another official's name", () =>
    spec.given([]).when(reportUnit({}, akimOfBatken)).thenThrows(ReportInAnotherOfficialsName, {
      code: 'FORBIDDEN',
      byOfficialId: 'akim-nookat',
      actorId: 'akim-batken',
    }));

  it('refuses a report sent by an auditor', () =>
    spec
      .given([])
      .when(reportUnit({}, auditor))
      .thenThrows(ReportInAnotherOfficialsName, { code: 'FORBIDDEN' }));

  it('refuses a report without text', () =>
    spec
      .given([])
      .when(reportUnit({ text: ' ' }))
      .thenThrows(RequiredTextMissing, { field: 'text' }));

  it('refuses a figure without a name', () =>
    spec
      .given([])
      .when(reportUnit({ figures: [{ name: '', value: 1, unit: null }] }))
      .thenThrows(RequiredTextMissing, { field: 'figures[0].name' }));

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number])(
    'refuses a figure whose value is %p',
    (value) =>
      spec
        .given([])
        .when(
          reportUnit({ figures: [unitReport.figures[0] as Figure, { name: 'permits', value, unit: null }] }),
        )
        .thenThrows(InvalidFigureValue, { code: 'BAD_USER_INPUT', field: 'figures[1].value' }),
  );

  it('refuses a date that is not a real day', () =>
    spec
      .given([])
      .when(reportUnit({ reportedOn: '2026-1-5' }))
      .thenThrows(InvalidLocalDate, { field: 'reportedOn' }));
});
