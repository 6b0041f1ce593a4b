// Frozen: never edit a migration that has shipped; add a new one. Issue 9: the seeker's own
// e-mail address (SPEC §6 `settings.email`), left out of imported attendee lists. Nullable:
// existing settings rows keep working. Only SQL that SQLite and PostgreSQL share.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('settings').addColumn('email', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('settings').dropColumn('email').execute();
}
