import type { RecordedEvent } from '@redtape/event-store';
import {
  eventByEvent,
  type EventByEventProjection,
  type Projection,
  type ReadModels,
} from '../projection.js';

/** The streams the projection follows; events of other streams are filtered out. */
export const FOLLOWED_PREFIX = 'procedure-';

export interface StreamStatsOptions {
  readonly version?: number;
  /** Makes `apply` throw for the events it picks, after it has written their rows. */
  readonly failOn?: (event: RecordedEvent) => boolean;
  /** Sees every call of `apply`, rolled-back ones included. */
  readonly onApply?: (event: RecordedEvent) => void;
}

/**
 * A projection for the tests: every followed event (`stream_events`) and, per stream, how many
 * events it has and the type of its last one (`stream_stats`). The stats are derived from the
 * events table, so folding an event twice leaves the same rows.
 */
export function streamStatsProjection(options: StreamStatsOptions = {}): Projection & EventByEventProjection {
  return eventByEvent({
    name: 'stream-stats',
    version: options.version ?? 1,
    filter: { streamPrefixes: [FOLLOWED_PREFIX] },
    tables: ['stream_stats', 'stream_events'],

    async migrate(db, table) {
      await db.schema
        .createTable(table('stream_events'))
        .addColumn('event_id', 'text', (column) => column.primaryKey())
        .addColumn('stream_id', 'text', (column) => column.notNull())
        .addColumn('revision', 'integer', (column) => column.notNull())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('position', 'integer', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex(`${table('stream_events')}_by_stream`)
        .on(table('stream_events'))
        .columns(['stream_id', 'revision'])
        .unique()
        .execute();
      await db.schema
        .createTable(table('stream_stats'))
        .addColumn('stream_id', 'text', (column) => column.primaryKey())
        .addColumn('event_count', 'integer', (column) => column.notNull())
        .addColumn('last_type', 'text', (column) => column.notNull())
        .addColumn('last_revision', 'integer', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex(`${table('stream_stats')}_by_last_type`)
        .on(table('stream_stats'))
        .column('last_type')
        .execute();
    },

    async apply(event, trx, table) {
      options.onApply?.(event);
      await trx
        .insertInto(table('stream_events'))
        .values({
          event_id: event.id,
          stream_id: event.streamId,
          revision: Number(event.revision),
          type: event.type,
          position: Number(event.position),
        })
        .onConflict((conflict) => conflict.column('event_id').doNothing())
        .execute();
      const { event_count } = await trx
        .selectFrom(table('stream_events'))
        .select((eb) => eb.fn.countAll<number>().as('event_count'))
        .where('stream_id', '=', event.streamId)
        .executeTakeFirstOrThrow();
      const last = await trx
        .selectFrom(table('stream_events'))
        .select(['type', 'revision'])
        .where('stream_id', '=', event.streamId)
        .orderBy('revision', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto(table('stream_stats'))
        .values({
          stream_id: event.streamId,
          event_count: Number(event_count),
          last_type: last.type,
          last_revision: last.revision,
        })
        .onConflict((conflict) =>
          conflict.column('stream_id').doUpdateSet((eb) => ({
            event_count: eb.ref('excluded.event_count'),
            last_type: eb.ref('excluded.last_type'),
            last_revision: eb.ref('excluded.last_revision'),
          })),
        )
        .execute();
      if (options.failOn?.(event)) throw new Error(`refused to project ${event.type}`);
    },
  });
}

export interface StreamStatsRow {
  stream_id: string;
  event_count: number;
  last_type: string;
  last_revision: number;
}

export interface StreamEventRow {
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  position: number;
}

/** Everything readers see, through the views, in a stable order. */
export async function readStreamStats(
  db: ReadModels,
): Promise<{ stats: StreamStatsRow[]; events: StreamEventRow[] }> {
  const stats = (await db
    .selectFrom('stream_stats')
    .selectAll()
    .orderBy('stream_id')
    .execute()) as StreamStatsRow[];
  const events = (await db
    .selectFrom('stream_events')
    .selectAll()
    .orderBy('position')
    .execute()) as StreamEventRow[];
  return { stats, events };
}
