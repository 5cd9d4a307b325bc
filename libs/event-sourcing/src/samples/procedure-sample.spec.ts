import { describe, expect, it } from '@jest/globals';
import type { CommandMetadata } from '../command.js';
import { deciderSpec } from '../testing/index.js';
import {
  DecisionTimeTooShort,
  ProcedureAlreadyRegistered,
  ProcedureNotActive,
  sampleDecider,
  type SampleCommand,
  type SampleEvent,
} from './procedure-sample.js';

const metadata: CommandMetadata = {
  commandId: 'c-1',
  actor: { id: 'cabinet', role: 'cabinet' },
  now: new Date('2026-02-01'),
};
const registered = (decisionDays = 30): SampleEvent => ({
  type: 'ProcedureRegistered',
  data: { title: 'Building permit', decisionDays },
});
const abolished: SampleEvent = { type: 'ProcedureAbolished', data: { reason: 'duplicate' } };
const changeDecisionTime = (days: number): SampleCommand => ({
  type: 'ChangeDecisionTime',
  data: { days },
  metadata,
});

const spec = deciderSpec(sampleDecider);

describe('the given/when/then decider spec', () => {
  it('records the old and new decision time', () =>
    spec
      .given([registered(30)])
      .when(changeDecisionTime(15))
      .then([{ type: 'DecisionTimeChanged', data: { from: 30, to: 15 } }]));

  it('appends nothing when the decision time stays the same', () =>
    spec
      .given([registered(30)])
      .when(changeDecisionTime(30))
      .thenNothing());

  it('refuses to change the decision time of an abolished procedure', () =>
    spec.given([registered(), abolished]).when(changeDecisionTime(10)).thenThrows(ProcedureNotActive));

  it('refuses a decision time under one day, saying which', () =>
    spec.given([registered()]).when(changeDecisionTime(0)).thenThrows(DecisionTimeTooShort, { days: 0 }));

  it('refuses to register a procedure twice', () =>
    spec
      .given([registered()])
      .when({ type: 'RegisterProcedure', data: { title: 'Again', decisionDays: 3 }, metadata })
      .thenThrows(ProcedureAlreadyRegistered));

  describe('fails when the decider does not do what the spec says', () => {
    it('fails on other events', () =>
      expect(() =>
        spec
          .given([registered(30)])
          .when(changeDecisionTime(15))
          .then([]),
      ).toThrow());

    it('fails when nothing was expected but events came', () =>
      expect(() =>
        spec
          .given([registered(30)])
          .when(changeDecisionTime(15))
          .thenNothing(),
      ).toThrow());

    it('fails when an error was expected but none was thrown', () =>
      expect(() =>
        spec
          .given([registered(30)])
          .when(changeDecisionTime(15))
          .thenThrows(ProcedureNotActive),
      ).toThrow());

    it('fails on another error type', () =>
      expect(() =>
        spec.given([registered()]).when(changeDecisionTime(0)).thenThrows(ProcedureNotActive),
      ).toThrow());
  });
});
