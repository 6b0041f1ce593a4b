// SPEC §3.1 "Pacing order" and the pacing guard: one outbound message per organisation per day.
import { describe, expect, it } from 'vitest';
import { newApplication, newContact, newFacts, newInteraction, newInterview, planAt, stepsOf } from './fixtures.js';

// December 2026, US (America/New_York) and GB-ENG
//  Mo Tu We Th Fr Sa Su
//  30  1  2  3  4  5  6
//   7  8  9 10 11 12 13
//  14 15 16 17 18 19 20
//  21 22 23 24 25X 26B 27      X Christmas (US, GB-ENG), B Boxing Day (GB-ENG, Saturday)
//  28S 29 30 31                S substitute for Boxing Day (GB-ENG only)
const contacts = [newContact('c1'), newContact('c2'), newContact('c3'), newContact('c4')];
const thanked = (id: string, at: string, who: string[]) => newInteraction({ id, at, kind: 'thank_you', contacts: who });

describe('pacing', () => {
  it('keys organisations by trimmed, collapsed, lower-cased name; the second message moves to the next business day', () => {
    const f = newFacts({
      contacts,
      applications: [
        newApplication({ id: 'a1', organization: 'Acme Corp', interviews: [newInterview({ interviewers: ['c1'] })], interactions: [thanked('t1', '2026-12-01T17:00:00Z', ['c1'])] }),
        newApplication({ id: 'a2', organization: '  acme   CORP ', interviews: [newInterview({ id: 'i2', interviewers: ['c2'] })], interactions: [thanked('t2', '2026-12-01T17:00:00Z', ['c2'])] }),
      ],
    });
    // Both status checks are due Fri 4 (Tue 1 + 3 bd); a1 ranks first by id, a2 moves to Mon 7.
    const p = planAt(f, '2026-12-02');
    expect(stepsOf(p, 'status_check').map((s) => [s.id, s.earliest, s.due])).toEqual([
      ['a1:status_check:i1:1', '2026-12-04', '2026-12-04'],
      ['a2:status_check:i2:1', '2026-12-04', '2026-12-07'],
    ]);
  });

  it('a day holding a logged outbound message to the organisation is full', () => {
    const f = newFacts({
      contacts,
      applications: [
        newApplication({
          id: 'a1',
          interviews: [newInterview({ interviewers: ['c1'] })],
          interactions: [thanked('t1', '2026-12-01T17:00:00Z', ['c1']), newInteraction({ id: 'o', at: '2026-12-04T15:00:00Z', kind: 'other' })],
        }),
        newApplication({ id: 'a2', interviews: [newInterview({ id: 'i2', interviewers: ['c2'] })], interactions: [thanked('t2', '2026-12-01T17:00:00Z', ['c2'])] }),
      ],
    });
    expect(stepsOf(planAt(f, '2026-12-04T20:00:00Z'), 'status_check').map((s) => s.due)).toEqual(['2026-12-07', '2026-12-08']);
  });

  it('moves a step to the next business day of its own region (GB-ENG: past Christmas and the Boxing Day substitute)', () => {
    const f = newFacts({
      contacts,
      applications: [
        newApplication({ id: 'a1', interviews: [newInterview({ start: '2026-12-21T10:00', interviewers: ['c1'] })], interactions: [thanked('t1', '2026-12-21T17:00:00Z', ['c1'])] }),
        newApplication({ id: 'a2', region: 'GB-ENG', interviews: [newInterview({ id: 'i2', start: '2026-12-21T10:00', interviewers: ['c2'] })], interactions: [thanked('t2', '2026-12-21T17:00:00Z', ['c2'])] }),
      ],
    });
    // Both due Thu 24 (Mon 21 + 3 bd in either region); a2 moves to GB-ENG's next business day Tue 29.
    expect(stepsOf(planAt(f, '2026-12-22'), 'status_check').map((s) => [s.application, s.due])).toEqual([
      ['a1', '2026-12-24'],
      ['a2', '2026-12-29'],
    ]);
  });

  it('ranks by kind: a final_thanks stays and a status_check of the same organisation moves', () => {
    const f = newFacts({
      contacts,
      applications: [
        newApplication({ id: 'a2', interviews: [newInterview({ id: 'i2', start: '2026-12-17T10:00', interviewers: ['c2'] })], interactions: [thanked('t2', '2026-12-17T17:00:00Z', ['c2'])] }),
        newApplication({
          id: 'a1',
          interviews: [newInterview({ start: '2026-12-10T10:00', interviewers: ['c1'] })],
          interactions: [newInteraction({ id: 'rej', at: '2026-12-21T15:00:00Z', kind: 'rejection' })],
        }),
      ],
    });
    const p = planAt(f, '2026-12-21T20:00:00Z');
    expect(p.steps.filter((s) => s.kind !== 'keep_warm').map((s) => [s.id, s.due])).toEqual([
      ['a1:final_thanks:rej', '2026-12-22'],
      ['a2:status_check:i2:1', '2026-12-23'],
    ]);
  });

  it('thank-yous never move: two on one day to one organisation both stay with a pacing warning', () => {
    const f = newFacts({
      contacts,
      applications: [
        newApplication({ id: 'a1', interviews: [newInterview({ interviewers: ['c1', 'c3'] })] }),
        newApplication({ id: 'a2', organization: 'ACME', interviews: [newInterview({ id: 'i2', interviewers: ['c2'] })] }),
      ],
    });
    const p = planAt(f, '2026-12-01T20:00:00Z');
    expect(stepsOf(p, 'thank_you').map((s) => s.due)).toEqual(['2026-12-02', '2026-12-02', '2026-12-02']);
    expect(p.warnings.filter((w) => w.kind === 'pacing').length).toBe(1);
  });

  it('same-kind steps of one application on one day are one message; seeker steps do not count', () => {
    const f = newFacts({
      contacts,
      applications: [newApplication({ prosCons: { pros: [], cons: [], strengths: [] }, interviews: [newInterview({ interviewers: ['c1', 'c2', 'c3'] })] })],
    });
    const p = planAt(f, '2026-12-01T20:00:00Z');
    expect(p.warnings.filter((w) => w.kind === 'pacing')).toEqual([]);
    expect(stepsOf(p, 'thank_you').map((s) => s.due)).toEqual(['2026-12-02', '2026-12-02', '2026-12-02']);
  });
});

describe('pacing with logged messages of the same kind', () => {
  it('a thank-you logged to one interviewer does not make the open one to another a second message', () => {
    const f = newFacts({
      contacts,
      applications: [newApplication({ interviews: [newInterview({ interviewers: ['c1', 'c2'] })], interactions: [thanked('t1', '2026-12-02T15:00:00Z', ['c1'])] })],
    });
    const p = planAt(f, '2026-12-02T16:00:00Z');
    expect(stepsOf(p, 'thank_you').map((s) => [s.id, s.due])).toEqual([['a1:thank_you:i1:c2', '2026-12-02']]);
    expect(p.warnings.filter((w) => w.kind === 'pacing')).toEqual([]);
  });

  it('a thank-you due on a day another message was logged to the organisation stays, with a pacing warning', () => {
    const f = newFacts({
      contacts,
      applications: [
        newApplication({ id: 'a1', interviews: [newInterview({ interviewers: ['c1'] })] }),
        newApplication({ id: 'a2', interactions: [newInteraction({ id: 'o', at: '2026-12-02T14:00:00Z', kind: 'other' })] }),
      ],
    });
    const p = planAt(f, '2026-12-02T16:00:00Z');
    expect(onlyDue(p)).toEqual(['2026-12-02']);
    expect(p.warnings.filter((w) => w.kind === 'pacing').map((w) => w.message)).toEqual([expect.stringContaining('a day you already contacted them')]);
  });
});

function onlyDue(p: ReturnType<typeof planAt>): string[] {
  return stepsOf(p, 'thank_you').map((s) => s.due);
}

describe('search health', () => {
  const awaiting = (createdOn: string) => newApplication({ createdOn, interviews: [newInterview()] });

  it('one keep_searching warning (application null) when fewer than activeTarget applications are active', () => {
    const p = planAt(newFacts({ settings: { activeTarget: 5 }, applications: [awaiting('2026-12-01'), newApplication({ id: 'a2', createdOn: '2026-12-01' })] }), '2026-12-02');
    const w = p.warnings.filter((x) => x.kind === 'keep_searching');
    expect(w).toEqual([{ kind: 'keep_searching', application: null, message: expect.stringContaining('2 active applications, fewer than your target of 5') }]);
  });

  it('when one awaits a decision and nothing was created in the 7 days ending on the as-of date', () => {
    const warn = (created: string, asOf: string) => planAt(newFacts({ applications: [awaiting(created)] }), asOf).warnings.filter((x) => x.kind === 'keep_searching').length;
    expect(warn('2026-12-01', '2026-12-07')).toBe(0); // Dec 1 is within Dec 1–7
    expect(warn('2026-11-30', '2026-12-07')).toBe(1);
  });
});
