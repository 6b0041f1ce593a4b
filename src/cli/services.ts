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
  Source,
  StepAction,
  TactfulDocument,
} from '../core/types.js';

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

export interface LogInput {
  application: string;
  kind: InteractionKind;
  direction: Direction;
  contacts: string[];
  channel?: Channel;
  /** RFC 3339; omitted means now. */
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

export interface Services {
  /** One transaction: all of the document lands, or nothing does. Counts records by outcome. */
  importDocument(document: unknown): Promise<ImportOutcome>;
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
  backup(file: string): Promise<void>;
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
