const UNIT_ID = /^(country|region|city|district)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Unit ids look like `region/talas` or `district/bishkek-lenin`: a kind, a slash and a kebab-case slug. */
export function isUnitId(value: string): boolean {
  return UNIT_ID.test(value);
}

/** `tup` for `district/tup`. */
export function unitSlug(unitId: string): string {
  return unitId.slice(unitId.indexOf('/') + 1);
}
