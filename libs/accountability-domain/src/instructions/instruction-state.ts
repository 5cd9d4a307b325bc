import type { Figure, InstructionEvent, InstructionIssued, LocalDate } from '../accountability-events.js';

/**
 * ISSUED → IN_PROGRESS (on a progress report) → COMPLETED; OVERDUE when the deadline passed before
 * completion (reports keep it OVERDUE) → COMPLETED_LATE.
 */
export type InstructionStatus = 'ISSUED' | 'IN_PROGRESS' | 'OVERDUE' | 'COMPLETED' | 'COMPLETED_LATE';

export const INSTRUCTION_STATUSES: readonly InstructionStatus[] = [
  'ISSUED',
  'IN_PROGRESS',
  'OVERDUE',
  'COMPLETED',
  'COMPLETED_LATE',
];

export function isCompletedStatus(status: InstructionStatus): boolean {
  return status === 'COMPLETED' || status === 'COMPLETED_LATE';
}

export type ProgressReport = {
  reportId: string;
  reportedOn: LocalDate;
  byOfficialId: string;
  text: string;
  figures: Figure[];
};

export type InstructionDocument = {
  instructionId: string;
  meetingId: string | null;
  text: string;
  issuedOn: LocalDate;
  deadline: LocalDate;
  /** The official who answers for it now; null while it is addressed to an authority only. */
  assigneeOfficialId: string | null;
  authorityId: string | null;
  unitId: string;
  status: InstructionStatus;
  completedOn: LocalDate | null;
  /** The day the deadline watcher found the deadline passed. */
  overdueSince: LocalDate | null;
  reports: ProgressReport[];
  /** The instruction as issued, to tell a retried IssueInstruction from a different one. */
  issued: InstructionIssued['data'];
};

export type InstructionState =
  { status: 'not-issued' } | { status: 'issued'; instruction: InstructionDocument };

export const initialInstructionState = (): InstructionState => ({ status: 'not-issued' });

/** Folds one event; pure and total, so projections fold exactly as the decider does. */
export function evolveInstruction(state: InstructionState, event: InstructionEvent): InstructionState {
  if (event.type === 'InstructionIssued') {
    const { data } = event;
    return {
      status: 'issued',
      instruction: {
        ...data,
        status: 'ISSUED',
        completedOn: null,
        overdueSince: null,
        reports: [],
        issued: data,
      },
    };
  }
  if (state.status !== 'issued') return state;
  const { instruction } = state;
  const next = (changes: Partial<InstructionDocument>): InstructionState => ({
    status: 'issued',
    instruction: { ...instruction, ...changes },
  });
  switch (event.type) {
    case 'ProgressReported': {
      const { reportId, reportedOn, byOfficialId, text, figures } = event.data;
      return next({
        status: instruction.status === 'ISSUED' ? 'IN_PROGRESS' : instruction.status,
        reports: [...instruction.reports, { reportId, reportedOn, byOfficialId, text, figures }],
      });
    }
    case 'InstructionCompleted':
      return next({
        status: event.data.late ? 'COMPLETED_LATE' : 'COMPLETED',
        completedOn: event.data.completedOn,
      });
    case 'InstructionBecameOverdue':
      return next({
        status: isCompletedStatus(instruction.status) ? instruction.status : 'OVERDUE',
        overdueSince: event.data.detectedOn,
      });
    case 'InstructionReassigned':
      return next({ assigneeOfficialId: event.data.toOfficialId });
  }
}
