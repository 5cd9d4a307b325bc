import { describe, expect, it } from '@jest/globals';
import {
  becameOverdue,
  completed,
  INSTRUCTION_HISTORY,
  instructionStatusAfter,
  issued,
  progressReported,
  reassigned,
  report,
  stateAfter,
} from '../testing/accountability-fixtures.js';
import { instructionDecider } from './instruction-decider.js';

describe('the life of an instruction', () => {
  it.each(Object.entries(INSTRUCTION_HISTORY))('reaches %s through its history', (status, history) =>
    expect(instructionStatusAfter(history)).toBe(status),
  );

  it('stays ISSUED when it is only reassigned', () =>
    expect(instructionStatusAfter([issued(), reassigned()])).toBe('ISSUED'));

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
    expect(instructionStatusAfter([...INSTRUCTION_HISTORY.COMPLETED, becameOverdue()])).toBe('COMPLETED'));

  it('ignores events on an instruction never issued', () =>
    expect(stateAfter(instructionDecider, [progressReported(), completed()])).toEqual({
      status: 'not-issued',
    }));
});
