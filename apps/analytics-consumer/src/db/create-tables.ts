import { sql } from 'kysely';
import type { AnalyticsDb } from './tables.js';

/** Creates the tables that are missing; safe on every start. */
export async function createTables(db: AnalyticsDb): Promise<void> {
  await db.schema
    .createTable('seen_events')
    .ifNotExists()
    .addColumn('event_id', 'text', (column) => column.primaryKey())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('stream_id', 'text', (column) => column.notNull())
    .addColumn('stream_revision', 'integer', (column) => column.notNull())
    .addColumn('event_time', 'text', (column) => column.notNull())
    .addColumn('kafka_topic', 'text', (column) => column.notNull())
    .addColumn('kafka_partition', 'integer', (column) => column.notNull())
    .addColumn('kafka_offset', 'integer', (column) => column.notNull())
    .addColumn('consumed_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('stream_revisions')
    .ifNotExists()
    .addColumn('stream_id', 'text', (column) => column.primaryKey())
    .addColumn('last_revision', 'integer', (column) => column.notNull())
    .addColumn('last_event_id', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('revision_gaps')
    .ifNotExists()
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('stream_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('gap', 'behind')`))
    .addColumn('expected_revision', 'integer', (column) => column.notNull())
    .addColumn('got_revision', 'integer', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('event_time', 'text', (column) => column.notNull())
    .addColumn('kafka_topic', 'text', (column) => column.notNull())
    .addColumn('kafka_partition', 'integer', (column) => column.notNull())
    .addColumn('kafka_offset', 'integer', (column) => column.notNull())
    .addColumn('detected_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('revision_gaps_by_stream')
    .ifNotExists()
    .on('revision_gaps')
    .column('stream_id')
    .execute();

  await db.schema
    .createTable('rejected_messages')
    .ifNotExists()
    .addColumn('kafka_topic', 'text', (column) => column.notNull())
    .addColumn('kafka_partition', 'integer', (column) => column.notNull())
    .addColumn('kafka_offset', 'integer', (column) => column.notNull())
    .addColumn('event_id', 'text')
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('message_key', 'text')
    .addColumn('headers', 'text', (column) => column.notNull())
    .addColumn('message_value', 'text')
    .addColumn('rejected_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('rejected_messages_pk', ['kafka_topic', 'kafka_partition', 'kafka_offset'])
    .execute();

  await db.schema
    .createTable('procedures')
    .ifNotExists()
    .addColumn('procedure_id', 'text', (column) => column.primaryKey())
    .addColumn('unit_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('requirements', 'integer', (column) => column.notNull())
    .addColumn('decision_days', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('procedures_by_unit')
    .ifNotExists()
    .on('procedures')
    .columns(['unit_id', 'status'])
    .execute();

  await db.schema
    .createTable('instructions')
    .ifNotExists()
    .addColumn('instruction_id', 'text', (column) => column.primaryKey())
    .addColumn('unit_id', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('unit_daily_metrics')
    .ifNotExists()
    .addColumn('unit_id', 'text', (column) => column.notNull())
    .addColumn('day', 'text', (column) => column.notNull())
    .addColumn('active_procedures', 'integer', (column) => column.notNull())
    .addColumn('total_requirements', 'integer', (column) => column.notNull())
    .addColumn('total_decision_days', 'integer', (column) => column.notNull())
    .addColumn('average_decision_days', 'real')
    .addColumn('procedures_registered', 'integer', (column) => column.notNull())
    .addColumn('procedures_abolished', 'integer', (column) => column.notNull())
    .addColumn('instructions_issued', 'integer', (column) => column.notNull())
    .addColumn('instructions_completed', 'integer', (column) => column.notNull())
    .addColumn('instructions_overdue', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('unit_daily_metrics_pk', ['unit_id', 'day'])
    .execute();
}
