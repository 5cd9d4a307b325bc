import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Migration } from 'kysely';
import { CHECKPOINT_TABLE, ensureCheckpointTable, readCheckpoint, writeCheckpoint } from './checkpoints.js';
import { migrateComponent } from './migrations.js';
import { READ_MODEL_KINDS, TemporaryStores, type ReadModelKind } from './testing/temporary-stores.js';

describe.each(READ_MODEL_KINDS)('versioned migrations on %s read models', (kind: ReadModelKind) => {
  let stores: TemporaryStores;
  beforeEach(async () => {
    stores = await TemporaryStores.create(kind);
  });
  afterEach(async () => stores.dispose());

  it('applies each migration once, across restarts, and a new one on the next start', async () => {
    const applied: string[] = [];
    const migration = (name: string): Migration => ({
      async up(db) {
        applied.push(name);
        await db.schema.createTable(name).addColumn('id', 'text').execute();
      },
    });
    const first = { '0001_a': migration('widgets') };
    await migrateComponent(stores.db, 'widget', first);
    await stores.reopen();
    await migrateComponent(stores.db, 'widget', first);
    expect(applied).toEqual(['widgets']);

    await migrateComponent(stores.db, 'widget', { ...first, '0002_b': migration('gadgets') });
    expect(applied).toEqual(['widgets', 'gadgets']);
  });

  it('adopts the checkpoint table of a database made before migrations were versioned, keeping its rows', async () => {
    await stores.db.schema
      .createTable(CHECKPOINT_TABLE)
      .addColumn('name', 'text', (column) => column.primaryKey())
      .addColumn('position', 'bigint')
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('generation', 'integer', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    const kept = { position: 42n, version: 3, generation: 2 };
    await writeCheckpoint(stores.db, 'kept', kept, new Date());

    await ensureCheckpointTable(stores.db);

    expect(await readCheckpoint(stores.db, 'kept')).toEqual(kept);
  });
});
