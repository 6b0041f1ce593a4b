import type { StepAction, StepEvent } from '../core/types.js';

export interface StepEventRow {
  seeker_id: string;
  step_id: string;
  action: string;
  at: string;
  until: string | null;
}

export function stepEventFromRow(row: StepEventRow): StepEvent {
  return { stepId: row.step_id, action: row.action as StepAction, at: row.at, until: row.until };
}

export function stepEventToRow(seekerId: string, e: StepEvent): StepEventRow {
  return { seeker_id: seekerId, step_id: e.stepId, action: e.action, at: e.at, until: e.until };
}
