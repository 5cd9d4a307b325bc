import { CHECKPOINT_TABLE } from './checkpoints.js';
import type { Projection } from './projection.js';

// Plain identifiers only: they become table, view and index names on every SQL dialect.
const IDENTIFIER = /^[a-z][a-z0-9_]{0,39}$/;
const GENERATION_SUFFIX = /__g\d+$/;

export function assertValidProjection(projection: Projection): void {
  const { name, version, tables } = projection;
  if (typeof name !== 'string' || name.length === 0) throw new Error('a projection needs a name');
  if (!Number.isSafeInteger(version) || version < 1)
    throw new Error(`projection "${name}": version must be a positive integer, got ${String(version)}`);
  if (tables.length === 0) throw new Error(`projection "${name}" declares no tables`);
  if (new Set(tables).size !== tables.length) throw new Error(`projection "${name}" declares a table twice`);
  for (const table of tables) {
    if (!IDENTIFIER.test(table) || GENERATION_SUFFIX.test(table) || table === CHECKPOINT_TABLE)
      throw new Error(
        `projection "${name}": table "${table}" must be lower_snake_case, at most 40 characters, ` +
          `not end in __g<N> and not be ${CHECKPOINT_TABLE}`,
      );
  }
}
