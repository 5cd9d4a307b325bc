import type { EventFilter, RecordedEvent } from '@redtape/event-store';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ProjectionApplyFailed } from './errors.js';
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

/** What every projection declares about itself and its tables. */
export interface ProjectionShape {
  /** Stable: it keys the checkpoint. */
  readonly name: string;
  /** Bump it whenever the rows' shape or meaning changes: the read model is then rebuilt from position 0. */
  readonly version: number;
  readonly filter?: EventFilter;
  /** Logical names of the tables this projection owns; each is a view over the current generation. */
  readonly tables: readonly string[];
  /** Creates the tables and indexes of one generation; runs inside a transaction. */
  migrate(db: ReadModels, table: TableResolver): Promise<void>;
}

/**
 * A read model as a fold over the event log, paid per batch: `applyBatch` receives the events of one
 * transaction (up to a page of the log) in global order, so it can read the rows they touch in one
 * query, fold in memory and write back in a few statements. It must be idempotent (an event at or
 * below what a row has folded changes nothing), so that an event delivered twice leaves the same rows.
 */
export interface Projection extends ProjectionShape {
  applyBatch(
    events: readonly RecordedEvent[],
    trx: ReadModelTransaction,
    table: TableResolver,
  ): Promise<void>;
}

/** A projection written one event at a time: simplest where its events are few. */
export interface EventByEventProjection extends ProjectionShape {
  /** Folds one event into the rows, within the transaction that also moves the checkpoint. */
  apply(event: RecordedEvent, trx: ReadModelTransaction, table: TableResolver): Promise<void>;
}

/** Runs `apply` for each event of a batch in turn, naming the event that failed. */
export function eventByEvent(projection: EventByEventProjection): Projection & EventByEventProjection {
  return {
    ...projection,
    async applyBatch(events, trx, table) {
      for (const event of events)
        await foldOne(projection.name, event, () => projection.apply(event, trx, table));
    },
  };
}

// Folding thousands of events of a batch is synchronous work: every so many, the event loop gets a
// turn, so that /health and SIGTERM are heard while a large batch is folded.
const FOLDS_BETWEEN_TURNS = 250;
let foldsSinceTurn = 0;

/** Runs the fold of one event of a batch, naming the event when it fails. */
export async function foldOne<T>(
  projection: string,
  event: RecordedEvent,
  fold: () => Promise<T> | T,
): Promise<T> {
  if (++foldsSinceTurn >= FOLDS_BETWEEN_TURNS) {
    foldsSinceTurn = 0;
    await yieldToEventLoop();
  }
  try {
    return await fold();
  } catch (error) {
    if (error instanceof ProjectionApplyFailed) throw error;
    throw new ProjectionApplyFailed(projection, event, error);
  }
}
