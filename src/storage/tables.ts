// The database as Kysely sees it. Row types stay in storage; core never sees them.
import type { ColumnType, Kysely } from 'kysely';
import type { ActivityCounterRow, ActivityRow, ActivityRowRow } from './activity.table.js';
import type { ApplicationRow } from './application.table.js';
import type { ContactRow } from './contact.table.js';
import type { DraftEditRow } from './draft-edit.table.js';
import type { InboxFolderRow, InboxMessageRow } from './inbox.table.js';
import type { InteractionRow } from './interaction.table.js';
import type { InterviewRow } from './interview.table.js';
import type { SettingsRow } from './settings.table.js';
import type { StepEventRow } from './step-event.table.js';

/**
 * A record in the Trash has `deleted_in` = the activity that deleted it. The mapping functions
 * never write it (an upsert keeps it); only the journal sets and clears it.
 */
interface SoftDeleted {
  deleted_in: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface Tables {
  settings: SettingsRow;
  contacts: ContactRow & SoftDeleted;
  applications: ApplicationRow & SoftDeleted;
  interviews: InterviewRow & SoftDeleted;
  interactions: InteractionRow & SoftDeleted;
  step_events: StepEventRow & SoftDeleted;
  activities: ActivityRow;
  activity_rows: ActivityRowRow;
  activity_counters: ActivityCounterRow;
  draft_edits: DraftEditRow;
  inbox_folders: InboxFolderRow;
  inbox_messages: InboxMessageRow;
}

/** A database handle or an open transaction: repositories accept either. */
export type Db = Kysely<Tables>;
