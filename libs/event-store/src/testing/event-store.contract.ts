import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DuplicateEventId,
  EventStoreError,
  InvalidEvent,
  InvalidStreamName,
  StreamNotFound,
  StreamRevisionConflict,
  collect,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../port/index.js';
import type { EventStoreConnection } from '../open-event-store.js';
import { raceWritersInSeparateProcesses } from './separate-process-writers.js';
import { newEventId, uniqueStream } from './unique.js';

export interface OpenedStore {
  readonly store: EventStore;
  /** Serializable address of the same storage, for other connections and other processes. */
  readonly connection: EventStoreConnection;
  /** A new, independent connection to the same storage, as after a restart. */
  reopen(): Promise<EventStore>;
  dispose(): Promise<void>;
}

const event = (type = 'SomethingHappened', data: NewEvent['data'] = {}): NewEvent => ({
  id: newEventId(),
  type,
  data,
});
const events = (count: number, type = 'SomethingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, i) => event(type, { n: i }));

async function readStream(
  store: EventStore,
  streamId: string,
  options?: Parameters<EventStore['readStream']>[1],
) {
  return collect(store.readStream(streamId, options));
}

async function takeFrom(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to be refused, but it succeeded');
}

/**
 * The behaviour every event-store adapter must show. Run it from each adapter's spec with a function
 * that opens the adapter on real storage; streams are unique per test, so the storage may be shared.
 */
/** Where adapters truly differ, the suite says so instead of hiding it. */
export interface StoreCapabilities {
  /**
   * A subscription's pages say the log was read up to its head, past events the filter leaves out
   * (SQLite, PostgreSQL). KurrentDB's server-side subscription reports only the events it sends.
   */
  readonly pagesReadToHead: boolean;
}

export function eventStoreContract(
  name: string,
  open: () => Promise<OpenedStore>,
  capabilities: StoreCapabilities = { pagesReadToHead: true },
): void {
  describe(`${name} event store (contract)`, () => {
    let opened: OpenedStore;
    let store: EventStore;

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => opened.dispose());

    describe('expected revision', () => {
      it('creates a stream with no_stream and numbers its events from revision 0', async () => {
        const stream = uniqueStream();
        const result = await store.appendToStream(stream, events(3), 'no_stream');
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await readStream(store, stream);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read[2]!.position).toBe(result.position);
      });

      it('refuses no_stream when the stream exists, reporting the actual revision', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(2), 'no_stream');
        const error = await rejection(store.appendToStream(stream, events(1), 'no_stream'));
        expect(error).toBeInstanceOf(StreamRevisionConflict);
        expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1n });
      });

      it('refuses stream_exists for a missing stream and accepts it for an existing one', async () => {
        const stream = uniqueStream();
        const error = await rejection(store.appendToStream(stream, events(1), 'stream_exists'));
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(error).toBeInstanceOf(StreamRevisionConflict);
        await store.appendToStream(stream, events(1), 'no_stream');
        await expect(store.appendToStream(stream, events(1), 'stream_exists')).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
      });

      it('accepts the exact current revision and refuses a stale one', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(2), 'no_stream');
        await expect(store.appendToStream(stream, events(1), 1n)).resolves.toMatchObject({
          nextExpectedRevision: 2n,
        });
        const error = await rejection(store.appendToStream(stream, events(1), 1n));
        expect(error).toBeInstanceOf(StreamRevisionConflict);
        expect(error).toMatchObject({ expected: 1n, actual: 2n });
        const tooFar = await rejection(store.appendToStream(stream, events(1), 7n));
        expect(tooFar).toMatchObject({ expected: 7n, actual: 2n });
      });

      it('refuses an exact revision for a stream that does not exist', async () => {
        const error = await rejection(store.appendToStream(uniqueStream(), events(1), 0n));
        expect(error).toBeInstanceOf(StreamRevisionConflict);
        expect(error).toMatchObject({ actual: 'no_stream' });
      });

      it('appends with any whether or not the stream exists', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(1), 'any');
        await expect(store.appendToStream(stream, events(1), 'any')).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
      });

      it('leaves the stream untouched when an append is refused', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(1), 'no_stream');
        await rejection(store.appendToStream(stream, events(3), 5n));
        expect(await readStream(store, stream)).toHaveLength(1);
      });
    });

    describe('concurrent writers', () => {
      it('lets exactly one of several connections win the same expected revision', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(1), 'no_stream');
        const connections = await Promise.all([1, 2, 3, 4].map(() => opened.reopen()));
        try {
          const outcomes = await Promise.allSettled(
            connections.map((connection) => connection.appendToStream(stream, events(1), 0n)),
          );
          expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
          for (const refused of outcomes.filter((o) => o.status === 'rejected')) {
            expect(refused.reason).toBeInstanceOf(StreamRevisionConflict);
            expect(refused.reason).toMatchObject({ expected: 0n, actual: 1n });
          }
        } finally {
          await Promise.all(connections.map((connection) => connection.close()));
        }
        expect(await readStream(store, stream)).toHaveLength(2);
      });

      it('keeps each of many appends sent at once on one connection to its own check and its own result', async () => {
        const streams = Array.from({ length: 8 }, () => uniqueStream('together'));
        const [contested, ...fresh] = streams as [string, ...string[]];
        await store.appendToStream(contested, events(1), 'no_stream');
        const [winner, loser, ...others] = await Promise.allSettled([
          store.appendToStream(contested, events(1), 0n),
          store.appendToStream(contested, events(1), 0n),
          ...fresh.map((stream) => store.appendToStream(stream, events(2), 'no_stream')),
        ]);
        expect(winner).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
        expect(loser).toMatchObject({ status: 'rejected', reason: expect.any(StreamRevisionConflict) });
        for (const outcome of others)
          expect(outcome).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
        expect(await readStream(store, contested)).toHaveLength(2);
        for (const stream of fresh) expect(await readStream(store, stream)).toHaveLength(2);
      });

      it('lets exactly one of several OS processes win the same expected revision', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(1), 'no_stream');
        const writers = [newEventId(), newEventId(), newEventId(), newEventId()];
        const outcomes = await raceWritersInSeparateProcesses(opened.connection, stream, 0n, writers);
        expect(outcomes.filter((o) => o.outcome === 'appended')).toEqual([
          { outcome: 'appended', revision: '1' },
        ]);
        const refused = outcomes.filter((o) => o.outcome === 'refused');
        expect(refused).toHaveLength(writers.length - 1);
        for (const outcome of refused)
          expect(outcome).toEqual({ outcome: 'refused', code: 'STREAM_REVISION_CONFLICT', actual: '1' });
        const stored = await readStream(store, stream);
        expect(stored).toHaveLength(2);
        expect(writers).toContain(stored[1]!.id);
      }, 60_000);
    });

    describe('idempotent appends', () => {
      it('appends nothing when the same events are appended again at the same point', async () => {
        const stream = uniqueStream();
        const batch = events(3);
        const first = await store.appendToStream(stream, batch, 'no_stream');
        const again = await store.appendToStream(stream, batch, 'no_stream');
        expect(again).toEqual(first);
        expect(await readStream(store, stream)).toHaveLength(3);
      });

      it('recognises a retried append after later events and across a restart', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(1), 'no_stream');
        const batch = events(2);
        const first = await store.appendToStream(stream, batch, 0n);
        const restarted = await opened.reopen();
        try {
          await restarted.appendToStream(stream, events(1), first.nextExpectedRevision);
          await expect(restarted.appendToStream(stream, batch, 0n)).resolves.toEqual(first);
          await expect(restarted.appendToStream(stream, batch, 'any')).resolves.toEqual(first);
        } finally {
          await restarted.close();
        }
        expect(await readStream(store, stream)).toHaveLength(4);
      });

      it('refuses, rather than duplicates, known event ids offered at another point of the stream', async () => {
        const stream = uniqueStream();
        const batch = events(2);
        await store.appendToStream(stream, batch, 'no_stream');
        await store.appendToStream(stream, events(1), 1n);
        const error = await rejection(store.appendToStream(stream, batch, 2n));
        expect(error).toBeInstanceOf(EventStoreError);
        expect([DuplicateEventId, StreamRevisionConflict].some((type) => error instanceof type)).toBe(true);
        expect(await readStream(store, stream)).toHaveLength(3);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards and backwards from a revision, up to a count', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(10), 'no_stream');
        const forwards = await readStream(store, stream, { fromRevision: 3n, maxCount: 4 });
        expect(forwards.map((e) => e.data['n'])).toEqual([3, 4, 5, 6]);
        const backwards = await readStream(store, stream, {
          direction: 'backwards',
          fromRevision: 5n,
          maxCount: 3,
        });
        expect(backwards.map((e) => e.revision)).toEqual([5n, 4n, 3n]);
        const lastTwo = await readStream(store, stream, { direction: 'backwards', maxCount: 2 });
        expect(lastTwo.map((e) => e.revision)).toEqual([9n, 8n]);
      });

      it('keeps type, data, metadata and the time it was recorded', async () => {
        const stream = uniqueStream();
        const before = Date.now();
        const written: NewEvent = {
          id: newEventId(),
          type: 'DecisionTimeChanged',
          data: { from: 30, to: 15, note: 'Тюп — Tüp', nested: { list: [1, 'two', null, true] } },
          metadata: { actor: { id: 'u-1', role: 'cabinet' }, reason: 'pilot' },
        };
        await store.appendToStream(stream, [written], 'no_stream');
        const [read] = await readStream(store, stream);
        expect(read).toMatchObject({
          id: written.id,
          type: written.type,
          data: written.data,
          metadata: written.metadata,
        });
        expect(read!.streamId).toBe(stream);
        expect(read!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(read!.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('throws StreamNotFound for a stream that has no events', async () => {
        await expect(readStream(store, uniqueStream())).rejects.toBeInstanceOf(StreamNotFound);
      });

      it('reads a 10,000-event stream in both directions', async () => {
        const stream = uniqueStream('long');
        let expected: bigint | 'no_stream' = 'no_stream';
        for (let batch = 0; batch < 20; batch++) {
          const result = await store.appendToStream(stream, events(500), expected);
          expected = result.nextExpectedRevision;
        }
        const forwards = await readStream(store, stream);
        expect(forwards).toHaveLength(10_000);
        expect(forwards.every((e, i) => e.revision === BigInt(i))).toBe(true);
        const backwards = await readStream(store, stream, { direction: 'backwards' });
        expect(backwards).toHaveLength(10_000);
        expect(backwards.every((e, i) => e.revision === BigInt(9_999 - i))).toBe(true);
        // Across pages of the global log too, where positions must order as numbers (10 after 9).
        const global = await collect(store.readAll({ filter: { streamPrefixes: [stream] } }));
        expect(global.map((e) => e.revision)).toEqual(forwards.map((e) => e.revision));
        expect(global.every((e, i) => i === 0 || e.position > global[i - 1]!.position)).toBe(true);
      }, 120_000);
    });

    describe('refusing malformed input', () => {
      it.each([
        ['an empty name', ''],
        ['a system stream name', '$all'],
        ['white space', 'procedure 1'],
        ['a control character', 'procedure-\u0000'],
        ['an over-long name', `p-${'x'.repeat(300)}`],
      ])('refuses %s as a stream name', async (_what, streamId) => {
        await expect(store.appendToStream(streamId, events(1), 'any')).rejects.toBeInstanceOf(
          InvalidStreamName,
        );
      });

      it.each([
        ['no events', []],
        ['an id that is not a UUID', [{ id: 'x', type: 'A', data: {} }]],
        ['a type with spaces', [{ id: newEventId(), type: 'Something happened', data: {} }]],
        [
          'data that is not an object',
          [{ id: newEventId(), type: 'A', data: [] as unknown as NewEvent['data'] }],
        ],
        [
          'data that is not JSON',
          [{ id: newEventId(), type: 'A', data: { at: new Date() } as unknown as NewEvent['data'] }],
        ],
        [
          'the same id twice',
          (() => {
            const id = newEventId();
            return [
              { id, type: 'A', data: {} },
              { id, type: 'B', data: {} },
            ];
          })(),
        ],
      ])('refuses %s and stores nothing', async (_what, batch) => {
        const stream = uniqueStream();
        await expect(store.appendToStream(stream, batch as NewEvent[], 'any')).rejects.toBeInstanceOf(
          InvalidEvent,
        );
        await expect(readStream(store, stream)).rejects.toBeInstanceOf(StreamNotFound);
      });
    });

    describe('the global log', () => {
      it('orders events across streams as they were appended', async () => {
        const prefix = uniqueStream('global');
        const order: string[] = [];
        for (let round = 0; round < 3; round++) {
          for (const name of ['a', 'b', 'c']) {
            const e = event('Tick', { round, name });
            order.push(e.id);
            await store.appendToStream(`${prefix}-${name}`, [e], 'any');
          }
        }
        const read = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(read.map((e) => e.id)).toEqual(order);
        for (let i = 1; i < read.length; i++) expect(read[i]!.position > read[i - 1]!.position).toBe(true);
      });

      it('filters by stream prefix, by event type, and by both', async () => {
        const prefix = uniqueStream('filter');
        await store.appendToStream(
          `${prefix}-procedure-1`,
          [event('Registered'), event('Abolished')],
          'no_stream',
        );
        await store.appendToStream(`${prefix}-unit-1`, [event('Registered'), event('Renamed')], 'no_stream');
        await store.appendToStream(`${prefix}-procedure-2`, [event('Registered')], 'no_stream');
        const types = async (filter: Parameters<EventStore['readAll']>[0]) =>
          (await collect(store.readAll(filter))).map(
            (e) => `${e.streamId.slice(prefix.length + 1)}:${e.type}`,
          );

        expect(await types({ filter: { streamPrefixes: [`${prefix}-procedure-`] } })).toEqual([
          'procedure-1:Registered',
          'procedure-1:Abolished',
          'procedure-2:Registered',
        ]);
        expect(
          await types({ filter: { streamPrefixes: [`${prefix}-procedure-`, `${prefix}-unit-`] } }),
        ).toHaveLength(5);
        expect(
          await types({ filter: { streamPrefixes: [prefix], eventTypes: ['Abolished', 'Renamed'] } }),
        ).toEqual(['procedure-1:Abolished', 'unit-1:Renamed']);
      });

      it('reads after a position, exclusively, and up to a count', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(5), 'no_stream');
        const all = await collect(store.readAll({ filter: { streamPrefixes: [stream] } }));
        const after = await collect(
          store.readAll({ after: all[1]!.position, filter: { streamPrefixes: [stream] }, maxCount: 2 }),
        );
        expect(after.map((e) => e.revision)).toEqual([2n, 3n]);
      });

      it('reports the position of the newest event as the head', async () => {
        const result = await store.appendToStream(uniqueStream(), events(1), 'no_stream');
        expect(await store.headPosition()).toBe(result.position);
      });
    });

    describe('catch-up subscriptions', () => {
      it('delivers history, then live events, in order, without gaps or duplicates', async () => {
        const prefix = uniqueStream('live');
        for (let i = 0; i < 5; i++) await store.appendToStream(`${prefix}-${i % 2}`, events(3), 'any');
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          const history = await takeFrom(iterator, 15);
          const other = await opened.reopen();
          const writes = (async () => {
            for (let i = 0; i < 10; i++)
              await (i % 2 ? other : store).appendToStream(`${prefix}-${i % 3}`, events(2), 'any');
          })();
          const live = await takeFrom(iterator, 20);
          await writes;
          await other.close();
          const delivered = [...history, ...live];
          const stored = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
          expect(delivered.map((e) => e.id)).toEqual(stored.map((e) => e.id));
          expect(new Set(delivered.map((e) => e.id)).size).toBe(35);
        } finally {
          await subscription.close();
        }
      });

      it('wakes a waiting subscriber when another connection appends', async () => {
        const stream = uniqueStream();
        const subscription = store.subscribeToAll({
          after: await store.headPosition(),
          filter: { streamPrefixes: [stream] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        const first = iterator.next();
        const other = await opened.reopen();
        try {
          const appended = event('Woken');
          await other.appendToStream(stream, [appended], 'no_stream');
          expect((await first).value).toMatchObject({ id: appended.id, streamId: stream });
        } finally {
          await other.close();
          await subscription.close();
        }
      });

      it('resumes after a restart from the checkpoint it reached', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, events(6), 'no_stream');
        const first = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
        const firstHalf = await takeFrom(first[Symbol.asyncIterator](), 3);
        await first.close();
        const checkpoint = firstHalf[2]!.position;

        const restarted = await opened.reopen();
        const resumed = restarted.subscribeToAll({ after: checkpoint, filter: { streamPrefixes: [stream] } });
        try {
          const secondHalf = await takeFrom(resumed[Symbol.asyncIterator](), 3);
          expect([...firstHalf, ...secondHalf].map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
        } finally {
          await resumed.close();
          await restarted.close();
        }
      });

      it('delivers the same events a page at a time, each page saying how far the log was read', async () => {
        const prefix = uniqueStream('paged');
        for (let i = 0; i < 4; i++) await store.appendToStream(`${prefix}-${i}`, events(3), 'no_stream');
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const pages = subscription.pages()[Symbol.asyncIterator]();
        try {
          const delivered: RecordedEvent[] = [];
          while (delivered.length < 12) {
            const page = (await pages.next()).value as { events: RecordedEvent[]; readTo?: bigint };
            delivered.push(...page.events);
            const last = delivered.at(-1);
            if (last) expect(page.readTo).toBeGreaterThanOrEqual(last.position);
          }
          const stored = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
          expect(delivered.map((e) => e.id)).toEqual(stored.map((e) => e.id));
        } finally {
          await subscription.close();
        }
      });

      if (capabilities.pagesReadToHead)
        it('tells an idle filtered subscriber that the log moved past events it does not take', async () => {
          const subscription = store.subscribeToAll({
            after: await store.headPosition(),
            filter: { streamPrefixes: [uniqueStream('quiet')] },
          });
          const pages = subscription.pages()[Symbol.asyncIterator]();
          try {
            const next = pages.next();
            const other = await store.appendToStream(uniqueStream('busy'), events(2), 'no_stream');
            const page = (await next).value as { events: RecordedEvent[]; readTo?: bigint };
            expect(page.events).toEqual([]);
            expect(page.readTo).toBeGreaterThanOrEqual(other.position);
          } finally {
            await subscription.close();
          }
        });

      it('ends the iteration when closed', async () => {
        const subscription = store.subscribeToAll({
          after: await store.headPosition(),
          filter: { streamPrefixes: [uniqueStream()] },
        });
        const pending = subscription[Symbol.asyncIterator]().next();
        await subscription.close();
        await expect(pending).resolves.toEqual({ done: true, value: undefined });
      });
    });
  });
}
