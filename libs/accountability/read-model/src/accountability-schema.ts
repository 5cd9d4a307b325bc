import type { Projection } from '@redtape/projections';

/**
 * The accountability read model's tables and indexes: one row per official, per appointment, per
 * meeting, per instruction, per progress report and per procedure made someone's in person.
 */
export const createAccountabilityTables: Projection['migrate'] = async (db, table) => {
  await db.schema
    .createTable(table('officials'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalized_name', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${table('officials')}_by_name`)
    .on(table('officials'))
    .columns(['name', 'id'])
    .execute();

  await db.schema
    .createTable(table('positions'))
    .addColumn('official_id', 'text', (c) => c.notNull())
    .addColumn('appointed_revision', 'integer', (c) => c.notNull())
    .addColumn('authority_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('head', 'integer', (c) => c.notNull())
    .addColumn('appointed_on', 'text', (c) => c.notNull())
    .addColumn('relieved_on', 'text')
    .addPrimaryKeyConstraint(`${table('positions')}_pk`, ['official_id', 'appointed_revision'])
    .execute();
  await db.schema
    .createIndex(`${table('positions')}_by_authority`)
    .on(table('positions'))
    .columns(['authority_id', 'head', 'relieved_on'])
    .execute();
  await db.schema
    .createIndex(`${table('positions')}_by_unit`)
    .on(table('positions'))
    .columns(['unit_id', 'head', 'relieved_on'])
    .execute();

  await db.schema
    .createTable(table('meetings'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('chair', 'text', (c) => c.notNull())
    .addColumn('chair_official_id', 'text')
    .addColumn('agenda', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${table('meetings')}_by_unit`)
    .on(table('meetings'))
    .columns(['unit_id', 'held_on'])
    .execute();

  await db.schema
    .createTable(table('instructions'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('assignee_official_id', 'text')
    .addColumn('effective_official_id', 'text')
    .addColumn('authority_id', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('overdue_since', 'text')
    // Who the outcome is charged to once settled (missed deadline, completion); null while open.
    .addColumn('charged_official_id', 'text')
    .addColumn('unassigned', 'integer', (c) => c.notNull())
    .addColumn('vacancy_authority_id', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${table('instructions')}_by_status`)
    .on(table('instructions'))
    .columns(['status', 'deadline'])
    .execute();
  await db.schema
    .createIndex(`${table('instructions')}_by_unit`)
    .on(table('instructions'))
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex(`${table('instructions')}_by_official`)
    .on(table('instructions'))
    .columns(['effective_official_id', 'status'])
    .execute();
  await db.schema
    .createIndex(`${table('instructions')}_by_meeting`)
    .on(table('instructions'))
    .column('meeting_id')
    .execute();
  await db.schema
    .createIndex(`${table('instructions')}_by_vacancy`)
    .on(table('instructions'))
    .columns(['vacancy_authority_id', 'unassigned'])
    .execute();

  await db.schema
    .createTable(table('progress_reports'))
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('instruction_id', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text')
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('by_official_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${table('progress_reports')}_by_instruction`)
    .on(table('progress_reports'))
    .columns(['instruction_id', 'reported_on'])
    .execute();
  await db.schema
    .createIndex(`${table('progress_reports')}_by_meeting`)
    .on(table('progress_reports'))
    .columns(['meeting_id', 'reported_on'])
    .execute();

  await db.schema
    .createTable(table('procedure_responsibilities'))
    .addColumn('procedure_id', 'text', (c) => c.primaryKey())
    .addColumn('official_id', 'text', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${table('procedure_responsibilities')}_by_official`)
    .on(table('procedure_responsibilities'))
    .column('official_id')
    .execute();
};
