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
 * 6665–6669, …), which would hide a service that listens perfectly well there. A service that is
 * still rebuilding or catching up answers 503 with its progress.
 */
function probeHealth(url) {
  return new Promise((resolve) => {
    const request = get(url, { timeout: 2_000 }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        resolve({ ok: response.statusCode === 200, problem: `answered HTTP ${response.statusCode}`, body });
      });
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 2 s')));
    request.on('error', (error) => resolve({ ok: false, problem: error.code ?? error.message }));
  });
}

/** "procedures 120,000 / 1,000,000 (rebuilding)" for each projection still on its way. */
function describeProgress(body) {
  const progress = Array.isArray(body?.progress) ? body.progress : [];
  const parts = progress
    .filter((one) => one.phase !== 'live')
    .map((one) => {
      const done = Number(one.position ?? 0).toLocaleString('en-US');
      const target = one.target === null ? '?' : Number(one.target).toLocaleString('en-US');
      return `${one.projection} ${done} / ${target} (${one.phase})`;
    });
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * Waits until the service answers /health with 200. It gives up when the process exits, when nothing
 * listens within HEALTH_TIMEOUT_MS, or when it answers but its progress stands still that long: a
 * long catch-up or rebuild is waited for as long as it moves.
 */
async function waitUntilHealthy(name, url, child, onProgress) {
  let deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  let lastProgress;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    const probe = await probeHealth(url);
    if (probe.ok) return;
    last = probe.problem;
    const progress = describeProgress(probe.body);
    if (progress !== undefined && progress !== lastProgress) {
      lastProgress = progress;
      deadline = Date.now() + HEALTH_TIMEOUT_MS;
      onProgress?.(name, progress);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${name} did not answer ${url} within ${HEALTH_TIMEOUT_MS / 1000} s` +
      (lastProgress ? ` of its last progress (${lastProgress})` : ` (last: ${last})`),
  );
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await once(child, 'exit');
  clearTimeout(timer);
}

/**
 * Starts the regions service first (it records the reference data every other service reads), then
 * the other services and the gateway side by side, each as soon as it answers /health.
 *
 * @param {{ env?: NodeJS.ProcessEnv, output?: 'inherit' | 'pipe' | 'ignore', onProgress?: (service: string, progress: string) => void }} options
 * @returns {Promise<{ gatewayUrl: string, ports: Record<string, number>, children: import('node:child_process').ChildProcess[], stop: () => Promise<void> }>}
 */
export async function startSystem({ env = process.env, output = 'inherit', onProgress } = {}) {
  const children = [];
  const ports = {};
  const stop = async () => {
    await Promise.all([...children].reverse().map(stopChild));
  };
  const launch = async (service) => {
    const port = Number(env[service.portVariable] || service.defaultPort);
    ports[service.name] = port;
    const child = spawn(process.execPath, [service.main], {
      cwd: root,
      env: { ...env, [service.portVariable]: String(port) },
      stdio: ['ignore', output, output],
    });
    children.push(child);
    await waitUntilHealthy(service.name, `http://127.0.0.1:${port}/health`, child, onProgress);
  };
  try {
    const [first, ...others] = SERVICES;
    await launch(first);
    const started = await Promise.allSettled(others.map(launch));
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`, ports, children, stop };
}
