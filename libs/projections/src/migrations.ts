import { Migrator, PostgresAdapter, sql, type Migration } from 'kysely';
import type { ReadModels } from './projection.js';

/**
 * Brings one component's fixed tables in the read-model database (the projections' checkpoints, the
 * Kafka relay's checkpoints and leases) to their newest version, under Kysely's migration lock so
 * that replicas starting together apply each migration once. A change of layout is a new migration
 * with a higher name, never an edit of one that shipped. (A projection's own tables are versioned by
 * `Projection.version` instead: a new version rebuilds them.)
 */
export async function migrateComponent(
  db: ReadModels,
  component: string,
  migrations: Record<string, Migration>,
): Promise<void> {
  // On PostgreSQL the migrator would find another service's bookkeeping tables in another schema of the
  // same database and take them for its own; it is told the schema the read models live in.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    provider: { getMigrations: async () => migrations },
    migrationTableName: `${component}_migrations`,
    migrationLockTableName: `${component}_migrations_lock`,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`migrating the ${component} tables failed`, { cause: error });
}
