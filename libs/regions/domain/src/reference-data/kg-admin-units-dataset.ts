/**
 * The parts of apps/regions/reference-data/kg-admin-units.json this library reads. The file holds
 * more (sources, ambiguities, local type names, seats); what is not read here is not typed here.
 */

/** A fact the sources may or may not confirm: `unconfirmed: true` marks one they could not. */
export interface SourcedFact<T = string> {
  readonly value: T;
  readonly unconfirmed?: boolean;
  readonly note?: string;
}

export type UnitRecordType =
  | 'region'
  | 'city-of-republican-significance'
  | 'city-of-regional-significance'
  | 'district'
  | 'city-district';

export interface UnitRecordNames {
  /** The English Wikipedia short name, e.g. `Tüp`. */
  readonly en: SourcedFact;
  /** The full English name, e.g. `Tüp District`, where the data has one. */
  readonly enFull?: SourcedFact;
  readonly ru?: SourcedFact;
  readonly ky?: SourcedFact;
}

export interface UnitRecord {
  readonly id: string;
  readonly type: UnitRecordType;
  /** Absent for regions and the cities of republican significance, whose parent is the country. */
  readonly parent?: string;
  readonly names: UnitRecordNames;
  readonly iso3166_2?: SourcedFact;
  readonly soate?: SourcedFact;
  readonly aliases?: readonly string[];
  readonly searchTerms?: readonly string[];
  readonly notes?: string;
  /** The unit itself, not just one fact about it, could not be confirmed. */
  readonly unconfirmed?: boolean;
}

export interface CountryRecord {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly iso: string;
  readonly names: { readonly en: string; readonly ru?: string; readonly ky?: string };
}

export interface VariantGroup {
  readonly canonical: string;
  readonly unitIds: readonly string[];
  readonly variants: readonly string[];
}

export interface PilotUnit {
  readonly label: string;
  readonly unitId: string;
}

export interface KgAdminUnitsDataset {
  readonly dataset: string;
  readonly version: string;
  readonly country: CountryRecord;
  readonly regions: readonly UnitRecord[];
  readonly citiesOfRepublicanSignificance: readonly UnitRecord[];
  readonly districts: readonly UnitRecord[];
  readonly bishkekCityDistricts: readonly UnitRecord[];
  readonly citiesOfRegionalSignificance: readonly UnitRecord[];
  readonly pilot: { readonly units: readonly PilotUnit[] };
  readonly variantGroups: readonly VariantGroup[];
}
