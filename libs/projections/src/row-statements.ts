import { CompiledQuery, SqliteAdapter } from 'kysely';
import type { ReadModelTransaction } from './projection.js';

/**
 * The multi-row INSERTs of `insertRows` and `upsertRows`, written as SQL text once per shape
 * (table, columns, number of rows, what a conflict does) and run with the rows' values as a flat list
 * of parameters. Through Kysely's builder every value of every row became an operation node, frozen,
 * visited and compiled again for each statement: 9 % of the audit trail's catch-up, plus the garbage.
 * The text is the one Kysely wrote (quoted names, `?` or `$n`), so SQLite's prepared statements and
 * PostgreSQL see the same statements as before.
 */

/** What a row whose key is taken already does: nothing, or overwrite the row's other columns. */
export type OnConflict = 'nothing' | 'update';

// Statements of as many shapes as a service's projections write: a few per table and chunk size.
const MOST_STATEMENTS = 256;
const statements = new Map<string, string>();

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function statementText(
  sqlite: boolean,
  table: string,
  columns: readonly string[],
  rows: number,
  key: readonly string[],
  onConflict: OnConflict,
): string {
  let parameter = 0;
  const tuple = () => `(${columns.map(() => (sqlite ? '?' : `$${++parameter}`)).join(', ')})`;
  const tuples = Array.from({ length: rows }, tuple).join(', ');
  const updated = columns.filter((column) => !key.includes(column));
  const action =
    onConflict === 'nothing' || updated.length === 0
      ? 'do nothing'
      : `do update set ${updated.map((column) => `${quoted(column)} = "excluded".${quoted(column)}`).join(', ')}`;
  return (
    `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${tuples} ` +
    `on conflict (${key.map(quoted).join(', ')}) ${action}`
  );
}

function cachedText(...shape: Parameters<typeof statementText>): string {
  const id = JSON.stringify(shape);
  let text = statements.get(id);
  if (text === undefined) {
    if (statements.size >= MOST_STATEMENTS) statements.clear();
    text = statementText(...shape);
    statements.set(id, text);
  }
  return text;
}

/**
 * Inserts `rows` (objects with at least `columns`; a missing value is NULL) in one statement. The
 * caller keeps the number of parameters within what the database accepts.
 */
export async function insertStatement(
  trx: ReadModelTransaction,
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  key: readonly string[],
  onConflict: OnConflict,
): Promise<void> {
  const sqlite = trx.getExecutor().adapter instanceof SqliteAdapter;
  const parameters: unknown[] = [];
  for (const row of rows)
    for (const column of columns) parameters.push((row as Record<string, unknown>)[column] ?? null);
  const text = cachedText(sqlite, table, columns, rows.length, key, onConflict);
  await trx.executeQuery(CompiledQuery.raw(text, parameters));
}
