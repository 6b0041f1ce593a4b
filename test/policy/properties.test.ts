// Property tests over generated fact histories in US, GB-ENG, IE and DE-BY (SPEC §3.1 and
// RELIABILITY.md "pacing invariant"). Each property reports its case count; violations fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone, localToEpochMs, parseAsOf, parseInstant } from '../../src/core/calendar.js';
import { organisationKey, plan, planValidUntil, POLICIES } from '../../src/core/policy/index.js';
import type { Application, Contact, Facts, Interaction, Interview, Plan, StepEvent } from '../../src/core/types.js';
import { calendar } from './fixtures.js';

const REGIONS = [
  ['US', 'America/New_York'],
  ['GB-ENG', 'Europe/London'],
  ['IE', 'Europe/Dublin'],
  ['DE-BY', 'Europe/Berlin'],
] as const;
const ORGS = ['Acme', ' acme ', 'Beta  Ltd', 'beta ltd', 'Gamma'];
const CONTACT_IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
// Weighted towards the cadence; outcomes (offer, accept, rejection, withdraw) are rarer.
const KINDS: [Interaction['direction'], Interaction['kind']][] = [
  ...Array.from({ length: 4 }, (): [Interaction['direction'], Interaction['kind']] => ['out', 'thank_you']),
  ...Array.from({ length: 4 }, (): [Interaction['direction'], Interaction['kind']] => ['out', 'status_check']),
  ['out', 'check_in'], ['out', 'check_in'], ['out', 'other'], ['out', 'offer_update'], ['out', 'references_heads_up'],
  ['out', 'reflect'], ['in', 'reply'], ['in', 'reply'], ['in', 'update'], ['in', 'update'],
  ['in', 'invitation'], ['in', 'offer'], ['in', 'rejection'], ['out', 'accept'], ['out', 'withdraw'],
  ['out', 'answer_offer'],
];
const pad = (n: number) => String(n).padStart(2, '0');
// Days from 2026-11-20 over four months: Thanksgiving, the year end and its substitute holidays.
const dayArb = fc.integer({ min: 0, max: 120 });
function dateOf(offset: number): string {
  const d = new Date(Date.UTC(2026, 10, 20 + offset));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const contactArb = (id: string): fc.Arbitrary<Contact> =>
  fc.record({ email: fc.boolean(), phone: fc.boolean(), linkedin: fc.boolean(), isReference: fc.boolean() }).map((o) => ({
    id,
    name: id,
    title: null,
    organization: null,
    email: o.email ? `${id}@x.test` : null,
    phone: o.phone ? '+1 555' : null,
    linkedin: o.linkedin ? `https://linkedin.com/in/${id}` : null,
    isReference: o.isReference,
    notes: null,
  }));

const interviewArb = fc.record({
  day: dayArb,
  hour: fc.integer({ min: 0, max: 23 }),
  zone: fc.constantFrom<(string | null)[]>(null, 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo'),
  duration: fc.constantFrom(30, 60, 90),
  interviewers: fc.subarray(CONTACT_IDS, { maxLength: 3 }),
  decision: fc.option(dayArb),
  quick: fc.boolean(),
  away: fc.option(dayArb),
  final: fc.boolean(),
  chance: fc.constantFrom('low', 'medium', 'high'),
});

const interactionArb = fc.record({
  day: dayArb,
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  kind: fc.constantFrom(...KINDS),
  contacts: fc.subarray(CONTACT_IDS, { maxLength: 2 }),
  newDecision: fc.option(dayArb),
  onHold: fc.boolean(),
  deadline: fc.option(dayArb),
});

const applicationArb = fc.record({
  org: fc.constantFrom(...ORGS),
  source: fc.constantFrom('employer', 'recruiter', 'agency'),
  region: fc.option(fc.constantFrom(...REGIONS.map((r) => r[0]))),
  status: fc.constantFrom('active', 'active', 'active', 'active', 'active', 'offer', 'rejected', 'withdrawn', 'closed', 'accepted'),
  created: dayArb,
  agent: fc.option(fc.constantFrom(...CONTACT_IDS)),
  references: fc.subarray(CONTACT_IDS, { maxLength: 2 }),
  prosCons: fc.boolean(),
  interviews: fc.array(interviewArb, { maxLength: 3 }),
  interactions: fc.array(interactionArb, { maxLength: 6 }),
});

type ApplicationShape = typeof applicationArb extends fc.Arbitrary<infer T> ? T : never;

function toApplication(i: number, a: ApplicationShape): Application {
  const interviews: Interview[] = a.interviews.map((v, k) => ({
    id: `i${i}_${k}`,
    round: k + 1,
    start: `${dateOf(v.day)}T${pad(v.hour)}:00`,
    timezone: v.zone,
    durationMinutes: v.duration,
    format: null,
    interviewers: v.interviewers,
    decisionExpectedBy: v.decision === null ? null : dateOf(v.decision),
    quickDecision: v.quick,
    unavailableUntil: v.away === null ? null : dateOf(v.away),
    final: v.final,
    chance: v.chance as Interview['chance'],
    notes: { keyPoints: [], forgot: [], promises: [] },
  }));
  const interactions: Interaction[] = a.interactions.map((x, k) => ({
    id: `x${i}_${k}`,
    at: `${dateOf(x.day)}T${pad(Math.floor(x.minute / 60))}:${pad(x.minute % 60)}:00Z`,
    direction: x.kind[0],
    kind: x.kind[1],
    channel: 'email',
    contacts: x.contacts,
    summary: null,
    newDecisionDate: (x.kind[1] === 'reply' || x.kind[1] === 'update') && x.newDecision !== null ? dateOf(x.newDecision) : null,
    onHold: x.kind[1] === 'update' && x.onHold,
    offerDeadline: x.kind[1] === 'offer' && x.deadline !== null ? dateOf(x.deadline) : null,
  }));
  return {
    id: `a${i}`,
    organization: a.org,
    role: 'Role',
    source: a.source as Application['source'],
    region: a.region,
    status: a.status as Application['status'],
    createdOn: dateOf(a.created - 30),
    agent: a.agent,
    references: a.references,
    policy: null,
    prosCons: { pros: a.prosCons ? ['x'] : [], cons: [], strengths: [] },
    interviews,
    interactions,
  };
}
const factsArb = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    preset: fc.constantFrom('gentle', 'standard', 'persistent'),
    contacts: fc.tuple(...CONTACT_IDS.map(contactArb)),
    applications: fc.array(applicationArb, { minLength: 1, maxLength: 6 }),
    asOf: fc.integer({ min: 0, max: 130 }),
    asOfHour: fc.integer({ min: 0, max: 23 }),
  })
  .map(({ region, preset, contacts, applications, asOf, asOfHour }) => ({
    facts: {
      settings: { timezone: region[1], region: region[0], preset: preset as Facts['settings']['preset'], activeTarget: 3, signature: '', email: null },
      contacts: [...contacts],
      applications: applications.map((a, i) => toApplication(i, a)),
      stepEvents: [] as StepEvent[],
    } satisfies Facts,
    asOf: `${dateOf(asOf)}T${pad(asOfHour)}:00:00Z`,
  }));

/** One busy organisation: every application at "Acme", no pending rounds, as-of after every interview. */
const busyArb = factsArb.map(({ facts }) => ({
  facts: {
    ...facts,
    applications: facts.applications.map((a) => ({
      ...a,
      organization: a.id.endsWith('1') ? ' ACME ' : 'Acme',
      interactions: a.interactions.filter((x) => x.kind !== 'invitation'),
    })),
  },
  asOf: '2027-03-22T12:00:00Z',
}));

function run(facts: Facts, asOf: string): Plan {
  return plan(facts, POLICIES, calendar, parseAsOf(asOf, facts.settings.timezone));
}

/** Adds skip/snooze/done events on some planned steps (a second plan then honours them). */
function withEvents(facts: Facts, asOf: string, seed: number): Facts {
  const first = run(facts, asOf);
  const events: StepEvent[] = first.steps
    .filter((_, k) => (k + seed) % 3 !== 0)
    .map((s, k) => {
      const action = (['skip', 'snooze', 'done'] as const)[(k + seed) % 3]!;
      return { stepId: s.id, action, at: asOf, until: action === 'snooze' ? s.due.slice(0, 8) + '28' : null };
    });
  return { ...facts, stepEvents: events };
}

const UNPACED = new Set(['debrief', 'reflect', 'move_on', 'references_heads_up']);
const RUNS = 1500;

describe('plan properties over generated histories', () => {
  it(`pacing: never two messages to one organisation on one day unless a pacing warning covers a fixed collision (${RUNS} cases)`, () => {
    let violations = 0;
    fc.assert(
      fc.property(fc.oneof(factsArb, busyArb), fc.nat(5), ({ facts, asOf }, seed) => {
        for (const f of [facts, withEvents(facts, asOf, seed)]) {
          const p = run(f, asOf);
          const org = new Map(f.applications.map((a) => [a.id, organisationKey(a.organization)]));
          const messages = new Map<string, Set<string>>();
          for (const s of p.steps) {
            if (UNPACED.has(s.kind)) continue;
            const key = `${org.get(s.application)}|${s.due}`;
            const set = messages.get(key) ?? new Set<string>();
            set.add(`${s.application}|${s.kind}`);
            messages.set(key, set);
          }
          for (const set of messages.values()) {
            if (set.size < 2) continue;
            const kinds = [...set].map((m) => m.split('|')[1]);
            // Never moved by pacing: thank_you, answer_offer and a deadline-bound offer_update.
            const fixedOnly = kinds.every((k) => k === 'thank_you' || k === 'answer_offer' || k === 'offer_update');
            const warned = p.warnings.some((w) => w.kind === 'pacing');
            if (!fixedOnly || !warned) violations++;
          }
        }
        return violations === 0;
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    expect(violations).toBe(0);
  });

  it(`deterministic and independent of input order; due ≥ earliest (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(factsArb, fc.nat(5), ({ facts, asOf }, seed) => {
        const f = withEvents(facts, asOf, seed);
        const a = run(f, asOf);
        expect(run(structuredClone(f), asOf)).toEqual(a);
        const reversed: Facts = {
          ...f,
          contacts: [...f.contacts].reverse(),
          stepEvents: [...f.stepEvents].reverse(),
          applications: [...f.applications].reverse().map((x) => ({ ...x, interviews: [...x.interviews].reverse(), interactions: [...x.interactions].reverse() })),
        };
        const b = run(reversed, asOf);
        expect(b).toEqual(a);
        for (const s of a.steps) expect(s.due >= s.earliest).toBe(true);
        expect(new Set(a.steps.map((s) => s.id)).size).toBe(a.steps.length);
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
  });

  it(`closed, withdrawn, accepted and rejected applications get only what their outcome calls for (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(factsArb, ({ facts, asOf }) => {
        const p = run(facts, asOf);
        const asOfMs = Date.parse(asOf);
        const status = new Map(facts.applications.map((a) => [a.id, effective(a, asOfMs)]));
        const accepted = [...status.values()].includes('accepted');
        for (const s of p.steps) {
          const st = status.get(s.application)!;
          expect(['closed', 'withdrawn', 'accepted']).not.toContain(st);
          if (st === 'rejected') expect(['final_thanks', 'connect', 'keep_warm']).toContain(s.kind);
          if (s.kind === 'withdraw') expect(accepted).toBe(true);
          if (s.kind === 'answer_offer') expect(st).toBe('offer');
          if (s.kind === 'status_check' || s.kind === 'check_in' || s.kind === 'move_on') expect(st).toBe('active');
        }
      }),
      { numRuns: RUNS, seed: 20261125 },
    );
  });
});

describe('thank_you instants over generated histories', () => {
  it(`dueAt is exactly 86,400 s after the interview end; due is its date in the seeker zone (${RUNS} cases)`, () => {
    let checked = 0;
    fc.assert(
      fc.property(factsArb, ({ facts, asOf }) => {
        const p = run(facts, asOf);
        for (const s of p.steps.filter((x) => x.kind === 'thank_you')) {
          const app = facts.applications.find((a) => a.id === s.application)!;
          const iv = app.interviews.find((i) => i.id === s.id.split(':')[2])!;
          const end = localToEpochMs(iv.start, iv.timezone ?? facts.settings.timezone) + iv.durationMinutes * 60_000;
          expect(parseInstant(s.dueAt!)).toBe(end + 86_400_000);
          expect(s.due).toBe(dateInZone(end + 86_400_000, facts.settings.timezone));
          expect(s.earliest).toBe(dateInZone(end, iv.timezone ?? facts.settings.timezone));
          checked++;
        }
      }),
      { numRuns: RUNS, seed: 20261126 },
    );
    expect(checked).toBeGreaterThan(RUNS / 2);
  });
});

/** An independent reading of SPEC §3.1 "effective status" for the property above. */
function effective(a: Application, asOfMs: number): string {
  if (!['active', 'offer'].includes(a.status)) return a.status;
  const outcomes = a.interactions
    .filter((x) => Date.parse(x.at) <= asOfMs)
    .filter((x) => ['in:offer', 'out:accept', 'in:rejection', 'out:withdraw'].includes(`${x.direction}:${x.kind}`))
    .sort((x, y) => Date.parse(x.at) - Date.parse(y.at) || (x.id < y.id ? -1 : 1));
  const last = outcomes[outcomes.length - 1];
  if (!last) return a.status;
  return { offer: 'offer', accept: 'accepted', rejection: 'rejected', withdraw: 'withdrawn' }[last.kind as 'offer']!;
}

describe('how long a plan stays valid (the "as of now" cache)', () => {
  const withoutAsOf = (p: Plan) => ({ steps: p.steps, warnings: p.warnings });
  it(`the plan is the same at any instant before planValidUntil, which is not needlessly near (${RUNS} cases)`, () => {
    let changedAtBoundary = 0;
    let longerThanAnHour = 0;
    fc.assert(
      fc.property(factsArb, fc.nat(5), fc.double({ min: 0, max: 1, noNaN: true }), ({ facts, asOf }, seed, where) => {
        const f = withEvents(facts, asOf, seed);
        const from = parseAsOf(asOf, f.settings.timezone);
        const first = plan(f, POLICIES, calendar, from);
        const until = planValidUntil(f, first, from);
        expect(until).toBeGreaterThan(from);
        if (until - from > 3_600_000) longerThanAnHour++;
        const inside = from + Math.floor((until - from - 1) * where);
        for (const t of [inside, until - 1]) expect(withoutAsOf(plan(f, POLICIES, calendar, t))).toEqual(withoutAsOf(first));
        if (JSON.stringify(withoutAsOf(plan(f, POLICIES, calendar, until))) !== JSON.stringify(withoutAsOf(first))) changedAtBoundary++;
      }),
      { numRuns: RUNS, seed: 20261202 },
    );
    // The window is a cache's lifetime: mostly hours, and its end is sometimes a real change.
    expect(longerThanAnHour).toBeGreaterThan(RUNS / 2);
    expect(changedAtBoundary).toBeGreaterThan(0);
  });
});
