// Facts prepared once per plan and once per application: parsed instants, dates in the right
// zone, sorted rounds and interactions, the lead contact. Everything later reads these.
import type { BusinessCalendar } from '../calendar.js';
import { DomainError } from '../errors.js';
import { fastDateInZone, fastDateInZone as dateInZone, fastLocalToMs as localMs, fastParseInstant as instantMs } from './zone.js';
import type {
  Application,
  ApplicationStatus,
  Channel,
  Contact,
  Facts,
  Interaction,
  Interview,
  IsoDate,
  PlanWarning,
  PresetName,
  StepEvent,
  StepKind,
} from '../types.js';
import { organisationKey } from './ids.js';
import { policyFor, type Policy } from './presets.js';

export interface TimedInteraction {
  ix: Interaction;
  ms: number;
  /** Date of the instant in the seeker's zone. */
  date: IsoDate;
}

export interface Round {
  iv: Interview;
  startMs: number;
  endMs: number;
  /** The interview date: the end's date in the interview's zone. */
  date: IsoDate;
  /** The start's date in the interview's zone. */
  startDate: IsoDate;
  ended: boolean;
}

export interface PlanContext {
  facts: Facts;
  calendar: BusinessCalendar;
  policies: Record<PresetName, Policy>;
  asOf: number;
  asOfDate: IsoDate;
  zone: string;
  contacts: Map<string, Contact>;
  /** Contacts flagged `isReference`, by id. */
  referenceIds: string[];
  /** Step events up to as-of, by step id, in time order. */
  events: Map<string, StepEvent[]>;
  warnings: PlanWarning[];
}

export interface AppContext {
  app: Application;
  region: string;
  policy: Policy;
  orgKey: string;
  status: ApplicationStatus;
  /** Every recorded interview, by end then id. */
  rounds: Round[];
  ended: Round[];
  latest: Round | null;
  /** Interactions up to as-of, by time then id. */
  interactions: TimedInteraction[];
  lead: string | null;
}

/** A step before events, pacing and the overdue flag. */
export interface Draft {
  id: string;
  application: string;
  kind: StepKind;
  to: string[];
  channel: Channel | null;
  earliest: IsoDate;
  due: IsoDate;
  dueAt: number | null;
  why: string;
  region: string;
  orgKey: string;
  /** Never moved by pacing (thank_you, answer_offer, deadline-bound offer_update). */
  fixed: boolean;
  /** For a thank_you: the interview date (late_thank_you). */
  interviewDate: IsoDate | null;
}

/** Runs `read`, turning any failure on malformed facts into a DomainError naming the field. */
function checked<T>(field: string, what: string, read: () => T): T {
  let value: T;
  try {
    value = read();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, field);
    throw new DomainError('invalid_input', `${field}: ${what}`, field);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new DomainError('invalid_input', `${field}: ${what}`, field);
  return value;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildPlanContext(
  facts: Facts,
  policies: Record<PresetName, Policy>,
  calendar: BusinessCalendar,
  asOf: number,
): PlanContext {
  const zone = facts.settings.timezone;
  checked('settings.timezone', `unknown time zone "${zone}"`, () => fastDateInZone(asOf, zone));
  checked('settings.region', `unknown holiday region "${facts.settings.region}"`, () => calendar.assertRegion(facts.settings.region));
  const contacts = new Map<string, Contact>();
  for (const c of facts.contacts) contacts.set(c.id, c);
  const referenceIds = facts.contacts.filter((c) => c.isReference).map((c) => c.id).sort();
  const events = new Map<string, StepEvent[]>();
  const timed = facts.stepEvents
    .map((e, i) => ({ e, ms: checked(`stepEvents[${i}].at`, 'expected an RFC 3339 instant', () => instantMs(e.at)) }))
    .filter((t) => t.ms <= asOf)
    .sort((a, b) => a.ms - b.ms || (a.e.action < b.e.action ? -1 : a.e.action > b.e.action ? 1 : 0));
  for (const { e } of timed) {
    const list = events.get(e.stepId);
    if (list) list.push(e);
    else events.set(e.stepId, [e]);
  }
  return {
    facts,
    calendar,
    policies,
    asOf,
    asOfDate: dateInZone(asOf, zone),
    zone,
    contacts,
    referenceIds,
    events,
    warnings: [],
  };
}

const OUTCOME_STATUS: Record<string, ApplicationStatus> = {
  'in:offer': 'offer',
  'out:accept': 'accepted',
  'in:rejection': 'rejected',
  'out:withdraw': 'withdrawn',
};

/** SPEC §3.1: a terminal stored status wins, else the latest outcome interaction, else stored. */
export function effectiveStatus(app: Application, interactions: TimedInteraction[]): ApplicationStatus {
  if (app.status !== 'active' && app.status !== 'offer') return app.status;
  for (let i = interactions.length - 1; i >= 0; i--) {
    const ix = interactions[i]!.ix;
    const implied = OUTCOME_STATUS[`${ix.direction}:${ix.kind}`];
    if (implied) return implied;
  }
  return app.status;
}

/** `index` is the application's position in the facts, named in errors about its fields. */
export function prepareApplication(ctx: PlanContext, app: Application, index: number): AppContext {
  try {
    return prepare(ctx, app);
  } catch (error) {
    throw diagnose(ctx, app, index, error);
  }
}

/** Finds the malformed field behind a failure (the slow path, only after something threw). */
function diagnose(ctx: PlanContext, app: Application, index: number, error: unknown): DomainError {
  const at = `applications[${index}]`;
  if (app.region !== null) checked(`${at}.region`, `unknown holiday region "${app.region}"`, () => ctx.calendar.assertRegion(app.region!));
  app.interviews.forEach((iv, j) => {
    const zone = iv.timezone ?? ctx.zone;
    const start = checked(`${at}.interviews[${j}].start`, `"${iv.start}" in "${zone}" is not a local date-time in a known zone`, () => localMs(iv.start, zone));
    checked(`${at}.interviews[${j}].durationMinutes`, 'expected a number of minutes', () => start + iv.durationMinutes * 60_000);
  });
  app.interactions.forEach((ix, j) => checked(`${at}.interactions[${j}].at`, 'expected an RFC 3339 instant', () => instantMs(ix.at)));
  return error instanceof DomainError ? error : new DomainError('invalid_input', `${at} cannot be planned`, at);
}

function prepare(ctx: PlanContext, app: Application): AppContext {
  const region = app.region ?? ctx.facts.settings.region;
  if (app.region !== null) ctx.calendar.assertRegion(region);
  // Interviews are kept whatever their date: one not yet ended is a pending round, not a future fact.
  const rounds: Round[] = app.interviews.map((iv) => {
    const zone = iv.timezone ?? ctx.zone;
    const startMs = localMs(iv.start, zone);
    const endMs = startMs + iv.durationMinutes * 60_000;
    if (!Number.isFinite(endMs)) throw new RangeError('interview end is not a number');
    return {
      iv,
      startMs,
      endMs,
      date: dateInZone(endMs, zone),
      startDate: iv.start.slice(0, 10),
      ended: endMs <= ctx.asOf,
    };
  });
  rounds.sort((a, b) => a.endMs - b.endMs || byId(a.iv, b.iv));
  const ended = rounds.filter((r) => r.ended);
  const interactions: TimedInteraction[] = [];
  for (const ix of app.interactions) {
    const ms = instantMs(ix.at);
    if (!Number.isFinite(ms)) throw new RangeError('interaction instant is not a number');
    if (ms <= ctx.asOf) interactions.push({ ix, ms, date: dateInZone(ms, ctx.zone) });
  }
  if (interactions.length > 1) interactions.sort((a, b) => a.ms - b.ms || byId(a.ix, b.ix));
  return {
    app,
    region,
    policy: policyFor(app, ctx.facts.settings, ctx.policies),
    orgKey: organisationKey(app.organization),
    status: effectiveStatus(app, interactions),
    rounds,
    ended,
    latest: ended.length > 0 ? ended[ended.length - 1]! : null,
    interactions,
    lead: leadContact(app, ended.length > 0 ? ended : rounds),
  };
}

/**
 * The agent for recruiter/agency sources, else the first interviewer of the latest round with
 * interviewers (ended rounds first; recorded future rounds only when none has ended).
 */
function leadContact(app: Application, rounds: Round[]): string | null {
  if (app.source !== 'employer') return app.agent;
  for (let i = rounds.length - 1; i >= 0; i--) {
    const first = rounds[i]!.iv.interviewers[0];
    if (first) return first;
  }
  return null;
}

/**
 * True when an outbound interaction of `kind` logged in [fromMs, toMs) names `contact`
 * (no contact named: the lead contact). `contact` null (seeker steps) matches any.
 */
export function completedBy(
  actx: AppContext,
  kind: string,
  contact: string | null,
  fromMs: number,
  toMs = Infinity,
): boolean {
  for (const t of actx.interactions) {
    if (t.ix.kind !== kind || t.ix.direction !== 'out' || t.ms < fromMs || t.ms >= toMs) continue;
    if (contact === null) return true;
    if (t.ix.contacts.length === 0 ? contact === actx.lead : t.ix.contacts.includes(contact)) return true;
  }
  return false;
}

export function contactName(ctx: PlanContext, id: string): string {
  return ctx.contacts.get(id)?.name || id;
}
