import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { InvalidLocalDate } from '../errors/value-errors.js';
import {
  becameOverdue,
  command,
  completed,
  INSTRUCTION_HISTORY,
  statusAfterHistory,
  issued,
  watcher,
} from '../testing/accountability-fixtures.js';
import { bishkekDate } from '../time/bishkek-time.js';
import { instructionDecider } from './instruction-decider.js';
import { InstructionNotIssued } from './instruction-errors.js';

const spec = deciderSpec(instructionDecider);

/** The watcher's command on this day in Bishkek; the deadline in the fixtures is 2026-03-31. */
const markOverdue = (today: string) => command('MarkInstructionOverdue', { today }, { actor: watcher });

describe('the deadline watcher', () => {
  it('marks an instruction overdue on the day after its deadline', () =>
    spec
      .given(INSTRUCTION_HISTORY.IN_PROGRESS)
      .when(markOverdue('2026-04-01'))
      .then([becameOverdue('2026-04-01')]));

  it('marks an issued instruction nobody reported on overdue, recording the deadline it missed', () =>
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(markOverdue('2026-04-07'))
      .then([
        {
          type: 'InstructionBecameOverdue',
          data: {
            instructionId: 'nookat-duplicate-functions',
            deadline: '2026-03-31',
            detectedOn: '2026-04-07',
          },
        },
      ]));

  it('leaves the instruction OVERDUE', () =>
    expect(statusAfterHistory([issued(), becameOverdue('2026-04-01')])).toBe('OVERDUE'));

  describe('changes nothing', () => {
    it('on the deadline day itself: overdue only from the next day', () =>
      spec.given(INSTRUCTION_HISTORY.IN_PROGRESS).when(markOverdue('2026-03-31')).thenNothing());

    it('before the deadline', () =>
      spec.given(INSTRUCTION_HISTORY.ISSUED).when(markOverdue('2026-03-01')).thenNothing());

    it('on a second run after it marked the instruction overdue', () =>
      spec.given(INSTRUCTION_HISTORY.OVERDUE).when(markOverdue('2026-04-01')).thenNothing());

    it('on any later run', () =>
      spec.given(INSTRUCTION_HISTORY.OVERDUE).when(markOverdue('2026-06-30')).thenNothing());

    it('on an instruction completed on time', () =>
      spec.given(INSTRUCTION_HISTORY.COMPLETED).when(markOverdue('2026-04-01')).thenNothing());

    it('on an instruction completed late', () =>
      spec.given(INSTRUCTION_HISTORY.COMPLETED_LATE).when(markOverdue('2026-04-20')).thenNothing());

    it('on an instruction completed after its deadline before the watcher ran', () =>
      spec
        .given([issued(), completed('2026-04-02', true)])
        .when(markOverdue('2026-04-03'))
        .thenNothing());
  });

  it('decides on the date in Bishkek: 18:00 UTC on the deadline is already the next day there', () => {
    const today = bishkekDate(new Date('2026-03-31T18:00:00Z'));
    expect(today).toBe('2026-04-01');
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(markOverdue(today))
      .then([becameOverdue('2026-04-01')]);
  });

  it('does not mark it overdue at 17:59 UTC on the deadline, still the deadline day in Bishkek', () =>
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(markOverdue(bishkekDate(new Date('2026-03-31T17:59:59Z'))))
      .thenNothing());

  it('refuses to watch an instruction never issued', () =>
    spec
      .given([])
      .when(markOverdue('2026-04-01'))
      .thenThrows(InstructionNotIssued, { code: 'NOT_FOUND', action: 'MarkInstructionOverdue' }));

  it('refuses a day that is not a date', () =>
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(markOverdue('tomorrow'))
      .thenThrows(InvalidLocalDate, { field: 'today' }));
});
