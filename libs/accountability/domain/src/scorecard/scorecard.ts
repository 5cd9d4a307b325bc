import { isCompletedStatus, type InstructionStatus } from '../instructions/instruction-state.js';

/** How a unit or an official stands with their instructions. */
export type Scorecard = {
  /** Completed by the deadline. */
  onTime: number;
  /** Completed after the deadline, or after the watcher found them overdue. */
  completedLate: number;
  /** Deadline passed, not completed. */
  overdue: number;
  /** Not completed, deadline not yet passed (issued or in progress). */
  open: number;
  /**
   * Of the overdue and open ones, those no official answers for (given to an authority whose head is
   * not known): a count across the two, not a fifth bucket.
   */
  unassigned: number;
};

/** One instruction as a scorecard sees it; `unassigned` is true when no official answers for it. */
export type ScorecardEntry = { status: InstructionStatus; unassigned: boolean };

/** Folds instructions into a scorecard: pure, so every projection counts the same way. */
export function scorecardOf(instructions: Iterable<ScorecardEntry>): Scorecard {
  const card: Scorecard = { onTime: 0, completedLate: 0, overdue: 0, open: 0, unassigned: 0 };
  for (const { status, unassigned } of instructions) {
    switch (status) {
      case 'COMPLETED':
        card.onTime++;
        break;
      case 'COMPLETED_LATE':
        card.completedLate++;
        break;
      case 'OVERDUE':
        card.overdue++;
        break;
      case 'ISSUED':
      case 'IN_PROGRESS':
        card.open++;
        break;
    }
    if (unassigned && !isCompletedStatus(status)) card.unassigned++;
  }
  return card;
}
