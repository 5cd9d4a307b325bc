import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import type { BenchResults } from './results.js';

/** Writes the results under reports/bench/ and returns the file's path. */
export function writeReport(results: BenchResults): string {
  const folder = join(repoRoot, 'reports', 'bench');
  mkdirSync(folder, { recursive: true });
  // Colons are not allowed in file names on every system.
  const stamp = results.environment.date.replaceAll(':', '-');
  const file = join(folder, `event-store-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
