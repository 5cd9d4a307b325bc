import { SqliteEventStore } from '@redtape/event-store/sqlite';
import type { KgAdminUnitsDataset } from '@redtape/regions-domain';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../paths.js';
import {
  GENERATOR_VERSION,
  HistoryGenerator,
  type HistoryManifest,
  type ProgressListener,
} from './generator.js';

export interface CachedHistory {
  /** The pristine store: copy it before starting anything on it. */
  readonly file: string;
  readonly manifest: HistoryManifest;
  /** False when this call generated it. */
  readonly reused: boolean;
}

export interface HistoryRequest {
  readonly events: number;
  readonly seed: string;
  /** Where generated stores are kept, one folder per size, seed and generator version. */
  readonly cacheDir: string;
  /** Where the store is written while it is generated (a RAM file system makes fsync free). */
  readonly scratchDir?: string;
}

export function readReferenceDataset(): KgAdminUnitsDataset {
  const file = join(repoRoot, 'apps', 'regions', 'reference-data', 'kg-admin-units.json');
  return JSON.parse(readFileSync(file, 'utf8')) as KgAdminUnitsDataset;
}

export function historyKey(events: number, seed: string): string {
  return `sqlite-${events}-seed-${seed.replace(/[^A-Za-z0-9_.-]/g, '_')}-v${GENERATOR_VERSION}`;
}

/**
 * A folder on a RAM file system with room for the store, when there is one: the history is written
 * there (fsync costs nothing, so the real adapter appends at the speed of its own code) and copied to
 * the cache once complete. A generation that dies leaves no half store in the cache.
 */
function scratchFolder(request: HistoryRequest): string {
  const wanted = request.scratchDir ?? (existsSync('/dev/shm') ? '/dev/shm' : request.cacheDir);
  const estimatedBytes = request.events * 1200;
  try {
    const stats = statfsSync(wanted);
    if (stats.bavail * stats.bsize > estimatedBytes * 2) return mkdtempSync(join(wanted, 'redtape-history-'));
  } catch {
    // An unusable scratch folder: write in the cache folder itself.
  }
  mkdirSync(request.cacheDir, { recursive: true });
  return mkdtempSync(join(request.cacheDir, 'generating-'));
}

/** The cached store for this size and seed, generated first if the cache has none. */
export async function cachedHistory(
  request: HistoryRequest,
  onProgress?: ProgressListener,
): Promise<CachedHistory> {
  const folder = resolve(request.cacheDir, historyKey(request.events, request.seed));
  const file = join(folder, 'events.db');
  const manifestFile = join(folder, 'manifest.json');
  if (existsSync(manifestFile) && existsSync(file))
    return {
      file,
      manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as HistoryManifest,
      reused: true,
    };

  const scratch = scratchFolder(request);
  try {
    const scratchFile = join(scratch, 'events.db');
    const store = SqliteEventStore.open(scratchFile);
    let manifest: HistoryManifest;
    try {
      manifest = await new HistoryGenerator(store, request, onProgress).run(readReferenceDataset());
    } finally {
      // Closing the last connection checkpoints the WAL into the file.
      await store.close();
    }
    mkdirSync(folder, { recursive: true });
    copyFileSync(scratchFile, `${file}.partial`);
    renameSync(`${file}.partial`, file);
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return { file, manifest, reused: false };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
