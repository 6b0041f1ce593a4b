// Upsert semantics of SPEC §6: an omitted field keeps its stored value, null resets it to
// its default, a given list replaces the stored one. Nested objects (prosCons, notes)
// merge field by field.
import { DEFAULT_SETTINGS } from '../types.js';
import type { Application, Contact, Interaction, Interview, Settings } from '../types.js';
import type {
  ApplicationPatch,
  ContactPatch,
  InteractionPatch,
  InterviewPatch,
  SettingsPatch,
} from './document.schema.js';

export type ApplicationFields = Omit<Application, 'interviews' | 'interactions'>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `patch` over `stored` (or over `defaults` for a new record), key by key of `defaults`. */
export function mergeRecord<T extends object>(
  defaults: T,
  stored: T | undefined,
  patch: object,
): T {
  const out: Record<string, unknown> = {};
  const p = patch as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(defaults)) {
    const base = stored ? (stored as Record<string, unknown>)[key] : fallback;
    const given = p[key];
    if (given === undefined) out[key] = base;
    else if (given === null) out[key] = fallback;
    else if (isPlainObject(fallback) && isPlainObject(given)) {
      out[key] = mergeRecord(fallback, isPlainObject(base) ? base : undefined, given);
    } else out[key] = given;
  }
  return out as T;
}

export const CONTACT_DEFAULTS: Contact = {
  id: '',
  name: '',
  title: null,
  organization: null,
  email: null,
  phone: null,
  linkedin: null,
  isReference: false,
  notes: null,
};

export const APPLICATION_DEFAULTS: ApplicationFields = {
  id: '',
  organization: '',
  role: '',
  source: 'employer',
  region: null,
  status: 'active',
  createdOn: null,
  agent: null,
  references: [],
  policy: null,
  prosCons: { pros: [], cons: [], strengths: [] },
};

export const INTERVIEW_DEFAULTS: Interview = {
  id: '',
  round: 1,
  start: '',
  timezone: null,
  durationMinutes: 60,
  format: null,
  interviewers: [],
  decisionExpectedBy: null,
  quickDecision: false,
  unavailableUntil: null,
  final: false,
  chance: 'medium',
  notes: { keyPoints: [], forgot: [], promises: [], byInterviewer: [] },
};

export const INTERACTION_DEFAULTS: Interaction = {
  id: '',
  at: '',
  direction: 'out',
  kind: 'other',
  channel: null,
  contacts: [],
  summary: null,
  newDecisionDate: null,
  onHold: false,
  offerDeadline: null,
};

export function mergeSettings(stored: Settings | undefined, patch: SettingsPatch): Settings {
  return mergeRecord(DEFAULT_SETTINGS, stored, patch);
}

export function mergeContact(stored: Contact | undefined, patch: ContactPatch): Contact {
  return mergeRecord(CONTACT_DEFAULTS, stored, patch);
}

export function mergeApplication(
  stored: ApplicationFields | undefined,
  patch: ApplicationPatch,
): ApplicationFields {
  const { interviews: _v, interactions: _x, ...fields } = patch;
  return mergeRecord(APPLICATION_DEFAULTS, stored, fields);
}

export function mergeInterview(stored: Interview | undefined, patch: InterviewPatch): Interview {
  return mergeRecord(INTERVIEW_DEFAULTS, stored, patch);
}

export function mergeInteraction(
  stored: Interaction | undefined,
  patch: InteractionPatch,
): Interaction {
  return mergeRecord(INTERACTION_DEFAULTS, stored, patch);
}
