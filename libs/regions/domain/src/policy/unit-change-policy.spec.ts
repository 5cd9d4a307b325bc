import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@redtape/event-sourcing';
import { actionsOf, mayPerform } from './regions-actions.js';
import { mayChangeUnit } from './unit-change-policy.js';

const tupAncestry = ['district/tup', 'region/issyk-kul', 'country/kg'];
const official = (unitId?: string): Actor => ({ id: 'o-1', role: 'official', ...(unitId ? { unitId } : {}) });

describe('who may change a unit', () => {
  it.each<Actor['role']>(['cabinet', 'admin', 'system'])('lets the %s role change any unit', (role) =>
    expect(mayChangeUnit({ id: 'a-1', role }, tupAncestry)).toBe(true),
  );

  it('lets an official change its own unit', () =>
    expect(mayChangeUnit(official('district/tup'), tupAncestry)).toBe(true));

  it('lets an official change a unit below its own', () =>
    expect(mayChangeUnit(official('region/issyk-kul'), tupAncestry)).toBe(true));

  it('does not let an official change a unit elsewhere', () =>
    expect(mayChangeUnit(official('region/talas'), tupAncestry)).toBe(false));

  it('does not let an official change the unit above its own', () =>
    expect(mayChangeUnit(official('district/tup'), ['region/issyk-kul', 'country/kg'])).toBe(false));

  it('does not let an official who acts for no unit change anything', () =>
    expect(mayChangeUnit(official(), tupAncestry)).toBe(false));

  it('never lets an auditor change a unit', () =>
    expect(mayChangeUnit({ id: 'a-1', role: 'auditor' }, tupAncestry)).toBe(false));

  it('never lets an anonymous caller change a unit', () =>
    expect(mayChangeUnit(undefined, tupAncestry)).toBe(false));
});

describe('what a role may do', () => {
  it('lets an official rename units and establish authorities within its reach', () => {
    expect(mayPerform(official('region/issyk-kul'), 'RenameUnit', tupAncestry)).toBe(true);
    expect(mayPerform(official('region/issyk-kul'), 'EstablishAuthority', tupAncestry)).toBe(true);
    expect(mayPerform(official('region/talas'), 'RenameUnit', tupAncestry)).toBe(false);
  });

  it('keeps reform stages, unit registration and the pilot to the Cabinet', () => {
    expect(actionsOf('official')).not.toContain('EnrollUnitInPilot');
    expect(mayPerform(official('district/tup'), 'EnrollUnitInPilot', tupAncestry)).toBe(false);
    expect(mayPerform({ id: 'c-1', role: 'cabinet' }, 'EnrollUnitInPilot', tupAncestry)).toBe(true);
  });

  it('gives auditors and anonymous callers nothing to do', () => {
    expect(actionsOf('auditor')).toEqual([]);
    expect(mayPerform(undefined, 'RenameUnit', tupAncestry)).toBe(false);
  });

  it('lets the reference data loader do everything', () =>
    expect(actionsOf('system')).toEqual(
      expect.arrayContaining([
        'StartReformStage',
        'RegisterUnit',
        'RenameUnit',
        'EnrollUnitInPilot',
        'WithdrawUnitFromPilot',
        'EstablishAuthority',
      ]),
    ));
});
