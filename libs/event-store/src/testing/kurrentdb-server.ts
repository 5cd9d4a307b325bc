import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store.js';
import type { OpenedStore } from './event-store.contract.js';

/** Pinned: the current LTS release. Insecure mode, a single node; for tests only. */
export const KURRENTDB_IMAGE = 'docker.kurrent.io/kurrent-lts/kurrentdb:26.0.3';
/** The one reason the test runner lets a suite skip under CI (tools/run-tests.mjs, ALLOWED_SKIPS). */
export const NEEDS_KURRENTDB = '[needs KURRENTDB_URL or a Docker engine]';
export const KURRENTDB_URL_VARIABLE = 'KURRENTDB_URL';

export interface KurrentDbServer {
  /** Connection string, e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  readonly url: string;
  stop(): Promise<void>;
}

type Engine = { socketPath: string } | { host: string; port: number };

/** Where a Docker engine would listen: DOCKER_HOST, else the usual sockets that exist. */
function dockerEngines(): Engine[] {
  const configured = process.env['DOCKER_HOST'];
  if (configured?.startsWith('unix://')) return [{ socketPath: configured.slice('unix://'.length) }];
  if (configured?.startsWith('tcp://')) {
    const address = new URL(configured.replace(/^tcp:/, 'http:'));
    return [{ host: address.hostname, port: Number(address.port || 2375) }];
  }
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker/run/docker.sock'),
    ...(process.env['XDG_RUNTIME_DIR'] ? [join(process.env['XDG_RUNTIME_DIR'], 'docker.sock')] : []),
  ];
  return sockets.filter((socketPath) => existsSync(socketPath)).map((socketPath) => ({ socketPath }));
}

/** Asks the engine's `/_ping` with a short timeout, so that a missing daemon never stalls the suite. */
function answersPing(engine: Engine, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const ping = request({ ...engine, path: '/_ping', method: 'GET', timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    ping.on('timeout', () => ping.destroy());
    ping.on('error', () => resolve(false));
    ping.end();
  });
}

/** How this run can reach KurrentDB, or why it cannot. */
export async function kurrentDbAvailability(): Promise<
  { readonly via: 'url' | 'docker' } | { readonly via: 'none'; readonly reason: string }
> {
  if (process.env[KURRENTDB_URL_VARIABLE]) return { via: 'url' };
  const engines = dockerEngines();
  for (const engine of engines) if (await answersPing(engine, 1_500)) return { via: 'docker' };
  const looked = engines.length
    ? engines.map((engine) => ('socketPath' in engine ? engine.socketPath : `${engine.host}:${engine.port}`))
    : ['no Docker socket found'];
  return {
    via: 'none',
    reason: `${KURRENTDB_URL_VARIABLE} is not set and no Docker engine answered (${looked.join(', ')})`,
  };
}

/** KURRENTDB_URL when set, else a fresh container of the pinned image (stopped again by `stop`). */
export async function startKurrentDb(): Promise<KurrentDbServer> {
  const url = process.env[KURRENTDB_URL_VARIABLE];
  if (url) return { url, stop: async () => undefined };
  const { KurrentDbContainer } = await import('@testcontainers/kurrentdb');
  const container = await new KurrentDbContainer(KURRENTDB_IMAGE).start();
  return { url: container.getConnectionString(), stop: async () => void (await container.stop()) };
}

/** A store on the server; suites share it, as the contract's streams are unique per test. */
export function openKurrentDbStore(url: string): OpenedStore {
  const store = KurrentDbEventStore.open(url);
  return {
    store,
    connection: { kind: 'kurrentdb', url },
    reopen: async () => KurrentDbEventStore.open(url),
    dispose: () => store.close(),
  };
}
