import { describe, expect, it } from '@jest/globals';
import type { Actor, ActorRole } from '@redtape/event-sourcing';
import { mayPerformOnProcedure, PROCEDURE_ACTIONS, PROCEDURE_ACTIONS_BY_ROLE } from './procedure-actions.js';

const nookatAncestry = ['district/nookat', 'region/osh', 'country/kg'];
const official = (unitId?: string): Actor => ({ id: 'o-1', role: 'official', ...(unitId ? { unitId } : {}) });

describe('who may act on a procedure', () => {
  it('knows one action per command, seventeen in all', () => {
    expect(PROCEDURE_ACTIONS).toHaveLength(17);
    expect(new Set(PROCEDURE_ACTIONS).size).toBe(17);
  });

  it.each<ActorRole>(['official', 'cabinet', 'admin', 'system'])(
    'lets the %s role take every action',
    (role) => expect(PROCEDURE_ACTIONS_BY_ROLE[role]).toEqual(PROCEDURE_ACTIONS),
  );

  it('gives auditors nothing to do', () => expect(PROCEDURE_ACTIONS_BY_ROLE.auditor).toEqual([]));

  it.each(PROCEDURE_ACTIONS)('lets an official of the owning unit %s', (action) =>
    expect(mayPerformOnProcedure(official('district/nookat'), action, nookatAncestry)).toBe(true),
  );

  it('lets an official of a unit above the owning one act', () =>
    expect(mayPerformOnProcedure(official('region/osh'), 'AbolishProcedure', nookatAncestry)).toBe(true));

  it('does not let an official of another unit act', () =>
    expect(mayPerformOnProcedure(official('region/talas'), 'ChangeDecisionTime', nookatAncestry)).toBe(
      false,
    ));

  it('does not let an official of a unit below the owning one act', () =>
    expect(
      mayPerformOnProcedure(official('district/nookat'), 'ChangeFee', ['region/osh', 'country/kg']),
    ).toBe(false));

  it('does not let an official who acts for no unit act', () =>
    expect(mayPerformOnProcedure(official(), 'RegisterProcedure', nookatAncestry)).toBe(false));

  it.each<ActorRole>(['cabinet', 'admin', 'system'])('lets the %s role act on any procedure', (role) =>
    expect(mayPerformOnProcedure({ id: 'x-1', role }, 'MergeProcedure', nookatAncestry)).toBe(true),
  );

  it('never lets an auditor act, not even on procedures within its unit', () =>
    expect(
      mayPerformOnProcedure(
        { id: 'a-1', role: 'auditor', unitId: 'district/nookat' },
        'StartReview',
        nookatAncestry,
      ),
    ).toBe(false));

  it('never lets an anonymous caller act', () =>
    expect(mayPerformOnProcedure(undefined, 'ReinstateProcedure', nookatAncestry)).toBe(false));
});
