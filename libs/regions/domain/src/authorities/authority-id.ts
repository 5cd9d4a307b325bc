const AUTHORITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Authority ids look like `<kind-slug>/<unit-slug>`: `district-akimat/nookat`, `cabinet/kg`. */
export function isAuthorityId(value: string): boolean {
  return AUTHORITY_ID.test(value);
}
