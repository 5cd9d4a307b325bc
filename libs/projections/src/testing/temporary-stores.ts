import type { EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadModels } from '../open-sqlite-read-models.js';
import type { ReadModels } from '../projection.js';

/** A real event store and a real read-model database, in files of their own under the OS temp folder. */
export class TemporaryStores {
  readonly directory = mkdtempSync(join(tmpdir(), 'redtape-projections-'));
  readonly eventsFile = join(this.directory, 'events.db');
  readonly readModelsFile = join(this.directory, 'read-models', 'read-models.db');
  store: EventStore = SqliteEventStore.open(this.eventsFile);
  db: ReadModels = openSqliteReadModels(this.readModelsFile);

  /** Closes both and opens them again from their files, as after a restart. */
  async reopen(): Promise<void> {
    await this.close();
    this.store = SqliteEventStore.open(this.eventsFile);
    this.db = openSqliteReadModels(this.readModelsFile);
  }

  /** Another read-model database, next to the first, for comparing two runs. */
  openOtherReadModels(name: string): ReadModels {
    return openSqliteReadModels(join(this.directory, 'read-models', `${name}.db`));
  }

  async dispose(): Promise<void> {
    await this.close();
    rmSync(this.directory, { recursive: true, force: true });
  }

  private async close(): Promise<void> {
    await this.store.close();
    await this.db.destroy();
  }
}

export interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** The SQLite schema objects (tables, indexes, views) whose names start with `prefix`. */
export async function schemaObjects(db: ReadModels, prefix: string): Promise<SchemaObject[]> {
  const { rows } = await sql<SchemaObject>`
    SELECT type, name, sql FROM sqlite_master
    WHERE substr(name, 1, ${prefix.length}) = ${prefix}
    ORDER BY type, name`.execute(db);
  return rows;
}
