import { describe, expect, it } from '@jest/globals';
import {
  answererOfInstruction,
  chargeOnOutcome,
  chargeOnRelief,
  chargedTo,
  authorityAwaitedBy,
  currentHeadOf,
  responsibleForProcedure,
  waitsAfterRelief,
  type HeldPosition,
} from './who-answers.js';

const position = (overrides: Partial<HeldPosition> & Pick<HeldPosition, 'officialId'>): HeldPosition => ({
  authorityId: 'akimiat-nookat',
  head: true,
  appointedOn: '2025-01-10',
  relievedOn: null,
  ...overrides,
});

describe('who heads an authority now', () => {
  it('is the head in office', () =>
    expect(
      currentHeadOf([
        position({ officialId: 'akim-old', appointedOn: '2020-01-01', relievedOn: '2025-01-01' }),
        position({ officialId: 'akim-nookat' }),
      ]),
    ).toBe('akim-nookat'));

  it('is nobody while every head was relieved, and never a deputy', () =>
    expect(
      currentHeadOf([
        position({ officialId: 'akim-old', relievedOn: '2025-01-01' }),
        position({ officialId: 'deputy', head: false }),
      ]),
    ).toBeUndefined());

  it('is the one appointed last when several heads are in office, then the first by id', () => {
    expect(
      currentHeadOf([
        position({ officialId: 'earlier', appointedOn: '2024-05-01' }),
        position({ officialId: 'later', appointedOn: '2025-02-01' }),
      ]),
    ).toBe('later');
    expect(currentHeadOf([position({ officialId: 'zhyldyz' }), position({ officialId: 'asel' })])).toBe(
      'asel',
    );
  });
});

describe('who answers for a procedure', () => {
  it('is the official made responsible in person, while in office', () =>
    expect(
      responsibleForProcedure({ assigned: { officialId: 'deputy', inOffice: true }, ownerHead: 'akim' }),
    ).toEqual({ officialId: 'deputy', basis: 'ASSIGNED' }));

  it('falls back to the head of the owning authority once that official left office', () =>
    expect(
      responsibleForProcedure({ assigned: { officialId: 'deputy', inOffice: false }, ownerHead: 'akim' }),
    ).toEqual({ officialId: 'akim', basis: 'HEAD_OF_AUTHORITY' }));

  it('is nobody when no one was assigned and the authority has no head', () =>
    expect(responsibleForProcedure({ assigned: { officialId: 'deputy', inOffice: false } })).toBeNull());
});

describe('who answers for an instruction when it is issued', () => {
  it('is the official it names, even when the authority has a head', () =>
    expect(answererOfInstruction('deputy', 'akim')).toBe('deputy'));
  it('is the head of the authority it is addressed to', () =>
    expect(answererOfInstruction(null, 'akim')).toBe('akim'));
  it('is nobody until that authority has a head', () =>
    expect(answererOfInstruction(null, undefined)).toBeNull());
});

describe('what waits for someone when an official is relieved', () => {
  const relief = {
    officialId: 'akim',
    authorityId: 'akimiat-nookat',
    head: true,
    holdsAnyPositionAfter: false,
  };
  const toAuthority = { assigneeOfficialId: null, authorityId: 'akimiat-nookat', completed: false };
  const inPerson = { assigneeOfficialId: 'akim', authorityId: null, completed: false };

  it('an instruction to the authority, when its head leaves', () =>
    expect(waitsAfterRelief(toAuthority, relief)).toBe(true));

  it('not an instruction to another authority, nor one the head left as a deputy', () => {
    expect(waitsAfterRelief({ ...toAuthority, authorityId: 'akimiat-batken' }, relief)).toBe(false);
    expect(waitsAfterRelief(toAuthority, { ...relief, head: false })).toBe(false);
  });

  it('an instruction given in person only once the official holds no position at all', () => {
    expect(waitsAfterRelief(inPerson, relief)).toBe(true);
    expect(waitsAfterRelief(inPerson, { ...relief, holdsAnyPositionAfter: true })).toBe(false);
  });

  it('never a completed instruction', () =>
    expect(waitsAfterRelief({ ...toAuthority, completed: true }, relief)).toBe(false));

  it('waits for the next head of its own authority, or else of the one the official left', () => {
    expect(authorityAwaitedBy(toAuthority, 'akimiat-batken')).toBe('akimiat-nookat');
    expect(authorityAwaitedBy(inPerson, 'akimiat-batken')).toBe('akimiat-batken');
  });
});

describe('who an instruction’s outcome is charged to', () => {
  const open = {
    chargedOfficialId: null,
    answeringOfficialId: 'akim-tyup',
    deadline: '2026-03-01',
    completed: false,
  };

  it('is whoever answers for it while it is open and within its deadline', () =>
    expect(chargedTo(open)).toBe('akim-tyup'));

  it('is settled on whoever answered when the deadline passed or it was completed', () =>
    expect(chargeOnOutcome(open)).toBe('akim-tyup'));

  it('stays with the official who missed the deadline after a successor takes the instruction over', () =>
    expect(chargedTo({ chargedOfficialId: 'akim-tyup', answeringOfficialId: 'successor-tyup' })).toBe(
      'akim-tyup',
    ));

  it('is the relieved official when the relief comes after the deadline, even before the watcher noticed', () =>
    expect(chargeOnRelief(open, { officialId: 'akim-tyup', relievedOn: '2026-04-01' })).toBe('akim-tyup'));

  it('is not settled by a relief before the deadline: the successor will answer for it', () =>
    expect(chargeOnRelief(open, { officialId: 'akim-tyup', relievedOn: '2026-02-15' })).toBeNull());

  it('never moves once settled, nor for a completed instruction', () => {
    expect(
      chargeOnRelief(
        { ...open, chargedOfficialId: 'earlier' },
        { officialId: 'akim-tyup', relievedOn: '2026-04-01' },
      ),
    ).toBe('earlier');
    expect(
      chargeOnRelief({ ...open, completed: true }, { officialId: 'akim-tyup', relievedOn: '2026-04-01' }),
    ).toBeNull();
  });
});
