import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@redtape/event-store';
import { CatchUpTurns } from './catch-up-turns.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { appendEvents } from './testing/append-events.js';
import { TemporaryStores } from './testing/temporary-stores.js';

const settled = async <T>(promise: Promise<T>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('CatchUpTurns', () => {
  const never = new Promise<void>(() => undefined);

  it('gives the turns in the order they were asked for, each once the one before has ended', async () => {
    const turns = new CatchUpTurns();
    const endFirst = await turns.take(never);
    const second = turns.take(never);
    const third = turns.take(never);

    expect(await settled(second)).toBe(false);
    endFirst();
    const endSecond = await second;
    expect(await settled(third)).toBe(false);
    endSecond();
    expect(await settled(third)).toBe(true);
  });

  it('lets a waiter that abandons go at once, without letting the ones after it jump the queue', async () => {
    const turns = new CatchUpTurns();
    const endFirst = await turns.take(never);
    let abandon: () => void = () => undefined;
    const abandoned = turns.take(new Promise<void>((resolve) => (abandon = resolve)));
    const third = turns.take(never);

    abandon();
    const endAbandoned = await abandoned;
    endAbandoned();
    expect(await settled(third)).toBe(false);
    endFirst();
    expect(await settled(third)).toBe(true);
  });
});

describe('projection runners that share CatchUpTurns', () => {
  let stores: TemporaryStores;
  let runners: ProjectionRunner[];

  beforeEach(async () => {
    stores = await TemporaryStores.create('sqlite');
    runners = [];
  });

  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    await stores.dispose();
  });

  /** Records, in `log`, each batch it folds: its name and the positions of the batch. */
  function recordingProjection(name: string, log: string[]): Projection {
    return {
      name,
      version: 1,
      tables: [`${name}_seen`],
      async migrate(db, table) {
        await db.schema
          .createTable(table(`${name}_seen`))
          .addColumn('position', 'integer', (column) => column.primaryKey())
          .execute();
      },
      async applyBatch(events: readonly RecordedEvent[], trx, table) {
        log.push(`${name} ${events[0]!.position}-${events.at(-1)!.position}`);
        await trx
          .insertInto(table(`${name}_seen`))
          .values(events.map((event) => ({ position: Number(event.position) })))
          .execute();
      },
    };
  }

  it('rebuild one after another: the second folds nothing until the first has caught up', async () => {
    for (let stream = 0; stream < 6; stream++)
      await appendEvents(stores.store, `procedure-${stream}`, 'Registered', 'Changed');
    const log: string[] = [];
    const catchUpTurns = new CatchUpTurns();
    const [first, second] = ['first', 'second'].map((name) => {
      const runner = new ProjectionRunner({
        store: stores.store,
        db: stores.db,
        projection: recordingProjection(name, log),
        batchSize: 4,
        catchUpTurns,
      });
      runners.push(runner);
      return runner;
    });

    await Promise.all([first!.start(), second!.start()]);
    await Promise.all([first!.caughtUp, second!.caughtUp]);

    expect(log).toEqual(['first 1-4', 'first 5-8', 'first 9-12', 'second 1-4', 'second 5-8', 'second 9-12']);
  });

  it('let a runner asked to stop while it waits for its turn stop at once', async () => {
    await appendEvents(stores.store, 'procedure-1', 'Registered');
    const catchUpTurns = new CatchUpTurns();
    const holdsTheTurn = await catchUpTurns.take(new Promise<void>(() => undefined));
    const waiting = new ProjectionRunner({
      store: stores.store,
      db: stores.db,
      projection: recordingProjection('waiting', []),
      catchUpTurns,
    });
    runners.push(waiting);
    void waiting.start();
    await waiting.accepted;

    expect(waiting.progress.phase).toBe('waiting');
    await waiting.stop();
    expect(waiting.status).toBe('stopped');
    holdsTheTurn();
  });
});
