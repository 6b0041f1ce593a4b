// Domain vocabulary of SPEC §2 and the JSON document of SPEC §6.
// Dates are ISO strings: `IsoDate` = YYYY-MM-DD, `IsoInstant` = RFC 3339 with an offset,
// `LocalDateTime` = YYYY-MM-DDTHH:mm[:ss] without an offset (read in a given IANA zone).

export type IsoDate = string;
export type IsoInstant = string;
export type LocalDateTime = string;

export const SOURCES = ['employer', 'recruiter', 'agency'] as const;
export type Source = (typeof SOURCES)[number];

export const APPLICATION_STATUSES = [
  'active',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** SPEC §3.1: *active* means `active` or `offer` (the board, Insights and search health agree). */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['active', 'offer'];

export const CHANNELS = ['email', 'phone', 'voicemail', 'letter', 'linkedin', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANCES = ['low', 'medium', 'high'] as const;
export type Chance = (typeof CHANCES)[number];

export const PRESETS = ['gentle', 'standard', 'persistent'] as const;
export type PresetName = (typeof PRESETS)[number];

/** Step kinds, in pacing rank order first (SPEC §3.1 "Pacing order"), then seeker/reference kinds. */
export const STEP_KINDS = [
  'thank_you',
  'offer_update',
  'withdraw',
  'answer_offer',
  'final_thanks',
  'status_check',
  'check_in',
  'keep_warm',
  'connect',
  'references_heads_up',
  'debrief',
  'reflect',
  'move_on',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The two drafts of an `answer_offer` step: accepting the offer, or declining it gracefully. */
export const ANSWER_OFFER_VARIANTS = ['accept', 'decline'] as const;
export type DraftVariant = (typeof ANSWER_OFFER_VARIANTS)[number];

/** Steps addressed to the seeker themself: `to: []`, `channel: null`, never moved. */
export const SEEKER_STEP_KINDS: readonly StepKind[] = ['debrief', 'reflect', 'move_on'];

export const OUTBOUND_KINDS = [...STEP_KINDS, 'accept', 'other'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

export const INBOUND_KINDS = ['reply', 'update', 'invitation', 'offer', 'rejection'] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

export type InteractionKind = OutboundKind | InboundKind;
export type Direction = 'in' | 'out';

export const STEP_ACTIONS = ['done', 'skip', 'snooze'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface Settings {
  timezone: string;
  region: string;
  preset: PresetName;
  activeTarget: number;
  signature: string;
  /** The seeker's own address: never an interviewer on an imported invitation. */
  email: string | null;
}

export interface Contact {
  id: string;
  name: string;
  title: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  linkedin: string | null;
  isReference: boolean;
  notes: string | null;
}

/** What was discussed with one interviewer of the round (a stored contact). */
export interface InterviewerNotes {
  contact: string;
  keyPoints: string[];
}

export interface DebriefNotes {
  keyPoints: string[];
  forgot: string[];
  promises: string[];
  /**
   * What was discussed with each interviewer. Optional so older records and fixtures stay
   * valid; storage, the document and the API always give it (default []).
   */
  byInterviewer?: InterviewerNotes[];
}

export interface Interview {
  id: string;
  round: number;
  start: LocalDateTime;
  /** IANA zone; null means the seeker's zone. */
  timezone: string | null;
  durationMinutes: number;
  format: string | null;
  interviewers: string[];
  decisionExpectedBy: IsoDate | null;
  quickDecision: boolean;
  unavailableUntil: IsoDate | null;
  final: boolean;
  chance: Chance;
  notes: DebriefNotes;
}

export interface Interaction {
  id: string;
  at: IsoInstant;
  direction: Direction;
  kind: InteractionKind;
  channel: Channel | null;
  contacts: string[];
  summary: string | null;
  /** Only on inbound `reply`/`update`. */
  newDecisionDate: IsoDate | null;
  /** Only on inbound `update`. */
  onHold: boolean;
  /** Only on inbound `offer`. */
  offerDeadline: IsoDate | null;
}

export interface ProsCons {
  pros: string[];
  cons: string[];
  strengths: string[];
}

export interface ApplicationPolicy {
  preset?: PresetName;
}

export interface Application {
  id: string;
  organization: string;
  role: string;
  source: Source;
  /** Holiday region; null means the seeker's region. */
  region: string | null;
  status: ApplicationStatus;
  createdOn: IsoDate | null;
  agent: string | null;
  references: string[];
  policy: ApplicationPolicy | null;
  prosCons: ProsCons;
  interviews: Interview[];
  interactions: Interaction[];
}

export interface StepEvent {
  stepId: string;
  action: StepAction;
  at: IsoInstant;
  until: IsoDate | null;
}

/** Everything the plan is computed from (one seeker's data). */
export interface Facts {
  settings: Settings;
  contacts: Contact[];
  applications: Application[];
  stepEvents: StepEvent[];
  /**
   * Inbound messages matched to an application and not yet confirmed (SPEC §3 "Held by an
   * unread reply"). Not part of the document: mail is never exported. Absent means none.
   */
  holds?: Hold[];
}

/** An unread reply holding its application's outbound steps until the seeker confirms it. */
export interface Hold {
  application: string;
  /** The inbox message's id (`heldBy` of the held steps). */
  message: string;
  /** When it arrived: a plan as of an earlier instant does not see it. */
  at: IsoInstant;
}

/** The JSON document of SPEC §6 (import, export, backup). */
export interface TactfulDocument extends Omit<Facts, 'holds'> {
  format: 'tactful/v1';
}

export interface Step {
  id: string;
  application: string;
  kind: StepKind;
  to: string[];
  channel: Channel | null;
  earliest: IsoDate;
  due: IsoDate;
  dueAt: IsoInstant | null;
  overdue: boolean;
  why: string;
  /** The unread reply that holds this step (SPEC §3): present only when held. */
  heldBy?: string;
}

export type WarningKind =
  'keep_searching' | 'pacing' | 'late_thank_you' | 'missing_round' | 'missing_detail';

export interface PlanWarning {
  kind: WarningKind;
  application: string | null;
  message: string;
}

/** The object printed by `tactful plan --json` and returned by `GET /api/plan`. */
export interface Plan {
  asOf: IsoInstant;
  steps: Step[];
  warnings: PlanWarning[];
}

export const DEFAULT_SETTINGS: Settings = {
  timezone: 'UTC',
  region: 'US',
  preset: 'standard',
  activeTarget: 5,
  signature: '',
  email: null,
};
