import { describe, expect, it } from '@jest/globals';
import type { ProcedureDocument } from '../procedure-state.js';
import {
  documentAfter,
  leaseContract,
  passportCopy,
  registered,
  taxCertificate,
} from '../testing/procedure-fixtures.js';
import { figuresOf, median, reformMetrics, type ProcedureFigures } from './reform-metrics.js';

const procedure = (changes: Partial<ProcedureDocument> = {}): ProcedureFigures =>
  figuresOf({ ...documentAfter([registered()]), ...changes });

describe('the reform metrics', () => {
  it('counts nothing for no procedures', () =>
    expect(reformMetrics([])).toEqual({
      activeProcedures: 0,
      totalRequirements: 0,
      totalDecisionDays: 0,
      medianDecisionDays: null,
      totalFeesTyiyn: 0,
    }));

  it('adds up procedures, requirements, decision days and fees of the procedures in force', () =>
    expect(
      reformMetrics([
        procedure({ status: 'ACTIVE', decisionDays: 30, fee: { tyiyn: 50_000, currency: 'KGS' } }),
        procedure({
          status: 'UNDER_REVIEW',
          decisionDays: 10,
          requirements: [passportCopy, taxCertificate, leaseContract],
          fee: null,
        }),
        procedure({
          status: 'SIMPLIFIED',
          decisionDays: 5,
          requirements: [],
          fee: { tyiyn: 150, currency: 'KGS' },
        }),
      ]),
    ).toEqual({
      activeProcedures: 3,
      totalRequirements: 5,
      totalDecisionDays: 45,
      medianDecisionDays: 10,
      totalFeesTyiyn: 50_150,
    }));

  it('leaves out drafts and merged and abolished procedures', () =>
    expect(
      reformMetrics([
        procedure({ status: 'ACTIVE', decisionDays: 7 }),
        procedure({ status: 'DRAFT', decisionDays: 100 }),
        procedure({ status: 'MERGED', decisionDays: 100 }),
        procedure({ status: 'ABOLISHED', decisionDays: 100 }),
      ]),
    ).toEqual({
      activeProcedures: 1,
      totalRequirements: 2,
      totalDecisionDays: 7,
      medianDecisionDays: 7,
      totalFeesTyiyn: 50_000,
    }));

  it('gives no median when no procedure is in force', () =>
    expect(reformMetrics([procedure({ status: 'ABOLISHED' })]).medianDecisionDays).toBeNull());

  it('takes the mean of the two middle decision times for an even count', () =>
    expect(
      reformMetrics([30, 5, 10, 60].map((decisionDays) => procedure({ decisionDays }))).medianDecisionDays,
    ).toBe(20));

  it('takes the middle decision time for an odd count, whatever the order', () =>
    expect(
      reformMetrics([30, 5, 10].map((decisionDays) => procedure({ decisionDays }))).medianDecisionDays,
    ).toBe(10));
});

describe('the median', () => {
  it('is null for no values', () => expect(median([])).toBeNull());
  it('is the value itself for one value', () => expect(median([4])).toBe(4));
  it('is the middle value for an odd count', () => expect(median([9, 1, 5])).toBe(5));
  it('is the mean of the two middle values for an even count', () => expect(median([1, 2, 4, 10])).toBe(3));
  it('may be a half day', () => expect(median([1, 2])).toBe(1.5));
  it('sorts numbers as numbers, not as text', () => expect(median([100, 9, 20])).toBe(20));
  it('changes nothing it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
