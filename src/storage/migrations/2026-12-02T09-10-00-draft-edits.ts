// Frozen: never edit a migration that has shipped; add a new one. Issue 8: the seeker's own
// text of a step's draft, saved as they type. Not a fact (never exported, never planned from).
// `body` null marks an edit taken back ("Back to the suggested text"): the row keeps its
// revision so that a slower, older save arriving afterwards cannot bring the edit back.
// `revision` is chosen by the client (strictly increasing per step): bigint, as clients use
// millisecond clocks. Only SQL that SQLite and PostgreSQL share.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('draft_edits')
    .addColumn('seeker_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text')
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('draft_edits_pk', ['seeker_id', 'step_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('draft_edits').execute();
}
