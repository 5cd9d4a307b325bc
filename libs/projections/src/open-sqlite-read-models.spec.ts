import { afterEach, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactReadModelLog, openSqliteReadModels } from './open-sqlite-read-models.js';

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

it('empties the log of a read model once it is written into the file', async () => {
  const file = join(directory, 'compacted.db');
  const db = openSqliteReadModels(file);
  try {
    await sql`CREATE TABLE filler (body TEXT)`.execute(db);
    for (let i = 0; i < 50; i++) await sql`INSERT INTO filler VALUES (${'x'.repeat(10_000)})`.execute(db);
    const before = statSync(`${file}-wal`).size;
    await compactReadModelLog(db);
    expect(before).toBeGreaterThan(500_000);
    expect(statSync(`${file}-wal`).size).toBe(0);
    const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM filler`.execute(db);
    expect(rows).toEqual([{ count: 50 }]);
  } finally {
    await db.destroy();
  }
});

it('copies a growing log into the file from a thread of its own, without waiting for a commit to do it', async () => {
  const file = join(directory, 'checkpointed.db');
  const db = openSqliteReadModels(file);
  try {
    await sql`CREATE TABLE filler (body TEXT)`.execute(db);
    const fileBefore = statSync(file).size;
    await db.transaction().execute(async (transaction) => {
      for (let i = 0; i < 600; i++)
        await sql`INSERT INTO filler VALUES (${'x'.repeat(10_000)})`.execute(transaction);
    });
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < 5_000_000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fileBefore).toBeLessThan(100_000);
    expect(statSync(file).size).toBeGreaterThan(5_000_000);
  } finally {
    await db.destroy();
  }
});
