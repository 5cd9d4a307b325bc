import type { Command } from '@redtape/event-sourcing';
import type { Figure, LocalDate } from '../accountability-events.js';

/**
 * Issues an instruction, usually at a meeting. What the decider cannot read itself the application
 * loads and passes in: `meetingHeldOn` is the date of `meetingId` (null when there is no such
 * meeting), `assigneeInOffice` whether `assigneeOfficialId` holds a position now (false for an unknown
 * official, null when there is no assignee).
 */
export type IssueInstruction = Command<
  'IssueInstruction',
  {
    instructionId: string;
    meetingId: string | null;
    text: string;
    issuedOn: LocalDate;
    deadline: LocalDate;
    assigneeOfficialId: string | null;
    authorityId: string | null;
    unitId: string;
    meetingHeldOn: LocalDate | null;
    assigneeInOffice: boolean | null;
  }
>;

/** A progress report by the assignee (or recorded on the assignee's behalf by the Cabinet or an admin). */
export type ReportProgress = Command<
  'ReportProgress',
  {
    reportId: string;
    reportedOn: LocalDate;
    text: string;
    figures: Figure[];
    byOfficialId: string;
    /**
     * Who heads the instruction's authority now (see `currentHeadOf`), as the application looks it
     * up: for an instruction addressed to the authority alone, the head answers, and so reports.
     */
    authorityHeadOfficialId?: string | null;
  }
>;

export type CompleteInstruction = Command<'CompleteInstruction', { completedOn: LocalDate }>;

/**
 * The deadline watcher's command, sent with the stream revision it read: `today` is the watcher's
 * clock reading as a date in Asia/Bishkek. It changes nothing unless the deadline has just passed.
 */
export type MarkInstructionOverdue = Command<'MarkInstructionOverdue', { today: LocalDate }>;

/** `toOfficialInOffice` is looked up by the application: false for an unknown official. */
export type ReassignInstruction = Command<
  'ReassignInstruction',
  { toOfficialId: string; reassignedOn: LocalDate; toOfficialInOffice: boolean }
>;

export type InstructionCommand =
  IssueInstruction | ReportProgress | CompleteInstruction | MarkInstructionOverdue | ReassignInstruction;
