// The InboxAccountStore over a Database: the mailbox settings of one seeker per transaction;
// the password sealed by the SecretBox before it is written, opened only when read.
import type {
  InboxAccount,
  InboxAccountRepository,
  InboxAccountStore,
  InboxTls,
} from '../app/inbox-settings.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Database } from './database.js';
import { inboxAccountDb, type InboxAccountDb } from './inbox-account.table.js';

export function createInboxAccountRepository(
  db: InboxAccountDb,
  seekerId: string,
  box: SecretBox,
): InboxAccountRepository {
  return {
    async get() {
      const row = await db
        .selectFrom('inbox_accounts')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .executeTakeFirst();
      if (!row) return undefined;
      const account: InboxAccount = {
        host: row.host,
        port: Number(row.port),
        tls: row.tls as InboxTls,
        user: row.username,
        password: row.password_secret === null ? null : box.open(row.password_secret),
        folders: JSON.parse(row.folders_json) as string[],
        lookBackDays: Number(row.look_back_days),
      };
      return account;
    },
    async save(account, at) {
      const values = {
        seeker_id: seekerId,
        host: account.host,
        port: account.port,
        tls: account.tls,
        username: account.user,
        password_secret: account.password === null ? null : box.seal(account.password),
        folders_json: JSON.stringify(account.folders),
        look_back_days: account.lookBackDays,
        updated_at: at,
      };
      const { seeker_id: _, ...rest } = values;
      await db
        .insertInto('inbox_accounts')
        .values(values)
        .onConflict((oc) => oc.column('seeker_id').doUpdateSet(rest))
        .execute();
    },
    async remove() {
      const result = await db
        .deleteFrom('inbox_accounts')
        .where('seeker_id', '=', seekerId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export function createInboxAccountStore(database: Database, box: SecretBox): InboxAccountStore {
  const db = inboxAccountDb(database.db);
  return {
    transaction: (seekerId, work) =>
      database.db
        .transaction()
        .execute((trx) =>
          work({ account: createInboxAccountRepository(inboxAccountDb(trx), seekerId, box) }),
        ),
    async seekersWithInbox() {
      const rows = await db
        .selectFrom('inbox_accounts')
        .select('seeker_id')
        .orderBy('seeker_id')
        .execute();
      return rows.map((r) => r.seeker_id);
    },
  };
}
