import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import { ensureSchema, openPool } from '@redtape/event-store/postgres';
import type { ReadModels } from './projection.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresReadModelsOptions {
  /** Connections in the pool; defaults to 10. */
  readonly poolSize?: number;
  /** Told when an idle pooled connection fails; the pool replaces it by itself. */
  readonly onPoolError?: (error: Error) => void;
  /** Told of every statement run (Kysely's `log`). */
  readonly log?: LogConfig;
}

/**
 * Opens a service's read models in a PostgreSQL schema of their own (created if need be), so that
 * services sharing one database never see each other's tables. Every connection's search_path is
 * that schema, so projections and queries name their tables exactly as on SQLite.
 */
export async function openPostgresReadModels(
  connectionString: string,
  schema: string,
  options: PostgresReadModelsOptions = {},
): Promise<ReadModels> {
  if (!SCHEMA_NAME.test(schema))
    throw new RangeError(`read-model schema must be a lower-case SQL identifier, got "${schema}"`);
  const pool = openPool(connectionString, {
    max: options.poolSize ?? 10,
    // Every table and query of the service resolves in its own schema.
    settings: `-c search_path=${schema}`,
    onError: options.onPoolError ?? ((error: Error) => process.emitWarning(`read models: ${error.message}`)),
  });
  try {
    await ensureSchema(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new Kysely({
    dialect: new PostgresDialect({ pool }),
    ...(options.log ? { log: options.log } : {}),
  });
}
