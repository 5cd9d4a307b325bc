/**
 * Histories on PostgreSQL: generated once into a database of their own on the server, named after
 * size, seed and generator version, with the manifest as the database's comment (written last, so a
 * database without one is an unfinished generation); each measurement runs on a copy made with
 * `CREATE DATABASE … TEMPLATE`, so the cached one stays pristine. The server is DATABASE_URL's, or a
 * cluster of the bench's own kept under the cache folder (infra/postgres/start.sh), so that the cache
 * outlives the run.
 */
import { PostgresEventStore } from '@redtape/event-store/postgres';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { repoRoot } from '../../paths.js';
import { readReferenceDataset } from './cache.js';
import {
  GENERATOR_VERSION,
  HistoryGenerator,
  type HistoryManifest,
  type ProgressListener,
} from './generator.js';

const run = promisify(execFile);

export interface PostgresServer {
  /** The server's maintenance database. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface PostgresHistory {
  readonly database: string;
  readonly url: string;
  readonly manifest: HistoryManifest;
  readonly reused: boolean;
}

/**
 * DATABASE_URL's server, or a cluster under the cache folder (started now, reused across runs) on
 * `port` when it is first created.
 */
export async function postgresServerFor(cacheDir: string, port: number): Promise<PostgresServer> {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, stop: async () => undefined };
  const data = join(cacheDir, 'postgres');
  mkdirSync(data, { recursive: true });
  const script = (name: string, ...args: string[]) =>
    run('bash', [join(repoRoot, 'infra', 'postgres', name), ...args], {
      env: { ...process.env, REDTAPE_PG_DATA: data, PGPORT: String(port) },
      timeout: 120_000,
    });
  const { stdout } = await script('start.sh');
  const url = /^DATABASE_URL=(.+)$/m.exec(stdout)?.[1];
  if (!url) throw new Error(`infra/postgres/start.sh printed no DATABASE_URL: ${stdout}`);
  return { url, stop: async () => void (await script('stop.sh', data)) };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export function postgresHistoryName(events: number, seed: string): string {
  return `redtape_history_${events}_${seed.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_v${GENERATOR_VERSION}`;
}

export async function cachedPostgresHistory(
  server: PostgresServer,
  request: { readonly events: number; readonly seed: string },
  onProgress?: ProgressListener,
): Promise<PostgresHistory> {
  const database = postgresHistoryName(request.events, request.seed);
  const url = databaseUrl(server.url, database);
  const comment = await onServer(server.url, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [database],
    );
    return rows[0]?.comment ?? undefined;
  });
  if (comment) return { database, url, manifest: JSON.parse(comment) as HistoryManifest, reused: true };

  await onServer(server.url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
    // A cache, not a record: its commits need not wait for the disk (the copies measured do).
    await client.query(`ALTER DATABASE ${database} SET synchronous_commit = off`);
  });
  const store = await PostgresEventStore.open(url, { poolSize: 2 });
  let manifest: HistoryManifest;
  try {
    manifest = await new HistoryGenerator(store, request, onProgress).run(readReferenceDataset());
  } finally {
    await store.close();
  }
  await onServer(server.url, async (client) => {
    await client.query(`ALTER DATABASE ${database} RESET synchronous_commit`);
    await client.query(
      `COMMENT ON DATABASE ${database} IS ${client.escapeLiteral(JSON.stringify(manifest))}`,
    );
  });
  return { database, url, manifest, reused: false };
}

/** A copy of the history for one measurement; `drop` removes it. */
export async function copyPostgresHistory(
  server: PostgresServer,
  history: { readonly database: string },
): Promise<{ readonly url: string; readonly database: string; drop(): Promise<void> }> {
  const database = `redtape_scale_run_${randomBytes(5).toString('hex')}`;
  await onServer(server.url, async (client) => {
    await client.query(`CREATE DATABASE ${database} TEMPLATE ${history.database}`);
  });
  return {
    database,
    url: databaseUrl(server.url, database),
    drop: async () => {
      await onServer(server.url, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
      );
    },
  };
}

/** A scratch database for the write baselines. */
export async function scratchDatabase(server: PostgresServer) {
  const database = `redtape_scale_scratch_${randomBytes(5).toString('hex')}`;
  await onServer(server.url, (client) => client.query(`CREATE DATABASE ${database}`));
  return {
    url: databaseUrl(server.url, database),
    drop: () =>
      onServer(server.url, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)),
  };
}

/** Bytes of every table and index in a schema, largest first (pg_total_relation_size per table). */
export async function schemaSizes(url: string, schema: string): Promise<{ name: string; bytes: number }[]> {
  return onServer(url, async (client) => {
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')
        ORDER BY pg_total_relation_size(c.oid) DESC`,
      [schema],
    );
    return rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) }));
  });
}
