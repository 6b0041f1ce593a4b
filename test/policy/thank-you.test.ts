// SPEC §3 rows "after each interview round → thank_you", "no interviewers → debrief",
// "no pros/cons → reflect", and §3.1 "late_thank_you", on real holiday calendars.
import { describe, expect, it } from 'vitest';
import { event, newApplication, newContact, newFacts, newInteraction, newInterview, onlyStep, planAt, stepsOf } from './fixtures.js';

describe('thank_you', () => {
  // December 2026, US, seeker and interview in America/New_York (EST, UTC−5)
  //  Mo Tu We Th Fr Sa Su
  //      1  2  3  4  5  6
  //   7  8  9 10 11 12 13
  //  14 15 16 17 18 19 20
  //  21 22 [23] 24 25* 26 27     * Christmas Day (US public holiday)
  //  28 29 30 31
  // Interview Wed 23 14:00–15:00 EST = 20:00Z → dueAt 2026-12-24T20:00:00Z (Christmas Eve, never moved).
  const facts = newFacts({
    contacts: [newContact('c1', { name: 'Dana Reyes' }), newContact('c2', { email: null, linkedin: 'https://linkedin.com/in/c2' }), newContact('c3', { email: null })],
    applications: [
      newApplication({ interviews: [newInterview({ start: '2026-12-23T14:00', interviewers: ['c1', 'c2', 'c3'], round: 2 })] }),
    ],
  });

  it('plans one step per interviewer, due 24 hours after the end, by e-mail, else LinkedIn, else letter', () => {
    const p = planAt(facts, '2026-12-23T21:00:00Z');
    expect(stepsOf(p, 'thank_you').map((s) => [s.id, s.to, s.channel, s.earliest, s.due, s.dueAt, s.overdue])).toEqual([
      ['a1:thank_you:i1:c1', ['c1'], 'email', '2026-12-23', '2026-12-24', '2026-12-24T20:00:00Z', false],
      ['a1:thank_you:i1:c2', ['c2'], 'linkedin', '2026-12-23', '2026-12-24', '2026-12-24T20:00:00Z', false],
      ['a1:thank_you:i1:c3', ['c3'], 'letter', '2026-12-23', '2026-12-24', '2026-12-24T20:00:00Z', false],
    ]);
    expect(onlyStep(p, 'status_check').due).toBe('2026-12-29');
    expect(stepsOf(p, 'thank_you')[0]!.why).toMatch(/^Thank Dana Reyes within 24 hours of your round-2 interview with Acme — /);
  });

  it('is not planned before the interview has ended', () => {
    expect(stepsOf(planAt(facts, '2026-12-23T19:59:00Z'), 'thank_you')).toEqual([]);
  });

  it('is overdue once as-of passes dueAt, and late (warning) after interview date + 2 bd', () => {
    // +2 bd from Wed 23: Thu 24, (Fri 25 holiday), Mon 28 → late from as-of date 2026-12-29.
    const p1 = planAt(facts, '2026-12-24T20:00:01Z');
    expect(stepsOf(p1, 'thank_you').every((s) => s.overdue)).toBe(true);
    expect(planAt(facts, '2026-12-28').warnings.filter((w) => w.kind === 'late_thank_you')).toEqual([]);
    const late = planAt(facts, '2026-12-29').warnings.filter((w) => w.kind === 'late_thank_you');
    expect(late.map((w) => w.application)).toEqual(['a1', 'a1', 'a1']);
  });

  it('is completed by a logged thank_you naming the person', () => {
    const done = newFacts({
      ...facts,
      applications: [
        newApplication({
          ...facts.applications[0]!,
          interactions: [newInteraction({ id: 'x1', at: '2026-12-23T22:00:00Z', kind: 'thank_you', contacts: ['c1', 'c3'] })],
        }),
      ],
    });
    expect(stepsOf(planAt(done, '2026-12-24'), 'thank_you').map((s) => s.id)).toEqual(['a1:thank_you:i1:c2']);
  });

  it('an interaction naming nobody completes the lead contact’s step (recruiter: the agent)', () => {
    const f = newFacts({
      contacts: [newContact('c1'), newContact('r1')],
      applications: [
        newApplication({
          source: 'recruiter',
          agent: 'r1',
          interviews: [newInterview({ start: '2026-12-23T14:00' })],
          interactions: [newInteraction({ id: 'x', at: '2026-12-23T23:00:00Z', kind: 'thank_you', channel: 'letter' })],
        }),
      ],
    });
    expect(stepsOf(planAt(f, '2026-12-24'), 'thank_you').map((s) => s.id)).toEqual(['a1:thank_you:i1:c1']);
  });

  it('lists steps by due date, then kind order, then id', () => {
    const f = newFacts({
      contacts: [newContact('c1'), newContact('c2'), newContact('r1', { isReference: true })],
      applications: [
        newApplication({ id: 'b', organization: 'B', prosCons: { pros: [], cons: [], strengths: [] }, interviews: [newInterview({ id: 'ib', start: '2026-12-22T10:00', interviewers: ['c2', 'c1'], chance: 'high' })] }),
        newApplication({ id: 'a', organization: 'A', interviews: [newInterview({ id: 'ia', start: '2026-12-22T10:00', interviewers: [] })] }),
      ],
    });
    expect(planAt(f, '2026-12-23').steps.map((s) => [s.due, s.id])).toEqual([
      ['2026-12-22', 'a:debrief:ia'],
      ['2026-12-23', 'b:thank_you:ib:c1'],
      ['2026-12-23', 'b:thank_you:ib:c2'],
      ['2026-12-23', 'b:references_heads_up:app:r1'],
      ['2026-12-24', 'b:reflect:ib'],
      ['2026-12-28', 'b:status_check:ib:1'],
    ]);
  });

  it('dates dueAt in the seeker zone when the interview is in another zone', () => {
    // Interview in Europe/London (GMT = UTC) 2026-12-23 23:30–00:30 → interview date Thu 24 (London),
    // dueAt 2026-12-25T00:30:00Z = 2026-12-24 19:30 in America/New_York → due 2026-12-24.
    const f = newFacts({
      applications: [newApplication({ region: 'GB-ENG', interviews: [newInterview({ start: '2026-12-23T23:30', timezone: 'Europe/London' })] })],
    });
    const s = onlyStep(planAt(f, '2026-12-24T12:00:00Z'), 'thank_you');
    expect([s.earliest, s.due, s.dueAt]).toEqual(['2026-12-24', '2026-12-24', '2026-12-25T00:30:00Z']);
  });

  it('adds the recruiter by letter even when they interviewed, and the agent by the interviewer rule', () => {
    const f = newFacts({
      contacts: [newContact('c1'), newContact('r1', { linkedin: 'x' }), newContact('g1', { email: null, linkedin: 'https://l/g1' })],
      applications: [
        newApplication({ id: 'a1', source: 'recruiter', agent: 'r1', interviews: [newInterview({ interviewers: ['c1', 'r1'] })] }),
        newApplication({ id: 'a2', organization: 'Beta', source: 'agency', agent: 'g1', interviews: [newInterview({ id: 'i2' })] }),
      ],
    });
    const p = planAt(f, '2026-12-02');
    expect(stepsOf(p, 'thank_you').map((s) => [s.id, s.channel])).toEqual([
      ['a1:thank_you:i1:c1', 'email'],
      ['a1:thank_you:i1:r1', 'letter'],
      ['a2:thank_you:i2:c1', 'email'],
      ['a2:thank_you:i2:g1', 'linkedin'],
    ]);
  });

  it('makes an earlier round’s open thank-yous moot once a later round ends', () => {
    const f = newFacts({
      applications: [
        newApplication({
          interviews: [newInterview({ id: 'i1', start: '2026-12-01T10:00' }), newInterview({ id: 'i2', round: 2, start: '2026-12-08T10:00', interviewers: ['c2'] })],
        }),
      ],
    });
    expect(stepsOf(planAt(f, '2026-12-02'), 'thank_you').map((s) => s.id)).toEqual(['a1:thank_you:i1:c1']);
    expect(stepsOf(planAt(f, '2026-12-09'), 'thank_you').map((s) => s.id)).toEqual(['a1:thank_you:i2:c2']);
  });
});

describe('debrief and reflect (steps to the seeker)', () => {
  // November 2026, US (America/New_York)
  //  Mo Tu We Th Fr Sa Su
  //                     1
  //   2  3  4  5  6  7  8
  //   9 10 11* 12 13 14 15     * Veterans Day
  //  16 17 18 19 20 21 22
  //  23 24 25 26* 27 28 29    * Thanksgiving
  //  30
  it('debrief is due on the interview date when no interviewers are recorded', () => {
    const f = newFacts({ applications: [newApplication({ interviews: [newInterview({ start: '2026-11-25T16:00', interviewers: [] })] })] });
    const p = planAt(f, '2026-11-25T22:00:00Z');
    const d = onlyStep(p, 'debrief');
    expect([d.id, d.to, d.channel, d.due, d.dueAt]).toEqual(['a1:debrief:i1', [], null, '2026-11-25', null]);
    expect(stepsOf(p, 'thank_you')).toEqual([]);
    expect(p.warnings.filter((w) => w.kind === 'missing_detail').length).toBe(1);
  });

  it('reflect is due interview date + 2 bd (Wed 25 → Fri 27, Mon 30: Thanksgiving skipped) when no pros/cons', () => {
    const f = newFacts({
      applications: [newApplication({ prosCons: { pros: [], cons: [], strengths: [] }, interviews: [newInterview({ start: '2026-11-25T09:00' })] })],
    });
    const r = onlyStep(planAt(f, '2026-11-26'), 'reflect');
    expect([r.id, r.to, r.channel, r.earliest, r.due]).toEqual(['a1:reflect:i1', [], null, '2026-11-30', '2026-11-30']);
  });

  it('reflect is due the day before the next round when sooner, and a logged reflect completes it', () => {
    const app = newApplication({
      prosCons: { pros: [], cons: [], strengths: [] },
      interviews: [newInterview({ start: '2026-11-25T09:00' }), newInterview({ id: 'i2', round: 2, start: '2026-11-27T09:00' })],
    });
    expect(onlyStep(planAt(newFacts({ applications: [app] }), '2026-11-26'), 'reflect').due).toBe('2026-11-26');
    const logged = { ...app, interactions: [newInteraction({ id: 'x', at: '2026-11-25T20:00:00Z', kind: 'reflect' })] };
    expect(stepsOf(planAt(newFacts({ applications: [logged] }), '2026-11-26'), 'reflect')).toEqual([]);
  });

  it('a skip event ends a seeker step for good', () => {
    const f = newFacts({
      applications: [newApplication({ interviews: [newInterview({ start: '2026-11-25T16:00', interviewers: [] })] })],
      stepEvents: [event('a1:debrief:i1', 'skip', '2026-11-25T23:00:00Z')],
    });
    expect(stepsOf(planAt(f, '2026-11-26'), 'debrief')).toEqual([]);
    expect(stepsOf(planAt(f, '2026-11-25T22:00:00Z'), 'debrief').length).toBe(1);
  });
});
