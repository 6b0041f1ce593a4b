// SPEC §3 rows "first status check" (per source), "decision date", "employer away",
// "unanswered → next", "dragging → check_in", "2 check_ins → move_on", "reply/update resets";
// §3.1 "Rounds and the cadence" and skip/snooze semantics of chain steps.
import { describe, expect, it } from 'vitest';
import type { Application, Interaction } from '../../src/core/types.js';
import { event, newApplication, newContact, newFacts, newInteraction, newInterview, onlyStep, planAt, stepsOf } from './fixtures.js';

const sent = (id: string, at: string, kind: Interaction['kind'] = 'status_check') => newInteraction({ id, at, kind });

describe('first status_check by source', () => {
  // March 2027, GB-ENG, Europe/London (GMT until Sun 28 01:00 UTC, then BST)
  //  Mo Tu We Th Fr Sa Su
  //   1  2  3  4  5  6  7
  //   8  9 10 11 12 13 14
  //  15 16 17 18 19 20 21
  //  22 23 [24] 25 26G 27 28(DST)   G Good Friday
  //  29E 30 31                      E Easter Monday
  it('employer: lead interviewer by e-mail, interview date + 3 bd across Easter (Wed 24 → Wed 31)', () => {
    const f = newFacts({
      settings: { timezone: 'Europe/London', region: 'GB-ENG' },
      applications: [newApplication({ interviews: [newInterview({ start: '2027-03-24T10:00', interviewers: ['c2', 'c1'] })] })],
    });
    const s = onlyStep(planAt(f, '2027-03-25'), 'status_check');
    expect([s.id, s.to, s.channel, s.earliest, s.due]).toEqual(['a1:status_check:i1:1', ['c2'], 'email', '2027-03-31', '2027-03-31']);
    expect(s.why).toMatch(/3 business days after the interview: an employer usually needs/);
  });

  // March 2027, IE, Europe/Dublin
  //  Mo Tu We Th Fr Sa Su
  //   8  9 [10] 11 12 13 14
  //  15 16 17P 18 19 20 21         P St Patrick's Day
  it('recruiter: the recruiter, interview date + 7 calendar days rolled off St Patrick’s Day (Wed 10 → Thu 18)', () => {
    const f = newFacts({
      settings: { timezone: 'Europe/Dublin', region: 'IE' },
      contacts: [newContact('c1'), newContact('r1', { email: null, phone: '+353 1 555' })],
      applications: [newApplication({ source: 'recruiter', agent: 'r1', interviews: [newInterview({ start: '2027-03-10T10:00' })] })],
    });
    const s = onlyStep(planAt(f, '2027-03-11'), 'status_check');
    expect([s.to, s.channel, s.due]).toEqual([['r1'], 'phone', '2027-03-18']);
  });

  // May 2027, DE-BY, Europe/Berlin
  //  Mo Tu We Th Fr Sa Su
  //                  1* 2      * Tag der Arbeit
  //   3  4  5  6C  7  8  9     C Christi Himmelfahrt
  //  [10] 11 12 13 14 15 16
  //  17W 18 19 20 21 22 23     W Pfingstmontag (Whit Monday)
  it('agency: the agent, interview date + 7 bd across Whit Monday (Mon 10 → Thu 20); quick decision + 3 bd (Thu 13)', () => {
    const base = (quick: boolean) =>
      newFacts({
        settings: { timezone: 'Europe/Berlin', region: 'DE-BY' },
        contacts: [newContact('c1'), newContact('g1', { email: null, phone: '+49 89 1' })],
        applications: [newApplication({ source: 'agency', agent: 'g1', interviews: [newInterview({ start: '2027-05-10T10:00', quickDecision: quick })] })],
      });
    const slow = onlyStep(planAt(base(false), '2027-05-11'), 'status_check');
    expect([slow.to, slow.channel, slow.due]).toEqual([['g1'], 'voicemail', '2027-05-20']);
    expect(onlyStep(planAt(base(true), '2027-05-11'), 'status_check').due).toBe('2027-05-13');
  });

  it('agency/recruiter without an agent: no step and a missing_detail warning naming the field', () => {
    const f = newFacts({ applications: [newApplication({ source: 'agency', agent: null, interviews: [newInterview()] })] });
    const p = planAt(f, '2026-12-02');
    expect(stepsOf(p, 'status_check')).toEqual([]);
    expect(p.warnings.filter((w) => w.kind === 'missing_detail').map((w) => w.message)).toEqual([
      expect.stringContaining('field agent'),
    ]);
  });

  it('employer lead without e-mail: missing_detail naming the contact and field email', () => {
    const f = newFacts({
      contacts: [newContact('c1', { name: 'Sam Lee', email: null, phone: '1' })],
      applications: [newApplication({ interviews: [newInterview()] })],
    });
    const p = planAt(f, '2026-12-02');
    expect(stepsOf(p, 'status_check')).toEqual([]);
    expect(p.warnings.find((w) => w.kind === 'missing_detail')!.message).toContain('No email for Sam Lee (contact c1, field email)');
  });
});

describe('decision date, away, repeats and the unanswered count (US, America/New_York)', () => {
  // December 2026 / January 2027, US
  //  Mo Tu We Th Fr Sa Su
  //  14 15 16 17 18 19 20
  //  21 22 23 24 25* 26 27        * Christmas Day
  //  28 29 30 31 | 1* 2  3         * New Year's Day
  //   4  5  6  7   8  9 10
  const app = (over: Partial<Application> = {}, iv = {}) =>
    newApplication({ interviews: [newInterview({ start: '2026-12-17T10:00', ...iv })], ...over });

  it('a stated decision date replaces the offset: D + 1 bd (Thu 24 → Mon 28)', () => {
    const s = onlyStep(planAt(newFacts({ applications: [app({}, { decisionExpectedBy: '2026-12-24' })] }), '2026-12-18'), 'status_check');
    expect(s.due).toBe('2026-12-28');
    expect(s.why).toContain('decision date 2026-12-24');
  });

  it('not before unavailableUntil + 1 bd (away until Thu 31 → Mon 4 January)', () => {
    const s = onlyStep(planAt(newFacts({ applications: [app({}, { unavailableUntil: '2026-12-31' })] }), '2026-12-18'), 'status_check');
    expect(s.due).toBe('2027-01-04');
  });

  it('unanswered: next = last organisation contact + 3 bd, id position 2; at the limit the application drags', () => {
    // first check logged Tue 29 → +3 bd: Wed 30, Thu 31, (Fri 1 holiday) Mon 4.
    const one = app({ interactions: [sent('x1', '2026-12-29T15:00:00Z')] });
    const s = onlyStep(planAt(newFacts({ applications: [one] }), '2026-12-30'), 'status_check');
    expect([s.id, s.due]).toEqual(['a1:status_check:i1:2', '2027-01-04']);
    // Second check on Mon 4 Jan → employer limit 2 reached → check_in one month after the last contact: Thu 4 Feb.
    const two = app({ interactions: [sent('x1', '2026-12-29T15:00:00Z'), sent('x2', '2027-01-04T15:00:00Z')] });
    const p = planAt(newFacts({ applications: [two] }), '2027-01-05');
    expect(stepsOf(p, 'status_check')).toEqual([]);
    const c = onlyStep(p, 'check_in');
    expect([c.id, c.to, c.channel, c.due]).toEqual(['a1:check_in:i1:1', ['c1'], 'email', '2027-02-04']);
    expect(c.why).toContain('never asking "did I get the job"');
  });

  it('any outbound message to the organisation times the repeat (a logged check after a later thank-you)', () => {
    const a = app({ interactions: [sent('x1', '2026-12-22T15:00:00Z'), sent('x2', '2026-12-23T15:00:00Z', 'other')] });
    // last organisation contact Wed 23 → +3 bd: Thu 24, Mon 28, Tue 29.
    expect(onlyStep(planAt(newFacts({ applications: [a] }), '2026-12-24'), 'status_check').due).toBe('2026-12-29');
  });

  it('facts dated after as-of are ignored', () => {
    const a = app({ interactions: [sent('x1', '2026-12-29T15:00:00Z')] });
    expect(onlyStep(planAt(newFacts({ applications: [a] }), '2026-12-23'), 'status_check').id).toBe('a1:status_check:i1:1');
  });

  it('a skipped chain step counts as sent on its due date for timing, but not as unanswered', () => {
    // first check due Tue 22 (Thu 17 + 3 bd); skipped → next = Tue 22 + 3 bd = Mon 28 (Christmas skipped).
    const f = newFacts({ applications: [app()], stepEvents: [event('a1:status_check:i1:1', 'skip', '2026-12-22T12:00:00Z')] });
    const s = onlyStep(planAt(f, '2026-12-23'), 'status_check');
    expect([s.id, s.due]).toEqual(['a1:status_check:i1:2', '2026-12-28']);
    // one skipped + one logged: the unanswered count is 1 < 2, so a third check is planned.
    const g = newFacts({
      applications: [app({ interactions: [sent('x2', '2026-12-28T15:00:00Z')] })],
      stepEvents: [event('a1:status_check:i1:1', 'skip', '2026-12-22T12:00:00Z')],
    });
    expect(onlyStep(planAt(g, '2026-12-29'), 'status_check').id).toBe('a1:status_check:i1:3');
  });

  it('snooze moves due to the later of due and until; earliest keeps the rule date', () => {
    const f = newFacts({ applications: [app()], stepEvents: [event('a1:status_check:i1:1', 'snooze', '2026-12-21T12:00:00Z', '2026-12-30')] });
    const s = onlyStep(planAt(f, '2026-12-22'), 'status_check');
    expect([s.earliest, s.due]).toEqual(['2026-12-22', '2026-12-30']);
    const early = newFacts({ applications: [app()], stepEvents: [event('a1:status_check:i1:1', 'snooze', '2026-12-21T12:00:00Z', '2026-12-20')] });
    expect(onlyStep(planAt(early, '2026-12-22'), 'status_check').due).toBe('2026-12-22');
  });

  it('a reply resets the count: later of new D + 1 bd and reply date + repeat, anchored on the reply', () => {
    const a = app({
      interactions: [
        sent('x1', '2026-12-22T15:00:00Z'),
        newInteraction({ id: 'r1', at: '2026-12-23T15:00:00Z', kind: 'reply', newDecisionDate: '2027-01-05' }),
      ],
    });
    // D' = Tue 5 Jan → + 1 bd = Wed 6; reply Wed 23 + 3 bd = Tue 29 → the later: Wed 6 January.
    const s = onlyStep(planAt(newFacts({ applications: [a] }), '2026-12-24'), 'status_check');
    expect([s.id, s.due]).toEqual(['a1:status_check:r1:1', '2027-01-06']);
    const noDate = app({ interactions: [newInteraction({ id: 'r1', at: '2026-12-23T15:00:00Z', kind: 'update' })] });
    expect(onlyStep(planAt(newFacts({ applications: [noDate] }), '2026-12-24'), 'status_check').due).toBe('2026-12-29');
  });

  it('an application in offer gets no status checks', () => {
    const a = app({ status: 'offer' });
    expect(stepsOf(planAt(newFacts({ applications: [a] }), '2026-12-18'), 'status_check')).toEqual([]);
  });
});

describe('dragging, check_in and move_on', () => {
  const base = (interactions: Interaction[] = [], iv = {}) =>
    newFacts({ applications: [newApplication({ interviews: [newInterview({ start: '2026-12-01T10:00', ...iv })], interactions })] });

  it('30 days after the interview date without a decision the application drags (US)', () => {
    // interview Tue 1 Dec; as-of Wed 30 Dec (29 days) → status check; Thu 31 Dec (30 days) → check_in.
    expect(stepsOf(planAt(base(), '2026-12-30'), 'status_check').length).toBe(1);
    const p = planAt(base(), '2026-12-31');
    expect(stepsOf(p, 'status_check')).toEqual([]);
    // one month after Tue 1 Dec = Fri 1 Jan (New Year's Day) → Mon 4 Jan.
    expect(onlyStep(p, 'check_in').due).toBe('2027-01-04');
  });

  it('an inbound update on hold drags at once; the first check-in counts from the last inbound message', () => {
    const p = planAt(base([newInteraction({ id: 'u1', at: '2026-12-03T15:00:00Z', kind: 'update', onHold: true })]), '2026-12-04');
    const c = onlyStep(p, 'check_in');
    expect([c.id, c.due]).toEqual(['a1:check_in:u1:1', '2027-01-04']);
  });

  it('further check-ins a month after the last; after two, move_on a month after the second (never moved)', () => {
    const hold = newInteraction({ id: 'u1', at: '2026-12-03T15:00:00Z', kind: 'update', onHold: true });
    const one = planAt(base([hold, sent('k1', '2027-01-04T15:00:00Z', 'check_in')]), '2027-01-05');
    expect(onlyStep(one, 'check_in')).toMatchObject({ id: 'a1:check_in:u1:2', due: '2027-02-04' });
    // second check-in logged on Sat 27 Feb 2027 → move_on Sat 27 Mar 2027, a seeker step: not rolled.
    const two = planAt(base([hold, sent('k1', '2027-01-04T15:00:00Z', 'check_in'), sent('k2', '2027-02-27T15:00:00Z', 'check_in')]), '2027-03-01');
    expect(stepsOf(two, 'check_in')).toEqual([]);
    const m = onlyStep(two, 'move_on');
    expect([m.id, m.to, m.channel, m.due]).toEqual(['a1:move_on:u1', [], null, '2027-03-27']);
  });
});

describe('events on check-ins', () => {
  const hold = newInteraction({ id: 'u1', at: '2026-12-03T15:00:00Z', kind: 'update', onHold: true });
  const facts = (events: ReturnType<typeof event>[], extra: Interaction[] = []) =>
    newFacts({ applications: [newApplication({ interviews: [newInterview({ start: '2026-12-01T10:00' })], interactions: [hold, ...extra] })], stepEvents: events });

  it('a skipped check-in times the next one from its due date and does not count towards move_on', () => {
    // check_in 1 due Mon 4 Jan (skipped) → check_in 2 due Thu 4 Feb.
    const p = planAt(facts([event('a1:check_in:u1:1', 'skip', '2027-01-04T12:00:00Z')]), '2027-01-05');
    expect(onlyStep(p, 'check_in')).toMatchObject({ id: 'a1:check_in:u1:2', due: '2027-02-04' });
    expect(stepsOf(p, 'move_on')).toEqual([]);
  });

  it('a done event without a logged interaction counts as a check-in on the event date', () => {
    const p = planAt(facts([event('a1:check_in:u1:1', 'done', '2027-01-05T15:00:00Z')]), '2027-01-06');
    expect(onlyStep(p, 'check_in')).toMatchObject({ id: 'a1:check_in:u1:2', due: '2027-02-05' });
  });
});

describe('pending rounds', () => {
  it('an invitation with no later interview suppresses the chain and warns missing_round', () => {
    const f = newFacts({
      applications: [
        newApplication({
          interviews: [newInterview({ start: '2026-12-01T10:00' })],
          interactions: [newInteraction({ id: 'inv', at: '2026-12-02T15:00:00Z', kind: 'invitation' })],
        }),
      ],
    });
    const p = planAt(f, '2027-01-15');
    expect(p.steps.filter((s) => ['status_check', 'check_in', 'move_on'].includes(s.kind))).toEqual([]);
    expect(p.warnings.filter((w) => w.kind === 'missing_round').map((w) => w.application)).toEqual(['a1']);
  });

  it('a scheduled round suppresses the chain without a warning; once it ends the cadence restarts from it', () => {
    const app = newApplication({
      interviews: [newInterview({ start: '2026-12-01T10:00' }), newInterview({ id: 'i2', round: 2, start: '2026-12-10T10:00', interviewers: ['c2'] })],
      interactions: [newInteraction({ id: 'inv', at: '2026-12-02T15:00:00Z', kind: 'invitation' })],
    });
    const before = planAt(newFacts({ applications: [app] }), '2026-12-09');
    expect(stepsOf(before, 'status_check')).toEqual([]);
    expect(before.warnings.filter((w) => w.kind === 'missing_round')).toEqual([]);
    // round 2 ended Thu 10 Dec → + 3 bd = Tue 15, to the new lead interviewer c2.
    const after = onlyStep(planAt(newFacts({ applications: [app] }), '2026-12-11'), 'status_check');
    expect([after.id, after.to, after.due]).toEqual(['a1:status_check:i2:1', ['c2'], '2026-12-15']);
  });
});
