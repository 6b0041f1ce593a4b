// SPEC §3.1 "Calendar and time": 24 real hours across DST changes; the interview date in the
// interview's zone, `due` in the seeker's zone; gaps move forward, ambiguous times take the earlier offset.
import { describe, expect, it } from 'vitest';
import { newApplication, newFacts, newInterview, onlyStep, planAt } from './fixtures.js';

function thankYou(seekerZone: string, region: string, start: string, interviewZone: string | null = null) {
  const f = newFacts({
    settings: { timezone: seekerZone, region },
    applications: [newApplication({ interviews: [newInterview({ start, timezone: interviewZone })] })],
  });
  const s = onlyStep(planAt(f, '2028-01-01'), 'thank_you');
  return [s.earliest, s.dueAt, s.due];
}

describe('thank_you across DST changes', () => {
  // America/New_York, Sun 1 Nov 2026: clocks go back 02:00 EDT → 01:00 EST.
  //  Oct/Nov 2026  Mo Tu We Th Fr [Sa31] [Su1] Mo2
  // Interview Sat 31 Oct 23:30 EDT + 60 min → Sun 1 Nov 00:30 EDT = 04:30Z; +24 h = 2026-11-02T04:30:00Z,
  // which is Sun 1 Nov 23:30 EST: due Sunday 1 November.
  it('America/New_York fall back', () => {
    expect(thankYou('America/New_York', 'US', '2026-10-31T23:30')).toEqual(['2026-11-01', '2026-11-02T04:30:00Z', '2026-11-01']);
  });

  // Europe/London, Sun 28 Mar 2027: 01:00 GMT → 02:00 BST. 01:30 does not exist → 02:30 BST = 01:30Z.
  // End 02:30Z; dueAt 2027-03-29T02:30:00Z (03:30 BST Mon 29, Easter Monday: an instant is never moved).
  it('Europe/London spring forward, start inside the gap', () => {
    expect(thankYou('Europe/London', 'GB-ENG', '2027-03-28T01:30')).toEqual(['2027-03-28', '2027-03-29T02:30:00Z', '2027-03-29']);
  });

  // Europe/London, Sun 31 Oct 2027: 01:30 happens twice → the earlier offset, BST: 00:30Z; end 01:30Z.
  it('Europe/London fall back, ambiguous start takes the earlier offset', () => {
    expect(thankYou('Europe/London', 'GB-ENG', '2027-10-31T01:30')).toEqual(['2027-10-31', '2027-11-01T01:30:00Z', '2027-11-01']);
  });

  // Europe/Berlin, Sun 28 Mar 2027 02:00 CET → 03:00 CEST. Interview Sat 27 10:00 CET → end 10:00Z;
  // dueAt 2027-03-28T10:00:00Z = 12:00 CEST Sunday 28.
  it('Europe/Berlin spring forward', () => {
    expect(thankYou('Europe/Berlin', 'DE-BY', '2027-03-27T10:00')).toEqual(['2027-03-27', '2027-03-28T10:00:00Z', '2027-03-28']);
  });

  // Europe/Dublin, Sun 25 Oct 2026 02:00 IST → 01:00 GMT. Interview Sat 24 09:00 IST → end 10:00 IST = 09:00Z;
  // dueAt 2026-10-25T09:00:00Z = 09:00 GMT Sunday 25.
  it('Europe/Dublin fall back', () => {
    expect(thankYou('Europe/Dublin', 'IE', '2026-10-24T09:00')).toEqual(['2026-10-24', '2026-10-25T09:00:00Z', '2026-10-25']);
  });

  // Interview in Asia/Tokyo (UTC+9) Mon 7 Dec 2026 09:00–10:00 = 01:00Z; seeker in America/New_York.
  // The interview date is Mon 7 (Tokyo); dueAt 2026-12-08T01:00:00Z = Mon 7 Dec 20:00 EST → due Mon 7.
  it('interview in another zone than the seeker: dueAt dated in the seeker zone', () => {
    expect(thankYou('America/New_York', 'US', '2026-12-07T09:00', 'Asia/Tokyo')).toEqual(['2026-12-07', '2026-12-08T01:00:00Z', '2026-12-07']);
  });
});
