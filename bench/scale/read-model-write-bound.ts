/**
 * What a projection that writes a row per event meets before any code of its own runs: plain
 * better-sqlite3 INSERTs, 5,000 per transaction, into the audit trail's own table (created by its own
 * migration, so with its very key and indexes) on a read-model database opened as the services open
 * theirs. The rows have the trail's shape and sizes: a random event id, a procedure out of a few
 * thousand, a JSON list of changed fields of about 280 bytes. Catch-up of the audit trail cannot beat
 * this figure; the gap between the two is the projection's own cost.
 */
import { openSqliteReadModels } from '@redtape/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { auditTrailProjection } from '@redtape/procedures-read-model';
import type { Step } from '../rounds.js';

const ROWS_PER_TRANSACTION = 5_000;
const PROCEDURES = 4_000;
/** The audit trail's entries table, under the name the migration below gives it. */
const TABLE = 'audit_entries_bound';

const CHANGES = JSON.stringify([
  {
    field: 'requirements.r-03d3ba0d',
    before: { requirementId: 'r-03d3ba0d', name: 'Photograph 3x4', originals: 1, copies: 1, note: null },
    after: { requirementId: 'r-03d3ba0d', name: 'Photograph 3x4', originals: 1, copies: 2, note: null },
  },
]);

export async function openAuditRowInserts(folder: string): Promise<{ insertRows: Step; close(): void }> {
  const file = join(folder, 'audit-bound.read-models.db');
  const kysely = openSqliteReadModels(file);
  await auditTrailProjection.migrate(kysely, (name) => `${name}_bound`);
  await kysely.destroy();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    `INSERT INTO ${TABLE} (position, event_id, procedure_id, unit_id, revision, event_type, occurred_at,
       recorded_at, actor_id, actor_name, actor_role, actor_unit, reason, legal_basis, command_id, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const procedures = Array.from({ length: PROCEDURES }, () => randomUUID());
  const revisions = new Array<number>(PROCEDURES).fill(0);
  let position = 0;
  const transaction = db.transaction(() => {
    for (let row = 0; row < ROWS_PER_TRANSACTION; row++) {
      position += 1;
      const procedure = position % PROCEDURES;
      const revision = (revisions[procedure] = revisions[procedure]! + 1);
      const time = new Date(Date.UTC(2026, 0, 1) + position * 1000).toISOString();
      insert.run(
        position,
        randomUUID(),
        procedures[procedure],
        `district/unit-${procedure % 50}`,
        revision,
        'RequirementChanged',
        time,
        time,
        `official:${procedures[procedure]}`,
        'Aibek Sadyrov, head of the one-stop shop',
        'official',
        `district/unit-${procedure % 50}`,
        'The copy is no longer needed: the registry is online since January',
        'Resolution of the Cabinet of Ministers No. 123 of 1 March 2026, item 4',
        randomUUID(),
        CHANGES,
      );
    }
  });
  return {
    insertRows: () => {
      transaction();
      return ROWS_PER_TRANSACTION;
    },
    close: () => db.close(),
  };
}
