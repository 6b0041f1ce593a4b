// Frozen: never edit a migration that has shipped; add a new one. Issue 9: the seeker's own
// e-mail address (SPEC §6 `settings.email`), left out of imported attendee lists; and the
// SEQUENCE of the invitation an interview was imported from, so that an older version
// imported later does not overwrite a newer one. Both nullable: existing rows keep working.
// Only SQL that SQLite and PostgreSQL share.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('settings').addColumn('email', 'text').execute();
  await db.schema.alterTable('interviews').addColumn('ics_sequence', 'integer').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interviews').dropColumn('ics_sequence').execute();
  await db.schema.alterTable('settings').dropColumn('email').execute();
}
