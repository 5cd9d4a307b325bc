import type { GlobalPosition } from '@redtape/event-store';
import { migrateComponent } from '@redtape/projections';
import type { Kysely, Migration } from 'kysely';

/**
 * The database that holds the relays' checkpoints and leases: a service's read-model database
 * (`ReadModels` of @redtape/projections), SQLite or PostgreSQL. Every statement here goes through
 * Kysely's builder with bound values, so it runs on either dialect.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same untyped Kysely as ReadModels
export type RelayDatabase = Kysely<any>;

export const RELAY_CHECKPOINT_TABLE = 'relay_checkpoints';
export const RELAY_LEASE_TABLE = 'relay_leases';

export interface RelayLease {
  readonly holder: string;
  /** Milliseconds since the epoch, by the holder's clock. */
  readonly expiresAt: number;
}

/** Version 1 creates the tables if need be: databases from before versioned migrations keep theirs. */
const RELAY_MIGRATIONS: Record<string, Migration> = {
  '0001_relay_checkpoints_and_leases': {
    async up(db) {
      await db.schema
        .createTable(RELAY_CHECKPOINT_TABLE)
        .ifNotExists()
        .addColumn('name', 'text', (column) => column.primaryKey())
        // Text: a global position is a 64-bit integer, which SQLite drivers hand back as a lossy number.
        .addColumn('position', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable(RELAY_LEASE_TABLE)
        .ifNotExists()
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('holder', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'bigint', (column) => column.notNull())
        .execute();
    },
  },
};

export async function ensureRelayTables(db: RelayDatabase): Promise<void> {
  await migrateComponent(db, 'relay', RELAY_MIGRATIONS);
}

/** The position of the last event the relay published and the broker acknowledged; undefined before the first. */
export async function readRelayCheckpoint(
  db: RelayDatabase,
  name: string,
): Promise<GlobalPosition | undefined> {
  const row = (await db
    .selectFrom(RELAY_CHECKPOINT_TABLE)
    .select('position')
    .where('name', '=', name)
    .executeTakeFirst()) as { position: string } | undefined;
  return row === undefined ? undefined : BigInt(row.position);
}

export async function readRelayLease(db: RelayDatabase, name: string): Promise<RelayLease | undefined> {
  const row = (await db
    .selectFrom(RELAY_LEASE_TABLE)
    .select(['holder', 'expires_at'])
    .where('name', '=', name)
    .executeTakeFirst()) as { holder: string; expires_at: number | string | bigint } | undefined;
  return row === undefined ? undefined : { holder: row.holder, expiresAt: Number(row.expires_at) };
}

/**
 * Takes the lease when nobody holds it, when its holder let it expire, or when `holder` has it
 * already (then it is renewed). Compare-and-set: of replicas racing for it, exactly one wins.
 */
export async function tryAcquireLease(
  db: RelayDatabase,
  name: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const expiresAt = now + leaseMs;
  const inserted = await db
    .insertInto(RELAY_LEASE_TABLE)
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 1n) return true;
  const taken = await db
    .updateTable(RELAY_LEASE_TABLE)
    .set({ holder, expires_at: expiresAt })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<=', now)]))
    .executeTakeFirst();
  return taken.numUpdatedRows === 1n;
}

/**
 * Extends the lease if `holder` still has it; false once another replica has taken it over. An
 * expired lease nobody took is still the holder's: no one else can have published meanwhile.
 */
export async function renewLease(
  db: RelayDatabase,
  name: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const renewed = await db
    .updateTable(RELAY_LEASE_TABLE)
    .set({ expires_at: now + leaseMs })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return renewed.numUpdatedRows === 1n;
}

/** Gives the lease up at once, so that a standby need not wait for it to expire. */
export async function releaseLease(db: RelayDatabase, name: string, holder: string): Promise<void> {
  await db.deleteFrom(RELAY_LEASE_TABLE).where('name', '=', name).where('holder', '=', holder).execute();
}

/**
 * Moves the checkpoint, fenced by the lease: in one transaction, renews the lease (compare-and-set on
 * the holder) and writes the position only if that succeeded. A replica that lost the lease can
 * therefore never move the checkpoint of the one that took over. Returns whether it was written.
 */
export async function commitRelayCheckpoint(
  db: RelayDatabase,
  name: string,
  holder: string,
  position: GlobalPosition,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await renewLease(trx, name, holder, now.getTime(), leaseMs))) return false;
    await trx
      .insertInto(RELAY_CHECKPOINT_TABLE)
      .values({ name, position: position.toString(), updated_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict.column('name').doUpdateSet((eb) => ({
          position: eb.ref('excluded.position'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    return true;
  });
}
