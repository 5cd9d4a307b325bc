import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
// The very launcher `npm start` and the e2e suites use: the bench measures what users run.
import { startSystem, type StartedSystem } from '../tools/launcher.mjs';
import { repoRoot } from './paths.js';

export const BENCH_JWT_SECRET = 'bench-jwt-secret-that-is-long-enough-0123456789';
export const BENCH_GATEWAY_SECRET = 'bench-gateway-secret-that-is-long-enough-0123456789';

const START_TIMEOUT_MS = 60_000;

/**
 * A free port on 127.0.0.1: from REDTAPE_BENCH_PORT_BASE upwards when it is set (to keep clear of
 * ports others use on a shared machine), else one the system picks.
 */
export async function freePort(after?: number): Promise<number> {
  const base = process.env['REDTAPE_BENCH_PORT_BASE'];
  for (let port = after === undefined ? Number(base ?? 0) : after + 1; port < 65_536; port++) {
    const taken = await new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(base === undefined ? 0 : port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
    if (taken !== undefined) return taken;
    if (base === undefined) break;
  }
  throw new Error('no free port');
}

export interface SubgraphPorts {
  readonly REGIONS_PORT: number;
  readonly PROCEDURES_PORT: number;
  readonly ACCOUNTABILITY_PORT: number;
}

/** What every process of the system and every gateway candidate is started with. */
export function systemEnv(dataDir: string, ports: SubgraphPorts & { GATEWAY_PORT: number }) {
  return {
    PATH: process.env['PATH'],
    REDTAPE_DATA_DIR: dataDir,
    REDTAPE_JWT_SECRET: BENCH_JWT_SECRET,
    REDTAPE_GATEWAY_SECRET: BENCH_GATEWAY_SECRET,
    // A request line per request is part of what the gateway does, so it stays on (to /dev/null).
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
  };
}

/**
 * Builds the projects (the services run from dist/, as `npm start` runs them), then starts the three
 * subgraphs and the gateway on a data folder of their own and records the illustrative sample, so
 * that the queries cross real data in all three subgraphs.
 */
export async function startBenchSystem(dataDir: string): Promise<{
  readonly system: StartedSystem;
  readonly env: ReturnType<typeof systemEnv>;
}> {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the build failed');
  let port = await freePort();
  const next = async () => (port = await freePort(port));
  const ports = {
    GATEWAY_PORT: port,
    REGIONS_PORT: await next(),
    PROCEDURES_PORT: await next(),
    ACCOUNTABILITY_PORT: await next(),
  };
  const env = systemEnv(dataDir, ports);
  const system = await startSystem({ env, output: 'ignore' });
  for (const seed of [
    'apps/procedures/dist/seed/seed-sample.js',
    'apps/accountability/dist/seed/seed-sample.js',
  ]) {
    const run = spawnSync(process.execPath, [seed], { cwd: repoRoot, env, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${seed} failed`);
  }
  return { system, env };
}

/** A gateway candidate from bench/gateway-engines, in a process of its own, as the gateway runs. */
export async function startEngine(
  file: string,
  env: Record<string, string | undefined>,
  port: number,
): Promise<{ readonly process: ChildProcess; readonly url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@redtape/source', '--import', 'tsx', join(repoRoot, 'bench', 'gateway-engines', file)],
    { cwd: repoRoot, env: { ...env, GATEWAY_PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${file} exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return { process: child, url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${file} did not answer ${url}/health within ${START_TIMEOUT_MS / 1000} s`);
}
