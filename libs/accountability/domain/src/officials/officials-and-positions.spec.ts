import { DateAfterToday } from '../errors/value-errors.js';
import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { ReasonRequired } from '../errors/rule-errors.js';
import { InvalidId, InvalidLocalDate, RequiredTextMissing } from '../errors/value-errors.js';
import {
  appointed,
  appointment,
  command,
  inOffice,
  registered,
  RELIEF_REASON,
  relieved,
  stateAfter,
} from '../testing/accountability-fixtures.js';
import type { AppointOfficial } from './official-commands.js';
import { officialDecider } from './official-decider.js';
import {
  AppointmentBeforeEarlierRelief,
  AuthorityAlreadyHeaded,
  OfficialAlreadyHoldsPosition,
  OfficialAlreadyRegistered,
  OfficialHoldsNoPosition,
  OfficialNotRegistered,
  ReliefBeforeAppointment,
} from './official-errors.js';
import { isInOffice } from './official-state.js';

const spec = deciderSpec(officialDecider);

const register = (name = 'Bakyt Sadykov', officialId = 'akim-nookat') =>
  command('RegisterOfficial', { officialId, name });
const { officialId: _officialId, ...appointmentData } = appointment;
const appoint = (changes: Partial<AppointOfficial['data']> = {}) =>
  command('AppointOfficial', { ...appointmentData, ...changes });
/** Relieves the Nookat akim for this reason, or for none when `reason` is null. */
const relieve = (relievedOn = '2026-04-15', reason: string | null = RELIEF_REASON) =>
  command(
    'RelieveOfficialOfDuties',
    { authorityId: 'district-akimat/nookat', relievedOn },
    reason === null ? {} : { reason },
  );

describe('registering an official', () => {
  it('records the official with a trimmed name', () =>
    spec.given([]).when(register('  Bakyt Sadykov ')).then([registered]));

  it('changes nothing when the same official is registered again', () =>
    spec.given([registered]).when(register()).thenNothing());

  it('refuses to register the official again under another name, as a conflict', () =>
    spec
      .given([registered])
      .when(register('Bakyt Sadyk uulu'))
      .thenThrows(OfficialAlreadyRegistered, { code: 'CONFLICT', officialId: 'akim-nookat' }));

  it('refuses a blank name', () =>
    spec
      .given([])
      .when(register('  '))
      .thenThrows(RequiredTextMissing, { code: 'BAD_USER_INPUT', field: 'name' }));

  it('refuses an id that cannot name a stream', () =>
    spec
      .given([])
      .when(register('Bakyt Sadykov', 'akim of nookat'))
      .thenThrows(InvalidId, { code: 'BAD_USER_INPUT', field: 'officialId' }));
});

describe('appointing an official', () => {
  it('appoints a registered official as head of an authority', () =>
    spec.given([registered]).when(appoint()).then([appointed()]));

  it('refuses a second head while the authority’s head is in office', () =>
    spec
      .given([registered])
      .when(appoint({ authorityHeadOfficialId: 'akim-before' }))
      .thenThrows(AuthorityAlreadyHeaded, {
        code: 'BAD_USER_INPUT',
        authorityId: 'district-akimat/nookat',
        headOfficialId: 'akim-before',
      }));

  it('appoints a deputy beside the head in office: only a head is one of a kind', () =>
    spec
      .given([registered])
      .when(appoint({ title: 'Deputy akim', head: false, authorityHeadOfficialId: 'akim-before' }))
      .then([appointed({ title: 'Deputy akim', head: false })]));

  it('appoints a head once the authority has none', () =>
    spec
      .given([registered])
      .when(appoint({ authorityHeadOfficialId: null }))
      .then([appointed()]));

  it('appoints the official to positions in two authorities at once', () =>
    spec
      .given(inOffice)
      .when(
        appoint({
          authorityId: 'region-administration/osh',
          unitId: 'region/osh',
          title: 'Deputy',
          head: false,
        }),
      )
      .then([
        appointed({
          authorityId: 'region-administration/osh',
          unitId: 'region/osh',
          title: 'Deputy',
          head: false,
        }),
      ]));

  it('appoints the official again in an authority they left earlier', () =>
    spec
      .given([...inOffice, relieved({ relievedOn: '2026-04-15' })])
      .when(appoint({ title: 'Deputy akim', head: false, appointedOn: '2026-04-15' }))
      .then([appointed({ title: 'Deputy akim', head: false, appointedOn: '2026-04-15' })]));

  it('changes nothing when the same appointment is sent again', () =>
    spec.given(inOffice).when(appoint()).thenNothing());

  it('refuses a second position in an authority where the official already holds one', () =>
    spec
      .given(inOffice)
      .when(appoint({ title: 'Deputy akim', head: false }))
      .thenThrows(OfficialAlreadyHoldsPosition, {
        code: 'BAD_USER_INPUT',
        authorityId: 'district-akimat/nookat',
        title: 'Akim',
      }));

  it('refuses to appoint an official who was never registered', () =>
    spec
      .given([])
      .when(appoint())
      .thenThrows(OfficialNotRegistered, { code: 'NOT_FOUND', action: 'AppointOfficial' }));

  it.each(['2025-02-30', '02.06.2025', ''])('refuses an appointment dated %p', (appointedOn) =>
    spec
      .given([registered])
      .when(appoint({ appointedOn }))
      .thenThrows(InvalidLocalDate, { code: 'BAD_USER_INPUT', field: 'appointedOn' }),
  );

  it.each(['authorityId', 'unitId', 'title'] as const)('refuses a blank %s', (field) =>
    spec
      .given([registered])
      .when(appoint({ [field]: ' ' }))
      .thenThrows(RequiredTextMissing, { field }),
  );

  it('refuses an appointment in an authority before the official left the earlier position there', () =>
    spec
      .given([...inOffice, relieved({ relievedOn: '2026-04-15' })])
      .when(appoint({ appointedOn: '2026-04-01' }))
      .thenThrows(AppointmentBeforeEarlierRelief, {
        code: 'BAD_USER_INPUT',
        appointedOn: '2026-04-01',
        relievedOn: '2026-04-15',
      }));
});

describe('relieving an official of duties', () => {
  it('ends the position, naming its unit and whether it headed the authority', () =>
    spec.given(inOffice).when(relieve()).then([relieved()]));

  it('relieves the official on the day of the appointment', () =>
    spec
      .given(inOffice)
      .when(relieve('2025-06-02'))
      .then([relieved({ relievedOn: '2025-06-02' })]));

  it('refuses to relieve without a reason', () =>
    spec
      .given(inOffice)
      .when(relieve('2026-04-15', null))
      .thenThrows(ReasonRequired, { code: 'BAD_USER_INPUT', action: 'RelieveOfficialOfDuties' }));

  it('refuses a blank reason', () =>
    spec.given(inOffice).when(relieve('2026-04-15', '   ')).thenThrows(ReasonRequired));

  it('refuses a relief dated after today, which would empty the position at once', () =>
    spec
      .given(inOffice)
      .when(relieve('2030-01-01'))
      .thenThrows(DateAfterToday, { code: 'BAD_USER_INPUT', field: 'relievedOn', date: '2030-01-01' }));

  it('refuses a relief dated before the appointment', () =>
    spec.given(inOffice).when(relieve('2025-06-01')).thenThrows(ReliefBeforeAppointment, {
      code: 'BAD_USER_INPUT',
      relievedOn: '2025-06-01',
      appointedOn: '2025-06-02',
    }));

  it('refuses to relieve an official of a position in an authority where they hold none', () =>
    spec.given([registered]).when(relieve()).thenThrows(OfficialHoldsNoPosition, {
      code: 'BAD_USER_INPUT',
      authorityId: 'district-akimat/nookat',
    }));

  it('changes nothing when the official is relieved again on the same day', () =>
    spec
      .given([...inOffice, relieved()])
      .when(relieve())
      .thenNothing());

  it('refuses to relieve the official again on another day', () =>
    spec
      .given([...inOffice, relieved()])
      .when(relieve('2026-05-01'))
      .thenThrows(OfficialHoldsNoPosition));

  it('refuses to relieve an official who was never registered', () =>
    spec.given([]).when(relieve()).thenThrows(OfficialNotRegistered, { code: 'NOT_FOUND' }));

  it('refuses an invalid date', () =>
    spec.given(inOffice).when(relieve('2026-13-01')).thenThrows(InvalidLocalDate, { field: 'relievedOn' }));
});

describe('the positions an official held', () => {
  const osh = {
    authorityId: 'region-administration/osh',
    unitId: 'region/osh',
    title: 'Deputy',
    head: false,
  };

  it('keeps every position with its dates, and the current ones apart', () => {
    const state = stateAfter(officialDecider, [
      ...inOffice,
      appointed({ ...osh, appointedOn: '2026-01-10' }),
      relieved({ relievedOn: '2026-04-15' }),
    ]);
    expect(state).toEqual({
      status: 'registered',
      official: {
        officialId: 'akim-nookat',
        name: 'Bakyt Sadykov',
        positions: [
          { ...appointmentData, relievedOn: '2026-04-15' },
          { ...osh, appointedOn: '2026-01-10', relievedOn: null },
        ],
        currentPositions: [{ ...osh, appointedOn: '2026-01-10', relievedOn: null }],
      },
    });
  });

  it('counts an official as in office while they hold any position', () => {
    expect(isInOffice(stateAfter(officialDecider, []))).toBe(false);
    expect(isInOffice(stateAfter(officialDecider, [registered]))).toBe(false);
    expect(isInOffice(stateAfter(officialDecider, inOffice))).toBe(true);
    expect(isInOffice(stateAfter(officialDecider, [...inOffice, relieved()]))).toBe(false);
  });
});
