import { describe, it } from '@jest/globals';
import type { CommandMetadata } from '@redtape/event-sourcing';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { InvalidReformStage } from '../reform-stages/stage-number.js';
import { InvalidCalendarDate } from '../shared/calendar-date.js';
import type { LocalizedNames } from '../shared/localized-names.js';
import { RequiredTextMissing, TextTooLong } from '../shared/text.js';
import type { UnitCommand } from './unit-commands.js';
import { unitDecider } from './unit-decider.js';
import {
  AlreadyEnrolledInAnotherStage,
  CountryCannotJoinPilot,
  EnrollmentBeforeStageStarted,
  InvalidUnitId,
  InvalidUnitParent,
  NotEnrolledInStage,
  UnitAlreadyRegistered,
  UnitCategoryDoesNotFitKind,
  UnitNotRegistered,
  WithdrawalBeforeEnrollment,
} from './unit-errors.js';
import type { UnitEvent, UnitRegisteredData } from './unit-events.js';

const metadata: CommandMetadata = {
  commandId: 'c-1',
  actor: { id: 'cabinet', role: 'cabinet' },
  now: new Date('2026-02-01'),
};

const tup: UnitRegisteredData = {
  unitId: 'district/tup',
  kind: 'DISTRICT',
  category: 'district',
  names: { en: 'Tüp District', ru: 'Тюпский район', ky: 'Түп району' },
  isoCode: null,
  soate: '41702225000000',
  parentId: 'region/issyk-kul',
  aliases: ['Tyup', 'Тюп'],
  dataQuality: [{ field: 'soate', note: 'from third-party data' }],
  notes: null,
};
const kyrgyzstan: UnitRegisteredData = {
  ...tup,
  unitId: 'country/kg',
  kind: 'COUNTRY',
  category: 'country',
  names: { en: 'Kyrgyz Republic' },
  isoCode: 'KG',
  soate: null,
  parentId: null,
  dataQuality: [],
};

const registered = (data: UnitRegisteredData = tup): UnitEvent => ({ type: 'UnitRegistered', data });
const renamed = (from: LocalizedNames, to: LocalizedNames): UnitEvent => ({
  type: 'UnitRenamed',
  data: { from, to },
});
const enrolled = (stage = 2, enrolledOn = '2026-01-15'): UnitEvent => ({
  type: 'UnitEnrolledInPilot',
  data: { stage, enrolledOn },
});
const withdrawn = (stage = 2, withdrawnOn = '2026-06-01'): UnitEvent => ({
  type: 'UnitWithdrawnFromPilot',
  data: { stage, withdrawnOn },
});

const register = (data: UnitRegisteredData): UnitCommand => ({ type: 'RegisterUnit', data, metadata });
const rename = (names: LocalizedNames): UnitCommand => ({ type: 'RenameUnit', data: { names }, metadata });
const enroll = (
  enrolledOn = '2026-01-15',
  stage = 2,
  stageStartedOn: string | null = '2026-01-15',
): UnitCommand => ({
  type: 'EnrollUnitInPilot',
  data: { stage, enrolledOn, stageStartedOn },
  metadata,
});
const withdraw = (withdrawnOn = '2026-06-01', stage = 2): UnitCommand => ({
  type: 'WithdrawUnitFromPilot',
  data: { stage, withdrawnOn },
  metadata,
});

const spec = deciderSpec(unitDecider);

describe('registering a unit', () => {
  it('records a new unit with its names, parent, aliases and data-quality notes', () =>
    spec
      .given([])
      .when(register(tup))
      .then([registered(tup)]));

  it('trims names, aliases and notes and drops repeated aliases before recording them', () =>
    spec
      .given([])
      .when(
        register({
          ...tup,
          names: { en: '  Tüp District ', ru: ' ', ky: 'Түп району' },
          aliases: ['Tyup', ' Tyup ', ''],
          notes: ' ',
        }),
      )
      .then([
        registered({
          ...tup,
          names: { en: 'Tüp District', ky: 'Түп району' },
          aliases: ['Tyup'],
          notes: null,
        }),
      ]));

  it('appends nothing when the same unit is registered again with the same data', () =>
    spec.given([registered()]).when(register(tup)).thenNothing());

  it('appends nothing when the first registration is repeated after the unit was renamed', () =>
    spec
      .given([registered(), renamed(tup.names, { en: 'Tyup District' })])
      .when(register(tup))
      .thenNothing());

  it('refuses to register a unit again with different data, as a conflict', () =>
    spec
      .given([registered()])
      .when(register({ ...tup, soate: '41702225000001' }))
      .thenThrows(UnitAlreadyRegistered, { code: 'CONFLICT', unitId: 'district/tup' }));

  it('refuses a unit without an English name', () =>
    spec
      .given([])
      .when(register({ ...tup, names: { en: '   ', ru: 'Тюпский район' } }))
      .thenThrows(RequiredTextMissing, { code: 'BAD_USER_INPUT', field: 'names.en' }));

  it('refuses an English name longer than 200 characters', () =>
    spec
      .given([])
      .when(register({ ...tup, names: { en: 'T'.repeat(201) } }))
      .thenThrows(TextTooLong, { field: 'names.en', length: 201, maxLength: 200 }));

  it('accepts an English name of exactly 200 characters', () =>
    spec
      .given([])
      .when(register({ ...tup, names: { en: 'T'.repeat(200) } }))
      .then([registered({ ...tup, names: { en: 'T'.repeat(200) } })]));

  it('refuses a unit id that is not a kind and a kebab-case slug', () =>
    spec
      .given([])
      .when(register({ ...tup, unitId: 'district/Tüp' }))
      .thenThrows(InvalidUnitId, { code: 'BAD_USER_INPUT', field: 'unitId' }));

  it('refuses a unit id whose prefix does not match the kind', () =>
    spec
      .given([])
      .when(register({ ...tup, unitId: 'city/tup' }))
      .thenThrows(InvalidUnitId));

  it('refuses a category that does not fit the kind', () =>
    spec
      .given([])
      .when(register({ ...tup, category: 'city-of-regional-significance' }))
      .thenThrows(UnitCategoryDoesNotFitKind, { kind: 'DISTRICT' }));

  it('refuses a country with a parent', () =>
    spec
      .given([])
      .when(register({ ...kyrgyzstan, parentId: 'region/talas' }))
      .thenThrows(InvalidUnitParent));

  it('refuses a unit below the country without a parent', () =>
    spec
      .given([])
      .when(register({ ...tup, parentId: null }))
      .thenThrows(InvalidUnitParent));

  it('refuses a unit that is its own parent', () =>
    spec
      .given([])
      .when(register({ ...tup, parentId: 'district/tup' }))
      .thenThrows(InvalidUnitParent));
});

describe('renaming a unit', () => {
  it('records the old and the new names', () =>
    spec
      .given([registered()])
      .when(rename({ en: 'Tyup District', ru: 'Тюпский район' }))
      .then([renamed(tup.names, { en: 'Tyup District', ru: 'Тюпский район' })]));

  it('renames from the names of the latest rename', () =>
    spec
      .given([registered(), renamed(tup.names, { en: 'Tyup District' })])
      .when(rename({ en: 'Tup District' }))
      .then([renamed({ en: 'Tyup District' }, { en: 'Tup District' })]));

  it('appends nothing when the unit is renamed to the names it already has', () =>
    spec
      .given([registered()])
      .when(rename({ en: ' Tüp District', ru: 'Тюпский район ', ky: 'Түп району' }))
      .thenNothing());

  it('refuses to rename a unit that is not registered, as not found', () =>
    spec
      .given([])
      .when(rename({ en: 'Tüp District' }))
      .thenThrows(UnitNotRegistered, { code: 'NOT_FOUND' }));

  it('refuses to rename a unit to a blank English name', () =>
    spec
      .given([registered()])
      .when(rename({ en: '' }))
      .thenThrows(RequiredTextMissing, { field: 'names.en' }));

  it('refuses to rename a unit to a Russian name longer than 200 characters', () =>
    spec
      .given([registered()])
      .when(rename({ en: 'Tüp District', ru: 'Т'.repeat(201) }))
      .thenThrows(TextTooLong, { field: 'names.ru' }));
});

describe('enrolling a unit in a pilot', () => {
  it('enrolls a unit in the pilot of a stage after the stage started', () =>
    spec
      .given([registered()])
      .when(enroll('2026-02-01'))
      .then([enrolled(2, '2026-02-01')]));

  it('enrolls a unit on the very day the stage started', () =>
    spec
      .given([registered()])
      .when(enroll('2026-01-15'))
      .then([enrolled(2, '2026-01-15')]));

  it('enrolls a unit in a stage whose start date the sources do not give', () =>
    spec
      .given([registered()])
      .when(enroll('2020-05-01', 1, null))
      .then([enrolled(1, '2020-05-01')]));

  it('enrolls a unit again after it was withdrawn', () =>
    spec
      .given([registered(), enrolled(), withdrawn()])
      .when(enroll('2026-07-01'))
      .then([enrolled(2, '2026-07-01')]));

  it('refuses to enroll a unit that is not registered, as not found', () =>
    spec.given([]).when(enroll()).thenThrows(UnitNotRegistered, { code: 'NOT_FOUND' }));

  it('refuses to enroll the country in a pilot', () =>
    spec
      .given([registered(kyrgyzstan)])
      .when(enroll())
      .thenThrows(CountryCannotJoinPilot, { code: 'BAD_USER_INPUT' }));

  it('refuses to enroll a unit before the stage started', () =>
    spec
      .given([registered()])
      .when(enroll('2026-01-14'))
      .thenThrows(EnrollmentBeforeStageStarted, { enrolledOn: '2026-01-14', stageStartedOn: '2026-01-15' }));

  it('appends nothing when a unit is enrolled again in the same stage', () =>
    spec.given([registered(), enrolled()]).when(enroll('2026-03-01')).thenNothing());

  it('refuses to enroll a unit that is enrolled in another stage, as a conflict', () =>
    spec
      .given([registered(), enrolled(1, '2025-01-10')])
      .when(enroll())
      .thenThrows(AlreadyEnrolledInAnotherStage, { code: 'CONFLICT', enrolledStage: 1, requestedStage: 2 }));

  it('refuses an enrollment date that is not a real day', () =>
    spec
      .given([registered()])
      .when(enroll('2026-02-30'))
      .thenThrows(InvalidCalendarDate, { field: 'enrolledOn' }));

  it('refuses an enrollment date not written YYYY-MM-DD', () =>
    spec
      .given([registered()])
      .when(enroll('15.01.2026'))
      .thenThrows(InvalidCalendarDate, { value: '15.01.2026' }));

  it('refuses a stage start date that is not a real day', () =>
    spec
      .given([registered()])
      .when(enroll('2026-01-15', 2, '2026-13-01'))
      .thenThrows(InvalidCalendarDate, { field: 'stageStartedOn' }));

  it('refuses a stage that is not a whole number from 1', () =>
    spec.given([registered()]).when(enroll('2026-01-15', 0)).thenThrows(InvalidReformStage, { stage: 0 }));
});

describe('withdrawing a unit from a pilot', () => {
  it('withdraws an enrolled unit from the pilot', () =>
    spec
      .given([registered(), enrolled()])
      .when(withdraw('2026-06-01'))
      .then([withdrawn(2, '2026-06-01')]));

  it('withdraws a unit on the day it was enrolled', () =>
    spec
      .given([registered(), enrolled()])
      .when(withdraw('2026-01-15'))
      .then([withdrawn(2, '2026-01-15')]));

  it('refuses to withdraw a unit that is not registered, as not found', () =>
    spec.given([]).when(withdraw()).thenThrows(UnitNotRegistered, { code: 'NOT_FOUND' }));

  it('refuses to withdraw a unit that is not enrolled', () =>
    spec.given([registered()]).when(withdraw()).thenThrows(NotEnrolledInStage, { stage: 2 }));

  it('refuses to withdraw a unit from a stage other than the one it is enrolled in', () =>
    spec
      .given([registered(), enrolled(2)])
      .when(withdraw('2026-06-01', 1))
      .thenThrows(NotEnrolledInStage, { stage: 1 }));

  it('refuses to withdraw a unit that was already withdrawn', () =>
    spec
      .given([registered(), enrolled(), withdrawn()])
      .when(withdraw('2026-07-01'))
      .thenThrows(NotEnrolledInStage));

  it('refuses a withdrawal dated before the enrollment', () =>
    spec
      .given([registered(), enrolled(2, '2026-01-15')])
      .when(withdraw('2026-01-14'))
      .thenThrows(WithdrawalBeforeEnrollment, { enrolledOn: '2026-01-15', withdrawnOn: '2026-01-14' }));

  it('refuses a withdrawal date that is not a real day', () =>
    spec
      .given([registered(), enrolled()])
      .when(withdraw('2026-04-31'))
      .thenThrows(InvalidCalendarDate, { field: 'withdrawnOn' }));
});
