/**
 * Starts the built services and the gateway as separate processes on the embedded default, waits
 * until each answers /health, and stops them all again. `npm start` and the end-to-end tests share it,
 * so the tests exercise exactly what a user runs.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** In start order: the gateway composes the subgraphs, so it comes last. */
export const SERVICES = [
  { name: 'regions', main: 'apps/regions/dist/main.js', portVariable: 'REGIONS_PORT', defaultPort: 4001 },
  {
    name: 'procedures',
    main: 'apps/procedures/dist/main.js',
    portVariable: 'PROCEDURES_PORT',
    defaultPort: 4002,
  },
  {
    name: 'accountability',
    main: 'apps/accountability/dist/main.js',
    portVariable: 'ACCOUNTABILITY_PORT',
    defaultPort: 4003,
  },
  { name: 'gateway', main: 'apps/gateway/dist/main.js', portVariable: 'GATEWAY_PORT', defaultPort: 4000 },
];

const HEALTH_TIMEOUT_MS = 60_000;

async function waitUntilHealthy(name, url, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not answer ${url} within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await once(child, 'exit');
  clearTimeout(timer);
}

/**
 * @param {{ env?: NodeJS.ProcessEnv, output?: 'inherit' | 'pipe' | 'ignore' }} options
 * @returns {Promise<{ gatewayUrl: string, ports: Record<string, number>, children: import('node:child_process').ChildProcess[], stop: () => Promise<void> }>}
 */
export async function startSystem({ env = process.env, output = 'inherit' } = {}) {
  const children = [];
  const ports = {};
  const stop = async () => {
    await Promise.all([...children].reverse().map(stopChild));
  };
  try {
    for (const service of SERVICES) {
      const port = Number(env[service.portVariable] || service.defaultPort);
      ports[service.name] = port;
      const child = spawn(process.execPath, [service.main], {
        cwd: root,
        env: { ...env, [service.portVariable]: String(port) },
        stdio: ['ignore', output, output],
      });
      children.push(child);
      await waitUntilHealthy(service.name, `http://127.0.0.1:${port}/health`, child);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`, ports, children, stop };
}
