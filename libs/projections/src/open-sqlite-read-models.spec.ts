import { afterEach, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadModels } from './open-sqlite-read-models.js';

const directory = mkdtempSync(join(tmpdir(), 'redtape-read-models-'));
afterEach(() => rmSync(directory, { recursive: true, force: true }));

it('creates the folders of a new read-model file and opens it in WAL mode with a busy timeout', async () => {
  const file = join(directory, 'nested', 'folder', 'read-models.db');
  const db = openSqliteReadModels(file);
  try {
    const { rows: journal } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    const { rows: timeout } = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(db);
    expect(existsSync(file)).toBe(true);
    expect(journal).toEqual([{ journal_mode: 'wal' }]);
    expect(timeout[0]?.timeout).toBeGreaterThan(0);
  } finally {
    await db.destroy();
  }
});
