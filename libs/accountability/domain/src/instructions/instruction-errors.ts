import { DomainError } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';
import type { AccountabilityCommandType } from '../commands/accountability-commands.js';
import { COMMAND_PHRASES } from '../commands/command-phrases.js';
import type { InstructionStatus } from './instruction-state.js';

export class InstructionNotIssued extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly action: AccountabilityCommandType) {
    super(`cannot ${COMMAND_PHRASES[action]}: there is no such instruction; issue it first`);
  }
}

export class InstructionAlreadyIssued extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly instructionId: string) {
    super(`instruction ${instructionId} is already issued with other details; it cannot be issued again`);
  }
}

export class MeetingNotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly meetingId: string) {
    super(`there is no meeting ${meetingId}: record the meeting first, or issue the instruction without one`);
  }
}

export class DeadlineBeforeIssueDate extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly deadline: LocalDate,
    readonly issuedOn: LocalDate,
  ) {
    super(`the deadline ${deadline} is before the instruction is issued on ${issuedOn}`);
  }
}

export class InstructionBeforeMeeting extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly issuedOn: LocalDate,
    readonly meetingId: string,
    readonly meetingHeldOn: LocalDate,
  ) {
    super(
      `an instruction of meeting ${meetingId}, held on ${meetingHeldOn}, cannot be issued on ${issuedOn}`,
    );
  }
}

/** Someone answers for every instruction: an official, or an authority whose head then does. */
export class InstructionWithoutAddressee extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor() {
    super('an instruction is given to an official (assigneeOfficialId), an authority (authorityId) or both');
  }
}

/** Nothing happens to an instruction before it was issued. */
export class DateBeforeIssueDate extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly action: AccountabilityCommandType,
    readonly field: string,
    readonly date: LocalDate,
    readonly issuedOn: LocalDate,
  ) {
    super(`cannot ${COMMAND_PHRASES[action]}: ${field} ${date} is before it was issued on ${issuedOn}`);
  }
}

/** Progress is reported by the official who answers for the instruction, or on that official's behalf. */
export class ReportNotByAssignee extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(
    readonly instructionId: string,
    readonly assigneeOfficialId: string | null,
    readonly byOfficialId: string,
    readonly actorId: string,
  ) {
    super(
      assigneeOfficialId === null
        ? `instruction ${instructionId} is addressed to an authority that has no head in office: ` +
            `appoint its head, or assign it to an official, before reporting progress on it`
        : `only ${assigneeOfficialId}, who answers for instruction ${instructionId}, reports progress on it ` +
            `(the Cabinet or an admin may record such a report on ${assigneeOfficialId}'s behalf)`,
    );
  }
}

export class InstructionAlreadyCompleted extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly action: AccountabilityCommandType,
    readonly instructionId: string,
    readonly status: InstructionStatus,
    readonly completedOn: LocalDate | null,
  ) {
    super(
      `cannot ${COMMAND_PHRASES[action]}: instruction ${instructionId} was completed` +
        `${completedOn === null ? '' : ` on ${completedOn}`} (${status}) and is closed`,
    );
  }
}
