import { describe, expect, it } from '@jest/globals';
import {
  becameOverdue,
  completed,
  INSTRUCTION_HISTORY,
  statusAfterHistory,
  issued,
  progressReported,
  reassigned,
  report,
  stateAfter,
} from '../testing/accountability-fixtures.js';
import { instructionDecider } from './instruction-decider.js';
import { instructionStatusAfter, type InstructionStatus } from './instruction-state.js';

describe('the life of an instruction', () => {
  it.each(Object.entries(INSTRUCTION_HISTORY))('reaches %s through its history', (status, history) =>
    expect(statusAfterHistory(history)).toBe(status),
  );

  it.each(Object.entries(INSTRUCTION_HISTORY))(
    'reaches %s by the transition table alone, as a read model that keeps only the status folds it',
    (status, history) =>
      expect(
        history.reduce<InstructionStatus | undefined>(
          (before, event) => instructionStatusAfter(before, event),
          undefined,
        ),
      ).toBe(status),
  );

  it('stays ISSUED when it is only reassigned', () =>
    expect(statusAfterHistory([issued(), reassigned()])).toBe('ISSUED'));

  it('keeps its reports, its assignee, when it was found overdue and when it was completed', () => {
    const state = stateAfter(instructionDecider, [
      issued(),
      progressReported(),
      reassigned('deputy-akim-nookat'),
      becameOverdue('2026-04-01'),
      completed('2026-04-10', true),
    ]);
    expect(state).toEqual({
      status: 'issued',
      instruction: {
        ...issued().data,
        assigneeOfficialId: 'deputy-akim-nookat',
        status: 'COMPLETED_LATE',
        completedOn: '2026-04-10',
        overdueSince: '2026-04-01',
        reports: [report],
        issued: issued().data,
      },
    });
  });

  it('ignores an overdue event that comes after completion, as a projection replaying it would', () =>
    expect(statusAfterHistory([...INSTRUCTION_HISTORY.COMPLETED, becameOverdue()])).toBe('COMPLETED'));

  it('ignores events on an instruction never issued', () =>
    expect(stateAfter(instructionDecider, [progressReported(), completed()])).toEqual({
      status: 'not-issued',
    }));
});
