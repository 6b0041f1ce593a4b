// Frozen: never edit a migration that has shipped; add a new one. The activity journal behind
// undo and the Trash: one `activities` row per transaction that changed facts, and for every
// row it touched the row as it was before (`before_json`, null when the row did not exist).
// Deleted records stay in their tables with `deleted_in` = the activity that deleted them.
import type { Kysely } from 'kysely';

const SOFT_DELETED = ['contacts', 'applications', 'interviews', 'interactions', 'step_events'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_counters')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_counters_pk', ['seeker_id'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addPrimaryKeyConstraint('activities_pk', ['seeker_id', 'id'])
    .execute();

  await db.schema
    .createTable('activity_rows')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('before_json', 'text')
    .addPrimaryKeyConstraint('activity_rows_pk', ['seeker_id', 'activity_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('activity_rows_row_idx')
    .on('activity_rows')
    .columns(['seeker_id', 'table_name', 'row_key'])
    .execute();
  await db.schema
    .createIndex('activity_rows_application_idx')
    .on('activity_rows')
    .columns(['seeker_id', 'application_id'])
    .execute();

  for (const table of SOFT_DELETED) {
    await db.schema.alterTable(table).addColumn('deleted_in', 'integer').execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of SOFT_DELETED) {
    await db.schema.alterTable(table).dropColumn('deleted_in').execute();
  }
  for (const table of ['activity_rows', 'activities', 'activity_counters']) {
    await db.schema.dropTable(table).execute();
  }
}
