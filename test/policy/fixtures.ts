// Small factories for policy tests: every field has a sensible default, tests override only
// what the rule under test reads.
import { BusinessCalendar, parseAsOf } from '../../src/core/calendar.js';
import { plan, POLICIES } from '../../src/core/policy/index.js';
import type { Application, Contact, Facts, Interaction, Interview, Plan, Settings, Step, StepEvent } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';

export const calendar = new BusinessCalendar(dateHolidays());

export function newContact(id: string, overrides: Partial<Contact> = {}): Contact {
  return {
    id,
    name: id.toUpperCase(),
    title: null,
    organization: null,
    email: `${id}@example.com`,
    phone: null,
    linkedin: null,
    isReference: false,
    notes: null,
    ...overrides,
  };
}

export function newInterview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: 'i1',
    round: 1,
    start: '2026-12-01T10:00',
    timezone: null,
    durationMinutes: 60,
    format: null,
    interviewers: ['c1'],
    decisionExpectedBy: null,
    quickDecision: false,
    unavailableUntil: null,
    final: false,
    chance: 'medium',
    notes: { keyPoints: [], forgot: [], promises: [] },
    ...overrides,
  };
}

export function newInteraction(overrides: Partial<Interaction> & Pick<Interaction, 'id' | 'at' | 'kind'>): Interaction {
  const inbound = ['reply', 'update', 'invitation', 'offer', 'rejection'].includes(overrides.kind);
  return {
    direction: inbound ? 'in' : 'out',
    channel: 'email',
    contacts: [],
    summary: null,
    newDecisionDate: null,
    onHold: false,
    offerDeadline: null,
    ...overrides,
  };
}

export function newApplication(overrides: Partial<Application> = {}): Application {
  return {
    id: 'a1',
    organization: 'Acme',
    role: 'Engineer',
    source: 'employer',
    region: null,
    status: 'active',
    createdOn: '2026-11-01',
    agent: null,
    references: [],
    policy: null,
    prosCons: { pros: ['pay'], cons: [], strengths: [] },
    interviews: [],
    interactions: [],
    ...overrides,
  };
}

export function newFacts(overrides: Partial<Omit<Facts, 'settings'>> & { settings?: Partial<Settings> } = {}): Facts {
  return {
    contacts: overrides.contacts ?? [newContact('c1'), newContact('c2')],
    applications: overrides.applications ?? [],
    stepEvents: overrides.stepEvents ?? [],
    settings: {
      timezone: 'America/New_York',
      region: 'US',
      preset: 'standard',
      activeTarget: 1,
      signature: '',
      email: null,
      ...overrides.settings,
    },
  };
}

export function event(stepId: string, action: StepEvent['action'], at: string, until: string | null = null): StepEvent {
  return { stepId, action, at, until };
}

/** Plans `facts` as of a date (00:00 in the seeker's zone) or an RFC 3339 instant. */
export function planAt(facts: Facts, asOf: string): Plan {
  return plan(facts, POLICIES, calendar, parseAsOf(asOf, facts.settings.timezone));
}

export function stepsOf(p: Plan, kind: Step['kind']): Step[] {
  return p.steps.filter((s) => s.kind === kind);
}

export function onlyStep(p: Plan, kind: Step['kind']): Step {
  const found = stepsOf(p, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}: ${JSON.stringify(p.steps.map((s) => s.id))}`);
  return found[0]!;
}
