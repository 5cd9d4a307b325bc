#!/usr/bin/env node
/**
 * `npm start`: builds the workspace, starts every service and the gateway on the embedded default
 * (SQLite under ./data or REDTAPE_DATA_DIR, no servers needed), prints the GraphQL URL and one
 * development token per role, and stops everything cleanly on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { startSystem } from './launcher.mjs';

const env = { ...process.env, REDTAPE_DATA_DIR: resolve(process.env.REDTAPE_DATA_DIR || 'data') };

if (!process.argv.includes('--no-build')) {
  process.stdout.write('building…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// A long history takes a while to fold into fresh read models: say how far each service has got, at
// most every two seconds a service, instead of waiting silently.
const lastShown = new Map();
const onProgress = (service, progress) => {
  if (Date.now() - (lastShown.get(service) ?? 0) < 2_000) return;
  lastShown.set(service, Date.now());
  process.stdout.write(`${service}: ${progress}\n`);
};

const system = await startSystem({ env, onProgress }).catch((error) => {
  process.stderr.write(`redtape did not start: ${error.message}\n`);
  process.exit(1);
});

const { authConfigFromEnv, developmentTokens } = await import('@redtape/auth');
const auth = authConfigFromEnv(env, { dataDir: env.REDTAPE_DATA_DIR });
const tokens = auth.signingSecret ? await developmentTokens(auth.signingSecret) : undefined;

const lines = [
  '',
  `redtape is running: GraphQL at ${system.gatewayUrl}`,
  `data: ${env.REDTAPE_DATA_DIR}`,
  '',
  ...(tokens
    ? [
        'Development tokens (send as "Authorization: Bearer <token>"; no token = public reads only):',
        ...Object.entries(tokens).map(([role, token]) => `  ${role.padEnd(8)} ${token}`),
        'More: npm run token -- --role official --unit district/nookat',
      ]
    : ['Tokens come from your identity provider (REDTAPE_JWKS_URL).']),
  '',
  'Ctrl-C stops everything.',
  '',
];
process.stdout.write(lines.join('\n'));

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nstopping…\n');
  await system.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
for (const child of system.children)
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `a service stopped unexpectedly (code ${code}, signal ${signal}); stopping the rest\n`,
    );
    void shutdown(1);
  });
