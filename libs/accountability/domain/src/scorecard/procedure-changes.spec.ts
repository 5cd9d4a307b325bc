import { describe, expect, it } from '@jest/globals';
import type { IntegrationEvent } from '@redtape/event-sourcing';
import { NO_CHANGE, netChange, procedureChangeOf } from './procedure-changes.js';

const published = (type: string, data: IntegrationEvent['data'] = {}): IntegrationEvent => ({
  type,
  version: 1,
  data: { procedureId: 'nookat-land-lease', ...data },
});
const decisionTime = (previousDecisionDays: number, decisionDays: number) =>
  published('DecisionTimeChanged', { previousDecisionDays, decisionDays });

describe('what a procedure change counts for in a scorecard', () => {
  it('counts decision days net: 60 → 20 → 90 → 20 is 40 days cut, not 110', () =>
    expect(
      netChange(
        [decisionTime(60, 20), decisionTime(20, 90), decisionTime(90, 20)].map((e) => procedureChangeOf(e)!),
      ),
    ).toEqual({ ...NO_CHANGE, decisionDaysCut: 40 }));

  it('counts requirements net: one removed and one added is none removed', () =>
    expect(
      netChange(
        [published('RequirementRemoved'), published('RequirementAdded')].map((e) => procedureChangeOf(e)!),
      ),
    ).toEqual(NO_CHANGE));

  it('counts merges and abolitions, the reform’s main action; a reinstatement takes an abolition back', () => {
    expect(procedureChangeOf(published('ProcedureMerged'))).toEqual({ ...NO_CHANGE, merged: 1 });
    expect(
      netChange(
        [published('ProcedureAbolished'), published('ProcedureReinstated')].map((e) => procedureChangeOf(e)!),
      ),
    ).toEqual(NO_CHANGE);
  });

  it('counts nothing for changes that leave the burden as it was', () => {
    expect(procedureChangeOf(decisionTime(30, 30))).toBeUndefined();
    expect(procedureChangeOf(published('LegalBasisChanged'))).toBeUndefined();
    expect(procedureChangeOf(published('ReviewStarted'))).toBeUndefined();
  });
});
