import { describe, expect, it } from '@jest/globals';
import type { ProcedureDocument } from '@redtape/procedures-domain';
import { nextDecisionDays, nextFee, procedureChangeWeights, procedureLifeLength } from './mix.js';
import { Random } from './random.js';

const procedure = (changes: Partial<ProcedureDocument> = {}): ProcedureDocument => ({
  procedureId: 'p-1',
  authorityId: 'mayors-office/tokmok',
  unitId: 'city/tokmok',
  level: 'CITY',
  title: 'Construction permit',
  category: 'construction',
  status: 'ACTIVE',
  requirements: [
    { requirementId: 'r-1', name: 'Application form', originals: 1, copies: 0, note: null },
    { requirementId: 'r-2', name: 'Copy of passport', originals: 0, copies: 1, note: null },
  ],
  steps: [
    { stepId: 's-1', description: 'Submit the application', office: null },
    { stepId: 's-2', description: 'Decision of the head of the authority', office: null },
  ],
  decisionDays: 30,
  fee: null,
  legalBasis: null,
  duplicateOf: null,
  mergedInto: null,
  ...changes,
});

const accepted = (document: ProcedureDocument) =>
  Object.entries(procedureChangeWeights(document))
    .filter(([, weight]) => (weight ?? 0) > 0)
    .map(([change]) => change)
    .sort();

describe('the mix of a generated history', () => {
  it('gives most procedures 5 to 50 events and a few long streams', () => {
    const random = new Random('lengths');
    const lengths = Array.from({ length: 20_000 }, () => procedureLifeLength(random));
    const usual = lengths.filter((length) => length >= 5 && length <= 50).length / lengths.length;
    const long = lengths.filter((length) => length >= 200).length;
    const sorted = [...lengths].sort((a, b) => a - b);
    expect(usual).toBeGreaterThan(0.99);
    expect(long).toBeGreaterThan(10);
    expect(long).toBeLessThan(100);
    expect(sorted[sorted.length / 2]).toBeGreaterThanOrEqual(10);
    expect(sorted[sorted.length / 2]).toBeLessThanOrEqual(20);
    expect(Math.min(...lengths)).toBe(5);
  });

  it('offers only the changes the procedure rules accept in each status', () => {
    expect(accepted(procedure({ status: 'MERGED' }))).toEqual([]);
    expect(accepted(procedure({ status: 'ABOLISHED' }))).toEqual(['ReinstateProcedure']);
    expect(accepted(procedure({ status: 'DRAFT' }))).toContain('ActivateProcedure');
    expect(accepted(procedure({ status: 'DRAFT' }))).not.toContain('StartReview');
    expect(accepted(procedure({ status: 'UNDER_REVIEW' }))).toContain('FinishReview');
    expect(accepted(procedure({ status: 'UNDER_REVIEW' }))).not.toContain('StartReview');
    expect(accepted(procedure())).toEqual(
      expect.arrayContaining(['StartReview', 'AbolishProcedure', 'MergeProcedure']),
    );
  });

  it('never removes the last requirement or step, nor reorders a single step', () => {
    const lean = procedure({
      requirements: procedure().requirements.slice(0, 1),
      steps: procedure().steps.slice(0, 1),
    });
    expect(accepted(lean)).not.toEqual(expect.arrayContaining(['RemoveRequirement']));
    expect(accepted(lean)).not.toContain('RemoveStep');
    expect(accepted(lean)).not.toContain('ReorderSteps');
    expect(accepted(lean)).toContain('ReplaceRequirement');
  });

  it('always changes the decision time and the fee to another value', () => {
    const random = new Random('terms');
    for (const days of [1, 2, 5, 30, 90]) {
      const next = nextDecisionDays(random, days);
      expect(next).not.toBe(days);
      expect(next).toBeGreaterThanOrEqual(1);
    }
    for (const fee of [null, 500, 200_000]) expect(nextFee(random, fee)).not.toBe(fee);
  });
});
