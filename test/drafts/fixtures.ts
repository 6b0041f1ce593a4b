// Demo-like facts for the draft tests: one application per source, plus a rejection and an
// offer elsewhere, with debrief notes, promises with a link, strengths and a signature.
import type {
  Application,
  Contact,
  Facts,
  Interview,
  Source,
  Step,
  StepKind,
} from '../../src/core/types.js';
import { DRAFT_CHANNELS } from '../../src/core/drafts/index.js';

function contact(id: string, name: string, over: Partial<Contact> = {}): Contact {
  return {
    id,
    name,
    title: null,
    organization: null,
    email: null,
    phone: null,
    linkedin: null,
    isReference: false,
    notes: null,
    ...over,
  };
}

function interview(
  id: string,
  round: number,
  start: string,
  interviewers: string[],
  over: Partial<Interview> = {},
): Interview {
  return {
    id,
    round,
    start,
    timezone: 'America/New_York',
    durationMinutes: 60,
    format: 'video',
    interviewers,
    decisionExpectedBy: null,
    quickDecision: false,
    unavailableUntil: null,
    final: false,
    chance: 'medium',
    notes: { keyPoints: [], forgot: [], promises: [] },
    ...over,
  };
}

function application(
  id: string,
  organization: string,
  role: string,
  source: Source,
  over: Partial<Application> = {},
): Application {
  return {
    id,
    organization,
    role,
    source,
    region: 'US',
    status: 'active',
    createdOn: '2026-11-02',
    agent: null,
    references: [],
    policy: null,
    prosCons: { pros: [], cons: [], strengths: [] },
    interviews: [],
    interactions: [],
    ...over,
  };
}

export function demoFacts(): Facts {
  return {
    settings: {
      timezone: 'America/New_York',
      region: 'US',
      preset: 'standard',
      activeTarget: 5,
      signature:
        'Jordan Lee\njordan.lee@example.com · +1 555 010 0199\nhttps://linkedin.com/in/jordanlee',
      email: null,
    },
    contacts: [
      contact('c1', 'Dana Reyes', {
        title: 'VP Engineering',
        organization: 'Northwind Labs',
        email: 'dana.reyes@northwind.example',
        linkedin: 'https://linkedin.com/in/danareyes',
      }),
      contact('c2', 'Sam Okafor', {
        title: 'Staff Engineer',
        organization: 'Northwind Labs',
        linkedin: 'https://linkedin.com/in/samokafor',
      }),
      contact('c3', 'Priya Natarajan', {
        title: 'Senior Recruiter',
        organization: 'Talentbridge',
        email: 'priya@talentbridge.example',
        phone: '+1 555 010 0142',
      }),
      contact('c4', 'Marco Bianchi', {
        title: 'Head of Data',
        organization: 'Bluefin Health',
        email: 'marco.bianchi@bluefin.example',
      }),
      contact('c5', 'Aisha Khan', {
        title: 'Consultant',
        organization: 'Summit Search',
        email: 'aisha.khan@summit.example',
        phone: '+1 555 010 0177',
      }),
      contact('c6', 'Tomás García', {
        title: 'Director of Operations',
        organization: 'Cobalt Freight',
      }),
      contact('c7', 'Helen Park', {
        title: 'Former manager',
        organization: 'Globex',
        email: 'helen.park@globex.example',
        phone: '+1 555 010 0123',
        isReference: true,
      }),
      contact('c8', 'Lena Fischer', {
        title: 'Engineering Manager',
        organization: 'Evergreen Energy',
        email: 'lena.fischer@evergreen.example',
        linkedin: 'https://linkedin.com/in/lenafischer',
      }),
      contact('c9', 'Omar Haddad', {
        title: 'CTO',
        organization: 'Harbor Bank',
        email: 'omar@harbor.example',
      }),
    ],
    applications: [
      application('a1', 'Northwind Labs', 'Senior Backend Engineer', 'employer', {
        references: ['c7'],
        prosCons: {
          pros: ['small team, real ownership'],
          cons: ['on-call every four weeks'],
          strengths: ['reliability engineering for payment systems'],
        },
        interviews: [
          interview('i1', 1, '2026-11-16T10:00', ['c1']),
          interview('i2', 2, '2026-11-20T14:00', ['c1', 'c2'], {
            decisionExpectedBy: '2026-12-04',
            chance: 'high',
            notes: {
              keyPoints: [
                'the on-call rotation',
                'moving the billing service from cron jobs to an event queue (Kafka) by Q3',
              ],
              forgot: ['I led our Postgres 16 upgrade with zero downtime last year.'],
              promises: ['send portfolio link https://jordanlee.dev/portfolio'],
            },
          }),
        ],
      }),
      application('a2', 'Bluefin Health', 'Data Platform Lead', 'recruiter', {
        agent: 'c3',
        prosCons: {
          pros: [],
          cons: [],
          strengths: ['building trustworthy clinical data pipelines'],
        },
        interviews: [
          interview('i3', 1, '2026-11-19T11:00', ['c4'], {
            notes: {
              keyPoints: ['their plan to consolidate three warehouses into one lakehouse'],
              forgot: [],
              promises: ['share the case study write-up'],
            },
          }),
        ],
      }),
      application('a3', 'Cobalt Freight', 'Operations Analyst', 'agency', {
        agent: 'c5',
        interviews: [interview('i4', 1, '2026-11-18T09:30', [], { quickDecision: true })],
      }),
      application('a4', 'Evergreen Energy', 'Platform Engineer', 'employer', {
        status: 'rejected',
        interviews: [interview('i5', 1, '2026-10-28T15:00', ['c8'])],
        interactions: [
          {
            id: 'x1',
            at: '2026-11-10T16:00:00Z',
            direction: 'in',
            kind: 'rejection',
            channel: 'email',
            contacts: ['c8'],
            summary: 'Went with an internal candidate',
            newDecisionDate: null,
            onHold: false,
            offerDeadline: null,
          },
        ],
      }),
      application('a5', 'Harbor Bank', 'Backend Engineer', 'employer', {
        status: 'offer',
        interviews: [interview('i6', 1, '2026-11-09T13:00', ['c9'])],
        interactions: [
          {
            id: 'x2',
            at: '2026-11-21T15:00:00Z',
            direction: 'in',
            kind: 'offer',
            channel: 'email',
            contacts: ['c9'],
            summary: 'Written offer',
            newDecisionDate: null,
            onHold: false,
            offerDeadline: '2026-12-01',
          },
        ],
      }),
    ],
    stepEvents: [],
  };
}

/** One application per source in demoFacts(). */
export const BY_SOURCE: Record<Source, string> = { employer: 'a1', recruiter: 'a2', agency: 'a3' };

function step(
  app: string,
  kind: StepKind,
  anchor: string,
  to: string[],
  channel: Step['channel'],
): Step {
  const id = [app, kind, anchor, ...(to.length === 1 ? to : [])].join(':');
  return {
    id,
    application: app,
    kind,
    to,
    channel,
    earliest: '2026-11-23',
    due: '2026-11-23',
    dueAt: null,
    overdue: false,
    why: 'test',
  };
}

export interface Case {
  label: string;
  step: Step;
}

/**
 * Every outbound kind × source × channel (and, for thank-yous, interviewer vs agent/recruiter),
 * with step ids shaped as SPEC §3.1 describes.
 */
export function everyCase(facts: Facts): Case[] {
  const cases: Case[] = [];
  for (const [kind, channels] of Object.entries(DRAFT_CHANNELS) as [
    StepKind,
    Step['channel'][],
  ][]) {
    for (const [source, appId] of Object.entries(BY_SOURCE) as [Source, string][]) {
      const app = facts.applications.find((a) => a.id === appId)!;
      const latest = app.interviews[app.interviews.length - 1]!;
      const interviewer = latest.interviewers[0] ?? null;
      const lead = app.agent ?? interviewer!;
      const recipients: [string, string, string][] = []; // [role, contact, anchor]
      if (kind === 'thank_you') {
        if (interviewer) recipients.push(['interviewer', interviewer, latest.id]);
        if (app.agent)
          recipients.push([source === 'agency' ? 'agent' : 'recruiter', app.agent, latest.id]);
      } else if (kind === 'connect') {
        if (interviewer) recipients.push(['interviewer', interviewer, 'x1']);
        else recipients.push(['agent', lead, 'x1']);
      } else if (kind === 'references_heads_up') {
        recipients.push(['reference', 'c7', 'app']);
      } else {
        const anchor =
          {
            offer_update: 'x2',
            answer_offer: 'x2',
            withdraw: 'x3',
            final_thanks: 'x1',
            keep_warm: 'x1',
          }[kind as string] ?? `${latest.id}:1`;
        recipients.push(['lead', lead, anchor]);
      }
      for (const channel of channels) {
        for (const [role, to, anchor] of recipients) {
          cases.push({
            label: `${kind} · ${source} · ${channel} · to ${role}`,
            step: step(appId, kind, anchor, [to], channel),
          });
        }
      }
    }
  }
  return cases;
}
