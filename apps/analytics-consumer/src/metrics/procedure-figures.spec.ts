import { describe, expect, it } from '@jest/globals';
import { IN_FORCE_STATUSES as DOMAIN_IN_FORCE } from '@redtape/procedures-domain';
import type { Fact } from '../message/fact.js';
import {
  IN_FORCE_STATUSES,
  dayCountsOf,
  evolveProcedure,
  type ProcedureFigures,
} from './procedure-figures.js';

type Registered = Extract<Fact, { kind: 'procedure-registered' }>;
type Changed = Extract<Fact, { kind: 'procedure-changed' }>;

const registered: Registered = {
  kind: 'procedure-registered',
  procedureId: 'p1',
  unitId: 'city/tokmok',
  status: 'DRAFT',
  requirements: 3,
  decisionDays: 30,
};
const change = (fields: Partial<Changed>): Changed => ({
  kind: 'procedure-changed',
  procedureId: 'p1',
  requirementsDelta: 0,
  decisionDays: null,
  status: null,
  abolished: false,
  ...fields,
});
const figures: ProcedureFigures = {
  unitId: 'city/tokmok',
  status: 'ACTIVE',
  requirements: 3,
  decisionDays: 30,
};

describe('a procedure’s figures', () => {
  it('start from its registration', () =>
    expect(evolveProcedure(undefined, registered)).toEqual({
      unitId: 'city/tokmok',
      status: 'DRAFT',
      requirements: 3,
      decisionDays: 30,
    }));

  it('count requirements added and removed', () => {
    const added = evolveProcedure(figures, change({ requirementsDelta: 1 }));
    expect(added?.requirements).toBe(4);
    expect(evolveProcedure(added, change({ requirementsDelta: -1 }))?.requirements).toBe(3);
  });

  it('take the new decision time and status, and keep the rest', () => {
    expect(evolveProcedure(figures, change({ decisionDays: 15 }))).toEqual({ ...figures, decisionDays: 15 });
    expect(evolveProcedure(figures, change({ status: 'ABOLISHED', abolished: true }))).toEqual({
      ...figures,
      status: 'ABOLISHED',
    });
  });

  it('are unknown for a change to a procedure never registered here', () =>
    expect(evolveProcedure(undefined, change({ requirementsDelta: 1 }))).toBeUndefined());

  it('count as in force under the same statuses as the procedures service’s reform metrics', () =>
    expect([...IN_FORCE_STATUSES].sort()).toEqual([...DOMAIN_IN_FORCE].sort()));
});

describe('what an event counts for its day', () => {
  it('counts registrations, abolitions and instructions issued, completed and overdue', () => {
    expect(dayCountsOf(registered)).toMatchObject({ proceduresRegistered: 1, proceduresAbolished: 0 });
    expect(dayCountsOf(change({ status: 'ABOLISHED', abolished: true }))).toMatchObject({
      proceduresRegistered: 0,
      proceduresAbolished: 1,
    });
    expect(
      dayCountsOf({ kind: 'instruction-issued', instructionId: 'i', unitId: 'u' }).instructionsIssued,
    ).toBe(1);
    expect(dayCountsOf({ kind: 'instruction-completed', instructionId: 'i' }).instructionsCompleted).toBe(1);
    expect(dayCountsOf({ kind: 'instruction-overdue', instructionId: 'i' }).instructionsOverdue).toBe(1);
  });

  it('counts nothing for a status change other than abolition', () =>
    expect(Object.values(dayCountsOf(change({ status: 'UNDER_REVIEW' })))).toEqual([0, 0, 0, 0, 0]));
});
