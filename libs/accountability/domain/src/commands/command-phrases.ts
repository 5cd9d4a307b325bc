import type { AccountabilityCommandType } from './accountability-commands.js';

/** What each command does, as error messages say it ("cannot <phrase>: …"). */
export const COMMAND_PHRASES: Readonly<Record<AccountabilityCommandType, string>> = {
  RegisterOfficial: 'register the official',
  AppointOfficial: 'appoint the official',
  RelieveOfficialOfDuties: 'relieve the official of duties',
  AssignProcedureResponsibility: 'assign responsibility for the procedure',
  HoldMeeting: 'record the meeting',
  IssueInstruction: 'issue the instruction',
  ReportProgress: 'report progress on the instruction',
  CompleteInstruction: 'complete the instruction',
  MarkInstructionOverdue: 'mark the instruction overdue',
  ReassignInstruction: 'reassign the instruction',
  ReportUnitProgress: "report progress on the unit's reform",
};
