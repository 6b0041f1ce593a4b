// Frozen: never edit a migration that has shipped; add a new one. Only SQL that SQLite and
// PostgreSQL share (text, integer, composite keys). Booleans are 0/1 integers, lists and
// nested objects JSON text, dates and instants the original strings.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('seeker_id', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('preset', 'text', (c) => c.notNull())
    .addColumn('active_target', 'integer', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['seeker_id'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('seeker_id', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('organization', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('linkedin', 'text')
    .addColumn('is_reference', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addPrimaryKeyConstraint('contacts_pk', ['seeker_id', 'id'])
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('seeker_id', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text')
    .addColumn('agent', 'text')
    .addColumn('references_json', 'text', (c) => c.notNull())
    .addColumn('policy_json', 'text')
    .addColumn('pros_cons_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applications_pk', ['seeker_id', 'id'])
    .execute();

  await db.schema
    .createTable('interviews')
    .addColumn('seeker_id', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text')
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('interviewers_json', 'text', (c) => c.notNull())
    .addColumn('decision_expected_by', 'text')
    .addColumn('quick_decision', 'integer', (c) => c.notNull())
    .addColumn('unavailable_until', 'text')
    .addColumn('final', 'integer', (c) => c.notNull())
    .addColumn('chance', 'text', (c) => c.notNull())
    .addColumn('notes_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interviews_pk', ['seeker_id', 'id'])
    .addForeignKeyConstraint(
      'interviews_application_fk',
      ['seeker_id', 'application_id'],
      'applications',
      ['seeker_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('interviews_application_idx')
    .on('interviews')
    .columns(['seeker_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('seeker_id', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('contacts_json', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('new_decision_date', 'text')
    .addColumn('on_hold', 'integer', (c) => c.notNull())
    .addColumn('offer_deadline', 'text')
    .addPrimaryKeyConstraint('interactions_pk', ['seeker_id', 'id'])
    .addForeignKeyConstraint(
      'interactions_application_fk',
      ['seeker_id', 'application_id'],
      'applications',
      ['seeker_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('interactions_application_idx')
    .on('interactions')
    .columns(['seeker_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('step_events')
    .addColumn('seeker_id', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addPrimaryKeyConstraint('step_events_pk', ['seeker_id', 'step_id', 'action', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'step_events',
    'interactions',
    'interviews',
    'applications',
    'contacts',
    'settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
