// Frozen: never edit a migration that has shipped; add a new one. Issue 5: the outbox of
// outgoing e-mail, the SMTP settings (password encrypted by the caller) and the calendar
// feed token (stored hashed). Only SQL that SQLite and PostgreSQL share.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    .addColumn('application_id', 'text')
    .addColumn('organization_key', 'text')
    .addColumn('interaction_kind', 'text')
    .addColumn('contacts_json', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('to_json', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_pk', ['seeker_id', 'id'])
    .addUniqueConstraint('outbox_idempotency_key', ['seeker_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('outbox_id_idx').on('outbox').column('id').unique().execute();

  await db.schema
    .createTable('smtp_settings')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('password_secret', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('smtp_settings_pk', ['seeker_id'])
    .execute();

  await db.schema
    .createTable('feed_tokens')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_tokens_pk', ['seeker_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['feed_tokens', 'smtp_settings', 'outbox']) {
    await db.schema.dropTable(table).execute();
  }
}
