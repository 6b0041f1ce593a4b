// The DST sweep through the policy engine: for every DST change 2020–2035 in the supported zones,
// an interview of 60 minutes ending one hour before the change gets thank-you steps whose `dueAt`
// is exactly 86,400 s after its end and whose `due` is that instant's date in the seeker's zone.
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  dateInZone,
  formatInstant,
  parseInstant,
} from '../../src/core/calendar.js';
import { POLICIES, plan } from '../../src/core/policy/index.js';
import type { Facts } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';

const ZONES: Record<string, string> = {
  'America/New_York': 'US',
  'Europe/London': 'GB-ENG',
  'Europe/Dublin': 'IE',
  'Europe/Berlin': 'DE-BY',
  'Australia/Sydney': 'AU-NSW',
};
const HOUR_MS = 3_600_000;
const calendar = new BusinessCalendar(dateHolidays());
const tally = { interviews: 0, violations: 0 };

function changesOf(zone: string): number[] {
  const end = Temporal.Instant.from('2036-01-01T00:00:00Z').epochMilliseconds;
  const found: number[] = [];
  let cursor: Temporal.ZonedDateTime | null =
    Temporal.Instant.from('2020-01-01T00:00:00Z').toZonedDateTimeISO(zone);
  while ((cursor = cursor.getTimeZoneTransition('next')) && cursor.epochMilliseconds < end)
    found.push(cursor.epochMilliseconds);
  return found;
}

function wallClock(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString();
}

/** One application with one 60-minute interview (two interviewers) starting at `start` in `zone`. */
function factsFor(start: string, zone: string, region: string, seekerZone: string): Facts {
  const person = (id: string, name: string) => ({
    id,
    name,
    title: null,
    organization: 'Kestrel Labs',
    email: `${id}@example.com`,
    phone: null,
    linkedin: null,
    isReference: false,
    notes: null,
  });
  return {
    settings: {
      timezone: seekerZone,
      region,
      preset: 'standard',
      activeTarget: 1,
      signature: '',
      email: null,
    },
    contacts: [person('c1', 'Dana Reyes'), person('c2', 'Aoife Walsh')],
    stepEvents: [],
    applications: [
      {
        id: 'a1',
        organization: 'Kestrel Labs',
        role: 'Engineer',
        source: 'employer',
        region,
        status: 'active',
        createdOn: null,
        agent: null,
        references: [],
        policy: null,
        prosCons: { pros: ['p'], cons: [], strengths: [] },
        interactions: [],
        interviews: [
          {
            id: 'i1',
            round: 1,
            start,
            timezone: zone,
            durationMinutes: 60,
            format: 'video',
            interviewers: ['c1', 'c2'],
            decisionExpectedBy: null,
            quickDecision: false,
            unavailableUntil: null,
            final: false,
            chance: 'medium',
            notes: { keyPoints: [], forgot: [], promises: [] },
          },
        ],
      },
    ],
  };
}

/** What is wrong with the thank-yous planned for an interview ending at `end` (empty when right). */
function thankYouProblems(facts: Facts, end: number, asOf: number): string[] {
  tally.interviews += 1;
  const seekerZone = facts.settings.timezone;
  const steps = plan(facts, POLICIES, calendar, asOf).steps.filter((s) => s.kind === 'thank_you');
  const problems: string[] = [];
  if (steps.length !== 2)
    problems.push(`${formatInstant(end)}: ${steps.length} thank-you steps, expected 2`);
  for (const step of steps) {
    const dueAt = step.dueAt === null ? Number.NaN : parseInstant(step.dueAt);
    if (dueAt - end !== 86_400_000)
      problems.push(`${step.id}: dueAt ${step.dueAt}, end ${formatInstant(end)}`);
    if (step.due !== dateInZone(dueAt, seekerZone))
      problems.push(`${step.id}: due ${step.due}, dueAt ${step.dueAt} in ${seekerZone}`);
  }
  tally.violations += problems.length;
  return problems;
}

describe.each(Object.entries(ZONES))(
  '%s (region %s): thank-you deadlines across every DST change 2020–2035',
  (zone, region) => {
    const changes = changesOf(zone);

    it('the seeker in the interview’s zone: dueAt = end + 86,400 s exactly', () => {
      expect(changes).toHaveLength(32);
      const problems = changes.flatMap((change) => {
        const end = change - HOUR_MS;
        return thankYouProblems(
          factsFor(wallClock(end - HOUR_MS, zone), zone, region, zone),
          end,
          end + 60_000,
        );
      });
      expect(problems).toEqual([]);
    });

    it('a seeker in Asia/Kathmandu: the same instant, dated in the seeker’s zone', () => {
      const problems = changes.flatMap((change) => {
        const end = change - HOUR_MS;
        return thankYouProblems(
          factsFor(wallClock(end - HOUR_MS, zone), zone, region, 'Asia/Kathmandu'),
          end,
          end + 60_000,
        );
      });
      expect(problems).toEqual([]);
    });
  },
);

describe('drawn example: Europe/Berlin, autumn 2027', () => {
  // Sunday 31 October 2027, Europe/Berlin: 03:00 CEST falls back to 02:00 CET (at 01:00Z).
  // Interview Saturday 30th 23:00–00:00 CEST (21:00Z–22:00Z) ends at 00:00 CEST on Sunday 31st,
  // the interview date; 24 real hours later is 2027-10-31T22:00:00Z, which reads 23:00 CET Sunday.
  it('is due at 2027-10-31T22:00:00Z, on Sunday 31 October in Berlin', () => {
    const facts = factsFor('2027-10-30T23:00', 'Europe/Berlin', 'DE-BY', 'Europe/Berlin');
    const end = parseInstant('2027-10-30T22:00:00Z');
    const thankYou = plan(facts, POLICIES, calendar, end + 60_000).steps.find(
      (s) => s.kind === 'thank_you',
    );
    expect(thankYou).toMatchObject({
      dueAt: '2027-10-31T22:00:00Z',
      due: '2027-10-31',
      earliest: '2027-10-31',
    });
  });
});

afterAll(() => {
  console.log(
    `DST thank-you sweep: ${tally.interviews} interviews planned, ${tally.violations} violations`,
  );
});
