import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const recorder = fileURLToPath(new URL('../../../tools/module-probe/record-modules.mjs', import.meta.url));

/** Every module a fresh Node process loads when it imports `entry` (the built code, as `npm start` runs it). */
function modulesLoadedBy(entry: string): string[] {
  const script = `await import(${JSON.stringify(entry)}); await new Promise((done) => setTimeout(done, 200));`;
  const run = spawnSync(process.execPath, ['--import', recorder, '--input-type=module', '--eval', script], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`importing ${entry} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as string[];
}

const STORAGE =
  /node_modules\/(better-sqlite3|pg|pg-pool|kysely|kafkajs|@kurrent|@eventstore)\/|libs\/(event-store|projections|kafka-relay|service-kit)\//;

describe('the gateway process', () => {
  it('loads no database driver, query builder, Kafka client or storage library', () => {
    const loaded = modulesLoadedBy('@redtape/gateway');

    expect(loaded.some((module) => module.includes('/apps/gateway/dist/'))).toBe(true);
    expect(loaded.filter((module) => STORAGE.test(module))).toEqual([]);
  });

  it('is told apart from a subgraph, which does load them (the probe sees what it looks for)', () => {
    const loaded = modulesLoadedBy('@redtape/service-kit');

    expect(loaded.filter((module) => STORAGE.test(module)).length).toBeGreaterThan(0);
  });
});
