import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import type { Environment } from './environment.js';

/** Writes the results under reports/bench/<name>-<date>.json and returns the file's path. */
export function writeReport(name: string, results: { readonly environment: Environment }): string {
  const folder = join(repoRoot, 'reports', 'bench');
  mkdirSync(folder, { recursive: true });
  // Colons are not allowed in file names on every system.
  const stamp = results.environment.date.replaceAll(':', '-');
  const file = join(folder, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
