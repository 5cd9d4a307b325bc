import { mintToken, type Role } from '@redtape/auth';
import { collect } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the very launcher `npm start` uses, so the tests run what users run
import { startSystem } from '../../../tools/launcher.mjs';

export interface RunningSystem {
  readonly gatewayUrl: string;
  readonly ports: Record<string, number>;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const JWT_SECRET = 'e2e-jwt-secret-that-is-long-enough-0123456789';
export const GATEWAY_SECRET = 'e2e-gateway-secret-that-is-long-enough-0123456789';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'redtape-e2e-'));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Starts the built services and gateway on their own ports and a data folder of their own. */
export async function startRedtape(
  dataDir: string,
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
    REDTAPE_DATA_DIR: dataDir,
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
  return { gatewayUrl: system.gatewayUrl, ports: system.ports, stop: system.stop, dataDir };
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

/** Where the shared event store stands: proof that a refused request appended nothing. */
export async function eventStoreHead(dataDir: string): Promise<bigint | undefined> {
  const store = SqliteEventStore.open(`${dataDir}/events.db`);
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** The newest event of a stream, read straight from the event store. */
export async function lastEventOf(dataDir: string, streamId: string) {
  const store = SqliteEventStore.open(`${dataDir}/events.db`);
  try {
    const [last] = await collect(store.readStream(streamId, { direction: 'backwards', maxCount: 1 }));
    return last;
  } finally {
    await store.close();
  }
}
