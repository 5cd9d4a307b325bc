import pg from 'pg';
import { inTransaction } from './transaction.js';

export interface PoolOptions {
  readonly max: number;
  /** Server settings for every connection (`-c name=value …`). */
  readonly settings?: string;
  /** Told when a connection fails outside a query; the pool replaces it by itself. */
  readonly onError: (error: Error) => void;
}

/** A pool whose connections failing between queries are reported, never an unhandled 'error' event. */
export function openPool(connectionString: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max,
    ...(options.settings === undefined ? {} : { options: options.settings }),
    // A peer that vanished without closing the socket is noticed instead of waited on forever.
    keepAlive: true,
  });
  pool.on('error', options.onError);
  // The pool listens for errors only on idle connections; one checked out but between statements (a
  // transaction's, or a held lock's) would otherwise crash the process when the server ends it. The
  // statement that follows on it fails and reports the error instead.
  pool.on('connect', (client) => client.on('error', options.onError));
  return pool;
}

/** Under a lock: two processes' concurrent CREATE SCHEMA IF NOT EXISTS can otherwise collide. */
export async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`redtape.schema.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}
