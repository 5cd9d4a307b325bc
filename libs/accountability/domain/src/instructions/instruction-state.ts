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

export const COMPLETED_STATUSES: readonly InstructionStatus[] = ['COMPLETED', 'COMPLETED_LATE'];

/** Issued or in progress, deadline not (yet) found passed: what the deadline watcher looks at. */
export const OPEN_STATUSES: readonly InstructionStatus[] = ['ISSUED', 'IN_PROGRESS'];

export function isCompletedStatus(status: InstructionStatus): boolean {
  return COMPLETED_STATUSES.includes(status);
}

/**
 * The status after an event: the one transition table, folded by the decider's state and by every
 * read model. A report starts an issued instruction; a completed one stays completed when the
 * watcher comes late; a reassignment changes who, not how far. `undefined` before the issue.
 */
export function instructionStatusAfter(
  status: InstructionStatus | undefined,
  event: InstructionEvent,
): InstructionStatus {
  switch (event.type) {
    case 'InstructionIssued':
      return 'ISSUED';
    case 'ProgressReported':
      return status === undefined || status === 'ISSUED' ? 'IN_PROGRESS' : status;
    case 'InstructionCompleted':
      return event.data.late ? 'COMPLETED_LATE' : 'COMPLETED';
    case 'InstructionBecameOverdue':
      return status !== undefined && isCompletedStatus(status) ? status : 'OVERDUE';
    case 'InstructionReassigned':
      return status ?? 'ISSUED';
  }
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
        status: instructionStatusAfter(undefined, event),
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
        status: instructionStatusAfter(instruction.status, event),
        reports: [...instruction.reports, { reportId, reportedOn, byOfficialId, text, figures }],
      });
    }
    case 'InstructionCompleted':
      return next({
        status: instructionStatusAfter(instruction.status, event),
        completedOn: event.data.completedOn,
      });
    case 'InstructionBecameOverdue':
      return next({
        status: instructionStatusAfter(instruction.status, event),
        overdueSince: event.data.detectedOn,
      });
    case 'InstructionReassigned':
      return next({ assigneeOfficialId: event.data.toOfficialId });
  }
}
