import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, restartablePostgres, type RestartablePostgres } from '@redtape/testing';
import type { RecordedEvent } from '../port/index.js';
import { newEventId, uniqueStream } from '../testing/index.js';
import { PostgresEventStore } from './postgres-event-store.js';

const events = (count: number) =>
  Array.from({ length: count }, (_, n) => ({ id: newEventId(), type: 'Survived', data: { n } }));

describe('postgres event store when the server restarts', () => {
  let server: RestartablePostgres;
  let store: PostgresEventStore;
  const warnings: Error[] = [];

  beforeAll(async () => {
    server = await restartablePostgres();
    store = await PostgresEventStore.open(server.url, { onListenerError: (error) => warnings.push(error) });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await server.dispose();
  }, 60_000);

  it('keeps a subscription going across the restart, without gaps or repeats', async () => {
    const stream = uniqueStream('restart');
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
    const following = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    await store.appendToStream(stream, events(3), 'no_stream');
    await eventually(() => received.length === 3, 10_000, 'the first events');

    await server.stop();
    await server.start();
    // The pool's old connections died with the server; the next append takes new ones.
    await eventually(
      async () => (await store.appendToStream(stream, events(3), 2n)).nextExpectedRevision === 5n,
      30_000,
      'an append after the restart',
    );
    await eventually(() => received.length >= 6, 30_000, 'the events appended after the restart');
    await subscription.close();
    await following;

    expect(received.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    expect(warnings.length).toBeGreaterThan(0);
  }, 120_000);

  it('ends every open subscription when the store closes', async () => {
    const other = await PostgresEventStore.open(server.url);
    const subscription = other.subscribeToAll();
    const drained = (async () => {
      for await (const _ of subscription) void _;
    })();
    await other.close();
    await expect(drained).resolves.toBeUndefined();
  });
});
