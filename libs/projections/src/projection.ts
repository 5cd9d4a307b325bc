import type { EventFilter, RecordedEvent } from '@redtape/event-store';
import type { Kysely, Transaction } from 'kysely';

/** A read-model database; dialect-neutral so the same projection runs on SQLite and PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- physical table names change per generation, so no static schema fits
export type ReadModels = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ReadModels
export type ReadModelTransaction = Transaction<any>;

/**
 * Maps a logical table name (what readers query, through a view) to the physical table of the
 * generation being written. Name indexes after the physical table, e.g. `${table('stats')}_by_type`,
 * so that two generations' indexes never collide.
 */
export type TableResolver = (logical: string) => string;

/**
 * A read model as a fold over the event log. `apply` must be idempotent (upserts keyed by ids), so
 * that an event delivered twice leaves the same rows.
 */
export interface Projection {
  /** Stable: it keys the checkpoint. */
  readonly name: string;
  /** Bump it whenever the rows' shape or meaning changes: the read model is then rebuilt from position 0. */
  readonly version: number;
  readonly filter?: EventFilter;
  /** Logical names of the tables this projection owns; each is a view over the current generation. */
  readonly tables: readonly string[];
  /** Creates the tables and indexes of one generation; runs inside a transaction. */
  migrate(db: ReadModels, table: TableResolver): Promise<void>;
  /** Folds one event into the rows, within the transaction that also moves the checkpoint. */
  apply(event: RecordedEvent, trx: ReadModelTransaction, table: TableResolver): Promise<void>;
}
