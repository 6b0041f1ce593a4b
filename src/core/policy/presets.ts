// The follow-up policy of SPEC §3 as data: every number in one object per preset, each with
// the short reason shown to the seeker in a step's `why`. Presets change numbers, not shape.
import type { Application, PresetName, Settings, Source } from '../types.js';

export type OffsetUnit = 'bd' | 'days' | 'months';

/** A date offset; `bd` = business days of the application's region (strictly after). */
export interface Offset {
  value: number;
  unit: OffsetUnit;
  why: string;
}

export interface Limit {
  value: number;
  why: string;
}

/** Per-source numbers; agency has a faster rhythm when a quick decision was announced. */
export interface BySource<T> {
  employer: T;
  recruiter: T;
  agency: T;
  agencyQuick: T;
}

export interface Policy {
  name: PresetName;
  /** thank_you: dueAt = interview end + this many hours (an instant, never moved). */
  thankYouWithin: Limit;
  reflectAfter: Offset;
  firstStatusCheck: BySource<Offset>;
  repeatStatusCheck: BySource<Offset>;
  unansweredLimit: Omit<BySource<Limit>, 'agencyQuick'>;
  afterDecisionDate: Offset;
  afterUnavailable: Offset;
  dragAfter: Offset;
  checkInEvery: Offset;
  checkInMax: Limit;
  moveOnAfter: Offset;
  referencesAfter: Offset;
  offerUpdateAfter: Offset;
  offerUpdateBeforeDeadline: Offset;
  withdrawAfter: Offset;
  /** answer_offer: this many business days before the offer's deadline. */
  answerOfferBeforeDeadline: Offset;
  finalThanksAfter: Offset;
  connectAfter: Offset;
  keepWarmAfter: Offset;
  lateThankYouAfter: Offset;
  searchWindow: Offset;
}

const bd = (value: number, why: string): Offset => ({ value, unit: 'bd', why });
const days = (value: number, why: string): Offset => ({ value, unit: 'days', why });
const months = (value: number, why: string): Offset => ({ value, unit: 'months', why });
const limit = (value: number, why: string): Limit => ({ value, why });

const WHY = {
  employer: 'an employer usually needs a few business days to gather feedback',
  recruiter: 'a recruiter works to the client’s timetable, so give them a week',
  agency: 'an agency relays feedback from its client, which takes about a week',
  agencyQuick: 'they said they would decide quickly',
  decision: 'they told you when they expect to decide; ask only after that date',
  unavailable: 'they are away until then; wait until they are back',
  reflect: 'while the interview is still fresh in your mind',
  drag: 'a month of silence means the process is dragging',
  checkIn: 'once a process drags, a monthly note of value keeps you in mind without pressure',
  checkInMax: 'two unanswered check-ins are enough; more would look pushy',
  moveOn: 'after two unanswered check-ins it is time to cut your losses',
  references: 'references give a better account when they know a call may come',
  offer: 'tell them early enough to react, and never as an ultimatum',
  offerDeadline: 'they need a couple of business days before your offer deadline',
  withdraw: 'withdrawing promptly and warmly leaves the door open',
  answerOffer:
    'answering ahead of the deadline respects their timetable and keeps their goodwill, whichever way you decide',
  finalThanks: 'thanking them after a rejection and asking for feedback leaves a good impression',
  connect: 'a LinkedIn connection keeps the relationship going',
  keepWarm: 'the chosen candidate may decline or another role may open within a few months',
  late: 'after two business days a thank-you is late: still send it, short, without excuses',
  search: 'keep applying while you wait: a new application every week keeps options open',
  thanks: 'interviewers remember a thank-you that arrives within a day',
};

const STANDARD: Policy = {
  name: 'standard',
  thankYouWithin: limit(24, WHY.thanks),
  reflectAfter: bd(2, WHY.reflect),
  firstStatusCheck: {
    employer: bd(3, WHY.employer),
    recruiter: days(7, WHY.recruiter),
    agency: bd(7, WHY.agency),
    agencyQuick: bd(3, WHY.agencyQuick),
  },
  repeatStatusCheck: {
    employer: bd(3, WHY.employer),
    recruiter: days(7, WHY.recruiter),
    agency: bd(7, WHY.agency),
    agencyQuick: bd(3, WHY.agencyQuick),
  },
  unansweredLimit: {
    employer: limit(2, 'two unanswered status checks to an employer are enough'),
    recruiter: limit(3, 'a recruiter juggles many roles; three unanswered checks are enough'),
    agency: limit(3, 'an agent expects regular contact; three unanswered checks are enough'),
  },
  afterDecisionDate: bd(1, WHY.decision),
  afterUnavailable: bd(1, WHY.unavailable),
  dragAfter: days(30, WHY.drag),
  checkInEvery: months(1, WHY.checkIn),
  checkInMax: limit(2, WHY.checkInMax),
  moveOnAfter: months(1, WHY.moveOn),
  referencesAfter: bd(1, WHY.references),
  offerUpdateAfter: bd(1, WHY.offer),
  offerUpdateBeforeDeadline: bd(2, WHY.offerDeadline),
  withdrawAfter: bd(1, WHY.withdraw),
  answerOfferBeforeDeadline: bd(1, WHY.answerOffer),
  finalThanksAfter: bd(1, WHY.finalThanks),
  connectAfter: bd(2, WHY.connect),
  keepWarmAfter: months(3, WHY.keepWarm),
  lateThankYouAfter: bd(2, WHY.late),
  searchWindow: days(7, WHY.search),
};

/** Waits longer before asking and turns to gentle monthly check-ins sooner. */
const GENTLE: Policy = {
  ...STANDARD,
  name: 'gentle',
  firstStatusCheck: {
    employer: bd(5, 'an employer often needs a full week to gather feedback'),
    recruiter: days(10, 'a recruiter works to the client’s timetable; give them ten days'),
    agency: bd(10, 'an agency relays feedback from its client; give them two weeks'),
    agencyQuick: bd(5, WHY.agencyQuick),
  },
  repeatStatusCheck: {
    employer: bd(5, 'an employer often needs a full week to gather feedback'),
    recruiter: days(10, 'a recruiter works to the client’s timetable; give them ten days'),
    agency: bd(10, 'an agency relays feedback from its client; give them two weeks'),
    agencyQuick: bd(5, WHY.agencyQuick),
  },
  unansweredLimit: {
    employer: limit(1, 'one unanswered status check is enough; switch to gentle check-ins'),
    recruiter: limit(2, 'two unanswered checks to a recruiter are enough'),
    agency: limit(2, 'two unanswered checks to an agent are enough'),
  },
  afterDecisionDate: bd(2, WHY.decision),
  dragAfter: days(21, 'three weeks of silence means the process is dragging'),
};

/** Follows the agency rhythm: business-day offsets everywhere and one more check before dragging. */
const PERSISTENT: Policy = {
  ...STANDARD,
  name: 'persistent',
  firstStatusCheck: {
    employer: bd(3, WHY.employer),
    recruiter: bd(5, 'a recruiter expects a check after a working week'),
    agency: bd(5, 'an agent expects a check after a working week'),
    agencyQuick: bd(3, WHY.agencyQuick),
  },
  repeatStatusCheck: {
    employer: bd(3, WHY.employer),
    recruiter: bd(5, 'a recruiter expects a check after a working week'),
    agency: bd(5, 'an agent expects a check after a working week'),
    agencyQuick: bd(3, WHY.agencyQuick),
  },
  unansweredLimit: {
    employer: limit(3, 'three unanswered status checks to an employer are enough'),
    recruiter: limit(4, 'a recruiter juggles many roles; four unanswered checks are enough'),
    agency: limit(4, 'an agent expects regular contact; four unanswered checks are enough'),
  },
  dragAfter: days(45, 'six weeks of silence means the process is dragging'),
};

export const POLICIES: Record<PresetName, Policy> = {
  gentle: GENTLE,
  standard: STANDARD,
  persistent: PERSISTENT,
};

/** The preset of one application: its own override, else the seeker's setting. */
export function policyFor(
  application: Application,
  settings: Settings,
  policies: Record<PresetName, Policy>,
): Policy {
  return policies[application.policy?.preset ?? settings.preset] ?? policies.standard;
}

/** The source key of a rhythm table (`agencyQuick` for an agency that promised a quick decision). */
export function rhythmKey(source: Source, quick: boolean): keyof BySource<Offset> {
  return source === 'agency' && quick ? 'agencyQuick' : source;
}
