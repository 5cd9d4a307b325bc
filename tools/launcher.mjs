/**
 * Starts the built services and the gateway as separate processes on the embedded default, waits
 * until each answers /health, and stops them all again. `npm start` and the end-to-end tests share it,
 * so the tests exercise exactly what a user runs.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
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

/**
 * One GET of /health through node:http, not fetch: fetch refuses ports that browsers block (6000,
 * 6665–6669, …), which would hide a service that listens perfectly well there.
 */
function probeHealth(url) {
  return new Promise((resolve) => {
    const request = get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve({ ok: response.statusCode === 200, problem: `answered HTTP ${response.statusCode}` });
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 2 s')));
    request.on('error', (error) => resolve({ ok: false, problem: error.code ?? error.message }));
  });
}

async function waitUntilHealthy(name, url, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    const probe = await probeHealth(url);
    if (probe.ok) return;
    last = probe.problem;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not answer ${url} within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
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
