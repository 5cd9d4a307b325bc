import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnalyticsDb } from '../db/open-analytics-db.js';
import type { AnalyticsDb } from '../db/tables.js';

/** A real SQLite file of its own under the OS temp folder; reopen it to act as a restarted process. */
export class TemporaryDb {
  readonly directory = mkdtempSync(join(tmpdir(), 'redtape-analytics-'));
  readonly file = join(this.directory, 'analytics.db');
  private readonly opened: AnalyticsDb[] = [];

  async open(): Promise<AnalyticsDb> {
    const db = await openAnalyticsDb(this.file);
    this.opened.push(db);
    return db;
  }

  async dispose(): Promise<void> {
    for (const db of this.opened) await db.destroy();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
