import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
// Same depth from src/ and dist/.
const SCRIPTS = fileURLToPath(new URL('../../../infra/postgres/', import.meta.url));
/** Set by `npm test` to the throwaway cluster it starts for the whole run. */
export const TEST_DATABASE_URL_VARIABLE = 'REDTAPE_TEST_DATABASE_URL';

/** A real PostgreSQL server for a test file. */
export interface PostgresServer {
  /** Connection string of the server's maintenance database. */
  readonly url: string;
  dispose(): Promise<void>;
}

/**
 * The run's server when `npm test` started one (REDTAPE_TEST_DATABASE_URL), else a throwaway cluster
 * of this test file's own, started with infra/postgres/start.sh and deleted by `dispose`.
 */
export async function postgresServer(): Promise<PostgresServer> {
  const shared = process.env[TEST_DATABASE_URL_VARIABLE];
  if (shared) return { url: shared, dispose: async () => undefined };
  return restartablePostgres();
}

/**
 * A cluster of the test's own that it may stop and start again (same data, same port), to see what
 * clients do when the server goes away. Always started afresh, never the run's shared server.
 */
export interface RestartablePostgres extends PostgresServer {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function restartablePostgres(): Promise<RestartablePostgres> {
  const { stdout } = await script('start.sh');
  const data = /^REDTAPE_PG_DATA=(.+)$/m.exec(stdout)?.[1];
  const url = /^DATABASE_URL=(.+)$/m.exec(stdout)?.[1];
  if (!data || !url) throw new Error(`infra/postgres/start.sh printed no DATABASE_URL: ${stdout}`);
  return {
    url,
    stop: async () => void (await script('stop.sh', data)),
    start: async () => void (await script('start.sh', { REDTAPE_PG_DATA: data })),
    dispose: async () => void (await script('stop.sh', data, '--delete')),
  };
}

/** A database of its own on the server, so that suites never see each other's rows. */
export interface TemporaryDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export async function createTemporaryDatabase(serverUrl: string): Promise<TemporaryDatabase> {
  const name = `redtape_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      onMaintenanceDatabase(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ),
  };
}

async function onMaintenanceDatabase(serverUrl: string, use: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

async function script(
  name: string,
  ...args: (string | Record<string, string>)[]
): Promise<{ stdout: string }> {
  const env = { ...process.env, ...Object.assign({}, ...args.filter((arg) => typeof arg === 'object')) };
  const positional = args.filter((arg): arg is string => typeof arg === 'string');
  try {
    return await run('bash', [`${SCRIPTS}${name}`, ...positional], { timeout: 120_000, env });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`infra/postgres/${name} failed: ${stderr ?? String(error)}`, { cause: error });
  }
}

/**
 * A database of its own on the run's server, or on a cluster started for it: what most suites need.
 * `drop` also stops that cluster.
 */
export async function temporaryPostgresDatabase(): Promise<TemporaryDatabase> {
  const server = await postgresServer();
  try {
    const database = await createTemporaryDatabase(server.url);
    return {
      ...database,
      drop: async () => {
        await database.drop();
        await server.dispose();
      },
    };
  } catch (error) {
    await server.dispose();
    throw error;
  }
}
