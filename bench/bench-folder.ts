import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './paths.js';

/**
 * A fresh folder for this run's database files, under REDTAPE_BENCH_DIR when set (to measure another
 * disk) or else under the repository's git-ignored tmp/bench/.
 */
export function createBenchFolder(): string {
  const parent = resolve(process.env['REDTAPE_BENCH_DIR'] ?? join(repoRoot, 'tmp', 'bench'));
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'run-'));
}

export function removeBenchFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
