import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createTables } from './create-tables.js';
import type { AnalyticsDb, AnalyticsTables } from './tables.js';

/**
 * Opens (and creates) the consumer's SQLite file. `synchronous = FULL`: the Kafka offset is
 * committed right after a transaction, so the transaction must survive a power cut too, or an event
 * acknowledged to Kafka would be lost from the counts.
 */
export async function openAnalyticsDb(file: string): Promise<AnalyticsDb> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('busy_timeout = 15000');
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<AnalyticsTables>({ dialect: new SqliteDialect({ database }) });
  try {
    await createTables(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
