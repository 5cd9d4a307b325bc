import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadModels } from '../open-sqlite-read-models.js';
import { ProjectionRunner } from '../projection-runner.js';
import type { Projection, ReadModels } from '../projection.js';

export const WAIT_MS = 10_000;

/**
 * A real SQLite event store and a service's real read-model database, in files of their own under the
 * OS temp folder, with a runner per projection: what a service's read-model specs start from.
 */
export class ProjectionsFixture {
  readonly directory: string;
  readonly store: EventStore;
  readonly db: ReadModels;
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly otherDatabases: ReadModels[] = [];

  constructor(
    service: string,
    private readonly projections: readonly Projection[],
  ) {
    this.directory = mkdtempSync(join(tmpdir(), `redtape-${service}-read-model-`));
    this.store = SqliteEventStore.open(join(this.directory, 'events.db'));
    this.db = openSqliteReadModels(join(this.directory, 'read-models.db'));
  }

  async start(): Promise<void> {
    for (const projection of this.projections) {
      const runner = new ProjectionRunner({ store: this.store, db: this.db, projection });
      this.runners.set(projection.name, runner);
      await runner.start();
    }
  }

  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`no runner for projection ${name}`);
    return runner;
  }

  /** Resolves once every projection reflects the log up to `position` (its head when omitted). */
  async caughtUp(position?: GlobalPosition): Promise<void> {
    const target = position ?? (await this.store.headPosition());
    if (target === undefined) return;
    for (const runner of this.runners.values()) await runner.waitForPosition(target, WAIT_MS);
  }

  /** Builds every projection afresh, from position 0, in a database of its own. */
  async buildFromZero(name: string): Promise<ReadModels> {
    const db = openSqliteReadModels(join(this.directory, `${name}.db`));
    this.otherDatabases.push(db);
    const head = await this.store.headPosition();
    for (const projection of this.projections) {
      const runner = new ProjectionRunner({ store: this.store, db, projection });
      await runner.start();
      if (head !== undefined) await runner.waitForPosition(head, WAIT_MS);
      await runner.stop();
    }
    return db;
  }

  async dispose(): Promise<void> {
    for (const runner of this.runners.values()) await runner.stop();
    for (const db of this.otherDatabases) await db.destroy();
    await this.db.destroy();
    await this.store.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Every row of a table (through its view), in the given order: what a rebuild must reproduce exactly. */
export async function tableContents(
  db: ReadModels,
  table: string,
  orderBy: readonly string[],
): Promise<Record<string, unknown>[]> {
  let query = db.selectFrom(table).selectAll();
  for (const column of orderBy) query = query.orderBy(column);
  return (await query.execute()) as Record<string, unknown>[];
}
