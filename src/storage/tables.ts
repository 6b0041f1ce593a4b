// The database as Kysely sees it. Row types stay in storage; core never sees them.
import type { Kysely } from 'kysely';
import type { ApplicationRow } from './application.table.js';
import type { ContactRow } from './contact.table.js';
import type { DraftEditRow } from './draft-edit.table.js';
import type { InteractionRow } from './interaction.table.js';
import type { InterviewRow } from './interview.table.js';
import type { SettingsRow } from './settings.table.js';
import type { StepEventRow } from './step-event.table.js';

export interface Tables {
  settings: SettingsRow;
  contacts: ContactRow;
  applications: ApplicationRow;
  interviews: InterviewRow;
  interactions: InteractionRow;
  step_events: StepEventRow;
  draft_edits: DraftEditRow;
}

/** A database handle or an open transaction: repositories accept either. */
export type Db = Kysely<Tables>;
