import { InvalidId } from '../errors/value-errors.js';

// These ids end up in stream names (`official-<id>`) and are compared with token subjects, so they stay plain.
const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** Official, meeting, instruction, report and procedure ids: 1 to 100 letters, digits, `.`, `_` or `-`. */
export function isAccountabilityId(value: string): boolean {
  return typeof value === 'string' && ID.test(value);
}

export function requireId(field: string, value: string): string {
  if (!isAccountabilityId(value)) throw new InvalidId(field, value);
  return value;
}

/** An id that may be left out: null (or blank) means "none". */
export function optionalId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return null;
  return requireId(field, value);
}
