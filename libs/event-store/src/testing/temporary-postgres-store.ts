import { temporaryPostgresDatabase } from '@redtape/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import type { OpenedStore } from './event-store.contract.js';

/**
 * A PostgreSQL event store in a database of its own on a real server (the test run's, or one started
 * for this call), dropped again by `dispose`.
 */
export async function openTemporaryPostgresStore(): Promise<
  OpenedStore & { readonly store: PostgresEventStore; readonly url: string }
> {
  const database = await temporaryPostgresDatabase();
  const store = await PostgresEventStore.open(database.url);
  return {
    store,
    url: database.url,
    connection: { kind: 'postgres', url: database.url },
    reopen: () => PostgresEventStore.open(database.url),
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}
