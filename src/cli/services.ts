// What the commands need from the application, as one narrow interface. main/ implements it
// over storage and the use cases (loaded lazily, so `--help` never opens a database); the
// commands never see a database, a clock or a holiday table.
import type {
  Chance,
  Channel,
  Contact,
  Direction,
  Facts,
  Interaction,
  InteractionKind,
  Interview,
  InterviewerNotes,
  Plan,
  PlanWarning,
  Settings,
  Source,
  StepAction,
  TactfulDocument,
} from '../core/types.js';
import type { Overview } from '../app/browse.js';
import type { DeletePreview, DeleteResult, TrashView } from '../app/delete-entities.js';
import type { PurgePreview, PurgeResult } from '../app/purge-trash.js';
import type { DraftEditState } from '../app/draft-edits.js';
import type { Activity } from '../app/ports.js';
import type { ImportOptions, ImportPreview, ImportSource } from '../app/import-file.js';

export interface ContactInput {
  id?: string;
  name: string;
  title?: string;
  organization?: string;
  email?: string;
  phone?: string;
  linkedin?: string;
  isReference?: boolean;
  notes?: string;
}

export interface ApplicationInput {
  id?: string;
  organization: string;
  role: string;
  source: Source;
  region?: string;
  createdOn?: string;
  agent?: string;
  references?: string[];
  pros?: string[];
  cons?: string[];
  strengths?: string[];
}

export interface InterviewInput {
  id?: string;
  application: string;
  round?: number;
  start: string;
  timezone?: string;
  durationMinutes?: number;
  format?: string;
  interviewers?: string[];
  decisionExpectedBy?: string;
  quickDecision?: boolean;
  unavailableUntil?: string;
  final?: boolean;
  chance?: Chance;
  keyPoints?: string[];
  forgot?: string[];
  promises?: string[];
  /** Key points per interviewer (`--note-for`). */
  byInterviewer?: InterviewerNotes[];
}

export interface SettingsInput {
  timezone?: string;
  region?: string;
  preset?: string;
  signature?: string;
  activeTarget?: number;
  /** Null forgets it. */
  email?: string | null;
}

export interface LogInput {
  application: string;
  kind: InteractionKind;
  direction: Direction;
  contacts: string[];
  channel?: Channel;
  /** As typed: a date, a local date and time (the seeker's zone) or an instant; omitted means now. */
  at?: string;
  summary?: string;
  newDecisionDate?: string;
  onHold?: boolean;
  offerDeadline?: string;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

export type RecordType = 'contact' | 'application' | 'interview' | 'interaction';

export interface Services {
  /** One transaction: all of the document lands, or nothing does. Counts records by outcome. */
  importDocument(document: unknown): Promise<ImportOutcome>;
  /** What importing the document would change; writes nothing. */
  previewDocument(document: unknown): Promise<ImportOutcome>;
  /** Spreadsheets, vCards, invitations: what an import would do, written or not. */
  previewImport(source: ImportSource, options: ImportOptions): Promise<ImportPreview>;
  commitImport(source: ImportSource, options: ImportOptions): Promise<ImportPreview>;
  /** `--what applications|contacts|interactions`: spreadsheets that import back. */
  exportTable(what: 'applications' | 'contacts' | 'interactions'): Promise<string>;
  exportVcf(): Promise<string>;
  exportDocument(): Promise<TactfulDocument>;
  exportCsv(asOf: string | undefined): Promise<string>;
  addContact(input: ContactInput): Promise<Contact>;
  addApplication(input: ApplicationInput): Promise<{ id: string; organization: string; role: string }>;
  addInterview(input: InterviewInput): Promise<{ application: string; interview: Interview }>;
  logInteraction(input: LogInput): Promise<{ interaction: Interaction; warnings: PlanWarning[] }>;
  /** `asOf` is the raw `--as-of` value (read in the seeker's zone); omitted means now. */
  plan(asOf: string | undefined): Promise<Plan>;
  /** The plan together with the facts it came from (names for the agenda). */
  agenda(asOf: string | undefined): Promise<{ plan: Plan; facts: Facts }>;
  /** Stores the step event (`done` also logs the message); `until` is the snooze date used. */
  recordStepAction(stepId: string, action: StepAction, until?: string): Promise<{ until: string | null; warnings: PlanWarning[] }>;
  /** The facts and the plan as of `asOf` (the raw `--as-of`), for `list` and `show`. */
  overview(asOf: string | undefined): Promise<Overview>;
  settings(): Promise<Settings>;
  /** Validated like the document's settings; omitted flags keep their value. */
  updateSettings(patch: SettingsInput): Promise<Settings>;
  /** Omitted fields keep their value; an e-mail address another contact has is refused. */
  updateContact(id: string, input: Partial<Omit<ContactInput, 'id'>>): Promise<Contact>;
  /** Refuses a missing folder; an existing file is a `conflict` unless `overwrite`. */
  backup(file: string, options?: { overwrite?: boolean }): Promise<void>;
  /** Undoes one activity (`id` as typed; omitted: the newest not undone). */
  undo(id: string | undefined): Promise<Activity>;
  /** The history, newest first, with the seeker's time zone to show it in. */
  activity(limit: number): Promise<{ activities: Activity[]; timezone: string }>;
  previewDelete(id: string, type?: RecordType): Promise<DeletePreview>;
  deleteRecord(id: string, type?: RecordType): Promise<DeleteResult>;
  restore(id: string, type?: RecordType): Promise<{ activity: Activity; restored: TrashView['items'] }>;
  trash(): Promise<{ entries: TrashView[]; timezone: string }>;
  /** The seeker's saved edit of a step's draft (made in the web app), if any. */
  draftEdit(stepId: string): Promise<DraftEditState>;
  /** What emptying the Trash would delete for good, and the question to ask. */
  previewPurge(): Promise<PurgePreview>;
  /** Deletes everything in the Trash for good (cannot be undone). */
  purgeTrash(): Promise<PurgeResult>;
  close(): Promise<void>;
}

/** The sample data beside the seeker's (`tactful demo`); never touches the seeker's own. */
export interface SampleCommands {
  /** Where the sample lives, for people: a file path or a PostgreSQL schema. */
  where: string;
  /** Replaces any earlier sample with a fresh one; returns what was loaded. */
  load(): Promise<TactfulDocument>;
  /** Removes the sample; false when there was none. */
  leave(): Promise<boolean>;
}
