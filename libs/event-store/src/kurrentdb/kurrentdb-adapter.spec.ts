import { afterEach, describe, expect, it } from '@jest/globals';
import {
  BACKWARDS,
  END,
  START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import {
  DuplicateEventId,
  StreamNotFound,
  StreamRevisionConflict,
  collect,
  type NewEvent,
  type RecordedEvent,
} from '../port/index.js';
import { isTransient } from './errors.js';
import { KurrentDbEventStore, type KurrentDbClient } from './kurrentdb-event-store.js';

// The adapter against an in-memory stand-in for the client that keeps KurrentDB's documented
// semantics (expected revisions, `$all` reads inclusive from a position, subscriptions exclusive,
// server-side filters on one field, system events from projections). It checks the adapter's own
// logic here, where no server runs; the contract suite checks it against a real KurrentDB.

interface Stored {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  position: Position;
  data: unknown;
  metadata: unknown;
}

function passes(filter: Filter | undefined, event: Stored): boolean {
  if (!filter) return true;
  const value = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter
    ? filter.prefixes.some((prefix) => value.startsWith(prefix))
    : new RegExp(filter.regex).test(value);
}

const resolved = (event: Stored) => ({
  event: { ...event, isJson: true, created: new Date(0) },
});

class FakeKurrentDb {
  readonly log: Stored[] = [];
  readonly appendOptions: AppendStreamState[] = [];
  readonly subscriptionsFrom: ReadPosition[] = [];
  /** The options of every stream read, in order. */
  readonly readStreamOptions: unknown[] = [];
  /** Answer appends without a position, as some servers do. */
  appendsWithoutPosition = false;
  /** The next this many subscriptions fail to start, as the client reports a failed cluster discovery. */
  failSubscriptionSetups = 0;
  /** The next subscriptions fail after delivering this many events each (one entry per subscription). */
  failSubscriptionsAfter: number[] = [];
  private readonly live = new Set<(event: Stored) => void>();
  private nextPosition = 1_000n;

  write(streamId: string, id: string, type: string, data: unknown, metadata: unknown): Stored {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 137n;
    const event = { streamId, id, type, revision, position, data, metadata };
    this.log.push(event);
    for (const listener of this.live) listener(event);
    return event;
  }

  private current(streamId: string): bigint | undefined {
    return this.log.filter((e) => e.streamId === streamId).at(-1)?.revision;
  }

  readonly client = {
    appendToStream: async (
      streamName: string,
      events: EventData[],
      options: { streamState: AppendStreamState },
    ) => {
      const { streamState } = options;
      this.appendOptions.push(streamState);
      const current = this.current(streamName);
      const satisfied =
        streamState === 'any' ||
        (streamState === 'no_stream' && current === undefined) ||
        (streamState === 'stream_exists' && current !== undefined) ||
        (typeof streamState === 'bigint' && current === streamState);
      if (!satisfied)
        throw new WrongExpectedVersionError(undefined, {
          streamName,
          expected: streamState,
          current: current ?? 'no_stream',
        });
      const written = events.map((e) => this.write(streamName, e.id, e.type, e.data, e.metadata));
      // What the standard projections add after every append: a link in a `$` stream.
      this.write(`$ce-${streamName.split('-')[0]}`, crypto.randomUUID(), '$>', {}, {});
      const last = written.at(-1)!;
      return {
        success: true,
        nextExpectedRevision: last.revision,
        position: this.appendsWithoutPosition ? undefined : last.position,
      };
    },

    readStream: (
      streamName: string,
      options: {
        direction?: string;
        fromRevision?: ReadRevision;
        maxCount?: number | bigint;
        requiresLeader?: boolean;
      } = {},
    ) => {
      this.readStreamOptions.push(options);
      const { direction = 'forwards', fromRevision = START, maxCount = Number.MAX_SAFE_INTEGER } = options;
      const log = this.log;
      return (async function* () {
        const events = log.filter((e) => e.streamId === streamName);
        if (events.length === 0) throw new StreamNotFoundError(undefined, streamName);
        const backwards = direction === BACKWARDS;
        const ordered = backwards ? [...events].reverse() : events;
        const from = fromRevision === START || fromRevision === END ? undefined : fromRevision;
        const selected = ordered.filter((e) =>
          from === undefined ? true : backwards ? e.revision <= from : e.revision >= from,
        );
        for (const event of selected.slice(0, Number(maxCount))) yield resolved(event);
      })();
    },

    readAll: ({
      direction = 'forwards',
      fromPosition = START,
      maxCount = Number.MAX_SAFE_INTEGER,
      filter,
    }: {
      direction?: string;
      fromPosition?: ReadPosition;
      maxCount?: number | bigint;
      filter?: Filter;
    }) => {
      const log = this.log;
      return (async function* () {
        const backwards = direction === BACKWARDS;
        const ordered = backwards ? [...log].reverse() : log;
        const selected = ordered.filter((e) => {
          if (fromPosition === START || fromPosition === END) return true;
          // Forwards from a position includes the event there; backwards starts before it.
          return backwards
            ? e.position.commit < fromPosition.commit
            : e.position.commit >= fromPosition.commit;
        });
        const matching = selected.filter((e) => passes(filter, e)).slice(0, Number(maxCount));
        for (const event of matching) yield resolved(event);
      })();
    },

    subscribeToAll: ({ fromPosition = START, filter }: { fromPosition?: ReadPosition; filter?: Filter }) => {
      this.subscriptionsFrom.push(fromPosition);
      let budget = this.failSubscriptionsAfter.shift() ?? Number.POSITIVE_INFINITY;
      const stream = new PassThrough({ objectMode: true }) as PassThrough & { unsubscribe(): Promise<void> };
      let failed = false;
      if (this.failSubscriptionSetups > 0) {
        this.failSubscriptionSetups -= 1;
        // As the client's Subscription does when it cannot get a channel: a plain Error, emitted once
        // the subscription has been handed out, and the stream left open.
        queueMicrotask(() => stream.emit('error', new Error('Failed to discover after 10 attempts.')));
        return stream;
      }
      const deliver = (event: Stored) => {
        if (failed || stream.destroyed || !passes(filter, event)) return;
        if (budget-- <= 0) {
          // As the client reports a dropped connection: an 'error' event after what it already passed on.
          failed = true;
          stream.emit('error', new UnavailableError());
          return;
        }
        stream.write(resolved(event));
      };
      stream.unsubscribe = async () => void this.live.delete(deliver);
      // Exclusive: after the event at the position.
      const history = this.log.filter(
        (e) => fromPosition === START || (fromPosition !== END && e.position.commit > fromPosition.commit),
      );
      queueMicrotask(() => {
        for (const event of history) deliver(event);
        this.live.add(deliver);
      });
      return stream;
    },

    dispose: async () => undefined,
  };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let counter = 0;
const events = (count: number, type = 'Happened'): NewEvent[] =>
  Array.from({ length: count }, () => ({ id: id(++counter), type, data: { n: counter } }));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

let opened: KurrentDbEventStore[] = [];
function openOnFake(
  fake = new FakeKurrentDb(),
  transient: (error: unknown) => boolean = (error) => error instanceof UnavailableError,
) {
  const store = new KurrentDbEventStore(fake.client as unknown as KurrentDbClient, {
    isTransient: transient,
    firstDelayMs: 1,
    maxDelayMs: 5,
  });
  opened.push(store);
  return { fake, store };
}
afterEach(async () => {
  await Promise.all(opened.map((store) => store.close()));
  opened = [];
});

describe('the KurrentDB adapter (against a stand-in client)', () => {
  it('passes every expectation to the server explicitly', async () => {
    const { fake, store } = openOnFake();
    await store.appendToStream('unit-1', events(1), 'no_stream');
    await store.appendToStream('unit-1', events(1), 0n);
    await store.appendToStream('unit-1', events(1), 'stream_exists');
    await store.appendToStream('unit-1', events(1), 'any');
    expect(fake.appendOptions).toEqual(['no_stream', 0n, 'stream_exists', 'any']);
  });

  it("turns the server's refusals into revision conflicts with the actual revision", async () => {
    const { store } = openOnFake();
    await store.appendToStream('unit-1', events(2), 'no_stream');
    const exists = await rejection(store.appendToStream('unit-1', events(1), 'no_stream'));
    expect(exists).toBeInstanceOf(StreamRevisionConflict);
    expect(exists).toMatchObject({ streamId: 'unit-1', expected: 'no_stream', actual: 1n });
    const missing = await rejection(store.appendToStream('unit-2', events(1), 'stream_exists'));
    expect(missing).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it('refuses a client set not to throw on a failed append, which would report a conflict as success', async () => {
    const lenient = 'kurrentdb://127.0.0.1:2113?tls=false&throwOnAppendFailure=false';
    expect(() => KurrentDbEventStore.open(lenient)).toThrow(/throwOnAppendFailure/);
    const fake = new FakeKurrentDb();
    const client = { ...fake.client, throwOnAppendFailure: false } as unknown as KurrentDbClient;
    expect(() => new KurrentDbEventStore(client)).toThrow(/throwOnAppendFailure/);
    // The client's default, and what a connection string without the option gets.
    await KurrentDbEventStore.open('kurrentdb://127.0.0.1:2113?tls=false').close();
  });

  it('reads from the leader to recognise a retried append and to find where an append landed', async () => {
    const { fake, store } = openOnFake();
    fake.appendsWithoutPosition = true;
    await store.appendToStream('unit-1', events(1), 'no_stream');
    const written = await store.appendToStream('unit-1', events(1), 0n);
    expect(written.position).toBe(
      fake.log.find((e) => e.revision === 1n && e.streamId === 'unit-1')!.position.commit,
    );
    // Per append: the scan for known ids, then the read of the appended event's position.
    expect(fake.readStreamOptions).toHaveLength(4);
    for (const options of fake.readStreamOptions) expect(options).toMatchObject({ requiresLeader: true });
  });

  it('returns the earlier result for a retried append and writes nothing', async () => {
    const { fake, store } = openOnFake();
    await store.appendToStream('unit-1', events(1), 'no_stream');
    const batch = events(2);
    const first = await store.appendToStream('unit-1', batch, 0n);
    await store.appendToStream('unit-1', events(1), first.nextExpectedRevision);
    const written = fake.log.length;
    await expect(store.appendToStream('unit-1', batch, 0n)).resolves.toEqual(first);
    await expect(store.appendToStream('unit-1', batch, 'any')).resolves.toEqual(first);
    expect(fake.log).toHaveLength(written);
  });

  it('refuses known ids at another point of the stream, writing nothing', async () => {
    const { fake, store } = openOnFake();
    const batch = events(2);
    await store.appendToStream('unit-1', batch, 'no_stream');
    await store.appendToStream('unit-1', events(1), 1n);
    const written = fake.log.length;
    await expect(store.appendToStream('unit-1', batch, 2n)).rejects.toBeInstanceOf(DuplicateEventId);
    expect(fake.log).toHaveLength(written);
  });

  it('reads a stream both ways and refuses one that does not exist', async () => {
    const { store } = openOnFake();
    await store.appendToStream('unit-1', events(6), 'no_stream');
    const backwards = await collect(
      store.readStream('unit-1', { direction: 'backwards', fromRevision: 4n, maxCount: 2 }),
    );
    expect(backwards.map((e) => e.revision)).toEqual([4n, 3n]);
    const all = await collect(store.readStream('unit-1'));
    expect(all.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    expect(all[2]).toMatchObject({ streamId: 'unit-1', type: 'Happened', metadata: {} });
    await expect(collect(store.readStream('unit-2'))).rejects.toBeInstanceOf(StreamNotFound);
  });

  it('reads the global log after a position, filtered on both parts, across pages', async () => {
    const { store } = openOnFake();
    for (let i = 0; i < 3; i++) {
      await store.appendToStream('procedure-1', events(300, i === 1 ? 'Abolished' : 'Registered'), 'any');
      await store.appendToStream('unit-1', events(10, 'Abolished'), 'any');
    }
    const abolished = await collect(
      store.readAll({ filter: { streamPrefixes: ['procedure-'], eventTypes: ['Abolished'] } }),
    );
    expect(abolished).toHaveLength(300);
    expect(abolished.every((e) => e.streamId === 'procedure-1' && e.type === 'Abolished')).toBe(true);

    const procedures = await collect(store.readAll({ filter: { streamPrefixes: ['procedure-'] } }));
    expect(procedures.map((e) => e.revision)).toEqual(Array.from({ length: 900 }, (_, i) => BigInt(i)));
    const after = await collect(
      store.readAll({
        after: procedures[599]!.position,
        filter: { streamPrefixes: ['procedure-'] },
        maxCount: 2,
      }),
    );
    expect(after.map((e) => e.revision)).toEqual([600n, 601n]);

    const everything = await collect(store.readAll());
    expect(everything).toHaveLength(930);
    expect(everything.some((e) => e.streamId.startsWith('$'))).toBe(false);
  });

  it('reports the newest event of its own as the head, past the system events after it', async () => {
    const { fake, store } = openOnFake();
    expect(await store.headPosition()).toBeUndefined();
    const result = await store.appendToStream('unit-1', events(1), 'no_stream');
    expect(fake.log.at(-1)!.streamId).toBe('$ce-unit');
    expect(await store.headPosition()).toBe(result.position);
    // System streams whose types the server-side filter lets through: found and passed over here.
    fake.write('$stats-127.0.0.1:2113', crypto.randomUUID(), 'StatsCollected', {}, {});
    fake.write('$stats-127.0.0.1:2113', crypto.randomUUID(), 'StatsCollected', {}, {});
    expect(await store.headPosition()).toBe(result.position);
  });

  it('delivers history and live events, resubscribing after dropped connections without gaps or duplicates', async () => {
    const { fake, store } = openOnFake();
    await store.appendToStream('unit-1', events(5), 'no_stream');
    fake.failSubscriptionsAfter = [3, 4];
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['unit-'] } });
    const delivered: RecordedEvent[] = [];
    const iterator = subscription[Symbol.asyncIterator]();
    const take = async (count: number) => {
      for (let i = 0; i < count; i++) delivered.push((await iterator.next()).value as RecordedEvent);
    };
    await take(5);
    await store.appendToStream('unit-1', events(5), 4n);
    await take(5);
    await subscription.close();
    expect(delivered.map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
    // Three subscriptions: the first two dropped; each resumed exactly at the last delivered event.
    expect(fake.subscriptionsFrom).toEqual(
      [START, delivered[2]!.position, delivered[6]!.position].map((position) =>
        typeof position === 'bigint' ? { commit: position, prepare: position } : position,
      ),
    );
  });

  it('subscribes again when a subscription fails to start because the cluster could not be discovered', async () => {
    const { fake, store } = openOnFake(new FakeKurrentDb(), isTransient);
    await store.appendToStream('unit-1', events(2), 'no_stream');
    fake.failSubscriptionSetups = 2;
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['unit-'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const first = await iterator.next();
    const second = await iterator.next();
    await subscription.close();
    expect([first.value, second.value].map((e) => (e as RecordedEvent).revision)).toEqual([0n, 1n]);
    expect(fake.subscriptionsFrom).toEqual([START, START, START]);
  });
});
