export type UnitKind = 'COUNTRY' | 'REGION' | 'CITY' | 'DISTRICT';

/** The legal category of a unit, finer than its kind: the reference data's `type`. */
export type UnitCategory =
  | 'country'
  | 'region'
  | 'city-of-republican-significance'
  | 'city-of-regional-significance'
  | 'district'
  | 'city-district';

export const KIND_OF_CATEGORY: Readonly<Record<UnitCategory, UnitKind>> = {
  country: 'COUNTRY',
  region: 'REGION',
  'city-of-republican-significance': 'CITY',
  'city-of-regional-significance': 'CITY',
  district: 'DISTRICT',
  'city-district': 'DISTRICT',
};

/** The first part of a unit id, `district` in `district/tup`, for each kind. */
export const ID_PREFIX_OF_KIND: Readonly<Record<UnitKind, string>> = {
  COUNTRY: 'country',
  REGION: 'region',
  CITY: 'city',
  DISTRICT: 'district',
};
