import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { openSqliteReadModels, ProjectionRunner, type ReadModels } from '@redtape/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegionsMirrorQueries } from '../regions-mirror-queries.js';
import { regionsMirrorProjection } from '../regions-mirror.projection.js';

const WAIT_MS = 10_000;

/** A real SQLite event store and read-model database, in files of their own, with the mirror's runner. */
export class MirrorFixture {
  readonly directory = mkdtempSync(join(tmpdir(), 'redtape-regions-mirror-'));
  readonly store: EventStore = SqliteEventStore.open(join(this.directory, 'events.db'));
  readonly db: ReadModels = openSqliteReadModels(join(this.directory, 'read-models.db'));
  readonly regions = new RegionsMirrorQueries(this.db);
  readonly runner = new ProjectionRunner({
    store: this.store,
    db: this.db,
    projection: regionsMirrorProjection,
  });

  start(): Promise<void> {
    return this.runner.start();
  }

  /** Resolves once the mirror reflects the log up to `position` (its head when omitted). */
  async caughtUp(position?: GlobalPosition): Promise<void> {
    const target = position ?? (await this.store.headPosition());
    if (target !== undefined) await this.runner.waitForPosition(target, WAIT_MS);
  }

  async dispose(): Promise<void> {
    await this.runner.stop();
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
