// Draft edits: one row per (seeker, step), written only when newer than the stored one.
import type { DraftEdit } from '../app/ports.js';
import { draftEditFromRow, draftEditToRow } from './draft-edit.table.js';
import type { Db } from './tables.js';

export async function selectDraftEdit(
  db: Db,
  seekerId: string,
  stepId: string,
): Promise<DraftEdit | undefined> {
  const row = await db
    .selectFrom('draft_edits')
    .selectAll()
    .where('seeker_id', '=', seekerId)
    .where('step_id', '=', stepId)
    .executeTakeFirst();
  return row ? draftEditFromRow(row) : undefined;
}

/**
 * An upsert whose update applies only to an older stored revision: SQLite and PostgreSQL both
 * evaluate the condition on the row as it is when the statement runs, so two racing saves
 * end with the newer one whatever order they commit in.
 */
export async function saveDraftEdit(db: Db, seekerId: string, edit: DraftEdit): Promise<DraftEdit> {
  const row = draftEditToRow(seekerId, edit);
  await db
    .insertInto('draft_edits')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['seeker_id', 'step_id'])
        .doUpdateSet({
          subject: row.subject,
          body: row.body,
          revision: row.revision,
          updated_at: row.updated_at,
        })
        .where('draft_edits.revision', '<', row.revision),
    )
    .execute();
  return (await selectDraftEdit(db, seekerId, edit.stepId))!;
}
