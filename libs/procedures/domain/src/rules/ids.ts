import { InvalidId } from '../errors/value-errors.js';

// Ids end up in stream names, URLs and audit field paths (`requirements.<id>`), so they stay plain.
const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** Procedure, requirement and step ids: 1 to 100 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export function isProcedureScopedId(value: string): boolean {
  return typeof value === 'string' && ID.test(value);
}

export function requireId(field: string, value: string): string {
  if (!isProcedureScopedId(value)) throw new InvalidId(field, value);
  return value;
}
