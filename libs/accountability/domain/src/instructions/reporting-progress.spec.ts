import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@redtape/event-sourcing';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import type { Figure } from '../accountability-events.js';
import { ReportAlreadyRecorded } from '../errors/rule-errors.js';
import { InvalidFigureValue, RequiredTextMissing } from '../errors/value-errors.js';
import {
  admin,
  akimOfBatken,
  akimOfNookat,
  auditor,
  cabinet,
  command,
  INSTRUCTION_HISTORY,
  statusAfterHistory,
  issued,
  progressReported,
  reassigned,
  report,
  watcher,
} from '../testing/accountability-fixtures.js';
import { instructionDecider } from './instruction-decider.js';
import {
  DateBeforeIssueDate,
  InstructionAlreadyCompleted,
  InstructionNotIssued,
  ReportNotByAssignee,
} from './instruction-errors.js';

const spec = deciderSpec(instructionDecider);

const reportProgress = (
  changes: Partial<typeof report> & { authorityHeadOfficialId?: string | null } = {},
  actor: Actor = akimOfNookat,
) => command('ReportProgress', { ...report, ...changes }, { actor });

describe('reporting progress on an instruction', () => {
  it('records the assignee’s own report, with its figures', () =>
    spec.given(INSTRUCTION_HISTORY.ISSUED).when(reportProgress()).then([progressReported()]));

  it('moves an issued instruction into progress', () =>
    expect(statusAfterHistory([issued(), progressReported()])).toBe('IN_PROGRESS'));

  it('records further reports on an instruction in progress', () =>
    spec
      .given(INSTRUCTION_HISTORY.IN_PROGRESS)
      .when(reportProgress({ reportId: 'nookat-report-2', reportedOn: '2026-03-16' }))
      .then([progressReported({ reportId: 'nookat-report-2', reportedOn: '2026-03-16' })]));

  it('records a report on an overdue instruction, which stays overdue', () => {
    const late = reportProgress({ reportId: 'nookat-report-2', reportedOn: '2026-04-03' });
    spec
      .given(INSTRUCTION_HISTORY.OVERDUE)
      .when(late)
      .then([progressReported({ reportId: 'nookat-report-2', reportedOn: '2026-04-03' })]);
    expect(
      statusAfterHistory([
        ...INSTRUCTION_HISTORY.OVERDUE,
        progressReported({ reportId: 'nookat-report-2', reportedOn: '2026-04-03' }),
      ]),
    ).toBe('OVERDUE');
  });

  it.each([
    ['the Cabinet', cabinet],
    ['an admin', admin],
    ['a sample load', watcher],
  ])('lets %s record a report on the assignee’s behalf', (_who, actor) =>
    spec.given(INSTRUCTION_HISTORY.ISSUED).when(reportProgress({}, actor)).then([progressReported()]),
  );

  it('takes the report of the head of the authority an instruction is addressed to, who answers for it', () =>
    spec
      .given([issued({ assigneeOfficialId: null })])
      .when(reportProgress({ authorityHeadOfficialId: 'akim-nookat' }))
      .then([progressReported()]));

  it('takes reports from the new assignee once the instruction is reassigned', () =>
    spec
      .given([issued(), reassigned('deputy-akim-nookat')])
      .when(
        reportProgress(
          { byOfficialId: 'deputy-akim-nookat' },
          { id: 'deputy-akim-nookat', role: 'official', unitId: 'district/nookat' },
        ),
      )
      .then([progressReported({ byOfficialId: 'deputy-akim-nookat' })]));

  it('changes nothing when the same report is sent again', () =>
    spec.given(INSTRUCTION_HISTORY.IN_PROGRESS).when(reportProgress()).thenNothing());

  describe('who may not report', () => {
    it('refuses a report by an official other than the assignee', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({ byOfficialId: 'akim-batken' }, akimOfBatken))
        .thenThrows(ReportNotByAssignee, {
          code: 'FORBIDDEN',
          assigneeOfficialId: 'akim-nookat',
          byOfficialId: 'akim-batken',
          actorId: 'akim-batken',
        }));

    it('refuses a report another official files in the assignee’s name', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({}, akimOfBatken))
        .thenThrows(ReportNotByAssignee, { code: 'FORBIDDEN', actorId: 'akim-batken' }));

    it('refuses a report by the assignee in someone else’s name', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({ byOfficialId: 'akim-batken' }))
        .thenThrows(ReportNotByAssignee, { code: 'FORBIDDEN' }));

    it('refuses a report the Cabinet records on behalf of someone who is not the assignee', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({ byOfficialId: 'akim-batken' }, cabinet))
        .thenThrows(ReportNotByAssignee, { code: 'FORBIDDEN', byOfficialId: 'akim-batken' }));

    it('refuses a report by the former assignee after reassignment', () =>
      spec
        .given([issued(), reassigned('deputy-akim-nookat')])
        .when(reportProgress())
        .thenThrows(ReportNotByAssignee, { assigneeOfficialId: 'deputy-akim-nookat' }));

    it('refuses a report on an instruction to an authority that has no head in office', () =>
      spec
        .given([issued({ assigneeOfficialId: null })])
        .when(reportProgress({}, cabinet))
        .thenThrows(ReportNotByAssignee, { code: 'FORBIDDEN', assigneeOfficialId: null }));

    it('refuses a report by someone other than the head on an instruction to the authority', () =>
      spec
        .given([issued({ assigneeOfficialId: null })])
        .when(reportProgress({ authorityHeadOfficialId: 'akim-batken' }))
        .thenThrows(ReportNotByAssignee, { assigneeOfficialId: 'akim-batken' }));

    it('refuses a report by an auditor', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({}, auditor))
        .thenThrows(ReportNotByAssignee, { code: 'FORBIDDEN' }));
  });

  describe('refusing', () => {
    it.each(['COMPLETED', 'COMPLETED_LATE'] as const)('refuses a report on an instruction %s', (status) =>
      spec
        .given(INSTRUCTION_HISTORY[status])
        .when(reportProgress({ reportId: 'nookat-report-9', reportedOn: '2026-04-20' }))
        .thenThrows(InstructionAlreadyCompleted, {
          code: 'BAD_USER_INPUT',
          action: 'ReportProgress',
          status,
        }),
    );

    it('refuses a report on an instruction never issued', () =>
      spec
        .given([])
        .when(reportProgress())
        .thenThrows(InstructionNotIssued, { code: 'NOT_FOUND', action: 'ReportProgress' }));

    it('refuses a report dated before the instruction was issued', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({ reportedOn: '2026-02-01' }))
        .thenThrows(DateBeforeIssueDate, {
          code: 'BAD_USER_INPUT',
          field: 'reportedOn',
          issuedOn: '2026-02-10',
        }));

    it('refuses the same report id with other content, as a conflict', () =>
      spec
        .given(INSTRUCTION_HISTORY.IN_PROGRESS)
        .when(reportProgress({ text: 'Nothing done yet' }))
        .thenThrows(ReportAlreadyRecorded, { code: 'CONFLICT', reportId: 'nookat-report-1' }));

    it('refuses a report without text', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({ text: '' }))
        .thenThrows(RequiredTextMissing, { field: 'text' }));

    it('refuses a figure that is not a finite number', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(reportProgress({ figures: [{ name: 'permits', value: Number.NaN, unit: null } as Figure] }))
        .thenThrows(InvalidFigureValue, { field: 'figures[0].value' }));
  });
});
