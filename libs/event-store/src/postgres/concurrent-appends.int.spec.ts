import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@redtape/testing';
import pg from 'pg';
import { collect, type EventStore, type RecordedEvent, type Subscription } from '../port/index.js';
import { newEventId, openTemporaryPostgresStore, uniqueStream } from '../testing/index.js';

type Opened = Awaited<ReturnType<typeof openTemporaryPostgresStore>>;

const CONNECTIONS = 4;
const WRITERS_PER_CONNECTION = 4;
const APPENDS_PER_WRITER = 60;

function follow(subscription: Subscription): { received: RecordedEvent[]; done: Promise<void> } {
  const received: RecordedEvent[] = [];
  const done = (async () => {
    for await (const event of subscription) received.push(event);
  })();
  return { received, done };
}

/**
 * Concurrent transactions commit out of order; if positions were handed out before the commit order
 * was fixed, a subscriber reading `position > checkpoint` would pass a late commit by and never see
 * it. Here many writers on several connections append at once while subscribers follow the log, and
 * every subscriber must receive exactly the log as it stands at the end: same events, same order.
 */
describe('postgres event store under concurrent appends', () => {
  let opened: Opened;
  let writers: EventStore[];

  beforeAll(async () => {
    opened = await openTemporaryPostgresStore();
    // A database whose default would make appends read from before the append lock: the store pins
    // READ COMMITTED for its own connections, so this must change nothing.
    const admin = new pg.Client({ connectionString: opened.url });
    await admin.connect();
    await admin.query(
      `ALTER DATABASE ${new URL(opened.url).pathname.slice(1)} SET default_transaction_isolation = 'repeatable read'`,
    );
    await admin.end();
    writers = await Promise.all(Array.from({ length: CONNECTIONS }, () => opened.reopen()));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(writers.map((writer) => writer.close()));
    await opened.dispose();
  });

  it('never lets a subscriber skip or repeat an event', async () => {
    const early = opened.store.subscribeToAll();
    const earlyFollower = follow(early);
    let late: ReturnType<typeof follow> | undefined;
    let lateSubscription: Subscription | undefined;
    let inFlight = 0;
    let mostInFlight = 0;

    const streams = Array.from({ length: 8 }, () => uniqueStream('race'));
    const writer = async (store: EventStore, seed: number) => {
      for (let i = 0; i < APPENDS_PER_WRITER; i++) {
        const stream = streams[(seed + i) % streams.length]!;
        const count = 1 + ((seed + i) % 3);
        const batch = Array.from({ length: count }, (_, n) => ({
          id: newEventId(),
          type: 'Raced',
          data: { seed, i, n },
        }));
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await store.appendToStream(stream, batch, 'any');
        inFlight--;
        if (seed === 0 && i === APPENDS_PER_WRITER / 2) {
          // Joins mid-race: catches up on history while the appends go on.
          lateSubscription = opened.store.subscribeToAll();
          late = follow(lateSubscription);
        }
      }
    };
    await Promise.all(
      writers.flatMap((store, c) =>
        Array.from({ length: WRITERS_PER_CONNECTION }, (_, w) =>
          writer(store, c * WRITERS_PER_CONNECTION + w),
        ),
      ),
    );

    const log = await collect(opened.store.readAll());
    const expected = log.map((event) => event.id);
    for (const follower of [earlyFollower, late!])
      await eventually(() => follower.received.length >= expected.length, 60_000, 'subscribers to catch up');
    // A moment for any repeat to arrive before comparing.
    await opened.store.appendToStream(
      uniqueStream('fence'),
      [{ id: newEventId(), type: 'Fence', data: {} }],
      'no_stream',
    );
    for (const follower of [earlyFollower, late!])
      await eventually(() => follower.received.at(-1)?.type === 'Fence', 30_000, 'the fence event');
    await early.close();
    await lateSubscription!.close();
    await Promise.all([earlyFollower.done, late!.done]);

    expect(mostInFlight).toBeGreaterThan(1);
    expect(log.length).toBeGreaterThan(CONNECTIONS * WRITERS_PER_CONNECTION * APPENDS_PER_WRITER);
    for (const follower of [earlyFollower, late!]) {
      const seen = follower.received.slice(0, -1).map((event) => event.id);
      expect(seen).toEqual(expected);
    }
    const positions = log.map((event) => event.position);
    expect(positions.every((position, i) => i === 0 || position > positions[i - 1]!)).toBe(true);
  }, 180_000);
});
