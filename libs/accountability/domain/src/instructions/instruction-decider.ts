import type { Decider } from '@redtape/event-sourcing';
import type { InstructionEvent } from '../accountability-events.js';
import { decideCompletion, decideOverdue } from './decide-completion.js';
import { decideIssue } from './decide-issue.js';
import { decideProgress } from './decide-progress.js';
import { decideReassignment } from './decide-reassignment.js';
import type { InstructionCommand } from './instruction-commands.js';
import { InstructionNotIssued } from './instruction-errors.js';
import { evolveInstruction, initialInstructionState, type InstructionState } from './instruction-state.js';

/**
 * An instruction with a deadline (`instruction-<instructionId>`). It must be issued first (NOT_FOUND
 * otherwise); a completed instruction takes no more reports or reassignments. A command that changes
 * nothing returns no events, which is what keeps the deadline watcher's command idempotent.
 */
export const instructionDecider: Decider<InstructionCommand, InstructionEvent, InstructionState> = {
  initialState: initialInstructionState,
  evolve: evolveInstruction,

  decide(command, state): InstructionEvent[] {
    if (command.type === 'IssueInstruction') return decideIssue(command, state);
    if (state.status === 'not-issued') throw new InstructionNotIssued(command.type);
    const { instruction } = state;
    switch (command.type) {
      case 'ReportProgress':
        return decideProgress(command, instruction);
      case 'CompleteInstruction':
        return decideCompletion(command, instruction);
      case 'MarkInstructionOverdue':
        return decideOverdue(command, instruction);
      case 'ReassignInstruction':
        return decideReassignment(command, instruction);
    }
  },
};
