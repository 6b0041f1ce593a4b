// The sample data behind `tactful demo`: a realistic search a few weeks in, dated relative to
// `today` so that the agenda always has overdue, today and upcoming steps. Deterministic: the
// same `today` gives the same document (and so the same step ids). Organisations are fictional.
import { addDays, dayOfWeek } from '../core/calendar.js';
import { APPLICATION_DEFAULTS, CONTACT_DEFAULTS, INTERACTION_DEFAULTS, INTERVIEW_DEFAULTS } from '../core/document/index.js';
import type {
  Application,
  Contact,
  Interaction,
  Interview,
  IsoDate,
  TactfulDocument,
} from '../core/types.js';

/** The weekday on or before `date` (interviews rarely happen at weekends). */
function weekdayOnOrBefore(date: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  return dow <= 5 ? date : addDays(date, 5 - dow);
}

// The document's defaults, so the sample never drifts from what an import would store.
function contact(id: string, name: string, fields: Partial<Contact> = {}): Contact {
  return { ...CONTACT_DEFAULTS, id, name, ...fields };
}

function interview(id: string, round: number, start: string, fields: Partial<Interview>): Interview {
  return { ...INTERVIEW_DEFAULTS, id, round, start, format: 'video', ...fields };
}

function interaction(id: string, at: string, fields: Partial<Interaction> & Pick<Interaction, 'direction' | 'kind'>): Interaction {
  return { ...INTERACTION_DEFAULTS, id, at, channel: 'email', ...fields };
}

function application(id: string, fields: Partial<Application> & Pick<Application, 'organization' | 'role' | 'source'>): Application {
  return { ...APPLICATION_DEFAULTS, id, interviews: [], interactions: [], ...fields };
}

/** A sample search as of `today` (YYYY-MM-DD, the seeker's zone is America/New_York). */
export function demoDocument(today: IsoDate): TactfulDocument {
  const day = (offset: number): IsoDate => addDays(today, offset);
  const workday = (offset: number): IsoDate => weekdayOnOrBefore(day(offset));
  // Interactions are instants; 14:00Z is mid-morning in New York all year round.
  const at = (date: IsoDate, time = '14:00:00'): string => `${date}T${time}Z`;

  const contacts: Contact[] = [
    contact('priya', 'Priya Raman', {
      title: 'Director of Analytics',
      organization: 'Northwind Analytics',
      email: 'priya.raman@northwind-analytics.example',
      linkedin: 'https://www.linkedin.com/in/priya-raman-demo',
    }),
    contact('marcus', 'Marcus Oyelaran', {
      title: 'Senior Data Scientist',
      organization: 'Northwind Analytics',
      email: 'marcus.oyelaran@northwind-analytics.example',
    }),
    contact('sofia', 'Sofia Lindqvist', {
      title: 'VP Data',
      organization: 'Northwind Analytics',
      email: 'sofia.lindqvist@northwind-analytics.example',
      linkedin: 'https://www.linkedin.com/in/sofia-lindqvist-demo',
    }),
    contact('daniel', 'Daniel Kim', {
      title: 'Senior Recruiter',
      organization: 'Talentbridge Partners',
      email: 'daniel.kim@talentbridge.example',
      phone: '+1 617 555 0188',
      notes: 'Recruiter retained by Bluefin; prefers a call before noon.',
    }),
    contact('hannah', 'Hannah Schultz', {
      title: 'VP Operations',
      organization: 'Bluefin Logistics',
      email: 'hannah.schultz@bluefin-logistics.example',
    }),
    contact('grace', 'Grace Mbeki', {
      title: 'Partner',
      organization: 'Summit Executive Search',
      email: 'grace.mbeki@summit-search.example',
      phone: '+44 20 7946 0321',
    }),
    contact('oliver', 'Oliver Bennett', {
      title: 'Chief Product Officer',
      organization: 'Helio Renewables',
      email: 'oliver.bennett@helio-renewables.example',
      linkedin: 'https://www.linkedin.com/in/oliver-bennett-demo',
    }),
    contact('lucia', 'Lucía Fernández', {
      title: 'Editorial Director',
      organization: 'Quillstone Media',
      email: 'lucia.fernandez@quillstone.example',
      linkedin: 'https://www.linkedin.com/in/lucia-fernandez-demo',
    }),
    contact('tomasz', 'Tomasz Wójcik', {
      title: 'Head of Clinical Data',
      organization: 'Arborway Health',
      email: 'tomasz.wojcik@arborway-health.example',
    }),
    contact('amara', 'Dr. Amara Okafor', {
      title: 'Former manager, Lakeshore Insights',
      email: 'amara.okafor@lakeshore.example',
      phone: '+1 312 555 0107',
      isReference: true,
    }),
    contact('james', 'James Whitfield', {
      title: 'Former colleague',
      phone: '+1 646 555 0163',
      isReference: true,
      notes: 'Happy to take calls; no e-mail on file.',
    }),
  ];

  const r1 = workday(-15);
  const northwind = application('northwind', {
    organization: 'Northwind Analytics',
    role: 'Senior Data Analyst',
    source: 'employer',
    createdOn: workday(-30),
    references: ['amara', 'james'],
    prosCons: {
      pros: ['Hybrid, two days in the office', 'Mature data platform'],
      cons: ['Long commute on office days'],
      strengths: ['Experimentation design', 'Explaining results to executives'],
    },
    interviews: [
      interview('northwind-r1', 1, `${r1}T10:00`, {
        timezone: 'America/New_York',
        interviewers: ['priya', 'marcus'],
        notes: {
          keyPoints: ['Churn model rebuild', 'Self-serve dashboards for sales'],
          forgot: [],
          promises: [],
        },
      }),
      // Ended yesterday afternoon: its thank-you notes are due today.
      interview('northwind-r2', 2, `${day(-1)}T15:00`, {
        timezone: 'America/New_York',
        format: 'onsite',
        interviewers: ['priya', 'sofia'],
        decisionExpectedBy: day(6),
        final: true,
        chance: 'high',
        notes: {
          keyPoints: ['Leading the A/B testing guild', 'Quarterly planning with product'],
          forgot: ['The forecasting work that cut stock-outs by 18%'],
          promises: ['Send portfolio link: https://portfolio.example.com/jordan-alvarez'],
        },
      }),
    ],
    interactions: [
      interaction('northwind-x1', at(addDays(r1, 0), '20:30:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['priya'],
        summary: 'Thanked Priya for the walkthrough of the churn model.',
      }),
      interaction('northwind-x2', at(addDays(r1, 0), '20:35:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['marcus'],
        summary: 'Thanked Marcus; mentioned the feature-store question.',
      }),
      interaction('northwind-x3', at(workday(-8)), {
        direction: 'in',
        kind: 'invitation',
        contacts: ['priya'],
        summary: 'Invited to a final onsite with Priya and Sofia.',
      }),
    ],
  });

  const bluefinRound = workday(-9);
  const bluefin = application('bluefin', {
    organization: 'Bluefin Logistics',
    role: 'Operations Manager',
    source: 'recruiter',
    createdOn: workday(-25),
    agent: 'daniel',
    interviews: [
      interview('bluefin-r1', 1, `${bluefinRound}T11:00`, {
        timezone: 'America/Chicago',
        interviewers: ['hannah'],
        durationMinutes: 45,
        notes: {
          keyPoints: ['Warehouse throughput targets', 'Team of 14 shift leads'],
          forgot: ['Lean Six Sigma Green Belt'],
          promises: [],
        },
      }),
    ],
    interactions: [
      interaction('bluefin-x1', at(bluefinRound, '21:00:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['hannah'],
        summary: 'Thanked Hannah; recapped the throughput discussion.',
      }),
    ],
  });

  const helioRound = workday(-4);
  const helio = application('helio', {
    organization: 'Helio Renewables',
    role: 'Head of Product',
    source: 'agency',
    region: 'GB-ENG',
    createdOn: workday(-20),
    agent: 'grace',
    prosCons: {
      pros: ['Mission I care about', 'Small senior team'],
      cons: ['Relocation to London'],
      strengths: ['Zero-to-one product discovery'],
    },
    interviews: [
      interview('helio-r1', 1, `${helioRound}T09:30`, {
        timezone: 'Europe/London',
        interviewers: ['oliver'],
        quickDecision: true,
        notes: {
          keyPoints: ['Grid-storage roadmap', 'Hiring two product managers'],
          forgot: [],
          promises: ['Share the pricing teardown deck'],
        },
      }),
    ],
    interactions: [
      interaction('helio-x1', at(helioRound, '16:00:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['oliver'],
        summary: 'Thanked Oliver and attached the pricing teardown.',
      }),
      interaction('helio-x2', at(helioRound, '16:10:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['grace'],
        summary: 'Thanked Grace for the introduction.',
      }),
    ],
  });

  const quillRound = workday(-20);
  const quillstone = application('quillstone', {
    organization: 'Quillstone Media',
    role: 'Content Strategist',
    source: 'employer',
    createdOn: workday(-40),
    interviews: [
      interview('quillstone-r1', 1, `${quillRound}T13:00`, {
        timezone: 'America/New_York',
        interviewers: ['lucia'],
      }),
    ],
    interactions: [
      interaction('quillstone-x1', at(quillRound, '22:00:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['lucia'],
      }),
      interaction('quillstone-x2', at(workday(-2), '15:30:00'), {
        direction: 'in',
        kind: 'rejection',
        contacts: ['lucia'],
        summary: 'Went with an internal candidate; open to keeping in touch.',
      }),
    ],
  });

  const arborRound = workday(-12);
  const arborway = application('arborway', {
    organization: 'Arborway Health',
    role: 'Product Analyst',
    source: 'employer',
    createdOn: workday(-35),
    prosCons: {
      pros: ['Fully remote', 'Strong mentoring culture'],
      cons: ['Salary 8% below target'],
      strengths: ['Clinical data quality'],
    },
    interviews: [
      interview('arborway-r1', 1, `${arborRound}T14:00`, {
        timezone: 'America/New_York',
        interviewers: ['tomasz'],
        final: true,
      }),
    ],
    interactions: [
      interaction('arborway-x1', at(arborRound, '21:00:00'), {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['tomasz'],
      }),
      interaction('arborway-x2', at(addDays(arborRound, 1), '15:00:00'), {
        direction: 'out',
        kind: 'references_heads_up',
        channel: 'phone',
        contacts: ['amara', 'james'],
        summary: 'Told Amara and James that Arborway may call this week.',
      }),
      interaction('arborway-x3', at(day(-1), '17:00:00'), {
        direction: 'in',
        kind: 'offer',
        channel: 'phone',
        contacts: ['tomasz'],
        summary: 'Verbal offer; written offer to follow.',
        offerDeadline: day(8),
      }),
    ],
  });

  const kestrelRound = workday(-2);
  const kestrel = application('kestrel', {
    organization: 'Kestrel Robotics',
    role: 'Data Engineer',
    source: 'employer',
    createdOn: workday(-3),
    interviews: [
      // A phone screen whose interviewer was not written down: the agenda asks for a debrief.
      interview('kestrel-r1', 1, `${kestrelRound}T10:00`, {
        timezone: 'America/Los_Angeles',
        durationMinutes: 30,
        format: 'phone',
      }),
    ],
  });

  return {
    format: 'tactful/v1',
    settings: {
      timezone: 'America/New_York',
      region: 'US',
      preset: 'standard',
      activeTarget: 5,
      signature:
        'Jordan Alvarez\njordan.alvarez@example.com · +1 617 555 0142\nhttps://www.linkedin.com/in/jordan-alvarez-demo',
      email: null,
    },
    contacts,
    applications: [northwind, bluefin, helio, quillstone, arborway, kestrel],
    stepEvents: [],
  };
}
