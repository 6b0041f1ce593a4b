// Employer first status check (interview date + 3 bd) across the holidays of each region:
// year ends, substitute days, Epiphany, St Brigid's Day. Grids mark holidays; dates are local
// to the organisation's region.
import { describe, expect, it } from 'vitest';
import { newApplication, newFacts, newInterview, onlyStep, planAt } from './fixtures.js';

const ZONES = { US: 'America/New_York', 'GB-ENG': 'Europe/London', IE: 'Europe/Dublin', 'DE-BY': 'Europe/Berlin' } as const;

function firstCheck(region: keyof typeof ZONES, interviewDay: string, asOf: string): string {
  const f = newFacts({
    settings: { region, timezone: ZONES[region] },
    applications: [newApplication({ createdOn: '2026-01-01', interviews: [newInterview({ start: `${interviewDay}T10:00` })] })],
  });
  return onlyStep(planAt(f, asOf), 'status_check').due;
}

describe('interview date + 3 bd on real calendars', () => {
  // GB-ENG, December 2027 (Europe/London)
  //  Mo Tu We Th Fr Sa Su
  //  20 21 22 [23] 24 25X 26B     X Christmas, B Boxing Day (weekend)
  //  27S 28S 29 30 31              S substitute bank holidays
  it('GB-ENG: Thu 23 Dec 2027 → Fri 24, Wed 29, Thu 30', () => {
    expect(firstCheck('GB-ENG', '2027-12-23', '2027-12-24')).toBe('2027-12-30');
  });

  // US, December 2027 (America/New_York)
  //  Mo Tu We Th Fr Sa Su
  //  20 21 [22] 23 24O 25X 26     O Christmas observed (Fri 24), X Christmas (Sat)
  //  27 28 29 30 31O                O New Year's Day observed
  it('US: Wed 22 Dec 2027 → Thu 23, Mon 27, Tue 28 (Christmas observed on Fri 24)', () => {
    expect(firstCheck('US', '2027-12-22', '2027-12-23')).toBe('2027-12-28');
  });

  // DE-BY, January 2027 (Europe/Berlin)
  //  Mo Tu We Th Fr Sa Su
  //                  1N 2  3      N Neujahr
  //  [4] 5  6E  7  8  9 10        E Heilige Drei Könige (Epiphany)
  it('DE-BY: Mon 4 Jan 2027 → Tue 5, Thu 7, Fri 8 (Epiphany skipped)', () => {
    expect(firstCheck('DE-BY', '2027-01-04', '2027-01-05')).toBe('2027-01-08');
  });

  // IE, January/February 2027 (Europe/Dublin)
  //  Mo Tu We Th Fr Sa Su
  //  25 26 27 [28] 29 30 31
  //   1B  2  3  4  5  6  7        B St Brigid's Day
  it('IE: Thu 28 Jan 2027 → Fri 29, Tue 2, Wed 3 (St Brigid’s Day skipped)', () => {
    expect(firstCheck('IE', '2027-01-28', '2027-01-29')).toBe('2027-02-03');
  });

  // IE, April 2026 (Europe/Dublin): Good Friday is not a public holiday in Ireland, Easter Monday is.
  //  Mo Tu We Th Fr Sa Su
  //  30 31  [1] 2  3  4  5
  //   6E  7  8  9 10 11 12        E Easter Monday
  it('IE: Wed 1 Apr 2026 → Thu 2, Fri 3 (Good Friday is a working day), Tue 7', () => {
    expect(firstCheck('IE', '2026-04-01', '2026-04-02')).toBe('2026-04-07');
  });

  // DE-BY, May 2026 (Europe/Berlin)
  //  Mo Tu We Th Fr Sa Su
  //  11 12 [13] 14C 15 16 17      C Christi Himmelfahrt
  //  18 19 20 21 22 23 24
  //  25W 26 27 28 29 30 31        W Pfingstmontag
  it('DE-BY: Wed 13 May 2026 → Fri 15, Mon 18, Tue 19 (Ascension skipped)', () => {
    expect(firstCheck('DE-BY', '2026-05-13', '2026-05-14')).toBe('2026-05-19');
  });
});
