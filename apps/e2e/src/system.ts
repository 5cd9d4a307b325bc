import { mintToken, type Role } from '@redtape/auth';
import { collect, openEventStore, type EventStore, type EventStoreConnection } from '@redtape/event-store';
import { temporaryPostgresDatabase } from '@redtape/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the very launcher `npm start` uses, so the tests run what users run
import { startSystem } from '../../../tools/launcher.mjs';

export interface RunningSystem {
  readonly gatewayUrl: string;
  readonly ports: Record<string, number>;
  stop(): Promise<void>;
}

/** What the services store their events and read models in: the embedded default, or PostgreSQL. */
export type Backend = 'sqlite' | 'postgres';

/**
 * The storage one system runs on, which outlives its restarts: a data folder of its own and, on
 * PostgreSQL, a database of its own on a real server (the test run's, or one started for it).
 */
export interface Deployment {
  readonly backend: Backend;
  readonly dataDir: string;
  /** The settings that point the services at this storage. */
  readonly env: Record<string, string>;
  readonly eventStore: EventStoreConnection;
  dispose(): Promise<void>;
}

export const JWT_SECRET = 'e2e-jwt-secret-that-is-long-enough-0123456789';
export const GATEWAY_SECRET = 'e2e-gateway-secret-that-is-long-enough-0123456789';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function newDeployment(backend: Backend = 'sqlite'): Promise<Deployment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redtape-e2e-'));
  const database = backend === 'postgres' ? await temporaryPostgresDatabase() : undefined;
  return {
    backend,
    dataDir,
    env: database
      ? { EVENT_STORE: 'postgres', READ_MODELS: 'postgres', DATABASE_URL: database.url }
      : { EVENT_STORE: 'sqlite', READ_MODELS: 'sqlite' },
    eventStore: database
      ? { kind: 'postgres', url: database.url }
      : { kind: 'sqlite', file: join(dataDir, 'events.db') },
    async dispose() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the built services and gateway on their own ports and a data folder of their own. */
export async function startRedtape(
  deployment: Deployment,
  extraEnv: Record<string, string> = {},
): Promise<RunningSystem> {
  const ports = {
    GATEWAY_PORT: await freePort(),
    REGIONS_PORT: await freePort(),
    PROCEDURES_PORT: await freePort(),
    ACCOUNTABILITY_PORT: await freePort(),
  };
  const env = {
    PATH: process.env['PATH'],
    REDTAPE_DATA_DIR: deployment.dataDir,
    ...deployment.env,
    REDTAPE_JWT_SECRET: JWT_SECRET,
    REDTAPE_GATEWAY_SECRET: GATEWAY_SECRET,
    LOG_LEVEL: 'warn',
    GATEWAY_PORT: String(ports.GATEWAY_PORT),
    REGIONS_PORT: String(ports.REGIONS_PORT),
    PROCEDURES_PORT: String(ports.PROCEDURES_PORT),
    ACCOUNTABILITY_PORT: String(ports.ACCOUNTABILITY_PORT),
    REDTAPE_DEADLINE_CHECK_MS: '500',
    ...extraEnv,
  };
  const system = await startSystem({ env, output: 'inherit' });
  return { gatewayUrl: system.gatewayUrl, ports: system.ports, stop: system.stop };
}

export function tokenFor(role: Role, unit?: string, subject = `${role}-e2e`): Promise<string> {
  return mintToken({ sub: subject, name: `E2E ${role}`, role, ...(unit ? { unit } : {}) }, JWT_SECRET);
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
}

async function withEventStore<T>(deployment: Deployment, use: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openEventStore(deployment.eventStore);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Where the shared event store stands: proof that a refused request appended nothing. */
export function eventStoreHead(deployment: Deployment): Promise<bigint | undefined> {
  return withEventStore(deployment, (store) => store.headPosition());
}

/** The events of a stream, read straight from the event store. */
export function eventsOf(deployment: Deployment, streamId: string) {
  return withEventStore(deployment, (store) => collect(store.readStream(streamId)));
}

/** The newest event of a stream, read straight from the event store. */
export async function lastEventOf(deployment: Deployment, streamId: string) {
  return withEventStore(deployment, async (store) => {
    const [last] = await collect(store.readStream(streamId, { direction: 'backwards', maxCount: 1 }));
    return last;
  });
}
