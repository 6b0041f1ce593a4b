// The personalisation of a draft: every value a template may use, built only from the facts
// (a draft never invents facts) and cleaned to plain single-line text.
import type { Application, Contact, Facts, Interview, Step } from '../types.js';
import {
  anchorInteraction,
  findApplication,
  findContact,
  interviewOf,
  namesOf,
  statedDecisionDate,
} from './facts-lookup.js';
import {
  asClause,
  joinClauses,
  cleanInline,
  cleanLines,
  clip,
  firstName,
  greetingFor,
  joinNames,
  longDate,
  nameParts,
} from './text.js';

export interface DraftOptions {
  /** Greet by full name ("Dear Dana Reyes,") instead of first name ("Hi Dana,"). */
  formal?: boolean;
  /** Something of value for a check-in: an article link, congratulations on news. */
  value?: string;
}

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
}

interface PromiseNote {
  /** What was promised, as an object ("my portfolio link"). */
  text: string;
  /** The promise as the seeker wrote it. */
  original: string;
  /** What "I will …" promises ("share the case study"), '' when the note does not say. */
  pledge: string;
  link: string;
}

/** The template variables (see templates/en/README.md). Strings are '' when unknown. */
export interface DraftView {
  greeting: string;
  /** The greeting for a call: "Hello Dana Reyes," rather than "Dear …" when formal. */
  spokenGreeting: string;
  recipientName: string;
  recipientFirstName: string;
  recipientTitle: string;
  recipientPhone: string;
  organization: string;
  role: string;
  round: string;
  laterRound: boolean;
  /** The interview was marked as the final round. */
  finalRound: boolean;
  interviewDate: string;
  /** What was discussed with this recipient: their own debrief points, else one of the round's. */
  keyPoint: string;
  /** The other interviewers of the round, by first name ('' when the recipient met no one else). */
  panelists: string;
  /** Wordings rotated among a round's interviewers (1st, 2nd, 3rd…), so no two notes read alike. */
  variantA: boolean;
  variantB: boolean;
  variantC: boolean;
  forgot: string;
  promises: PromiseNote[];
  strength: string;
  timeline: string;
  seekerName: string;
  signature: string;
  seekerPhone: string;
  seekerEmail: string;
  employer: boolean;
  recruiter: boolean;
  agency: boolean;
  toAgent: boolean;
  toRecruiter: boolean;
  /** The recipient is the application's agent or recruiter, not the employer. */
  toIntermediary: boolean;
  toReference: boolean;
  interviewerNames: string;
  /** What the agent should share so the seeker can thank interviewers themself ('' when known). */
  askForDetails: string;
  offerDeadline: string;
  value: string;
  rejectedBy: string;
}

/** Every variable a template may use (checked against DraftView at compile time). */
export const VIEW_VARIABLES = [
  'greeting',
  'spokenGreeting',
  'recipientName',
  'recipientFirstName',
  'recipientTitle',
  'recipientPhone',
  'organization',
  'role',
  'round',
  'laterRound',
  'finalRound',
  'interviewDate',
  'keyPoint',
  'panelists',
  'variantA',
  'variantB',
  'variantC',
  'forgot',
  'promises',
  'strength',
  'timeline',
  'seekerName',
  'signature',
  'seekerPhone',
  'seekerEmail',
  'employer',
  'recruiter',
  'agency',
  'toAgent',
  'toRecruiter',
  'toIntermediary',
  'toReference',
  'interviewerNames',
  'askForDetails',
  'offerDeadline',
  'value',
  'rejectedBy',
] as const satisfies readonly (keyof DraftView)[];
/** The fields of one item of `promises`. */
export const PROMISE_VARIABLES = [
  'text',
  'original',
  'pledge',
  'link',
] as const satisfies readonly (keyof PromiseNote)[];
type Unlisted = Exclude<keyof DraftView, (typeof VIEW_VARIABLES)[number]>;
// Fails to compile when DraftView gains a field that VIEW_VARIABLES does not list.
const everyVariableListed: [Unlisted] extends [never] ? true : never = true;
void everyVariableListed;

const URL_PATTERN = /https?:\/\/[^\s<>"]+/i;

/** A URL as written, minus sentence punctuation after it ("see https://x.dev/a)." → "https://x.dev/a"). */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'"]+$/, '');
  while (out.endsWith(')') && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length)
    out = out.slice(0, -1);
  return out;
}
const EMAIL_PATTERN = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/;
const PHONE_PATTERN = /\+?\d[\d ().-]{6,}\d/;

/** The seeker's name (first line of the signature) and contact details (the other lines). */
export function parseSignature(signature: string): {
  name: string;
  lines: string[];
  phone: string;
  email: string;
} {
  const lines = cleanLines(signature)
    .map((line) => clip(line, 120))
    .slice(0, 6);
  const contactLines = lines.slice(1).join(' ');
  return {
    name: lines[0] ?? '',
    lines,
    phone: PHONE_PATTERN.exec(contactLines)?.[0] ?? '',
    email: EMAIL_PATTERN.exec(contactLines)?.[0] ?? '',
  };
}

/** How much a key point says: distinct words, with numbers and names counting extra. */
function specificity(point: string): number {
  const words = new Set(
    cleanInline(point)
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length > 2),
  );
  return words.size + (point.match(/\d+|\b[A-Z][a-z]+[A-Z]?\w*/g) ?? []).length;
}

/** Points from the most specific to the least; ties keep the seeker's order. Blank ones go. */
function bySpecificity(points: readonly string[]): string[] {
  return points
    .filter((p) => cleanInline(p).length > 0)
    .map((point, i) => ({ point, i, score: specificity(point) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.point);
}

/** The most specific key point (see specificity). Ties keep the seeker's order. */
export function mostSpecific(points: string[]): string | null {
  return bySpecificity(points)[0] ?? null;
}

/**
 * What a message to `recipient` about `interview` mentions: up to two of the points the seeker
 * noted for that person (the most specific, in their order); else one of the round's points,
 * a different one for each interviewer without their own notes (the most specific for the lead).
 */
export function pointsFor(recipient: string | undefined, interview: Interview | null): string[] {
  if (!interview) return [];
  const byInterviewer = (interview.notes.byInterviewer ?? []).filter(
    (n) => bySpecificity(n.keyPoints).length > 0,
  );
  const own = byInterviewer.filter((n) => n.contact === recipient).flatMap((n) => n.keyPoints);
  if (own.length > 0) {
    const best = new Set(bySpecificity(own).slice(0, 2));
    return own.filter((p) => best.delete(p));
  }
  const round = bySpecificity(interview.notes.keyPoints);
  if (round.length === 0) return [];
  const noted = new Set(byInterviewer.map((n) => n.contact));
  const turn = interview.interviewers.filter((id) => !noted.has(id)).indexOf(recipient ?? '');
  return [round[Math.max(0, turn) % round.length]!];
}

const PROMISE_VERB =
  /^(?:i will |i'll |to )?(send|share|forward|email|e-mail|provide|follow up with)\s+/i;
const DETERMINER =
  /^(?:the|my|a|an|our|some|you|them|him|her|it|this|that|these|those|over|along|back)\b/i;

/**
 * "send portfolio link https://x" → { text: "my portfolio link", link: "https://x" };
 * "Share the deck" → { pledge: "share the deck" } (what "I will …" promises, when it says).
 */
function parsePromise(raw: string, max: number, names: ReadonlySet<string>): PromiseNote {
  const clean = cleanInline(raw);
  const link = trimUrl(URL_PATTERN.exec(clean)?.[0] ?? '');
  const original = asClause(clean, max, names);
  let text = clean
    .replace(link, '')
    .replace(/[\s:,(–—-]+$/, '')
    .replace(/\s*\(\s*\)/, '');
  const verb = PROMISE_VERB.exec(text)?.[1]?.toLowerCase() ?? '';
  text = text.replace(PROMISE_VERB, '');
  const object = asClause(text, max, names);
  if (link && text && !DETERMINER.test(text)) text = `my ${text}`;
  if (link && !text) text = 'the link';
  // "send references" reads "send my references"; a name or "the deck" stays as written.
  const mine = verb !== 'follow up with' && /^\p{Ll}/u.test(object) && !DETERMINER.test(object);
  const pledge = verb && object ? `${verb} ${mine ? 'my ' : ''}${object}` : '';
  return { text: asClause(text, max, names), original, pledge, link: clip(link, 300) };
}

function interviewerContacts(interview: Interview | null, facts: Facts): Contact[] {
  if (!interview) return [];
  return interview.interviewers
    .map((id) => findContact(facts, id))
    .filter((c): c is Contact => c !== undefined);
}

/** The rejection's messenger, when the step follows one. */
function rejectedBy(step: Step, facts: Facts): string {
  const trigger = anchorInteraction(step, facts);
  if (!trigger || trigger.kind !== 'rejection') return '';
  const who = trigger.contacts.map((id) => findContact(facts, id)?.name ?? '').filter(Boolean);
  return cleanInline(joinNames(who));
}

/**
 * Everything a template can say about `step`, with free-text facts clipped to `detail`
 * characters (0 leaves optional details out, so a draft can be fitted to its length limit).
 */
export function buildView(
  step: Step,
  facts: Facts,
  options: DraftOptions,
  detail: number,
): {
  view: DraftView;
  recipients: Recipient[];
  application: Application;
} {
  const application = findApplication(facts, step.application);
  const people = step.to
    .map((id) => findContact(facts, id))
    .filter((c): c is Contact => c !== undefined);
  const interview = interviewOf(step, application, facts);
  const interviewers = interviewerContacts(interview, facts);
  const notes = interview?.notes ?? { keyPoints: [], forgot: [], promises: [] };
  const names = namesOf(application, facts);
  const signature = parseSignature(facts.settings.signature);
  const decision = statedDecisionDate(application, interview, facts.settings.timezone);
  const trigger = anchorInteraction(step, facts);
  const offerDeadline =
    step.kind === 'offer_update' && trigger?.offerDeadline ? longDate(trigger.offerDeadline) : '';
  const lead = people[0];
  const toAgent =
    lead !== undefined && lead.id === application.agent && application.source === 'agency';
  const toRecruiter =
    lead !== undefined && lead.id === application.agent && application.source === 'recruiter';
  const points = pointsFor(lead?.id, interview);
  // The recipient's place among the round's interviewers picks the wording (-1: not one of them).
  const seat = lead ? (interview?.interviewers.indexOf(lead.id) ?? -1) : -1;
  const variant = Math.max(0, seat) % 3;
  const panelists =
    seat < 0 ? [] : interviewers.filter((c) => c.id !== lead?.id).map((c) => firstName(c.name));
  // Short notes (LinkedIn) need short names too, even hostile 500-character ones.
  const short = detail < 70;
  const askForDetails =
    interviewers.length === 0
      ? 'their names and e-mail addresses'
      : interviewers.every((c) => !c.email && !c.linkedin)
        ? 'their e-mail addresses'
        : '';

  const view: DraftView = {
    greeting: greetingFor(
      people.map((c) => c.name),
      options.formal === true,
      short ? 30 : 60,
    ),
    spokenGreeting: greetingFor(
      people.map((c) => c.name),
      options.formal === true,
      short ? 30 : 60,
    ).replace(/^Dear /, 'Hello '),
    recipientName: clip(
      cleanInline(joinNames(people.map((c) => nameParts(c.name).join(' ')))),
      120,
    ),
    recipientFirstName: clip(firstName(lead?.name ?? ''), short ? 30 : 60),
    recipientTitle: clip(cleanInline(lead?.title), 80),
    recipientPhone: clip(cleanInline(lead?.phone), 40),
    organization: clip(cleanInline(application.organization), short ? 50 : 100),
    role: clip(cleanInline(application.role), short ? 50 : 100),
    round: interview ? String(interview.round) : '',
    laterRound: (interview?.round ?? 1) > 1,
    finalRound: interview?.final === true,
    interviewDate: interview ? longDate(interview.start.slice(0, 10)) : '',
    keyPoint: joinClauses(points.map((p) => asClause(p, detail, names))),
    panelists: clip(cleanInline(joinNames(panelists)), short ? 40 : 120),
    variantA: variant === 0,
    variantB: variant === 1,
    variantC: variant === 2,
    forgot: notes.forgot[0] ? asClause(notes.forgot[0], detail, names) : '',
    promises:
      detail > 0
        ? notes.promises
            .slice(0, 2)
            .map((p) => parsePromise(p, detail, names))
            .filter((p) => p.text || p.link)
        : [],
    strength: application.prosCons.strengths[0]
      ? asClause(application.prosCons.strengths[0], Math.min(detail, 120), names)
      : '',
    timeline: decision ? longDate(decision) : '',
    seekerName: clip(signature.name, short ? 60 : 120),
    signature: signature.lines.join('\n'),
    seekerPhone: signature.phone,
    seekerEmail: signature.email,
    employer: application.source === 'employer',
    recruiter: application.source === 'recruiter',
    agency: application.source === 'agency',
    toAgent,
    toRecruiter,
    toIntermediary: toAgent || toRecruiter,
    toReference:
      lead !== undefined && (lead.isReference || application.references.includes(lead.id)),
    interviewerNames: clip(
      cleanInline(joinNames(interviewers.map((c) => nameParts(c.name).join(' ')))),
      160,
    ),
    askForDetails: toAgent ? askForDetails : '',
    offerDeadline,
    value: clip(cleanInline(options.value), 400),
    rejectedBy: rejectedBy(step, facts),
  };
  const recipients = people.map((c) => ({ id: c.id, name: cleanInline(c.name), email: c.email }));
  return { view, recipients, application };
}
