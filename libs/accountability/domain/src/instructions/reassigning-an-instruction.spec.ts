import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { OfficialNotInOffice } from '../errors/rule-errors.js';
import { InvalidId } from '../errors/value-errors.js';
import { command, INSTRUCTION_HISTORY, issued, reassigned } from '../testing/accountability-fixtures.js';
import { instructionDecider } from './instruction-decider.js';
import {
  DateBeforeIssueDate,
  InstructionAlreadyCompleted,
  InstructionNotIssued,
} from './instruction-errors.js';

const spec = deciderSpec(instructionDecider);

const reassign = (toOfficialId: string, toOfficialInOffice = true, reassignedOn = '2026-03-05') =>
  command('ReassignInstruction', { toOfficialId, reassignedOn, toOfficialInOffice });

describe('reassigning an instruction', () => {
  it('hands the instruction to another official in office, naming the one who had it', () =>
    spec
      .given(INSTRUCTION_HISTORY.IN_PROGRESS)
      .when(reassign('deputy-akim-nookat'))
      .then([reassigned('deputy-akim-nookat', 'akim-nookat')]));

  it('gives an instruction addressed to an authority alone to an official', () =>
    spec
      .given([issued({ assigneeOfficialId: null })])
      .when(reassign('akim-nookat'))
      .then([reassigned('akim-nookat', null)]));

  it('reassigns an overdue instruction', () =>
    spec
      .given(INSTRUCTION_HISTORY.OVERDUE)
      .when(reassign('deputy-akim-nookat', true, '2026-04-02'))
      .then([reassigned('deputy-akim-nookat', 'akim-nookat', '2026-04-02')]));

  it('changes nothing when it is reassigned to the official who has it', () =>
    spec.given(INSTRUCTION_HISTORY.ISSUED).when(reassign('akim-nookat')).thenNothing());

  it('changes nothing when the same reassignment is sent again', () =>
    spec
      .given([issued(), reassigned('deputy-akim-nookat')])
      .when(reassign('deputy-akim-nookat'))
      .thenNothing());

  it('refuses an official who is not in office, or unknown', () =>
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(reassign('deputy-akim-nookat', false))
      .thenThrows(OfficialNotInOffice, {
        code: 'BAD_USER_INPUT',
        action: 'ReassignInstruction',
        officialId: 'deputy-akim-nookat',
      }));

  it.each(['COMPLETED', 'COMPLETED_LATE'] as const)('refuses to reassign an instruction %s', (status) =>
    spec
      .given(INSTRUCTION_HISTORY[status])
      .when(reassign('deputy-akim-nookat'))
      .thenThrows(InstructionAlreadyCompleted, { code: 'BAD_USER_INPUT', status }),
  );

  it('refuses a reassignment dated before the instruction was issued', () =>
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(reassign('deputy-akim-nookat', true, '2026-01-31'))
      .thenThrows(DateBeforeIssueDate, { field: 'reassignedOn' }));

  it('refuses to reassign an instruction never issued', () =>
    spec
      .given([])
      .when(reassign('deputy-akim-nookat'))
      .thenThrows(InstructionNotIssued, { code: 'NOT_FOUND' }));

  it('refuses an official id that is not an id', () =>
    spec
      .given(INSTRUCTION_HISTORY.ISSUED)
      .when(reassign(''))
      .thenThrows(InvalidId, { field: 'toOfficialId' }));
});
