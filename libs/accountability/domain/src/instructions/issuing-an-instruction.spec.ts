import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { OfficialNotInOffice } from '../errors/rule-errors.js';
import { InvalidId, InvalidLocalDate, RequiredTextMissing } from '../errors/value-errors.js';
import { INSTRUCTION_HISTORY, issue, issued, reassigned } from '../testing/accountability-fixtures.js';
import { instructionDecider } from './instruction-decider.js';
import {
  DeadlineBeforeIssueDate,
  InstructionAlreadyIssued,
  InstructionBeforeMeeting,
  InstructionWithoutAddressee,
  MeetingNotFound,
} from './instruction-errors.js';

const spec = deciderSpec(instructionDecider);

describe('issuing an instruction', () => {
  it('issues an instruction of a meeting to an official in office', () =>
    spec.given([]).when(issue()).then([issued()]));

  it('issues an instruction to an authority alone, whose head then answers for it', () =>
    spec
      .given([])
      .when(issue({ assigneeOfficialId: null, assigneeInOffice: null }))
      .then([issued({ assigneeOfficialId: null })]));

  it('issues an instruction to an official alone', () =>
    spec
      .given([])
      .when(issue({ authorityId: null }))
      .then([issued({ authorityId: null })]));

  it('issues an instruction outside any meeting', () =>
    spec
      .given([])
      .when(issue({ meetingId: null, meetingHeldOn: null }))
      .then([issued({ meetingId: null })]));

  it('accepts a deadline on the day of issue', () =>
    spec
      .given([])
      .when(issue({ deadline: '2026-02-10' }))
      .then([issued({ deadline: '2026-02-10' })]));

  it('accepts an instruction issued after the meeting, when the minutes are signed', () =>
    spec
      .given([])
      .when(issue({ issuedOn: '2026-02-12' }))
      .then([issued({ issuedOn: '2026-02-12' })]));

  it('trims the text and records a blank authority as none', () =>
    spec
      .given([])
      .when(issue({ text: ` ${issued().data.text}  `, authorityId: '  ' }))
      .then([issued({ authorityId: null })]));

  describe('issuing again', () => {
    it('changes nothing when the same instruction is issued again', () =>
      spec.given(INSTRUCTION_HISTORY.IN_PROGRESS).when(issue()).thenNothing());

    it('changes nothing when it is issued again after being reassigned and its first assignee has left', () =>
      spec
        .given([issued(), reassigned()])
        .when(issue({ assigneeInOffice: false }))
        .thenNothing());

    it('refuses to issue the instruction again with another deadline, as a conflict', () =>
      spec
        .given([issued()])
        .when(issue({ deadline: '2026-04-30' }))
        .thenThrows(InstructionAlreadyIssued, {
          code: 'CONFLICT',
          instructionId: 'nookat-duplicate-functions',
        }));
  });

  describe('refusing', () => {
    it('refuses a deadline before the issue date', () =>
      spec
        .given([])
        .when(issue({ deadline: '2026-02-09' }))
        .thenThrows(DeadlineBeforeIssueDate, {
          code: 'BAD_USER_INPUT',
          deadline: '2026-02-09',
          issuedOn: '2026-02-10',
        }));

    it('refuses an instruction without text', () =>
      spec
        .given([])
        .when(issue({ text: '   ' }))
        .thenThrows(RequiredTextMissing, { code: 'BAD_USER_INPUT', field: 'text' }));

    it('refuses an instruction given to nobody', () =>
      spec
        .given([])
        .when(issue({ assigneeOfficialId: null, authorityId: null, assigneeInOffice: null }))
        .thenThrows(InstructionWithoutAddressee, { code: 'BAD_USER_INPUT' }));

    it('refuses an assignee who is not in office, or unknown', () =>
      spec
        .given([])
        .when(issue({ assigneeInOffice: false }))
        .thenThrows(OfficialNotInOffice, {
          code: 'BAD_USER_INPUT',
          action: 'IssueInstruction',
          officialId: 'akim-nookat',
        }));

    it('refuses an assignee whose office the application did not look up', () =>
      spec
        .given([])
        .when(issue({ assigneeInOffice: null }))
        .thenThrows(OfficialNotInOffice));

    it('refuses an instruction of a meeting that is not recorded', () =>
      spec
        .given([])
        .when(issue({ meetingHeldOn: null }))
        .thenThrows(MeetingNotFound, { code: 'NOT_FOUND', meetingId: 'cabinet-2026-02-10' }));

    it('refuses an instruction issued before its meeting was held', () =>
      spec
        .given([])
        .when(issue({ issuedOn: '2026-02-09', deadline: '2026-03-31' }))
        .thenThrows(InstructionBeforeMeeting, {
          code: 'BAD_USER_INPUT',
          issuedOn: '2026-02-09',
          meetingHeldOn: '2026-02-10',
        }));

    it.each(['issuedOn', 'deadline'] as const)('refuses a %s that is not a real day', (field) =>
      spec
        .given([])
        .when(issue({ [field]: '2026-04-31' }))
        .thenThrows(InvalidLocalDate, { code: 'BAD_USER_INPUT', field }),
    );

    it('refuses an instruction id that cannot name a stream', () =>
      spec
        .given([])
        .when(issue({ instructionId: 'nookat/duplicates' }))
        .thenThrows(InvalidId, { field: 'instructionId' }));
  });
});
