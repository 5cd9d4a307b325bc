import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import {
  openSqliteReadModels,
  ProjectionRunner,
  type Projection,
  type ReadModels,
} from '@redtape/projections';
import { RegionsMirrorQueries, regionsMirrorProjection } from '@redtape/regions-mirror';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountabilityQueries } from '../accountability-queries.js';
import { accountabilityProjection } from '../accountability.projection.js';
import { procedureOwnershipProjection } from '../procedure-ownership.projection.js';

export const WAIT_MS = 10_000;

export const READ_SIDE_PROJECTIONS: readonly Projection[] = [
  regionsMirrorProjection,
  accountabilityProjection,
  procedureOwnershipProjection,
];

/**
 * A real SQLite event store and the accountability service's real read-model database, in files of
 * their own under the OS temp folder, with a runner per projection.
 */
export class ReadModelFixture {
  readonly directory = mkdtempSync(join(tmpdir(), 'redtape-accountability-read-model-'));
  readonly store: EventStore = SqliteEventStore.open(join(this.directory, 'events.db'));
  readonly db: ReadModels = openSqliteReadModels(join(this.directory, 'read-models.db'));
  readonly queries = new AccountabilityQueries(this.db);
  readonly regions = new RegionsMirrorQueries(this.db);
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(private readonly projections: readonly Projection[] = READ_SIDE_PROJECTIONS) {}

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

  async dispose(): Promise<void> {
    for (const runner of this.runners.values()) await runner.stop();
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
