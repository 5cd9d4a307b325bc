import type { InstructionEvent, InstructionIssued } from '../accountability-events.js';
import { OfficialNotInOffice } from '../errors/rule-errors.js';
import { requireLocalDate } from '../rules/dates.js';
import { optionalId, requireId } from '../rules/ids.js';
import { optionalText, requiredProse, requiredText } from '../rules/text.js';
import { sameJson } from '@redtape/event-sourcing';
import type { IssueInstruction } from './instruction-commands.js';
import {
  DeadlineBeforeIssueDate,
  InstructionAlreadyIssued,
  InstructionBeforeMeeting,
  InstructionWithoutAddressee,
  MeetingNotFound,
} from './instruction-errors.js';
import type { InstructionState } from './instruction-state.js';

/** The instruction as it will be recorded: every part checked and trimmed. */
function issueOf({ data }: IssueInstruction): InstructionIssued['data'] {
  const issue = {
    instructionId: requireId('instructionId', data.instructionId),
    meetingId: optionalId('meetingId', data.meetingId),
    text: requiredProse('text', data.text),
    issuedOn: requireLocalDate('issuedOn', data.issuedOn),
    deadline: requireLocalDate('deadline', data.deadline),
    assigneeOfficialId: optionalId('assigneeOfficialId', data.assigneeOfficialId),
    authorityId: optionalText('authorityId', data.authorityId),
    unitId: requiredText('unitId', data.unitId),
  };
  if (issue.deadline < issue.issuedOn) throw new DeadlineBeforeIssueDate(issue.deadline, issue.issuedOn);
  if (issue.assigneeOfficialId === null && issue.authorityId === null)
    throw new InstructionWithoutAddressee();
  return issue;
}

export function decideIssue(command: IssueInstruction, state: InstructionState): InstructionEvent[] {
  const issue = issueOf(command);
  if (state.status === 'issued') {
    // The same instruction told again (a retried load) is no news, even once its assignee has left.
    if (sameJson(issue, state.instruction.issued)) return [];
    throw new InstructionAlreadyIssued(issue.instructionId);
  }
  if (issue.meetingId !== null) {
    const { meetingHeldOn } = command.data;
    if (meetingHeldOn === null || meetingHeldOn === undefined) throw new MeetingNotFound(issue.meetingId);
    if (issue.issuedOn < meetingHeldOn)
      throw new InstructionBeforeMeeting(issue.issuedOn, issue.meetingId, meetingHeldOn);
  }
  if (issue.assigneeOfficialId !== null && command.data.assigneeInOffice !== true)
    throw new OfficialNotInOffice(command.type, issue.assigneeOfficialId);
  return [{ type: 'InstructionIssued', data: issue }];
}
