import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEventStore, type EventStore, type RecordedEvent } from '@redtape/event-store';
import { eventByEvent, openPostgresReadModels, type ReadModels } from '@redtape/projections';
import { eventually, temporaryPostgresDatabase, type TemporaryDatabase } from '@redtape/testing';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { ProjectionsHost } from './projections-host.js';

const LOCK = 'redtape.projections.host-spec';
const SCHEMA = 'host_spec';

/** Counts events per stream: enough to see whether a replica folded every event exactly once. */
const countsPerStream = eventByEvent({
  name: 'counts',
  version: 1,
  filter: { streamPrefixes: ['counted-'] },
  tables: ['counts'],
  async migrate(db, table) {
    await db.schema
      .createTable(table('counts'))
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('events', 'integer', (c) => c.notNull())
      .execute();
  },
  async apply(event: RecordedEvent, trx, table) {
    await trx
      .insertInto(table('counts'))
      .values({ stream_id: event.streamId, events: Number(event.revision) + 1 })
      .onConflict((c) => c.column('stream_id').doUpdateSet({ events: Number(event.revision) + 1 }))
      .execute();
  },
});

async function countOf(db: ReadModels, stream: string): Promise<number | undefined> {
  const row = (await db
    .selectFrom('counts')
    .select('events')
    .where('stream_id', '=', stream)
    .executeTakeFirst()) as { events: number } | undefined;
  return row?.events;
}

describe('replicas sharing PostgreSQL read models', () => {
  let database: TemporaryDatabase;
  let store: EventStore;
  const opened: ReadModels[] = [];
  const hosts: ProjectionsHost[] = [];
  const logger = pino({ level: 'silent' });

  async function replica(): Promise<{ host: ProjectionsHost; db: ReadModels }> {
    const db = await openPostgresReadModels(database.url, SCHEMA);
    opened.push(db);
    const host = new ProjectionsHost(store, db, [countsPerStream], logger, LOCK);
    hosts.push(host);
    return { host, db };
  }

  async function append(stream: string, count: number) {
    const events = Array.from({ length: count }, () => ({ id: randomUUID(), type: 'Counted', data: {} }));
    return store.appendToStream(stream, events, 'any');
  }

  beforeAll(async () => {
    database = await temporaryPostgresDatabase();
    store = await openEventStore({ kind: 'postgres', url: database.url });
  }, 120_000);

  afterAll(async () => {
    for (const host of hosts) await host.stop();
    for (const db of opened) await db.destroy();
    await store.close();
    await database.drop();
  });

  it('lets one replica write, the other wait on its checkpoints, and hands over when the writer goes', async () => {
    const a = await replica();
    const b = await replica();
    await a.host.start();
    await b.host.start();
    expect([a.host.active, b.host.active]).toEqual([true, false]);

    const stream = `counted-${randomUUID()}`;
    const first = await append(stream, 3);
    await b.host.waitFor(first.position);
    expect(await countOf(b.db, stream)).toBe(3);

    // The writer stops and frees the lock: the standby takes over and folds what follows.
    await a.host.stop();
    await eventually(() => b.host.active, 10_000, 'the standby to take over');
    const second = await append(stream, 2);
    await b.host.waitFor(second.position);
    expect(await countOf(b.db, stream)).toBe(5);
  });

  it('hands over when the writer’s connection dies, as when its process is killed', async () => {
    const c = await replica();
    await c.host.start();
    const writer = hosts.find((host) => host.active)!;
    expect(c.host.active).toBe(false);

    // Ends every session holding the lock: the server frees an advisory lock with its session.
    await opened[0]!.executeQuery(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw admin query
      (await import('kysely')).sql<any>`
        SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objid = hashtext(${LOCK})::oid`.compile(opened[0]!),
    );
    await eventually(() => c.host.active && !writer.active, 15_000, 'the standby to take over');

    const stream = `counted-${randomUUID()}`;
    const appended = await append(stream, 4);
    await c.host.waitFor(appended.position);
    expect(await countOf(c.db, stream)).toBe(4);
  });

  it('steps down when a projection fails, and resumes from the stored checkpoint after a pause', async () => {
    let refusals = 0;
    const flaky = eventByEvent({
      ...countsPerStream,
      name: 'flaky-counts',
      tables: ['flaky_counts'],
      migrate: (db, table) => countsPerStream.migrate(db, (logical) => table(`flaky_${logical}`)),
      async apply(event, trx, table) {
        if (event.type === 'Poison' && refusals++ === 0) throw new Error('refused once');
        await countsPerStream.apply(event, trx, (logical) => table(`flaky_${logical}`));
      },
    });

    const db = await openPostgresReadModels(database.url, 'flaky_host');
    opened.push(db);
    const host = new ProjectionsHost(store, db, [flaky], logger, 'redtape.projections.flaky');
    hosts.push(host);
    await host.start();
    expect(host.active).toBe(true);

    const stream = `counted-${randomUUID()}`;
    const poisoned = await store.appendToStream(
      stream,
      [{ id: randomUUID(), type: 'Poison', data: {} }],
      'no_stream',
    );
    await eventually(() => host.status === 'recovering', 10_000, 'the host to step down');
    await host.waitFor(poisoned.position);

    expect(refusals).toBe(2);
    expect(host.status).toBe('running');
    const row = (await db
      .selectFrom('flaky_counts')
      .select('events')
      .where('stream_id', '=', stream)
      .executeTakeFirst()) as { events: number } | undefined;
    expect(row?.events).toBe(1);
  });
});
