import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@redtape/event-sourcing';
import * as accountability from './index.js';

describe('the public API of the accountability domain', () => {
  it('exports the published language, the deciders and the helpers services and projections use', () =>
    expect(Object.keys(accountability)).toEqual(
      expect.arrayContaining([
        'officialStream',
        'procedureResponsibilityStream',
        'meetingStream',
        'instructionStream',
        'unitReportStream',
        'ACCOUNTABILITY_STREAMS',
        'OFFICIAL_STREAM_PREFIX',
        'RESPONSIBILITY_STREAM_PREFIX',
        'PROCEDURE_RESPONSIBILITY_STREAM_PREFIX',
        'MEETING_STREAM_PREFIX',
        'INSTRUCTION_STREAM_PREFIX',
        'UNIT_REPORT_STREAM_PREFIX',
        'officialDecider',
        'initialOfficialState',
        'evolveOfficial',
        'isInOffice',
        'responsibilityDecider',
        'meetingDecider',
        'instructionDecider',
        'initialInstructionState',
        'evolveInstruction',
        'INSTRUCTION_STATUSES',
        'isCompletedStatus',
        'unitReportDecider',
        'bishkekDate',
        'isOverdue',
        'daysBetween',
        'ACCOUNTABILITY_ACTIONS',
        'ACCOUNTABILITY_ACTIONS_BY_ROLE',
        'mayPerformAccountability',
        'scorecardOf',
      ]),
    ));

  it('exports every error class its rules throw, so that callers can tell them apart', () => {
    const errors = Object.entries(accountability)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof DomainError)
      .map(([name, value]) => [name, new (value as new (...args: never[]) => DomainError)().code]);
    expect(Object.fromEntries(errors)).toEqual({
      AppointmentBeforeEarlierRelief: 'BAD_USER_INPUT',
      DateBeforeIssueDate: 'BAD_USER_INPUT',
      AuthorityAlreadyHeaded: 'BAD_USER_INPUT',
      DateAfterToday: 'BAD_USER_INPUT',
      DeadlineBeforeIssueDate: 'BAD_USER_INPUT',
      InstructionAlreadyCompleted: 'BAD_USER_INPUT',
      InstructionAlreadyIssued: 'CONFLICT',
      InstructionBeforeMeeting: 'BAD_USER_INPUT',
      InstructionNotIssued: 'NOT_FOUND',
      InstructionWithoutAddressee: 'BAD_USER_INPUT',
      InvalidFigureValue: 'BAD_USER_INPUT',
      InvalidId: 'BAD_USER_INPUT',
      InvalidLocalDate: 'BAD_USER_INPUT',
      InvalidMeetingLevel: 'BAD_USER_INPUT',
      MeetingAlreadyHeld: 'CONFLICT',
      MeetingNotFound: 'NOT_FOUND',
      OfficialAlreadyHoldsPosition: 'BAD_USER_INPUT',
      OfficialAlreadyRegistered: 'CONFLICT',
      OfficialHoldsNoPosition: 'BAD_USER_INPUT',
      OfficialNotInOffice: 'BAD_USER_INPUT',
      OfficialNotRegistered: 'NOT_FOUND',
      ReasonRequired: 'BAD_USER_INPUT',
      ReliefBeforeAppointment: 'BAD_USER_INPUT',
      ReportAfterMeeting: 'BAD_USER_INPUT',
      ReportAlreadyRecorded: 'CONFLICT',
      ReportInAnotherOfficialsName: 'FORBIDDEN',
      ReportMeetingUnknown: 'NOT_FOUND',
      ReportNotByAssignee: 'FORBIDDEN',
      RequiredTextMissing: 'BAD_USER_INPUT',
      ResponsibilityForAnotherProcedure: 'BAD_USER_INPUT',
      ResponsibilityOutsideUnitChain: 'BAD_USER_INPUT',
      TextTooLong: 'BAD_USER_INPUT',
    });
  });
});
