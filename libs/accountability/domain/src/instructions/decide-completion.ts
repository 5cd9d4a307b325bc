import type { InstructionEvent } from '../accountability-events.js';
import { requireLocalDate, requirePastOrToday } from '../rules/dates.js';
import { isOverdue } from '../time/bishkek-time.js';
import type { CompleteInstruction, MarkInstructionOverdue } from './instruction-commands.js';
import { DateBeforeIssueDate, InstructionAlreadyCompleted } from './instruction-errors.js';
import { isCompletedStatus, type InstructionDocument } from './instruction-state.js';

/** Completion is late when it comes after the deadline, or once the watcher has found it overdue. */
export function decideCompletion(
  command: CompleteInstruction,
  instruction: InstructionDocument,
): InstructionEvent[] {
  const completedOn = requirePastOrToday('completedOn', command.data.completedOn, command.metadata.now);
  const { instructionId, status, deadline, issuedOn } = instruction;
  if (isCompletedStatus(status)) {
    if (completedOn === instruction.completedOn) return [];
    throw new InstructionAlreadyCompleted(command.type, instructionId, status, instruction.completedOn);
  }
  if (completedOn < issuedOn)
    throw new DateBeforeIssueDate(command.type, 'completedOn', completedOn, issuedOn);
  const late = isOverdue(deadline, completedOn) || status === 'OVERDUE';
  return [{ type: 'InstructionCompleted', data: { instructionId, completedOn, late } }];
}

/**
 * The deadline watcher's rule. It runs again and again (every tick, after restarts, on several
 * nodes), so everything but the first run after the deadline changes nothing; together with the
 * expected revision of the append, the instruction becomes overdue exactly once.
 */
export function decideOverdue(
  command: MarkInstructionOverdue,
  instruction: InstructionDocument,
): InstructionEvent[] {
  const today = requireLocalDate('today', command.data.today);
  const { instructionId, status, deadline } = instruction;
  if (isCompletedStatus(status) || status === 'OVERDUE' || !isOverdue(deadline, today)) return [];
  return [{ type: 'InstructionBecameOverdue', data: { instructionId, deadline, detectedOn: today } }];
}
