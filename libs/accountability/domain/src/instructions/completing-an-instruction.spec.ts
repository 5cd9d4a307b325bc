import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { DateAfterToday, InvalidLocalDate } from '../errors/value-errors.js';
import {
  becameOverdue,
  command,
  completed,
  INSTRUCTION_HISTORY,
  statusAfterHistory,
  issued,
} from '../testing/accountability-fixtures.js';
import { instructionDecider } from './instruction-decider.js';
import {
  DateBeforeIssueDate,
  InstructionAlreadyCompleted,
  InstructionNotIssued,
} from './instruction-errors.js';

const spec = deciderSpec(instructionDecider);

const complete = (completedOn: string) => command('CompleteInstruction', { completedOn });

describe('completing an instruction', () => {
  describe('on time: COMPLETED', () => {
    it('completes an instruction in progress before the deadline', () =>
      spec
        .given(INSTRUCTION_HISTORY.IN_PROGRESS)
        .when(complete('2026-03-20'))
        .then([completed('2026-03-20', false)]));

    it('completes it on time on the deadline day itself', () =>
      spec
        .given(INSTRUCTION_HISTORY.IN_PROGRESS)
        .when(complete('2026-03-31'))
        .then([completed('2026-03-31', false)]));

    it('completes an instruction nobody reported on, on the day it was issued', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(complete('2026-02-10'))
        .then([completed('2026-02-10', false)]));

    it('leaves the instruction COMPLETED', () =>
      expect(statusAfterHistory([...INSTRUCTION_HISTORY.IN_PROGRESS, completed('2026-03-20')])).toBe(
        'COMPLETED',
      ));
  });

  describe('late: COMPLETED_LATE', () => {
    it('completes an overdue instruction late', () =>
      spec
        .given(INSTRUCTION_HISTORY.OVERDUE)
        .when(complete('2026-04-10'))
        .then([completed('2026-04-10', true)]));

    it('completes it late when completion comes after the deadline, even before the watcher noticed', () =>
      spec
        .given(INSTRUCTION_HISTORY.IN_PROGRESS)
        .when(complete('2026-04-01'))
        .then([completed('2026-04-01', true)]));

    it('completes it late once found overdue, even when the completion is dated by the deadline', () =>
      spec
        .given(INSTRUCTION_HISTORY.OVERDUE)
        .when(complete('2026-03-30'))
        .then([completed('2026-03-30', true)]));

    it('leaves the instruction COMPLETED_LATE', () =>
      expect(statusAfterHistory([issued(), becameOverdue(), completed('2026-04-10', true)])).toBe(
        'COMPLETED_LATE',
      ));
  });

  describe('completing again', () => {
    it('changes nothing when it is completed again on the same day', () =>
      spec.given(INSTRUCTION_HISTORY.COMPLETED).when(complete('2026-03-20')).thenNothing());

    it('changes nothing when a late completion is sent again', () =>
      spec.given(INSTRUCTION_HISTORY.COMPLETED_LATE).when(complete('2026-04-10')).thenNothing());

    it('refuses to complete it again on another day', () =>
      spec
        .given(INSTRUCTION_HISTORY.COMPLETED)
        .when(complete('2026-03-25'))
        .thenThrows(InstructionAlreadyCompleted, {
          code: 'BAD_USER_INPUT',
          action: 'CompleteInstruction',
          status: 'COMPLETED',
          completedOn: '2026-03-20',
        }));
  });

  describe('refusing', () => {
    it('refuses to complete an instruction never issued', () =>
      spec
        .given([])
        .when(complete('2026-03-20'))
        .thenThrows(InstructionNotIssued, { code: 'NOT_FOUND', action: 'CompleteInstruction' }));

    it('refuses a completion dated before the instruction was issued', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(complete('2026-02-09'))
        .thenThrows(DateBeforeIssueDate, { code: 'BAD_USER_INPUT', field: 'completedOn' }));

    it('refuses a completion dated after today, which would count as done on time before it is done', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(complete('2027-01-10'))
        .thenThrows(DateAfterToday, { code: 'BAD_USER_INPUT', field: 'completedOn', today: '2026-12-31' }));

    it('refuses a date that is not a real day', () =>
      spec
        .given(INSTRUCTION_HISTORY.ISSUED)
        .when(complete('2026-03-32'))
        .thenThrows(InvalidLocalDate, { field: 'completedOn' }));
  });
});
