import type { LocalizedNames } from '../shared/localized-names.js';
import type { UnitRegisteredData } from '../units/unit-events.js';
import { unitSlug } from '../units/unit-id.js';
import type { AuthorityKind } from './authority-kinds.js';

export type DefaultAuthority = { authorityId: string; kind: AuthorityKind; names: LocalizedNames };

export type GovernedUnit = Pick<UnitRegisteredData, 'unitId' | 'kind' | 'category' | 'names' | 'dataQuality'>;

const ID_PREFIX_OF_AUTHORITY_KIND: Readonly<Record<AuthorityKind, string>> = {
  CENTRAL_AGENCY: 'cabinet',
  REGIONAL_ADMINISTRATION: 'regional-administration',
  MAYORS_OFFICE: 'mayors-office',
  DISTRICT_AKIMAT: 'district-akimat',
  DISTRICT_ADMINISTRATION: 'district-administration',
};

const CABINET_NAMES: LocalizedNames = {
  en: 'Cabinet of Ministers of the Kyrgyz Republic',
  ru: 'Кабинет Министров Кыргызской Республики',
  ky: 'Кыргыз Республикасынын Министрлер Кабинети',
};

function defaultKindOf(unit: GovernedUnit): AuthorityKind {
  switch (unit.kind) {
    case 'COUNTRY':
      return 'CENTRAL_AGENCY';
    case 'REGION':
      return 'REGIONAL_ADMINISTRATION';
    case 'CITY':
      return 'MAYORS_OFFICE';
    case 'DISTRICT':
      return unit.category === 'city-district' ? 'DISTRICT_ADMINISTRATION' : 'DISTRICT_AKIMAT';
  }
}

/** The name without its English qualifier: `Talas` for `Talas Region`. */
function shortEnglishName(names: LocalizedNames): string {
  return names.en.replace(/ (Region|District|City)$/, '');
}

/** `Ноокатского района` for `Ноокатский район`: the genitive that authority names put the district in. */
function russianDistrictGenitive(name: string | undefined): string | undefined {
  const stem = /^(\S+)ский район$/.exec(name ?? '')?.[1];
  return stem === undefined ? undefined : `${stem}ского района`;
}

/**
 * Translations of an authority's name, made only from a unit name the data confirms and only in the
 * patterns we can write correctly; a translation we cannot vouch for is left out.
 */
function translations(unit: GovernedUnit, kind: AuthorityKind): Omit<LocalizedNames, 'en'> {
  const confirmed = (field: 'ru' | 'ky') =>
    unit.dataQuality.some((quality) => quality.field === `names.${field}`) ? undefined : unit.names[field];
  const ru = confirmed('ru');
  const ky = confirmed('ky');
  const translated: Omit<LocalizedNames, 'en'> = {};
  switch (kind) {
    case 'MAYORS_OFFICE': {
      if (ru) translated.ru = `Мэрия города ${ru.replace(/^город\s+/, '')}`;
      if (ky) translated.ky = `${ky.replace(/\s+шаары$/, '')} шаарынын мэриясы`;
      break;
    }
    case 'DISTRICT_AKIMAT': {
      const genitive = russianDistrictGenitive(ru);
      if (genitive) translated.ru = `Акимиат ${genitive}`;
      const kyStem = /^(.+) району$/.exec(ky ?? '')?.[1];
      if (kyStem) translated.ky = `${kyStem} районунун акимчилиги`;
      break;
    }
    case 'DISTRICT_ADMINISTRATION': {
      const genitive = russianDistrictGenitive(ru);
      if (genitive) translated.ru = `Администрация ${genitive}`;
      break;
    }
    default:
      // Regional administrations have been renamed and restructured repeatedly; no translation is safe.
      break;
  }
  return translated;
}

function englishName(unit: GovernedUnit, kind: AuthorityKind): string {
  const name = shortEnglishName(unit.names);
  switch (kind) {
    case 'CENTRAL_AGENCY':
      return CABINET_NAMES.en;
    case 'REGIONAL_ADMINISTRATION':
      return `${name} Regional Administration`;
    case 'MAYORS_OFFICE':
      return `${name} Mayor's Office`;
    case 'DISTRICT_AKIMAT':
      return `${name} District Akimat`;
    case 'DISTRICT_ADMINISTRATION':
      return `${name} District Administration`;
  }
}

/** The authority that governs a unit unless told otherwise: the Cabinet, a regional administration, a mayor's office or an akimat. */
export function defaultAuthorityOf(unit: GovernedUnit): DefaultAuthority {
  const kind = defaultKindOf(unit);
  const authorityId = `${ID_PREFIX_OF_AUTHORITY_KIND[kind]}/${unitSlug(unit.unitId)}`;
  if (kind === 'CENTRAL_AGENCY') return { authorityId, kind, names: { ...CABINET_NAMES } };
  return { authorityId, kind, names: { en: englishName(unit, kind), ...translations(unit, kind) } };
}
