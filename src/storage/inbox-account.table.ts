// The row of the issue-10 mailbox account (one per seeker). Row types stay in storage.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface InboxAccountRow {
  seeker_id: string;
  host: string;
  port: number;
  tls: string;
  username: string;
  password_secret: string | null;
  folders_json: string;
  look_back_days: number;
  updated_at: string;
}

export type InboxAccountTables = { inbox_accounts: InboxAccountRow };

export type InboxAccountDb = Kysely<Tables & InboxAccountTables>;

export function inboxAccountDb(db: Kysely<Tables>): InboxAccountDb {
  return db.withTables<InboxAccountTables>();
}
