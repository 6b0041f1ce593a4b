import type { Interview } from '../core/types.js';
import { INTERVIEW_COLUMNS, interviewFromRow, interviewToRow } from './interview.table.js';
import type { Db } from './tables.js';

export interface OwnedInterview {
  applicationId: string;
  interview: Interview;
}

/** Every interview of the seeker (or of one application), with its application id. */
export async function selectInterviews(
  db: Db,
  seekerId: string,
  applicationId?: string,
): Promise<OwnedInterview[]> {
  let query = db
    .selectFrom('interviews')
    .select(INTERVIEW_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null);
  if (applicationId !== undefined) query = query.where('application_id', '=', applicationId);
  const rows = await query.execute();
  return rows.map((row) => ({
    applicationId: row.application_id,
    interview: interviewFromRow(row),
  }));
}

export async function upsertInterview(
  db: Db,
  seekerId: string,
  applicationId: string,
  interview: Interview,
): Promise<void> {
  const row = interviewToRow(seekerId, applicationId, interview);
  const { seeker_id: _s, id: _i, ...rest } = row;
  await db
    .insertInto('interviews')
    .values(row)
    .onConflict((oc) => oc.columns(['seeker_id', 'id']).doUpdateSet(rest))
    .execute();
}
