import type { EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { openSqliteReadModels } from '@redtape/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelayDatabase } from '../relay-tables.js';

/** A real event store and a real read-model database, in files of their own under the OS temp folder. */
export class TemporaryStores {
  readonly directory = mkdtempSync(join(tmpdir(), 'redtape-kafka-relay-stores-'));
  readonly eventsFile = join(this.directory, 'events.db');
  readonly dbFile = join(this.directory, 'read-models.db');
  readonly store: EventStore = SqliteEventStore.open(this.eventsFile);
  readonly db: RelayDatabase = openSqliteReadModels(this.dbFile);

  async dispose(): Promise<void> {
    await this.store.close();
    await this.db.destroy();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
