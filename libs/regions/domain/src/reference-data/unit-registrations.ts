import type { LocalizedNames } from '../shared/localized-names.js';
import type { UnitRegisteredData } from '../units/unit-events.js';
import { KIND_OF_CATEGORY } from '../units/unit-kinds.js';
import { dataQualityNotes } from './data-quality-notes.js';
import { InvalidReferenceData } from './invalid-reference-data.js';
import type { KgAdminUnitsDataset, UnitRecord, UnitRecordNames } from './kg-admin-units-dataset.js';
import { unitAliases } from './unit-aliases.js';

/** The full English name where the data has one (`Tüp District`), matching the full Russian and Kyrgyz names. */
function namesOf(names: UnitRecordNames): LocalizedNames {
  const localized: LocalizedNames = { en: (names.enFull ?? names.en).value };
  if (names.ru) localized.ru = names.ru.value;
  if (names.ky) localized.ky = names.ky.value;
  return localized;
}

function countryRegistration(dataset: KgAdminUnitsDataset): UnitRegisteredData {
  const { country } = dataset;
  return {
    unitId: country.id,
    kind: 'COUNTRY',
    category: 'country',
    names: { ...country.names },
    isoCode: country.iso,
    soate: null,
    parentId: null,
    aliases: [country.shortName],
    dataQuality: dataQualityNotes(country),
    notes: null,
  };
}

function recordRegistration(record: UnitRecord, dataset: KgAdminUnitsDataset): UnitRegisteredData {
  return {
    unitId: record.id,
    kind: KIND_OF_CATEGORY[record.type],
    category: record.type,
    names: namesOf(record.names),
    isoCode: record.iso3166_2?.value ?? null,
    soate: record.soate?.value ?? null,
    parentId: record.parent ?? dataset.country.id,
    aliases: unitAliases(record, dataset.variantGroups),
    dataQuality: dataQualityNotes(record),
    notes: record.notes ?? null,
  };
}

/** Units in an order in which every parent comes before its children, whatever order the file lists them in. */
function parentsFirst(units: readonly UnitRegisteredData[]): UnitRegisteredData[] {
  const ordered: UnitRegisteredData[] = [];
  const placed = new Set<string>();
  let waiting = [...units];
  while (waiting.length > 0) {
    const ready = waiting.filter((unit) => unit.parentId === null || placed.has(unit.parentId));
    if (ready.length === 0) {
      const orphans = waiting.map((unit) => `${unit.unitId} (parent ${unit.parentId})`).join(', ');
      throw new InvalidReferenceData(
        `these units have a parent that is not in the data, or a cycle: ${orphans}`,
      );
    }
    for (const unit of ready) {
      ordered.push(unit);
      placed.add(unit.unitId);
    }
    waiting = waiting.filter((unit) => !placed.has(unit.unitId));
  }
  return ordered;
}

function assertDistinctIds(units: readonly UnitRegisteredData[]): void {
  const seen = new Set<string>();
  for (const { unitId } of units) {
    if (seen.has(unitId)) throw new InvalidReferenceData(`unit ${unitId} appears more than once`);
    seen.add(unitId);
  }
}

/** Every unit of the data set as a registration, parents before children. */
export function unitRegistrations(dataset: KgAdminUnitsDataset): UnitRegisteredData[] {
  const records = [
    ...dataset.regions,
    ...dataset.citiesOfRepublicanSignificance,
    ...dataset.districts,
    ...dataset.bishkekCityDistricts,
    ...dataset.citiesOfRegionalSignificance,
  ];
  const units = [
    countryRegistration(dataset),
    ...records.map((record) => recordRegistration(record, dataset)),
  ];
  assertDistinctIds(units);
  return parentsFirst(units);
}
