#!/usr/bin/env node
/**
 * `npm test`: builds the services (the end-to-end suites start them from dist/ exactly as `npm start`
 * does), runs every jest project once (ESM needs --experimental-vm-modules), then prints one plain
 * summary line. Under CI (CI=true) a skipped test fails the run unless its full name carries a
 * reason listed in ALLOWED_SKIPS: only suites whose server cannot be had on these machines may skip.
 * The PostgreSQL suites share one throwaway cluster that this script starts (infra/postgres/start.sh)
 * and deletes afterwards, unless REDTAPE_TEST_DATABASE_URL already names a server to use.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ALLOWED_SKIPS = [/\[needs KURRENTDB_URL or a Docker engine\]/];
const report = 'reports/jest/results.json';
mkdirSync('reports/jest', { recursive: true });

const require = createRequire(import.meta.url);
const build = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
  { stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error('the build failed; no test ran');
  process.exit(build.status || 1);
}

/** Starts the run's PostgreSQL cluster; returns how to stop it, or nothing when one was given. */
function startPostgres() {
  if (process.env.REDTAPE_TEST_DATABASE_URL) return undefined;
  const started = spawnSync('bash', ['infra/postgres/start.sh'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const data = /^REDTAPE_PG_DATA=(.+)$/m.exec(started.stdout ?? '')?.[1];
  const url = /^DATABASE_URL=(.+)$/m.exec(started.stdout ?? '')?.[1];
  if (started.status !== 0 || !data || !url) {
    console.error(
      'infra/postgres/start.sh could not start the PostgreSQL cluster the tests need; no test ran',
    );
    process.exit(started.status || 1);
  }
  process.env.REDTAPE_TEST_DATABASE_URL = url;
  return () => spawnSync('bash', ['infra/postgres/stop.sh', data, '--delete'], { stdio: 'inherit' });
}

const stopPostgres = startPostgres();
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    jest,
    '--json',
    `--outputFile=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
stopPostgres?.();

let results;
try {
  results = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.error(`jest wrote no results (exit ${run.status}); see its output above`);
  process.exit(run.status || 1);
}

const tests = results.testResults.flatMap((suite) => suite.assertionResults);
const skipped = tests.filter(
  (test) => test.status === 'pending' || test.status === 'skipped' || test.status === 'todo',
);
const forbiddenSkips = skipped.filter((test) => !ALLOWED_SKIPS.some((reason) => reason.test(test.fullName)));
const brokenSuites = results.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
);

for (const test of skipped) console.log(`skipped: ${test.fullName}`);
for (const suite of brokenSuites) console.log(`suite failed to run: ${suite.name}`);
console.log(
  `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped.length} skipped`,
);

if (process.env.CI === 'true' && forbiddenSkips.length > 0) {
  console.error(
    `CI runs every suite that can run here; ${forbiddenSkips.length} test(s) were skipped without an allowed reason`,
  );
  process.exit(1);
}
if (results.numTotalTests === 0) {
  console.error('no test ran');
  process.exit(1);
}
process.exit(run.status ?? 1);
