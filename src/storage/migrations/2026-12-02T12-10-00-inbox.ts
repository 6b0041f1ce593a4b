// Frozen: never edit a migration that has shipped; add a new one. Issue 10: where the reading of
// each mailbox folder stopped, and the messages matched to applications (headers needed, the
// first 500 characters of the text, the suggestion and its reason, the seeker's verdict).
// Unmatched messages are never stored. One row per Message-ID per seeker, so a re-scan after a
// UIDVALIDITY change finds what it already has. Only SQL that SQLite and PostgreSQL share.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox_folders')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_folders_pk', ['seeker_id', 'folder'])
    .execute();
  await db.schema
    .createTable('inbox_messages')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('uid', 'bigint', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('candidates_json', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('matched_by', 'text', (c) => c.notNull())
    .addColumn('match_why', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_messages_pk', ['seeker_id', 'id'])
    .addUniqueConstraint('inbox_messages_key', ['seeker_id', 'message_key'])
    .execute();
  await db.schema
    .createIndex('inbox_messages_state_idx')
    .on('inbox_messages')
    .columns(['seeker_id', 'state'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_messages').execute();
  await db.schema.dropTable('inbox_folders').execute();
}
