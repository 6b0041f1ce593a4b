import type { Interaction } from '../core/types.js';
import { INTERACTION_COLUMNS, interactionFromRow, interactionToRow } from './interaction.table.js';
import type { Db } from './tables.js';

export interface OwnedInteraction {
  applicationId: string;
  interaction: Interaction;
}

/** Every interaction of the seeker (or of one application), with its application id. */
export async function selectInteractions(
  db: Db,
  seekerId: string,
  applicationId?: string,
): Promise<OwnedInteraction[]> {
  let query = db
    .selectFrom('interactions')
    .select(INTERACTION_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null);
  if (applicationId !== undefined) query = query.where('application_id', '=', applicationId);
  const rows = await query.execute();
  return rows.map((row) => ({
    applicationId: row.application_id,
    interaction: interactionFromRow(row),
  }));
}

export async function upsertInteraction(
  db: Db,
  seekerId: string,
  applicationId: string,
  interaction: Interaction,
): Promise<void> {
  const row = interactionToRow(seekerId, applicationId, interaction);
  const { seeker_id: _s, id: _i, ...rest } = row;
  await db
    .insertInto('interactions')
    .values(row)
    .onConflict((oc) => oc.columns(['seeker_id', 'id']).doUpdateSet(rest))
    .execute();
}
