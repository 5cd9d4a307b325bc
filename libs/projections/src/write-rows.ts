import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SqliteAdapter } from 'kysely';
import type { ReadModelTransaction, ReadModels } from './projection.js';
import { insertStatement } from './row-statements.js';

/**
 * Between the statements of a large batch: SQLite answers synchronously, so without a turn of the
 * event loop a batch of thousands of events would keep /health and SIGTERM waiting until it commits.
 */
const breathe = () => yieldToEventLoop();

const ITEMS_BETWEEN_TURNS = 250;

/**
 * `items.map(each)` for the thousands of rows of a large batch (parsing stored documents, building
 * rows), giving the event loop a turn every few hundred items.
 */
export async function mapInTurns<T, R>(items: readonly T[], each: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += ITEMS_BETWEEN_TURNS) {
    if (start > 0) await breathe();
    for (const item of items.slice(start, start + ITEMS_BETWEEN_TURNS)) results.push(each(item));
  }
  return results;
}

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement, and small
// enough that building and running one statement is a short stretch of the event loop.
const MAX_PARAMETERS = 5_000;

/** Splits rows so that no statement binds more parameters than the databases accept. */
export function inChunks<T>(items: readonly T[], parametersEach = 1): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, parametersEach)));
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

type Row = object;

/** Inserts the rows, a few statements for any number of them; rows already there by `key` are left as they are. */
export async function insertRows(
  trx: ReadModelTransaction,
  table: string,
  rows: readonly Row[],
  key: readonly string[],
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  for (const chunk of inChunks(rows, columns.length)) {
    await insertStatement(trx, table, columns, chunk, key, 'nothing');
    await breathe();
  }
}

/** Inserts the rows or, where a row with the same `key` exists, overwrites its other columns. */
export async function upsertRows(
  trx: ReadModelTransaction,
  table: string,
  rows: readonly Row[],
  key: readonly string[],
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  for (const chunk of inChunks(rows, columns.length))
    await insertStatement(trx, table, columns, chunk, key, 'update');
}

/**
 * The values of an IN list, repeated up to the next power of two (at most the chunk's size): a list
 * of any length then takes one of a dozen statements, which stay prepared, where every length was a
 * statement of its own (half a megabyte of SQLite's memory each for thousands of values).
 */
function inListOf(values: readonly string[]): readonly string[] {
  let size = 8;
  while (size < values.length) size *= 2;
  size = Math.min(size, MAX_PARAMETERS);
  if (values.length >= size) return values;
  return [...values, ...new Array<string>(size - values.length).fill(values[values.length - 1]!)];
}

/** The rows of `table` whose `column` is one of `values`, a few statements for any number of them. */
export async function selectWhereIn<T>(
  trx: ReadModelTransaction,
  table: string,
  columns: readonly string[],
  column: string,
  values: readonly string[],
): Promise<T[]> {
  const rows: T[] = [];
  for (const chunk of inChunks(values))
    rows.push(
      ...((await trx
        .selectFrom(table)
        .select([...columns])
        .where(column, 'in', inListOf(chunk))
        .execute()) as T[]),
    );
  return rows;
}

/** Deletes the rows of `table` whose `column` is one of `values`. */
export async function deleteWhereIn(
  trx: ReadModelTransaction,
  table: string,
  column: string,
  values: readonly string[],
): Promise<void> {
  for (const chunk of inChunks(values)) {
    await trx.deleteFrom(table).where(column, 'in', inListOf(chunk)).execute();
    await breathe();
  }
}

/**
 * The column type of a global position that keys a table: SQLite's INTEGER PRIMARY KEY is the table's
 * own row id (64-bit, no separate index, rows kept in log order); PostgreSQL needs a bigint.
 */
export function positionKeyType(db: ReadModels): 'integer' | 'bigint' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'integer' : 'bigint';
}
