import {
  APPLICATION_COLUMNS,
  applicationFromRow,
  applicationToRow,
  type ApplicationFields,
} from './application.table.js';
import { sortById } from './json-column.js';
import type { Db } from './tables.js';

export async function selectApplications(db: Db, seekerId: string): Promise<ApplicationFields[]> {
  const rows = await db
    .selectFrom('applications')
    .select(APPLICATION_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .execute();
  return sortById(rows.map(applicationFromRow));
}

export async function selectApplication(
  db: Db,
  seekerId: string,
  id: string,
): Promise<ApplicationFields | undefined> {
  const row = await db
    .selectFrom('applications')
    .select(APPLICATION_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? applicationFromRow(row) : undefined;
}

export async function upsertApplication(
  db: Db,
  seekerId: string,
  application: ApplicationFields,
): Promise<void> {
  const row = applicationToRow(seekerId, application);
  const { seeker_id: _s, id: _i, ...rest } = row;
  await db
    .insertInto('applications')
    .values(row)
    .onConflict((oc) => oc.columns(['seeker_id', 'id']).doUpdateSet(rest))
    .execute();
}
