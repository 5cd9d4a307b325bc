import type { EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { temporaryPostgresDatabase, type TemporaryDatabase } from '@redtape/testing';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresReadModels } from '../open-postgres-read-models.js';
import { openSqliteReadModels } from '../open-sqlite-read-models.js';
import type { ReadModels } from '../projection.js';

/** Every read-model database the projections run on; suites run once per kind. */
export const READ_MODEL_KINDS = ['sqlite', 'postgres'] as const;
export type ReadModelKind = (typeof READ_MODEL_KINDS)[number];

const MAIN_SCHEMA = 'read_models';

/**
 * A real event store (SQLite, in a temp folder) and a real read-model database of the given kind:
 * a SQLite file next to it, or a database of its own on a real PostgreSQL server.
 */
export class TemporaryStores {
  readonly directory = mkdtempSync(join(tmpdir(), 'redtape-projections-'));
  readonly eventsFile = join(this.directory, 'events.db');
  store: EventStore = SqliteEventStore.open(this.eventsFile);
  db!: ReadModels;
  private readonly others: ReadModels[] = [];

  private constructor(
    readonly kind: ReadModelKind,
    private readonly postgres?: TemporaryDatabase,
  ) {}

  static async create(kind: ReadModelKind = 'sqlite'): Promise<TemporaryStores> {
    const postgres = kind === 'postgres' ? await temporaryPostgresDatabase() : undefined;
    const stores = new TemporaryStores(kind, postgres);
    stores.db = await stores.openReadModels(MAIN_SCHEMA);
    return stores;
  }

  /** Closes both and opens them again, as after a restart. */
  async reopen(): Promise<void> {
    await this.close();
    this.store = SqliteEventStore.open(this.eventsFile);
    this.db = await this.openReadModels(MAIN_SCHEMA);
  }

  /** Another read-model database beside the first (a schema of its own on PostgreSQL), for comparing two runs. */
  async openOtherReadModels(name: string): Promise<ReadModels> {
    const db = await this.openReadModels(name);
    this.others.push(db);
    return db;
  }

  async dispose(): Promise<void> {
    await this.close();
    await Promise.all(this.others.map((db) => db.destroy()));
    await this.postgres?.drop();
    rmSync(this.directory, { recursive: true, force: true });
  }

  private openReadModels(name: string): Promise<ReadModels> | ReadModels {
    if (this.postgres) return openPostgresReadModels(this.postgres.url, name);
    return openSqliteReadModels(join(this.directory, 'read-models', `${name}.db`));
  }

  private async close(): Promise<void> {
    await this.store.close();
    await this.db.destroy();
  }
}

export interface SchemaObject {
  type: 'table' | 'index' | 'view';
  name: string;
  /** The view's query; what else the database reports about the object differs between kinds. */
  sql: string | null;
}

/** The tables, declared indexes and views whose names start with `prefix`, in the read models' own schema. */
export async function schemaObjects(
  db: ReadModels,
  kind: ReadModelKind,
  prefix: string,
): Promise<SchemaObject[]> {
  if (kind === 'sqlite') {
    const { rows } = await sql<SchemaObject>`
      SELECT type, name, sql FROM sqlite_master
      WHERE substr(name, 1, ${prefix.length}) = ${prefix}
      ORDER BY type, name`.execute(db);
    return rows;
  }
  const { rows } = await sql<SchemaObject>`
    SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'i' THEN 'index' ELSE 'view' END AS type,
           c.relname AS name,
           CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid) END AS sql
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i', 'v')
      AND starts_with(c.relname, ${prefix})
      -- Only the indexes a projection declares; SQLite does not list its primary keys' either.
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
    ORDER BY 1, 2`.execute(db);
  return rows;
}
