import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import type { OpenedStore } from './event-store.contract.js';

/** A SQLite event store in a fresh temporary folder, removed again by `dispose`. */
export function openTemporarySqliteStore(): OpenedStore & {
  readonly store: SqliteEventStore;
  readonly directory: string;
} {
  const directory = mkdtempSync(join(tmpdir(), 'redtape-events-'));
  const file = join(directory, 'events.db');
  const store = SqliteEventStore.open(file);
  return {
    store,
    directory,
    connection: { kind: 'sqlite', file },
    reopen: async () => SqliteEventStore.open(file),
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
