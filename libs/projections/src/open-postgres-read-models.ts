import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ReadModels } from './projection.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresReadModelsOptions {
  /** Connections in the pool; defaults to 10. */
  readonly poolSize?: number;
  /** Told when an idle pooled connection fails; the pool replaces it by itself. */
  readonly onPoolError?: (error: Error) => void;
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
  await createSchema(connectionString, schema);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    options: `-c search_path=${schema}`,
    // A peer that vanished without closing the socket is noticed instead of waited on forever.
    keepAlive: true,
  });
  const onError =
    options.onPoolError ?? ((error: Error) => process.emitWarning(`read models: ${error.message}`));
  pool.on('error', onError);
  // The pool listens for errors only on idle connections; one checked out but between queries (the
  // replica lock's) would otherwise crash the process when the server ends it. Its next query fails.
  pool.on('connect', (client) => client.on('error', onError));
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** Under a lock: two services' concurrent CREATE SCHEMA IF NOT EXISTS can otherwise collide. */
async function createSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`redtape.schema.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
