import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect, type RecordedEvent } from '@redtape/event-store';
import { eventually } from '@redtape/testing';
import { readCheckpoint } from './checkpoints.js';
import {
  ProjectionApplyFailed,
  ProjectionCheckpointMoved,
  ProjectionLagTimeout,
  ProjectionStopped,
} from './errors.js';
import { physicalTable } from './generation-tables.js';
import { projectEvents } from './project-events.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { appendEvents } from './testing/append-events.js';
import {
  FOLLOWED_PREFIX,
  readStreamStats,
  streamStatsProjection,
} from './testing/stream-stats.projection.js';
import { READ_MODEL_KINDS, TemporaryStores, type ReadModelKind } from './testing/temporary-stores.js';

describe.each(READ_MODEL_KINDS)('on %s read models', (kind: ReadModelKind) => {
  const WAIT_MS = 5000;

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

  function runnerFor(projection: Projection): ProjectionRunner {
    const runner = new ProjectionRunner({ store: stores.store, db: stores.db, projection });
    runners.push(runner);
    return runner;
  }

  /** Positions 1 to 5 of a fresh store; position 3 is in a stream the projection does not follow. */
  async function appendHistory() {
    const first = await appendEvents(stores.store, 'procedure-1', 'ProcedureRegistered', 'RequirementAdded');
    await appendEvents(stores.store, 'official-1', 'OfficialAppointed');
    const second = await appendEvents(stores.store, 'procedure-2', 'ProcedureRegistered');
    const fee = await appendEvents(stores.store, 'procedure-1', 'FeeChanged');
    return { ids: [...first.ids, ...second.ids, ...fee.ids], position: fee.position };
  }

  const expectedStats = [
    { stream_id: 'procedure-1', event_count: 3, last_type: 'FeeChanged', last_revision: 2 },
    { stream_id: 'procedure-2', event_count: 1, last_type: 'ProcedureRegistered', last_revision: 0 },
  ];

  function expectedEvents(ids: string[]) {
    return [
      { event_id: ids[0], stream_id: 'procedure-1', revision: 0, type: 'ProcedureRegistered', position: 1 },
      { event_id: ids[1], stream_id: 'procedure-1', revision: 1, type: 'RequirementAdded', position: 2 },
      { event_id: ids[2], stream_id: 'procedure-2', revision: 0, type: 'ProcedureRegistered', position: 4 },
      { event_id: ids[3], stream_id: 'procedure-1', revision: 2, type: 'FeeChanged', position: 5 },
    ];
  }

  async function followedEvents(): Promise<RecordedEvent[]> {
    return collect(stores.store.readAll({ filter: { streamPrefixes: [FOLLOWED_PREFIX] } }));
  }

  describe('ProjectionRunner', () => {
    it('folds the events appended while it runs into the expected rows, leaving out the streams it does not follow', async () => {
      const runner = runnerFor(streamStatsProjection());
      await runner.start();
      const { ids } = await appendHistory();

      await eventually(
        async () =>
          expect(await readStreamStats(stores.db)).toEqual({
            stats: expectedStats,
            events: expectedEvents(ids),
          }),
        WAIT_MS,
        'the rows of the five events',
      );
      expect(await readCheckpoint(stores.db, 'stream-stats')).toEqual({
        position: 5n,
        version: 1,
        generation: 1,
      });
      expect(runner.status).toBe('running');
    });

    it('leaves the same rows when the projection folds an event a second time', async () => {
      const runner = runnerFor(streamStatsProjection());
      await runner.start();
      const { position } = await appendHistory();
      await runner.waitForPosition(position, WAIT_MS);
      await runner.stop();
      const once = await readStreamStats(stores.db);

      const projection = streamStatsProjection();
      const table = (logical: string) => physicalTable(logical, 1);
      await stores.db.transaction().execute(async (trx) => {
        for (const event of await followedEvents()) await projection.apply(event, trx, table);
      });

      expect(await readStreamStats(stores.db)).toEqual(once);
    });

    it('skips events at or before its checkpoint, so a redelivery changes nothing', async () => {
      const applied: string[] = [];
      const projection = streamStatsProjection({ onApply: (event) => applied.push(event.id) });
      const runner = runnerFor(projection);
      await runner.start();
      const { position } = await appendHistory();
      await runner.waitForPosition(position, WAIT_MS);
      await runner.stop();
      const before = await readStreamStats(stores.db);
      const checkpoint = await readCheckpoint(stores.db, projection.name);
      const appliedBefore = [...applied];

      const after = await projectEvents(
        stores.db,
        projection,
        checkpoint!,
        await followedEvents(),
        new Date(),
      );

      expect(after).toEqual(checkpoint);
      expect(await readCheckpoint(stores.db, projection.name)).toEqual(checkpoint);
      expect(await readStreamStats(stores.db)).toEqual(before);
      expect(applied).toEqual(appliedBefore);
    });

    it('refuses, writing nothing, a batch from a replica whose checkpoint another replica has moved on', async () => {
      const applied: string[] = [];
      const projection = streamStatsProjection({ onApply: (event) => applied.push(event.id) });
      const runner = runnerFor(projection);
      await runner.start();
      const { position } = await appendHistory();
      await runner.waitForPosition(position, WAIT_MS);
      await runner.stop();
      const before = await readStreamStats(stores.db);
      const stored = await readCheckpoint(stores.db, projection.name);
      const appliedBefore = [...applied];
      const lagging = { ...stored!, position: 2n };

      await expect(
        projectEvents(stores.db, projection, lagging, await followedEvents(), new Date()),
      ).rejects.toThrow(ProjectionCheckpointMoved);

      expect(await readCheckpoint(stores.db, projection.name)).toEqual(stored);
      expect(await readStreamStats(stores.db)).toEqual(before);
      expect(applied).toEqual(appliedBefore);
    });

    it('writes neither the rows nor the checkpoint of an event whose apply throws, then stops and reports why', async () => {
      const projection = streamStatsProjection({ failOn: (event) => event.type === 'FeeChanged' });
      const runner = runnerFor(projection);
      await runner.start();
      const registered = await appendEvents(stores.store, 'procedure-1', 'ProcedureRegistered');
      await runner.waitForPosition(registered.position, WAIT_MS);

      const fee = await appendEvents(stores.store, 'procedure-1', 'FeeChanged');
      const later = await appendEvents(stores.store, 'procedure-2', 'ProcedureRegistered');

      await expect(runner.done).rejects.toThrow(ProjectionApplyFailed);
      expect(runner.status).toBe('failed');
      const error = runner.lastError as ProjectionApplyFailed;
      expect(error).toBeInstanceOf(ProjectionApplyFailed);
      expect(error.position).toBe(fee.position);
      expect(error.eventId).toBe(fee.ids[0]);
      expect(error.message).toContain('refused to project FeeChanged');
      expect(await readCheckpoint(stores.db, projection.name)).toEqual({
        position: registered.position,
        version: 1,
        generation: 1,
      });
      expect(await readStreamStats(stores.db)).toEqual({
        stats: [
          { stream_id: 'procedure-1', event_count: 1, last_type: 'ProcedureRegistered', last_revision: 0 },
        ],
        events: [
          {
            event_id: registered.ids[0],
            stream_id: 'procedure-1',
            revision: 0,
            type: 'ProcedureRegistered',
            position: Number(registered.position),
          },
        ],
      });
      await expect(runner.waitForPosition(later.position, WAIT_MS)).rejects.toThrow(ProjectionStopped);
    });

    it('resumes from its checkpoint after a restart, folding no event twice', async () => {
      const appliedBeforeRestart: string[] = [];
      const first = runnerFor(
        streamStatsProjection({ onApply: (event) => appliedBeforeRestart.push(event.id) }),
      );
      await first.start();
      const before = await appendEvents(
        stores.store,
        'procedure-1',
        'ProcedureRegistered',
        'RequirementAdded',
      );
      await first.waitForPosition(before.position, WAIT_MS);
      await first.stop();

      await stores.reopen();
      const appliedAfterRestart: string[] = [];
      const second = runnerFor(
        streamStatsProjection({ onApply: (event) => appliedAfterRestart.push(event.id) }),
      );
      await second.start();
      await appendEvents(stores.store, 'official-1', 'OfficialAppointed');
      const after = await appendEvents(stores.store, 'procedure-2', 'ProcedureRegistered');
      const fee = await appendEvents(stores.store, 'procedure-1', 'FeeChanged');

      const ids = [...before.ids, ...after.ids, ...fee.ids];
      await eventually(
        async () =>
          expect(await readStreamStats(stores.db)).toEqual({
            stats: expectedStats,
            events: expectedEvents(ids),
          }),
        WAIT_MS,
        'the rows of the events from before and after the restart',
      );
      expect(appliedBeforeRestart).toEqual(before.ids);
      expect(appliedAfterRestart).toEqual([...after.ids, ...fee.ids]);
      expect(second.checkpoint).toEqual({ position: fee.position, version: 1, generation: 1 });
    });

    describe('waitForPosition', () => {
      it('resolves once the read model holds an event just appended', async () => {
        const runner = runnerFor(streamStatsProjection());
        await runner.start();
        const { position } = await appendEvents(stores.store, 'procedure-1', 'ProcedureRegistered');

        await runner.waitForPosition(position, WAIT_MS);

        const { stats } = await readStreamStats(stores.db);
        expect(stats).toEqual([
          { stream_id: 'procedure-1', event_count: 1, last_type: 'ProcedureRegistered', last_revision: 0 },
        ]);
      });

      it('resolves for an event of a stream the projection does not follow', async () => {
        const runner = runnerFor(streamStatsProjection());
        await runner.start();
        await appendEvents(stores.store, 'procedure-1', 'ProcedureRegistered');
        const { position } = await appendEvents(stores.store, 'official-1', 'OfficialAppointed');

        await expect(runner.waitForPosition(position, WAIT_MS)).resolves.toBeUndefined();
      });

      it('rejects with a clear error when the position is not reached in time', async () => {
        const runner = runnerFor(streamStatsProjection());
        await runner.start();
        const { position } = await appendEvents(stores.store, 'procedure-1', 'ProcedureRegistered');
        await runner.waitForPosition(position, WAIT_MS);

        const waiting = runner.waitForPosition(position + 10n, 50);

        await expect(waiting).rejects.toThrow(ProjectionLagTimeout);
        await expect(waiting).rejects.toThrow(
          `projection "stream-stats" did not reach position ${position + 10n} within 50 ms (its checkpoint is at position ${position})`,
        );
      });

      it('rejects the waiters when the runner stops', async () => {
        const runner = runnerFor(streamStatsProjection());
        await runner.start();

        const waiting = runner.waitForPosition(100n, WAIT_MS);
        await runner.stop();

        await expect(waiting).rejects.toThrow(ProjectionStopped);
      });
    });
  });
});
