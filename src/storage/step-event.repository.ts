import type { StepEvent } from '../core/types.js';
import { STEP_EVENT_COLUMNS, stepEventFromRow, stepEventToRow } from './step-event.table.js';
import type { Db } from './tables.js';

/** Step events in the order they happened (then by step id, for a stable export). */
export async function selectStepEvents(db: Db, seekerId: string): Promise<StepEvent[]> {
  const rows = await db
    .selectFrom('step_events')
    .select(STEP_EVENT_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .execute();
  return rows
    .map(stepEventFromRow)
    .sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) ||
        cmp(a.at, b.at) ||
        cmp(a.stepId, b.stepId) ||
        cmp(a.action, b.action),
    );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Events are facts: the same (step, action, at) recorded twice is stored once. */
export async function insertStepEvent(db: Db, seekerId: string, event: StepEvent): Promise<void> {
  await db
    .insertInto('step_events')
    .values(stepEventToRow(seekerId, event))
    .onConflict((oc) => oc.columns(['seeker_id', 'step_id', 'action', 'at']).doNothing())
    .execute();
}
