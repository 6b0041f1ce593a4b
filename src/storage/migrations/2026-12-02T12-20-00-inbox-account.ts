// Frozen: never edit a migration that has shipped; add a new one. Issue 10: the seeker's IMAP
// mailbox (read-only), one per seeker. The password is sealed by the secret box (like SMTP's);
// folders are a JSON array, INBOX first. Only SQL that SQLite and PostgreSQL share.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox_accounts')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password_secret', 'text')
    .addColumn('folders_json', 'text', (c) => c.notNull())
    .addColumn('look_back_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_accounts_pk', ['seeker_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_accounts').execute();
}
