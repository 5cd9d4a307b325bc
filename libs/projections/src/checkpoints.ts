import type { GlobalPosition } from '@redtape/event-store';
import { sql, type Migration } from 'kysely';
import { migrateComponent } from './migrations.js';
import type { ReadModels } from './projection.js';

export const CHECKPOINT_TABLE = 'projection_checkpoints';
export const REBUILD_TABLE = 'projection_rebuilds';

/** How far a projection's read model has got, and which shape and generation of tables holds it. */
export interface ProjectionCheckpoint {
  /** Global position of the last event folded in; undefined before the first one. */
  readonly position: GlobalPosition | undefined;
  readonly version: number;
  readonly generation: number;
}

interface CheckpointRow {
  position: string | null;
  version: number | string;
  generation: number | string;
}

/** Version 1 creates the table if need be: databases from before versioned migrations keep theirs. */
const CHECKPOINT_MIGRATIONS: Record<string, Migration> = {
  '0001_projection_checkpoints': {
    async up(db) {
      await db.schema
        .createTable(CHECKPOINT_TABLE)
        .ifNotExists()
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('position', 'bigint')
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('generation', 'integer', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
  /** Version 2: who is rebuilding which projection, so that a superseded rebuild writes nothing more. */
  '0002_projection_rebuilds': {
    async up(db) {
      await db.schema
        .createTable(REBUILD_TABLE)
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('token', 'text', (column) => column.notNull())
        .addColumn('generation', 'integer', (column) => column.notNull())
        .addColumn('started_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
  /**
   * Version 3: which version of the projection a rebuild builds and how far it has replayed, so that
   * a rebuild interrupted (a restart, a deploy) resumes where it stopped instead of starting over.
   */
  '0003_projection_rebuild_progress': {
    async up(db) {
      await db.schema.alterTable(REBUILD_TABLE).addColumn('version', 'integer').execute();
      await db.schema.alterTable(REBUILD_TABLE).addColumn('position', 'bigint').execute();
    },
  },
};

export async function ensureCheckpointTable(db: ReadModels): Promise<void> {
  await migrateComponent(db, 'projection', CHECKPOINT_MIGRATIONS);
}

export async function readCheckpoint(
  db: ReadModels,
  name: string,
): Promise<ProjectionCheckpoint | undefined> {
  // Read as text: SQLite drivers hand 64-bit integers back as lossy numbers, PostgreSQL's as strings.
  const row = (await db
    .selectFrom(CHECKPOINT_TABLE)
    .select([
      sql<string | null>`cast(${sql.ref('position')} as text)`.as('position'),
      'version',
      'generation',
    ])
    .where('name', '=', name)
    .executeTakeFirst()) as CheckpointRow | undefined;
  if (!row) return undefined;
  return {
    position: row.position === null ? undefined : BigInt(row.position),
    version: Number(row.version),
    generation: Number(row.generation),
  };
}

/** Call it in the transaction that wrote the rows it accounts for. */
export async function writeCheckpoint(
  db: ReadModels,
  name: string,
  checkpoint: ProjectionCheckpoint,
  at: Date,
): Promise<void> {
  const position =
    checkpoint.position === undefined ? null : sql`cast(${checkpoint.position.toString()} as bigint)`;
  await db
    .insertInto(CHECKPOINT_TABLE)
    .values({
      name,
      position,
      version: checkpoint.version,
      generation: checkpoint.generation,
      updated_at: at.toISOString(),
    })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        version: eb.ref('excluded.version'),
        generation: eb.ref('excluded.generation'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * Moves the checkpoint from exactly `from` to `to` (compare-and-set), first thing in the batch's
 * transaction: the row lock it takes serializes replicas writing the same read model, and a replica
 * that fell behind another's writes gets `false` before it folds anything stale.
 */
export async function moveCheckpoint(
  db: ReadModels,
  name: string,
  from: ProjectionCheckpoint,
  to: GlobalPosition,
  at: Date,
): Promise<boolean> {
  const moved = await db
    .updateTable(CHECKPOINT_TABLE)
    .set({ position: sql`cast(${to.toString()} as bigint)`, updated_at: at.toISOString() })
    .where('name', '=', name)
    .where('version', '=', from.version)
    .where('generation', '=', from.generation)
    .where((eb) =>
      from.position === undefined
        ? eb('position', 'is', null)
        : eb('position', '=', sql<string>`cast(${from.position.toString()} as bigint)`),
    )
    .executeTakeFirst();
  return moved.numUpdatedRows === 1n;
}

/** A rebuild as its claim records it: what it builds and how far it got. */
export interface RebuildClaim {
  readonly generation: number;
  readonly version: number | undefined;
  readonly position: GlobalPosition | undefined;
}

export async function readRebuildClaim(db: ReadModels, name: string): Promise<RebuildClaim | undefined> {
  const row = (await db
    .selectFrom(REBUILD_TABLE)
    .select([
      'generation',
      'version',
      sql<string | null>`cast(${sql.ref('position')} as text)`.as('position'),
    ])
    .where('name', '=', name)
    .executeTakeFirst()) as
    { generation: number | string; version: number | string | null; position: string | null } | undefined;
  if (!row) return undefined;
  return {
    generation: Number(row.generation),
    version: row.version === null ? undefined : Number(row.version),
    position: row.position === null ? undefined : BigInt(row.position),
  };
}

/** Claims the rebuild of a projection for `token`, from `position`; a later claim supersedes it. */
export async function claimRebuild(
  db: ReadModels,
  name: string,
  token: string,
  build: { generation: number; version: number; position: GlobalPosition | undefined },
  at: Date,
): Promise<void> {
  await db
    .insertInto(REBUILD_TABLE)
    .values({
      name,
      token,
      generation: build.generation,
      version: build.version,
      position: build.position === undefined ? null : sql`cast(${build.position.toString()} as bigint)`,
      started_at: at.toISOString(),
    })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet((eb) => ({
        token: eb.ref('excluded.token'),
        generation: eb.ref('excluded.generation'),
        version: eb.ref('excluded.version'),
        position: eb.ref('excluded.position'),
        started_at: eb.ref('excluded.started_at'),
      })),
    )
    .execute();
}

/**
 * First thing in each of a rebuild's transactions: whether its claim still stands, recording how far
 * the batch will have replayed once it commits. The row lock it takes serializes it with a competing
 * claim, so two rebuilds never interleave their writes.
 */
export async function rebuildStillClaimed(
  db: ReadModels,
  name: string,
  token: string,
  replayedTo?: GlobalPosition,
): Promise<boolean> {
  const kept = await db
    .updateTable(REBUILD_TABLE)
    .set(
      replayedTo === undefined
        ? { token }
        : { token, position: sql`cast(${replayedTo.toString()} as bigint)` },
    )
    .where('name', '=', name)
    .where('token', '=', token)
    .executeTakeFirst();
  return kept.numUpdatedRows === 1n;
}
