import { describe, expect, it } from '@jest/globals';
import { IN_FORCE_STATUSES as DOMAIN_IN_FORCE } from '@redtape/procedures-domain';
import type { Fact } from '../message/fact.js';
import {
  IN_FORCE_STATUSES,
  NO_FIGURES,
  dayCountsOf,
  evolveProcedure,
  inForceDelta,
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

describe('what an event changes in its unit’s figures over procedures in force', () => {
  it('adds a procedure registered in force, and nothing for a draft', () => {
    expect(inForceDelta(undefined, figures)).toEqual({ active: 1, requirements: 3, decisionDays: 30 });
    expect(inForceDelta(undefined, { ...figures, status: 'DRAFT' })).toEqual(NO_FIGURES);
  });

  it('takes the difference while the procedure stays in force', () =>
    expect(inForceDelta(figures, { ...figures, requirements: 2, decisionDays: 14 })).toEqual({
      active: 0,
      requirements: -1,
      decisionDays: -16,
    }));

  it('takes away all of it when the procedure leaves force, and adds it back on its return', () => {
    const abolished = { ...figures, status: 'ABOLISHED' };
    expect(inForceDelta(figures, abolished)).toEqual({ active: -1, requirements: -3, decisionDays: -30 });
    expect(inForceDelta(abolished, { ...figures, status: 'UNDER_REVIEW' })).toEqual({
      active: 1,
      requirements: 3,
      decisionDays: 30,
    });
  });

  it('is nothing for a change to a procedure out of force', () =>
    expect(
      inForceDelta({ ...figures, status: 'DRAFT' }, { ...figures, status: 'DRAFT', requirements: 5 }),
    ).toEqual(NO_FIGURES));
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
