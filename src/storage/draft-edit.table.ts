// Rows of `draft_edits` (issue 8) and their mapping to the app's DraftEdit.
import type { DraftEdit } from '../app/ports.js';

export interface DraftEditRow {
  seeker_id: string;
  step_id: string;
  subject: string | null;
  body: string | null;
  /** bigint: PostgreSQL hands it back as a string. */
  revision: number | string;
  updated_at: string;
}

export function draftEditFromRow(row: DraftEditRow): DraftEdit {
  return {
    stepId: row.step_id,
    subject: row.subject,
    body: row.body,
    revision: Number(row.revision),
    updatedAt: row.updated_at,
  };
}

export function draftEditToRow(seekerId: string, edit: DraftEdit): DraftEditRow {
  return {
    seeker_id: seekerId,
    step_id: edit.stepId,
    subject: edit.subject,
    body: edit.body,
    revision: edit.revision,
    updated_at: edit.updatedAt,
  };
}
