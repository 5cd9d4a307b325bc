import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, sql, type LogConfig } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ReadModels } from './projection.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/**
 * Opens (creating it if need be) an embedded read-model database. synchronous=NORMAL may lose the
 * last transactions on a power cut, which is safe here: the checkpoint commits with the rows, so
 * the runner simply folds those events again. `log` is told of every statement run (Kysely's `log`).
 */
export function openSqliteReadModels(file: string, options: { readonly log?: LogConfig } = {}): ReadModels {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  // Checkpoints run on a thread of their own (WalCheckpointer), not inside a commit. SQLite's own,
  // in the commit, stays as a backstop for a log the thread cannot keep up with (64 MB). The log is
  // truncated whenever it is reset, so that its size says how much is waiting for a checkpoint (and
  // it does not keep the size of its largest stretch: 54 MB beside a 117 MB file at 100k events).
  database.pragma('wal_autocheckpoint = 16384');
  database.pragma('journal_size_limit = 0');
  database.pragma('busy_timeout = 15000');
  const journalMode = database.pragma('journal_mode', { simple: true });
  if (journalMode !== 'wal') {
    database.close();
    throw new Error(`SQLite refused WAL journal mode for ${path} (got ${String(journalMode)})`);
  }
  const checkpointer = new WalCheckpointer(path, (message) =>
    process.emitWarning(`the read models in ${path} were not checkpointed: ${message}`),
  );
  return new Kysely({
    dialect: new SqliteDialect({ database: preparingOnce(database, checkpointer) }),
    ...(options.log ? { log: options.log } : {}),
  });
}

const COMPACTION_ATTEMPTS = 20;
const COMPACTION_PAUSE_MS = 50;

/**
 * Writes an embedded read model's log into its file and empties it, once a catch-up has written
 * much; nothing on PostgreSQL, whose server manages its own log. SQLite answers busy at once when
 * another checkpoint runs (the checkpointer's thread), so it tries again for a second; a log still
 * busy after that is emptied at its next reset.
 */
export async function compactReadModelLog(db: ReadModels): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  for (let attempt = 1; attempt <= COMPACTION_ATTEMPTS; attempt++) {
    const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    if (Number(rows[0]?.busy ?? 0) === 0) return;
    await new Promise((resume) => setTimeout(resume, COMPACTION_PAUSE_MS));
  }
}

/** The most distinct statements kept prepared; many more would mean SQL built with its values in it. */
const PREPARED_STATEMENTS = 500;
/**
 * And at most this much SQL text: a prepared statement holds SQLite memory in proportion to its text
 * (about half a megabyte for an INSERT or IN list of thousands of values), and a catch-up makes many
 * such statements of different lengths. Counted by statements alone, the cache grew a service's
 * memory by 100–150 MB on a large history.
 */
const PREPARED_SQL_CHARACTERS = 256 * 1024;

/**
 * The database as Kysely uses it, with each statement prepared once: Kysely prepares every query it
 * runs, and preparing costs about as much as running a small statement (16 % of a catch-up's CPU in
 * a profile). The least recently used statements go first when the cache is full.
 */
function preparingOnce(
  database: Database.Database,
  checkpointer: WalCheckpointer,
): Pick<Database.Database, 'close' | 'prepare'> {
  const prepared = new Map<string, Database.Statement>();
  let characters = 0;
  return {
    close: () => {
      void checkpointer.close();
      return database.close();
    },
    prepare(source: string) {
      let statement = prepared.get(source);
      if (statement) prepared.delete(source);
      else {
        statement = database.prepare(source);
        characters += source.length;
      }
      prepared.set(source, statement);
      while (prepared.size > PREPARED_STATEMENTS || characters > PREPARED_SQL_CHARACTERS) {
        const oldest = prepared.keys().next().value!;
        prepared.delete(oldest);
        characters -= oldest.length;
      }
      return statement;
    },
  } as Pick<Database.Database, 'close' | 'prepare'>;
}
