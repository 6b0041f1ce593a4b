// The interfaces the use cases need. Storage implements them; main/ wires them.
import type {
  Application,
  Contact,
  Facts,
  Interaction,
  Interview,
  Settings,
  StepEvent,
} from '../core/types.js';
import type { InboxRepository } from './inbox-store.js';

/** An application's own fields, without its interviews and interactions. */
export type ApplicationRecord = Omit<Application, 'interviews' | 'interactions'>;

/**
 * One seeker's facts. Every method runs inside the transaction it was handed by
 * `UnitOfWork.transaction`; nothing here opens its own.
 */
export interface FactsRepository {
  /** Everything the plan is computed from, in a stable order (ids ascending). */
  loadFacts(): Promise<Facts>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;

  getContact(id: string): Promise<Contact | undefined>;
  upsertContact(contact: Contact): Promise<void>;

  getApplication(id: string): Promise<Application | undefined>;
  upsertApplication(application: ApplicationRecord): Promise<void>;
  upsertInterview(applicationId: string, interview: Interview): Promise<void>;
  upsertInteraction(applicationId: string, interaction: Interaction): Promise<void>;

  addStepEvent(event: StepEvent): Promise<void>;

  /** Removes one interview (an invitation cancelled by its organiser); absent ids are ignored. */
  deleteInterview(id: string): Promise<void>;
  /** The SEQUENCE stored with interviews imported from an invitation (absent: none stored). */
  invitationSequences(interviewIds: readonly string[]): Promise<Map<string, number>>;
  /** Stores the SEQUENCE of the invitation an interview was imported from (journaled). */
  setInvitationSequence(interviewId: string, sequence: number): Promise<void>;

  /**
   * Inserts of new records under a generated id: unlike the upserts they never overwrite, so
   * two concurrent callers that picked the same id cannot clobber each other; the loser gets
   * DomainError('conflict').
   */
  insertContact(contact: Contact): Promise<void>;
  insertApplication(application: ApplicationRecord): Promise<void>;
  insertInterview(applicationId: string, interview: Interview): Promise<void>;
  insertInteraction(applicationId: string, interaction: Interaction): Promise<void>;

  /**
   * Upserts many records at once (multi-row statements, parents before children): what an
   * import of 100,000 applications needs. Same semantics as the single upserts.
   */
  upsertAll(batch: FactsBatch): Promise<void>;

  /**
   * Every stored id of one entity type, those in the Trash included (`which: 'all'`, the
   * default: for generating the next free `c7`, `a7`, `i12`, `x30`, so a trashed id is never
   * reused), or only the live ones (`'live'`: for "does this contact exist").
   */
  listIds(entity: EntityType, which?: 'all' | 'live'): Promise<string[]>;

  /**
   * Names the activity this transaction records (every transaction that writes facts records
   * one, in the same transaction). Call it before or after the writes; the last call wins.
   */
  describeActivity(description: ActivityDescription): void;
  /** The id of the activity this transaction has recorded so far (null: nothing written yet). */
  activityId(): number | null;
  /** Moves live records to the Trash (they keep their rows; reads no longer see them). */
  trash(batch: TrashBatch): Promise<void>;
  /** The journal, newest first. */
  listActivities(options: { limit: number; before?: number | undefined }): Promise<Activity[]>;
  /** One activity by id, or the newest one not undone (`'latest'`). */
  getActivity(id: number | 'latest'): Promise<Activity | undefined>;
  /**
   * Puts back every row the activity wrote as it was before, and marks it undone; refused
   * (nothing changes) when a later activity not undone wrote the same rows or rows that depend
   * on a record it created: the latest such activity is returned as `blockedBy`.
   */
  undoActivity(id: number): Promise<UndoOutcome>;
  /** What is in the Trash, by the activity that deleted it, newest first. */
  listTrash(): Promise<TrashEntry[]>;
  /**
   * Deletes every record in the Trash for good, with the before-images in the journal that
   * could bring them back (and the seeker's draft edits of their steps); live records that name
   * a deleted contact stop naming them. Recorded as this transaction's activity (describe it
   * with kind `PURGE_KIND`); no undo can bring the rows back, and their ids stay taken.
   */
  purgeTrash(): Promise<PurgedCounts>;
  /** The activity that moved this record to the Trash (undefined: not in the Trash). */
  trashedIn(entity: EntityType, id: string): Promise<number | undefined>;

  /** The seeker's own text of a step's draft (not a fact: never exported, never planned from). */
  getDraftEdit(stepId: string): Promise<DraftEdit | undefined>;
  /**
   * Stores `edit` unless a revision at least as new is already stored (one atomic statement:
   * a slow, older save never overwrites a newer one); returns the stored row either way.
   */
  saveDraftEdit(edit: DraftEdit): Promise<DraftEdit>;

  /** The inbox's folder states and matched messages (issue 10), in this transaction. */
  inbox(): InboxRepository;
}

/** `kind`: done, skip, snooze, close, log, add, edit, import, settings, delete, purge, send… */
export interface ActivityDescription {
  kind: string;
  /** In the seeker's words: "Marked done: thank-you to Priya Raman". */
  summary: string;
}

export interface Activity extends ActivityDescription {
  id: number;
  /** RFC 3339 instant. */
  at: string;
  /** How many rows it wrote. */
  rows: number;
  undoneAt: string | null;
}

/**
 * `purgedBy`: refused for good, the Trash was emptied of rows the activity wrote (the purge
 * activity itself when that is what was asked to undo).
 */
export type UndoOutcome = { undone: Activity } | { blockedBy: Activity } | { purgedBy: Activity };

/** The activity kind of emptying the Trash: it cannot be undone. */
export const PURGE_KIND = 'purge';

/** How many records emptying the Trash deleted for good. */
export interface PurgedCounts {
  contacts: number;
  applications: number;
  interviews: number;
  interactions: number;
  stepEvents: number;
}

export interface TrashBatch {
  contacts?: string[];
  applications?: string[];
  interviews?: string[];
  interactions?: string[];
  stepEvents?: StepEvent[];
}

export type TrashItem =
  | { entity: 'contact'; id: string; applicationId: null; record: Contact }
  | { entity: 'application'; id: string; applicationId: string; record: ApplicationRecord }
  | { entity: 'interview'; id: string; applicationId: string; record: Interview }
  | { entity: 'interaction'; id: string; applicationId: string; record: Interaction };

export interface TrashEntry {
  activity: Activity;
  /** The records it deleted (step events are not listed: they go with their application). */
  items: TrashItem[];
}

/** A step's edited draft; `body: null` means the edit was taken back at `revision`. */
export interface DraftEdit {
  stepId: string;
  subject: string | null;
  body: string | null;
  /** Chosen by the client, strictly increasing per step. */
  revision: number;
  updatedAt: string;
}

export interface FactsBatch {
  settings?: Settings;
  contacts?: Contact[];
  applications?: ApplicationRecord[];
  interviews?: { applicationId: string; interview: Interview }[];
  interactions?: { applicationId: string; interaction: Interaction }[];
  stepEvents?: StepEvent[];
}

export type EntityType = 'contact' | 'application' | 'interview' | 'interaction';

export interface UnitOfWork {
  /** Runs `work` in one database transaction: all of its writes land, or none do. */
  transaction<T>(work: (repo: FactsRepository) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one read-only transaction (one consistent snapshot). On SQLite it does not
   * take the write lock, so a long read (a plan over 100,000 applications) never holds up writers.
   */
  read<T>(work: (repo: FactsRepository) => Promise<T>): Promise<T>;
}

/** The only source of "now" for use cases (main/ passes the real clock, tests a fixed one). */
export interface Clock {
  now(): number;
}
