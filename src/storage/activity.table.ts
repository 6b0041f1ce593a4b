// Rows of the activity journal (migration 2026-12-02T09-00-00-activity-journal).
export interface ActivityRow {
  seeker_id: string;
  id: number;
  /** RFC 3339 instant (UTC) of the transaction. */
  at: string;
  kind: string;
  summary: string;
  /** How many rows the activity wrote (its activity_rows). */
  row_count: number;
  undone_at: string | null;
}

/** One row an activity wrote, as it was before: `before_json` null when it did not exist. */
export interface ActivityRowRow {
  seeker_id: string;
  activity_id: number;
  seq: number;
  table_name: string;
  row_key: string;
  /** The application the row belongs to (its own id for an application), for dependencies. */
  application_id: string | null;
  before_json: string | null;
}

export interface ActivityCounterRow {
  seeker_id: string;
  last_id: number;
}
