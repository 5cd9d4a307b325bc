import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { GlobalPosition } from '@redtape/event-store';
import { claimRebuild, readCheckpoint } from './checkpoints.js';
import { ProjectionRebuildSuperseded, ProjectionVersionAhead } from './errors.js';
import type { Projection, ReadModels } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { appendEvents } from './testing/append-events.js';
import { readStreamStats, streamStatsProjection } from './testing/stream-stats.projection.js';
import {
  READ_MODEL_KINDS,
  TemporaryStores,
  schemaObjects,
  type ReadModelKind,
} from './testing/temporary-stores.js';

describe.each(READ_MODEL_KINDS)('on %s read models', (kind: ReadModelKind) => {
  const WAIT_MS = 5000;
  const EVENT_TYPES = ['ProcedureRegistered', 'RequirementAdded', 'FeeChanged', 'DecisionTimeChanged'];

  let stores: TemporaryStores;
  let runners: ProjectionRunner[];

  beforeEach(async () => {
    stores = await TemporaryStores.create(kind);
    runners = [];
  });

  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    await stores.dispose();
  });

  function runnerFor(projection: Projection, db: ReadModels = stores.db): ProjectionRunner {
    // Small batches, so that both the live run and the replay span several transactions.
    const runner = new ProjectionRunner({ store: stores.store, db, projection, batchSize: 3 });
    runners.push(runner);
    return runner;
  }

  /** `count` single-event appends spread over a few followed streams and one that is not followed. */
  async function appendMany(count: number, offset = 0): Promise<GlobalPosition> {
    let position = 0n;
    for (let i = offset; i < offset + count; i += 1) {
      const stream = i % 5 === 4 ? `official-${i % 2}` : `procedure-${i % 3}`;
      ({ position } = await appendEvents(stores.store, stream, EVENT_TYPES[i % EVENT_TYPES.length]!));
    }
    return position;
  }

  async function namesAndViews(db: ReadModels) {
    const objects = await schemaObjects(db, stores.kind, 'stream_');
    return {
      names: objects.map((object) => `${object.type} ${object.name}`),
      views: Object.fromEntries(
        objects.filter((object) => object.type === 'view').map((object) => [object.name, object.sql]),
      ),
    };
  }

  describe('rebuilding a projection', () => {
    it('creates generation 1 of its tables, and views over them, on first start', async () => {
      const runner = runnerFor(streamStatsProjection());
      await runner.start();

      expect(runner.checkpoint).toEqual({ position: undefined, version: 1, generation: 1 });
      const { names, views } = await namesAndViews(stores.db);
      expect(names).toEqual([
        'index stream_events__g1_by_stream',
        'index stream_stats__g1_by_last_type',
        'table stream_events__g1',
        'table stream_stats__g1',
        'view stream_events',
        'view stream_stats',
      ]);
      expect(views['stream_events']).toMatch(/\bstream_events__g1\b/);
      expect(views['stream_stats']).toMatch(/\bstream_stats__g1\b/);
    });

    it('gives exactly the rows of the live run when it rebuilds from position 0', async () => {
      const runner = runnerFor(streamStatsProjection());
      await runner.start();
      const last = await appendMany(40);
      await runner.waitForPosition(last, WAIT_MS);
      const live = await readStreamStats(stores.db);
      expect(live.events).toHaveLength(32);

      await runner.rebuild();

      expect(await readStreamStats(stores.db)).toEqual(live);
      expect(runner.checkpoint).toEqual({ position: 39n, version: 1, generation: 2 });
      expect(await readCheckpoint(stores.db, 'stream-stats')).toEqual(runner.checkpoint);
      const { names, views } = await namesAndViews(stores.db);
      expect(names.filter((name) => name.includes('__g1'))).toEqual([]);
      expect(views['stream_stats']).toMatch(/\bstream_stats__g2\b/);
    });

    it('keeps the events appended during a rebuild, and goes on live on the new generation', async () => {
      let rebuildBegan = false;
      let appendedDuringReplay: Promise<GlobalPosition> | undefined;
      const projection = streamStatsProjection({
        onApply: () => {
          // The first apply after the rebuild began is the replay's: append while it replays.
          if (rebuildBegan) appendedDuringReplay ??= appendMany(15, 30);
        },
      });
      const runner = runnerFor(projection);
      await runner.start();
      await runner.waitForPosition(await appendMany(30), WAIT_MS);

      rebuildBegan = true;
      await runner.rebuild();
      expect(appendedDuringReplay).toBeDefined();
      await appendedDuringReplay;
      const last = await appendMany(5, 45);
      await runner.waitForPosition(last, WAIT_MS);

      const fromZeroDb = await stores.openOtherReadModels('from_zero');
      const fromZero = new ProjectionRunner({
        store: stores.store,
        db: fromZeroDb,
        projection: streamStatsProjection(),
      });
      await fromZero.start();
      await fromZero.waitForPosition(last, WAIT_MS);
      await fromZero.stop();
      expect(await readStreamStats(stores.db)).toEqual(await readStreamStats(fromZeroDb));
      expect(runner.checkpoint).toMatchObject({ generation: 2 });
      expect((await readStreamStats(stores.db)).events).toHaveLength(40);
    });

    it('rebuilds on start when the stored checkpoint has another version, and points the views at the new generation', async () => {
      const first = runnerFor(streamStatsProjection({ version: 1 }));
      await first.start();
      const last = await appendMany(12);
      await first.waitForPosition(last, WAIT_MS);
      await first.stop();
      const rowsOfVersion1 = await readStreamStats(stores.db);

      const second = runnerFor(streamStatsProjection({ version: 2 }));
      await second.start();

      expect(second.checkpoint).toEqual({ position: 12n, version: 2, generation: 2 });
      expect(await readCheckpoint(stores.db, 'stream-stats')).toEqual(second.checkpoint);
      const { names, views } = await namesAndViews(stores.db);
      expect(names).toEqual([
        'index stream_events__g2_by_stream',
        'index stream_stats__g2_by_last_type',
        'table stream_events__g2',
        'table stream_stats__g2',
        'view stream_events',
        'view stream_stats',
      ]);
      expect(views['stream_events']).toMatch(/\bstream_events__g2\b/);
      expect(views['stream_stats']).toMatch(/\bstream_stats__g2\b/);
      expect(await readStreamStats(stores.db)).toEqual(rowsOfVersion1);
    });
    it('stops, writing nothing more, when another replica claims the same rebuild, and the old generation keeps serving', async () => {
      let intrusion: Promise<void> | undefined;
      let rebuildBegan = false;
      const projection = streamStatsProjection({
        onApply: () => {
          // Not awaited: the claim takes its turn after this replay transaction commits.
          if (rebuildBegan)
            intrusion ??= claimRebuild(
              stores.db,
              'stream-stats',
              'another-replica',
              { generation: 2, version: 1, position: undefined },
              new Date(),
            );
        },
      });
      const runner = runnerFor(projection);
      await runner.start();
      await runner.waitForPosition(await appendMany(30), WAIT_MS);
      const before = await readStreamStats(stores.db);

      rebuildBegan = true;
      await expect(runner.rebuild()).rejects.toBeInstanceOf(ProjectionRebuildSuperseded);
      await intrusion;

      expect(await readCheckpoint(stores.db, 'stream-stats')).toMatchObject({ generation: 1 });
      const { views } = await namesAndViews(stores.db);
      expect(views['stream_stats']).toMatch(/\bstream_stats__g1\b/);
      expect(await readStreamStats(stores.db)).toEqual(before);
    });

    it('resumes a rebuild stopped half-way from its last batch, and ends with the rows of a whole one', async () => {
      const first = runnerFor(streamStatsProjection({ version: 1 }));
      await first.start();
      await first.waitForPosition(await appendMany(30), WAIT_MS);
      await first.stop();
      const rows = await readStreamStats(stores.db);

      // Version 2 rebuilds; it is stopped once a few batches of the replay have committed.
      let applied = 0;
      const interrupted = runnerFor(
        streamStatsProjection({ version: 2, onApply: () => void (++applied === 7 && interrupted.stop()) }),
      );
      await interrupted.start().catch(() => undefined);
      expect(await readCheckpoint(stores.db, 'stream-stats')).toMatchObject({ version: 1, generation: 1 });
      const replayedBefore = applied;

      const seen: string[] = [];
      const resumed = runnerFor(
        streamStatsProjection({ version: 2, onApply: (event) => seen.push(event.id) }),
      );
      await resumed.start();

      expect(await readCheckpoint(stores.db, 'stream-stats')).toMatchObject({ version: 2, generation: 2 });
      expect(await readStreamStats(stores.db)).toEqual(rows);
      const followed = (await readStreamStats(stores.db)).events.length;
      expect(replayedBefore).toBeGreaterThan(0);
      expect(seen.length).toBeLessThan(followed);
    });

    it('refuses to start on a read model a newer version of the projection wrote, leaving it as it is', async () => {
      const newer = runnerFor(streamStatsProjection({ version: 3 }));
      await newer.start();
      await newer.waitForPosition(await appendMany(6), WAIT_MS);
      await newer.stop();
      const rows = await readStreamStats(stores.db);

      const older = runnerFor(streamStatsProjection({ version: 2 }));
      await expect(older.start()).rejects.toBeInstanceOf(ProjectionVersionAhead);

      expect(await readCheckpoint(stores.db, 'stream-stats')).toMatchObject({ version: 3, generation: 1 });
      expect(await readStreamStats(stores.db)).toEqual(rows);
    });
  });
});
