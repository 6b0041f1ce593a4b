import type { Contact } from '../core/types.js';
import { CONTACT_COLUMNS, contactFromRow, contactToRow } from './contact.table.js';
import { sortById } from './json-column.js';
import type { Db } from './tables.js';

export async function selectContacts(db: Db, seekerId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .select(CONTACT_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .execute();
  return sortById(rows.map(contactFromRow));
}

export async function selectContact(
  db: Db,
  seekerId: string,
  id: string,
): Promise<Contact | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select(CONTACT_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? contactFromRow(row) : undefined;
}

export async function upsertContact(db: Db, seekerId: string, contact: Contact): Promise<void> {
  const row = contactToRow(seekerId, contact);
  const { seeker_id: _s, id: _i, ...rest } = row;
  await db
    .insertInto('contacts')
    .values(row)
    .onConflict((oc) => oc.columns(['seeker_id', 'id']).doUpdateSet(rest))
    .execute();
}
