import { describe, it } from '@jest/globals';
import type { CommandMetadata } from '@redtape/event-sourcing';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { RequiredTextMissing } from '../shared/text.js';
import { InvalidUnitId } from '../units/unit-errors.js';
import type { UnitKind } from '../units/unit-kinds.js';
import type { AuthorityCommand, EstablishAuthority } from './authority-commands.js';
import { authorityDecider } from './authority-decider.js';
import {
  AuthorityAlreadyEstablished,
  AuthorityKindDoesNotFitUnit,
  InvalidAuthorityId,
} from './authority-errors.js';
import type { AuthorityEstablishedData, AuthorityEvent } from './authority-events.js';
import type { AuthorityKind, AuthorityLevel } from './authority-kinds.js';

const metadata: CommandMetadata = {
  commandId: 'c-1',
  actor: { id: 'cabinet', role: 'cabinet' },
  now: new Date('2026-02-01'),
};

const nookatAkimat: EstablishAuthority['data'] = {
  authorityId: 'district-akimat/nookat',
  unitId: 'district/nookat',
  unitKind: 'DISTRICT',
  kind: 'DISTRICT_AKIMAT',
  names: { en: 'Nookat District Akimat', ru: 'Акимиат Ноокатского района' },
};
const nookatAkimatEstablished: AuthorityEstablishedData = {
  authorityId: 'district-akimat/nookat',
  unitId: 'district/nookat',
  kind: 'DISTRICT_AKIMAT',
  level: 'DISTRICT',
  name: 'Nookat District Akimat',
  names: { en: 'Nookat District Akimat', ru: 'Акимиат Ноокатского района' },
};

const established = (data = nookatAkimatEstablished): AuthorityEvent => ({
  type: 'AuthorityEstablished',
  data,
});
const establish = (data: EstablishAuthority['data']): AuthorityCommand => ({
  type: 'EstablishAuthority',
  data,
  metadata,
});

const spec = deciderSpec(authorityDecider);

describe('establishing an authority', () => {
  it('records the authority with its unit, kind, names and the level of its unit', () =>
    spec.given([]).when(establish(nookatAkimat)).then([established()]));

  it.each<[UnitKind, AuthorityKind, AuthorityLevel]>([
    ['COUNTRY', 'CENTRAL_AGENCY', 'CENTRAL'],
    ['REGION', 'REGIONAL_ADMINISTRATION', 'REGIONAL'],
    ['CITY', 'MAYORS_OFFICE', 'CITY'],
    ['DISTRICT', 'DISTRICT_AKIMAT', 'DISTRICT'],
    ['DISTRICT', 'DISTRICT_ADMINISTRATION', 'DISTRICT'],
  ])('places an authority over a unit of kind %s, of kind %s, at level %s', (unitKind, kind, level) =>
    spec
      .given([])
      .when(establish({ ...nookatAkimat, unitKind, kind }))
      .then([established({ ...nookatAkimatEstablished, kind, level })]),
  );

  it('names the authority by its trimmed English name', () =>
    spec
      .given([])
      .when(
        establish({
          ...nookatAkimat,
          names: { en: ' Nookat District Akimat ', ru: 'Акимиат Ноокатского района' },
        }),
      )
      .then([established()]));

  it('appends nothing when the same authority is established again', () =>
    spec.given([established()]).when(establish(nookatAkimat)).thenNothing());

  it('refuses to establish an authority again with different data, as a conflict', () =>
    spec
      .given([established()])
      .when(establish({ ...nookatAkimat, names: { en: 'Nookat Akimiat' } }))
      .thenThrows(AuthorityAlreadyEstablished, { code: 'CONFLICT', authorityId: 'district-akimat/nookat' }));

  it('refuses an authority whose kind cannot govern its unit', () =>
    spec
      .given([])
      .when(establish({ ...nookatAkimat, kind: 'MAYORS_OFFICE' }))
      .thenThrows(AuthorityKindDoesNotFitUnit, {
        code: 'BAD_USER_INPUT',
        kind: 'MAYORS_OFFICE',
        unitKind: 'DISTRICT',
      }));

  it('refuses an authority id that is not a kind slug and a unit slug', () =>
    spec
      .given([])
      .when(establish({ ...nookatAkimat, authorityId: 'district-akimat/district/nookat' }))
      .thenThrows(InvalidAuthorityId));

  it('refuses an authority over something that is not a unit id', () =>
    spec
      .given([])
      .when(establish({ ...nookatAkimat, unitId: 'nookat' }))
      .thenThrows(InvalidUnitId));

  it('refuses an authority without an English name', () =>
    spec
      .given([])
      .when(establish({ ...nookatAkimat, names: { en: ' ', ru: 'Акимиат Ноокатского района' } }))
      .thenThrows(RequiredTextMissing, { field: 'names.en' }));
});
