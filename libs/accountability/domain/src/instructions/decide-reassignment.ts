import type { InstructionEvent } from '../accountability-events.js';
import { OfficialNotInOffice } from '../errors/rule-errors.js';
import { requirePastOrToday } from '../rules/dates.js';
import { requireId } from '../rules/ids.js';
import type { ReassignInstruction } from './instruction-commands.js';
import { DateBeforeIssueDate, InstructionAlreadyCompleted } from './instruction-errors.js';
import { isCompletedStatus, type InstructionDocument } from './instruction-state.js';

export function decideReassignment(
  command: ReassignInstruction,
  instruction: InstructionDocument,
): InstructionEvent[] {
  const toOfficialId = requireId('toOfficialId', command.data.toOfficialId);
  const reassignedOn = requirePastOrToday('reassignedOn', command.data.reassignedOn, command.metadata.now);
  const { instructionId, status, completedOn, assigneeOfficialId, issuedOn } = instruction;
  if (isCompletedStatus(status))
    throw new InstructionAlreadyCompleted(command.type, instructionId, status, completedOn);
  if (toOfficialId === assigneeOfficialId) return [];
  if (command.data.toOfficialInOffice !== true) throw new OfficialNotInOffice(command.type, toOfficialId);
  if (reassignedOn < issuedOn)
    throw new DateBeforeIssueDate(command.type, 'reassignedOn', reassignedOn, issuedOn);
  return [
    {
      type: 'InstructionReassigned',
      data: { instructionId, fromOfficialId: assigneeOfficialId, toOfficialId, reassignedOn },
    },
  ];
}
