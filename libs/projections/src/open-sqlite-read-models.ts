import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ReadModels } from './projection.js';

/**
 * Opens (creating it if need be) an embedded read-model database. synchronous=NORMAL may lose the
 * last transactions on a power cut, which is safe here: the checkpoint commits with the rows, so
 * the runner simply folds those events again.
 */
export function openSqliteReadModels(file: string): ReadModels {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 15000');
  const journalMode = database.pragma('journal_mode', { simple: true });
  if (journalMode !== 'wal') {
    database.close();
    throw new Error(`SQLite refused WAL journal mode for ${path} (got ${String(journalMode)})`);
  }
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}
