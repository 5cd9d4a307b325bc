import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';

eventStoreContract('sqlite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'redtape-sqlite-'));
  const file = join(directory, 'events.db');
  const store = SqliteEventStore.open(file);
  return {
    store,
    connection: { kind: 'sqlite', file },
    reopen: async () => SqliteEventStore.open(file),
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});
