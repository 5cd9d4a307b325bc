import type { UnitRecord, VariantGroup } from './kg-admin-units-dataset.js';

/** Every spelling the data offers for a unit, as written: its aliases, search terms and variant groups. */
export function unitAliases(record: UnitRecord, variantGroups: readonly VariantGroup[]): string[] {
  const variants = variantGroups
    .filter((group) => group.unitIds.includes(record.id))
    .flatMap((group) => group.variants);
  return [...new Set([...(record.aliases ?? []), ...(record.searchTerms ?? []), ...variants])];
}
