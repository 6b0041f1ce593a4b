// Frozen: never edit a migration that has shipped; add a new one. At most one live outbox row
// (anything but `failed`) per step, enforced by the database: two concurrent "Send" requests
// on PostgreSQL (READ COMMITTED) cannot both queue a message to the same interviewer.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('outbox_live_step')
    .on('outbox')
    .columns(['seeker_id', 'step_id'])
    .unique()
    .where(sql.ref('state'), '<>', 'failed')
    .where(sql.ref('step_id'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_live_step').execute();
}
