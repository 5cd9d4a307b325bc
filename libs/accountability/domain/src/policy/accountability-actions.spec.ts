import { describe, expect, it } from '@jest/globals';
import type { Actor, ActorRole } from '@redtape/event-sourcing';
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_ACTIONS_BY_ROLE,
  mayPerformAccountability,
  type AccountabilityAction,
} from './accountability-actions.js';

const nookatAncestry = ['district/nookat', 'region/osh', 'country/kg'];
const official = (unitId?: string): Actor => ({
  id: 'akim-nookat',
  role: 'official',
  ...(unitId ? { unitId } : {}),
});
const REPORTS: readonly AccountabilityAction[] = ['ReportProgress', 'ReportUnitProgress'];

describe('who may act on accountability', () => {
  it('knows one action per command, eleven in all', () => {
    expect(ACCOUNTABILITY_ACTIONS).toHaveLength(11);
    expect(new Set(ACCOUNTABILITY_ACTIONS).size).toBe(11);
  });

  it.each<ActorRole>(['cabinet', 'admin', 'system'])('lets the %s role take every action', (role) =>
    expect(ACCOUNTABILITY_ACTIONS_BY_ROLE[role]).toEqual(ACCOUNTABILITY_ACTIONS),
  );

  it('lets the deadline watcher mark instructions overdue anywhere', () =>
    expect(
      mayPerformAccountability(
        { id: 'deadline-watcher', role: 'system' },
        'MarkInstructionOverdue',
        nookatAncestry,
      ),
    ).toBe(true));

  it('lets officials only report progress', () =>
    expect(ACCOUNTABILITY_ACTIONS_BY_ROLE.official).toEqual(REPORTS));

  it.each(REPORTS)('lets an official of the unit %s', (action) =>
    expect(mayPerformAccountability(official('district/nookat'), action, nookatAncestry)).toBe(true),
  );

  it('lets an official of a unit above report on it', () =>
    expect(mayPerformAccountability(official('region/osh'), 'ReportUnitProgress', nookatAncestry)).toBe(
      true,
    ));

  it('does not let an official of another unit report on it', () =>
    expect(mayPerformAccountability(official('district/batken'), 'ReportProgress', nookatAncestry)).toBe(
      false,
    ));

  it('does not let an official who acts for no unit report', () =>
    expect(mayPerformAccountability(official(), 'ReportProgress', nookatAncestry)).toBe(false));

  it.each(ACCOUNTABILITY_ACTIONS.filter((action) => !REPORTS.includes(action)))(
    'does not let an official %s, even in their own unit',
    (action) =>
      expect(mayPerformAccountability(official('district/nookat'), action, nookatAncestry)).toBe(false),
  );

  it.each<ActorRole>(['cabinet', 'admin'])(
    'lets the %s role issue and complete instructions anywhere',
    (role) => {
      expect(mayPerformAccountability({ id: 'x-1', role }, 'IssueInstruction', nookatAncestry)).toBe(true);
      expect(mayPerformAccountability({ id: 'x-1', role }, 'CompleteInstruction', nookatAncestry)).toBe(true);
    },
  );

  it('gives auditors nothing to do, not even within their unit', () => {
    expect(ACCOUNTABILITY_ACTIONS_BY_ROLE.auditor).toEqual([]);
    expect(
      mayPerformAccountability(
        { id: 'a-1', role: 'auditor', unitId: 'district/nookat' },
        'ReportProgress',
        nookatAncestry,
      ),
    ).toBe(false);
  });

  it('never lets an anonymous caller act', () =>
    expect(mayPerformAccountability(undefined, 'ReportProgress', nookatAncestry)).toBe(false));
});
