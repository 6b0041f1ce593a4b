import type { StepAction, StepEvent } from '../core/types.js';

/** Every column but seeker_id: bulk reads skip the constant (a measurable share of 100,000 rows). */
export const STEP_EVENT_COLUMNS = ['step_id', 'action', 'at', 'until'] as const;

export interface StepEventRow {
  seeker_id: string;
  step_id: string;
  action: string;
  at: string;
  until: string | null;
}

export function stepEventFromRow(row: Omit<StepEventRow, 'seeker_id'>): StepEvent {
  return { stepId: row.step_id, action: row.action as StepAction, at: row.at, until: row.until };
}

export function stepEventToRow(seekerId: string, e: StepEvent): StepEventRow {
  return { seeker_id: seekerId, step_id: e.stepId, action: e.action, at: e.at, until: e.until };
}
