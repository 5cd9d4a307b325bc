import { PostgresAdapter, sql } from 'kysely';
import type { ReadModels } from './projection.js';

const CHECK_EVERY_MS = 1000;

/** Held by the one replica that writes a read model; the others stand by. */
export interface ReplicaLock {
  /** Settles with the reason once the lock is no longer held (its connection broke). */
  readonly lost: Promise<Error>;
  release(): Promise<void>;
}

/**
 * Tries, once, to become the replica that writes `db`'s read models. On PostgreSQL, a session
 * advisory lock on a connection held for as long as the lock: when the holder dies its connection
 * closes and the server releases the lock, so a standby takes over without waiting for an expiry.
 * A SQLite read-model file belongs to one service process, which therefore always holds it.
 * Undefined when another replica holds it.
 */
export async function tryReplicaLock(db: ReadModels, name: string): Promise<ReplicaLock | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    return { lost: new Promise<Error>(() => undefined), release: async () => undefined };

  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let acquired!: (held: boolean) => void;
  const outcome = new Promise<boolean>((resolve) => (acquired = resolve));
  const holding = db.connection().execute(async (connection) => {
    const { rows } = await sql<{ held: boolean }>`
      SELECT pg_try_advisory_lock(hashtext(${name})) AS held`.execute(connection);
    const held = rows[0]?.held === true;
    acquired(held);
    if (!held) return;
    try {
      // The connection is the lock: probing it is how a broken one is noticed.
      while (
        !(await Promise.race([
          released.then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), CHECK_EVERY_MS).unref()),
        ]))
      )
        await sql`SELECT 1`.execute(connection);
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(connection);
    }
  });
  const failed = holding.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  // A connection that fails before answering rejects here; one that fails later settles `lost`.
  const held = await Promise.race([outcome, holding.then(() => false)]);
  if (!held) return undefined;
  return {
    lost: failed.then((error) => error ?? new Error(`replica lock ${name} was released`)),
    release: async () => {
      release();
      await failed; // a broken connection freed the lock with it, and `lost` told the holder why
    },
  };
}
