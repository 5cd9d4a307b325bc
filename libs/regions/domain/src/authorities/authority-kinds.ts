import type { UnitKind } from '../units/unit-kinds.js';

export type AuthorityKind =
  | 'CENTRAL_AGENCY'
  | 'REGIONAL_ADMINISTRATION'
  | 'MAYORS_OFFICE'
  | 'DISTRICT_AKIMAT'
  /** The administration of a city district, such as Bishkek's Lenin District. */
  | 'DISTRICT_ADMINISTRATION';

export type AuthorityLevel = 'CENTRAL' | 'REGIONAL' | 'CITY' | 'DISTRICT';

export const LEVEL_OF_UNIT_KIND: Readonly<Record<UnitKind, AuthorityLevel>> = {
  COUNTRY: 'CENTRAL',
  REGION: 'REGIONAL',
  CITY: 'CITY',
  DISTRICT: 'DISTRICT',
};

/** The kind of unit each kind of authority governs. */
export const UNIT_KIND_OF_AUTHORITY_KIND: Readonly<Record<AuthorityKind, UnitKind>> = {
  CENTRAL_AGENCY: 'COUNTRY',
  REGIONAL_ADMINISTRATION: 'REGION',
  MAYORS_OFFICE: 'CITY',
  DISTRICT_AKIMAT: 'DISTRICT',
  DISTRICT_ADMINISTRATION: 'DISTRICT',
};
