// SPEC §3 rows "inbound offer → offer_update", "outbound accept → withdraw", "inbound rejection →
// final_thanks, connect, keep_warm", "first high-chance/final round → references_heads_up";
// §3.1 "Outcomes and search health" (effective status).
import { describe, expect, it } from 'vitest';
import { event, newApplication, newContact, newFacts, newInteraction, newInterview, onlyStep, planAt, stepsOf } from './fixtures.js';

describe('offer_update', () => {
  // December 2027, GB-ENG, Europe/London (GMT)
  //  Mo Tu We Th Fr Sa Su
  //         1  2  3  4  5
  //   6  7  8  9 10 11 12
  //  13 14 15 16 17 18 19
  //  20 21 22 23 [24] 25X 26B     X Christmas Day, B Boxing Day (both on the weekend)
  //  27S 28S 29 30 31              S substitute bank holidays
  // Offer on A received Fri 24 10:00 GMT = 2027-12-24T10:00:00Z.
  const settings = { timezone: 'Europe/London', region: 'GB-ENG' };
  const interview = (id: string, start = '2027-12-01T10:00') => newInterview({ id, start });
  const offer = (deadline: string | null) =>
    newApplication({
      id: 'a',
      organization: 'Alpha',
      interviews: [interview('ia')],
      interactions: [newInteraction({ id: 'o1', at: '2027-12-24T10:00:00Z', kind: 'offer', offerDeadline: deadline })],
    });
  const others = [
    newApplication({ id: 'b', organization: 'Beta', interviews: [interview('ib')] }),
    newApplication({ id: 'c', organization: 'Gamma' }),
    newApplication({ id: 'd', organization: 'Delta', interviews: [interview('id', '2027-12-24T15:00')] }),
    newApplication({ id: 'e', organization: 'Epsilon', status: 'rejected', interviews: [interview('ie')] }),
  ];

  it('goes to every other application awaiting a decision at the offer time: offer date + 1 bd (Wed 29)', () => {
    const p = planAt(newFacts({ settings, applications: [offer(null), ...others] }), '2027-12-27');
    const s = onlyStep(p, 'offer_update');
    expect([s.id, s.application, s.to, s.channel, s.due]).toEqual(['b:offer_update:o1', 'b', ['c1'], 'email', '2027-12-29']);
    expect(s.why).toMatch(/in passing that you have an offer from Alpha — .*never as an ultimatum/);
    // The application holding the offer gets no status checks.
    expect(stepsOf(p, 'status_check').map((x) => x.application)).toEqual(['b', 'd']);
  });

  it('is bound by the deadline − 2 bd but never before the offer date, and then never moves', () => {
    // deadline Wed 29 → − 2 bd = Thu 23 (before Fri 24) → the offer date Fri 24.
    const p = planAt(newFacts({ settings, applications: [offer('2027-12-29'), ...others] }), '2027-12-24T12:00:00Z');
    expect(onlyStep(p, 'offer_update').due).toBe('2027-12-24');
    // deadline Fri 7 Jan 2028 → − 2 bd = Wed 5 Jan, later than Wed 29 Dec → offer date + 1 bd wins.
    expect(onlyStep(planAt(newFacts({ settings, applications: [offer('2028-01-07'), ...others] }), '2027-12-27'), 'offer_update').due).toBe('2027-12-29');
  });

  it('one per offer: two standing offers give two offer_updates on each awaiting application', () => {
    const second = newApplication({
      id: 'z',
      organization: 'Zeta',
      interviews: [interview('iz')],
      interactions: [newInteraction({ id: 'o2', at: '2027-12-29T10:00:00Z', kind: 'offer' })],
    });
    const p = planAt(newFacts({ settings, applications: [offer(null), second, others[0]!] }), '2027-12-30');
    // o1 (Fri 24) + 1 bd = Wed 29; o2 (Wed 29) + 1 bd = Thu 30. Zeta now holds an offer itself,
    // so it no longer awaits a decision and gets none.
    expect(stepsOf(p, 'offer_update').map((s) => [s.id, s.earliest, s.due])).toEqual([
      ['b:offer_update:o1', '2027-12-29', '2027-12-29'],
      ['b:offer_update:o2', '2027-12-30', '2027-12-30'],
    ]);
  });

  it('is completed by a logged offer_update to the lead after the offer', () => {
    const b = { ...others[0]!, interactions: [newInteraction({ id: 'u', at: '2027-12-29T10:00:00Z', kind: 'offer_update' })] };
    expect(stepsOf(planAt(newFacts({ settings, applications: [offer(null), b] }), '2027-12-30'), 'offer_update')).toEqual([]);
  });
});

describe('withdraw after accept', () => {
  // December 2026 / January 2027, US, America/New_York
  //  Mo Tu We Th Fr Sa Su
  //  28 29 30 [31] | 1* 2  3      * New Year's Day
  //   4  5  6  7   8  9 10
  it('replaces every other step of the other active applications: accept date + 1 bd (Thu 31 → Mon 4)', () => {
    const f = newFacts({
      applications: [
        newApplication({
          id: 'a',
          interviews: [newInterview({ id: 'ia', start: '2026-12-10T10:00' })],
          interactions: [
            newInteraction({ id: 'o', at: '2026-12-28T15:00:00Z', kind: 'offer' }),
            newInteraction({ id: 'acc', at: '2026-12-31T15:00:00Z', kind: 'accept' }),
          ],
        }),
        newApplication({ id: 'b', organization: 'Beta', interviews: [newInterview({ id: 'ib', start: '2026-12-30T10:00' })] }),
        newApplication({ id: 'c', organization: 'Gamma', status: 'closed', interviews: [newInterview({ id: 'ic' })] }),
      ],
    });
    const p = planAt(f, '2027-01-01');
    expect(p.steps.map((s) => [s.id, s.to, s.channel, s.due])).toEqual([['b:withdraw:acc', ['c1'], 'email', '2027-01-04']]);
    // Logging the withdraw makes b withdrawn: nothing more.
    const b = { ...f.applications[1]!, interactions: [newInteraction({ id: 'w', at: '2027-01-04T15:00:00Z', kind: 'withdraw' })] };
    expect(planAt({ ...f, applications: [f.applications[0]!, b, f.applications[2]!] }, '2027-01-05').steps).toEqual([]);
  });
});

describe('rejection flow', () => {
  // December 2026 → March 2027, IE, Europe/Dublin
  //  December 2026                  March 2027
  //  Mo Tu We Th Fr Sa Su           Mo Tu We Th Fr Sa Su
  //  14 15 16 [17] 18 19 20         15 16 17P 18 19 20 21     P St Patrick's Day
  //  21 22 23 24 25X 26S 27
  // Rejection Thu 17 Dec 12:00 GMT.
  const settings = { timezone: 'Europe/Dublin', region: 'IE' };
  const contacts = [
    newContact('c1', { linkedin: 'https://linkedin.com/in/c1' }),
    newContact('c2'),
    newContact('c3', { linkedin: 'https://linkedin.com/in/c3' }),
    newContact('hr', { name: 'Pat HR' }),
  ];
  const app = (teller: string[]) =>
    newApplication({
      interviews: [newInterview({ start: '2026-12-01T10:00', interviewers: ['c1', 'c2'] }), newInterview({ id: 'i2', round: 2, start: '2026-12-08T10:00', interviewers: ['c3'] })],
      interactions: [newInteraction({ id: 'rej', at: '2026-12-17T12:00:00Z', kind: 'rejection', contacts: teller })],
    });

  it('final_thanks + 1 bd to the teller, connect + 2 bd per interviewer with LinkedIn, keep_warm + 3 months rolled', () => {
    const p = planAt(newFacts({ settings, contacts, applications: [app(['hr'])] }), '2026-12-18');
    expect(p.steps.map((s) => [s.id, s.to, s.channel, s.due])).toEqual([
      ['a1:final_thanks:rej', ['hr'], 'email', '2026-12-18'],
      ['a1:connect:rej:c1', ['c1'], 'linkedin', '2026-12-21'],
      ['a1:connect:rej:c3', ['c3'], 'linkedin', '2026-12-21'],
      ['a1:keep_warm:rej', ['hr'], 'email', '2027-03-18'],
    ]);
  });

  it('goes to the lead contact when nobody is named on the rejection', () => {
    const p = planAt(newFacts({ settings, contacts, applications: [app([])] }), '2026-12-18');
    expect(onlyStep(p, 'final_thanks').to).toEqual(['c3']);
  });

  it('a stored rejected status without a rejection interaction calls for nothing', () => {
    const a = newApplication({ status: 'rejected', interviews: [newInterview()] });
    expect(planAt(newFacts({ settings, contacts, applications: [a] }), '2026-12-18').steps).toEqual([]);
  });
});

describe('references_heads_up', () => {
  // December 2026, DE-BY, Europe/Berlin
  //  Mo Tu We Th Fr Sa Su
  //  21 22 23 [24] 25X 26X 27     X Christmas Day, St Stephen's Day
  //  28 29 30 31
  const settings = { timezone: 'Europe/Berlin', region: 'DE-BY' };
  const contacts = [
    newContact('c1'),
    newContact('r1', { isReference: true, email: null, phone: '+49 1' }),
    newContact('r2', { isReference: true }),
    newContact('r3', { isReference: true, email: null }),
  ];

  it('once per application and reference, after the first high-chance round: interview date + 1 bd (Thu 24 → Mon 28)', () => {
    const a = newApplication({
      interviews: [newInterview({ start: '2026-12-24T10:00', chance: 'high' }), newInterview({ id: 'i2', round: 2, start: '2026-12-29T10:00', final: true })],
    });
    const p = planAt(newFacts({ settings, contacts, applications: [a] }), '2026-12-25');
    expect(stepsOf(p, 'references_heads_up').map((s) => [s.id, s.channel, s.due])).toEqual([
      ['a1:references_heads_up:app:r1', 'phone', '2026-12-28'],
      ['a1:references_heads_up:app:r2', 'email', '2026-12-28'],
    ]);
    expect(p.warnings.find((w) => w.kind === 'missing_detail')!.message).toContain('contact r3, field email');
    // The later final round does not plan them again.
    const later = planAt(newFacts({ settings, contacts, applications: [a] }), '2026-12-30');
    expect(stepsOf(later, 'references_heads_up').map((s) => s.due)).toEqual(['2026-12-28', '2026-12-28']);
  });

  it('only the linked references when the application names some; none for a medium round', () => {
    const a = newApplication({ references: ['r2'], interviews: [newInterview({ start: '2026-12-24T10:00', final: true })] });
    expect(stepsOf(planAt(newFacts({ settings, contacts, applications: [a] }), '2026-12-25'), 'references_heads_up').map((s) => s.to)).toEqual([['r2']]);
    const medium = newApplication({ interviews: [newInterview({ start: '2026-12-24T10:00' })] });
    expect(stepsOf(planAt(newFacts({ settings, contacts, applications: [medium] }), '2026-12-25'), 'references_heads_up')).toEqual([]);
  });

  it('done events end a step; the step id is stable across plans', () => {
    const a = newApplication({ references: ['r2'], interviews: [newInterview({ start: '2026-12-24T10:00', final: true })] });
    const f = newFacts({ settings, contacts, applications: [a], stepEvents: [event('a1:references_heads_up:app:r2', 'done', '2026-12-28T09:00:00Z')] });
    expect(stepsOf(planAt(f, '2026-12-29'), 'references_heads_up')).toEqual([]);
  });
});
