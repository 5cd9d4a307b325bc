import { PostgresAdapter, sql } from 'kysely';
import type { ReadModels } from './projection.js';

const CHECK_EVERY_MS = 1000;
/** A probe of a half-open connection never answers; past this the lock counts as lost. */
const PROBE_TIMEOUT_MS = 5000;

/** Held by the one replica that writes a read model; the others stand by. */
export interface ReplicaLock {
  /** Settles with the reason once the lock is no longer held (its connection broke or stopped answering). */
  readonly lost: Promise<Error>;
  release(): Promise<void>;
}

function withinProbeTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Tries, once, to become the replica that writes `db`'s read models. On PostgreSQL, a session
 * advisory lock on a connection held for as long as the lock: when the holder dies its connection
 * closes and the server releases the lock, so a standby takes over without waiting for an expiry.
 * (So the read models must not sit behind a transaction-pooling proxy such as PgBouncer in
 * transaction mode, which would hand the session to others.) A SQLite read-model file belongs to one
 * service process, which therefore always holds it. Undefined when another replica holds it.
 */
export async function tryReplicaLock(db: ReadModels, name: string): Promise<ReplicaLock | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    return { lost: new Promise<Error>(() => undefined), release: async () => undefined };

  let releasing = false;
  let wakeUp: (() => void) | undefined;
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
      while (!releasing) {
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          setTimeout(resolve, CHECK_EVERY_MS).unref();
        });
        if (!releasing) await withinProbeTimeout(sql`SELECT 1`.execute(connection), 'the replica lock probe');
      }
    } finally {
      await withinProbeTimeout(
        sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(connection),
        'the replica lock release',
      );
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
      releasing = true;
      wakeUp?.();
      await failed; // a broken connection freed the lock with it, and `lost` told the holder why
    },
  };
}
