import type { EventStore } from './port/index.js';

/** Where an event store lives; serializable, so that another process can open the same store. */
export type EventStoreConnection =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'kurrentdb'; readonly url: string };

/** URL schemes of the connection strings each server adapter accepts. */
export const POSTGRES_URL_PROTOCOLS: readonly string[] = ['postgres:', 'postgresql:'];
export const KURRENTDB_URL_PROTOCOLS: readonly string[] = [
  'kurrentdb:',
  'kurrentdb+discover:',
  'esdb:',
  'esdb+discover:',
];

/** Opens the configured adapter; adapters load lazily so that only the chosen client is imported. */
export async function openEventStore(connection: EventStoreConnection): Promise<EventStore> {
  switch (connection.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('./sqlite/sqlite-event-store.js');
      return SqliteEventStore.open(connection.file);
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./postgres/postgres-event-store.js');
      return PostgresEventStore.open(connection.url);
    }
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
      return KurrentDbEventStore.open(connection.url);
    }
  }
}
