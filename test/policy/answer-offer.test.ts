// SPEC §3 "Answering an offer": one answer_offer step while an application is in `offer` with an
// `offerDeadline`, due deadline − 1 bd but never before the offer; never moved by pacing.
import { describe, expect, it } from 'vitest';
import { monthGrid } from '../calendar/month-grid.js';
import {
  calendar,
  event,
  newApplication,
  newContact,
  newFacts,
  newInteraction,
  newInterview,
  onlyStep,
  planAt,
  stepsOf,
} from './fixtures.js';

/** Application `a` (Acme, interviewed by c1) holding an offer `o` made at `at`. */
const offered = (
  at: string,
  deadline: string | null,
  over: { contacts?: string[]; region?: string | null; id?: string; organization?: string } = {},
) =>
  newApplication({
    id: over.id ?? 'a',
    organization: over.organization ?? 'Acme',
    region: over.region ?? null,
    interviews: [newInterview({ id: 'ia', start: '2026-11-02T10:00', interviewers: ['c1'] })],
    interactions: [
      newInteraction({
        id: 'o',
        at,
        kind: 'offer',
        offerDeadline: deadline,
        contacts: over.contacts ?? [],
      }),
    ],
  });

describe('answer_offer: when it is due', () => {
  // December 2026, US, America/New_York
  //  Mo Tu We Th Fr Sa Su
  //      1  2  3  4  5  6
  //   7  8  9 10 11 12 13
  //  [14]15 16 17 18 19 20        offer Mon 14, 15:00Z (10:00 New York)
  //  21 22 23 24 25*26 27        * Christmas Day
  //  [28]29 30 31                deadline Mon 28 → − 1 bd skips the weekend and Christmas: Thu 24
  it('deadline on a Monday after a holiday (US): Thu 24, with its id, recipient and reason', () => {
    expect(monthGrid(calendar, 'US', 2026, 12)).toBe(
      [
        'Mo Tu We Th Fr Sa Su',
        '    1  2  3  4  5  6',
        ' 7  8  9 10 11 12 13',
        '14 15 16 17 18 19 20',
        '21 22 23 24 25*26 27',
        '28 29 30 31',
      ].join('\n'),
    );
    const p = planAt(
      newFacts({ applications: [offered('2026-12-14T15:00:00Z', '2026-12-28')] }),
      '2026-12-15',
    );
    const s = onlyStep(p, 'answer_offer');
    expect([s.id, s.application, s.to, s.channel, s.earliest, s.due, s.dueAt, s.overdue]).toEqual([
      'a:answer_offer:o',
      'a',
      ['c1'],
      'email',
      '2026-12-24',
      '2026-12-24',
      null,
      false,
    ]);
    expect(s.why).toBe(
      "Answer C1's offer for Engineer at Acme: accept, or decline gracefully — 1 business day before the deadline 2026-12-28: answering ahead of the deadline respects their timetable and keeps their goodwill, whichever way you decide.",
    );
    // The application holding the offer gets no status check, only its answer.
    expect(stepsOf(p, 'status_check')).toEqual([]);
  });

  // December 2026 / January 2027, GB-ENG, Europe/London (GMT)
  //  Mo Tu We Th Fr Sa Su
  //  21 22 23 24 25*26*27        * Christmas Day, Boxing Day
  //  28*29 30 31  1* 2  3        * substitute Boxing Day; New Year's Day
  //  [4] 5  6  7  8  9 10        deadline Mon 4 Jan → − 1 bd = Thu 31 Dec
  it('deadline on a Monday after New Year’s Day (GB-ENG): Thu 31 Dec', () => {
    expect(monthGrid(calendar, 'GB-ENG', 2027, 1).split('\n')[1]).toBe('             1* 2  3');
    const f = newFacts({
      settings: { timezone: 'Europe/London', region: 'GB-ENG' },
      applications: [offered('2026-12-21T10:00:00Z', '2027-01-04')],
    });
    expect(onlyStep(planAt(f, '2026-12-22'), 'answer_offer').due).toBe('2026-12-31');
  });

  // May 2027, IE, Europe/Dublin (IST, UTC+1)
  //  Mo Tu We Th Fr Sa Su
  //                 30 [1] 2     offer Sat 1 May 10:00 IST = 09:00Z
  //   3* 4  5  6  7  8  9        * May bank holiday
  it('offer on a Saturday (IE): deadline − 1 bd before the offer → the next business day after it, Tue 4', () => {
    expect(monthGrid(calendar, 'IE', 2027, 5).split('\n').slice(1, 3)).toEqual([
      '                1  2',
      ' 3* 4  5  6  7  8  9',
    ]);
    const settings = { timezone: 'Europe/Dublin', region: 'IE' };
    // deadline Tue 4 → − 1 bd = Fri 30 Apr, before the offer: Sat 1 → Sun 2 → Mon 3 (holiday) → Tue 4.
    const tight = onlyStep(
      planAt(
        newFacts({ settings, applications: [offered('2027-05-01T09:00:00Z', '2027-05-04')] }),
        '2027-05-01T12:00:00Z',
      ),
      'answer_offer',
    );
    expect([tight.earliest, tight.due]).toEqual(['2027-05-04', '2027-05-04']);
    expect(tight.why).toContain(
      'the deadline 2027-05-04 leaves little time, so answer as soon as you can',
    );
    // deadline Fri 7 → − 1 bd = Thu 6: the ordinary rule.
    expect(
      onlyStep(
        planAt(
          newFacts({ settings, applications: [offered('2027-05-01T09:00:00Z', '2027-05-07')] }),
          '2027-05-02',
        ),
        'answer_offer',
      ).due,
    ).toBe('2027-05-06');
  });

  // March 2027, DE-BY, Europe/Berlin (CET, UTC+1)
  //  Mo Tu We Th Fr Sa Su
  //  22 23 [24]25 26*[27]28      * Good Friday; offers on Wed 24 and on Easter Saturday 27
  //  29*30 31                    * Easter Monday
  it('deadline before the offer (DE-BY): due on the offer date; an Easter-Saturday offer waits for Tue 30', () => {
    expect(monthGrid(calendar, 'DE-BY', 2027, 3).split('\n').slice(4)).toEqual([
      '22 23 24 25 26*27 28',
      '29*30 31',
    ]);
    const settings = { timezone: 'Europe/Berlin', region: 'DE-BY' };
    // Offer Wed 24 10:00 CET with a deadline of Mon 22 (already past): the offer's date, Wed 24.
    const past = onlyStep(
      planAt(
        newFacts({ settings, applications: [offered('2027-03-24T09:00:00Z', '2027-03-22')] }),
        '2027-03-24T12:00:00Z',
      ),
      'answer_offer',
    );
    expect([past.due, past.overdue]).toEqual(['2027-03-24', false]);
    // Offer Sat 27, deadline Tue 30 → − 1 bd = Thu 25 (before the offer) → Sun 28, Mon 29 (holiday) → Tue 30.
    const easter = onlyStep(
      planAt(
        newFacts({ settings, applications: [offered('2027-03-27T09:00:00Z', '2027-03-30')] }),
        '2027-03-28',
      ),
      'answer_offer',
    );
    expect(easter.due).toBe('2027-03-30');
  });

  it('after the deadline it stays, overdue, on its date', () => {
    const f = newFacts({ applications: [offered('2026-12-14T15:00:00Z', '2026-12-28')] });
    const s = onlyStep(planAt(f, '2027-01-05'), 'answer_offer');
    expect([s.due, s.overdue]).toEqual(['2026-12-24', true]);
  });

  it('is planned only for an offer with a deadline, on an application still in offer', () => {
    expect(
      stepsOf(
        planAt(newFacts({ applications: [offered('2026-12-14T15:00:00Z', null)] }), '2026-12-15'),
        'answer_offer',
      ),
    ).toEqual([]);
    const closed = { ...offered('2026-12-14T15:00:00Z', '2026-12-28'), status: 'closed' as const };
    expect(
      stepsOf(planAt(newFacts({ applications: [closed] }), '2026-12-15'), 'answer_offer'),
    ).toEqual([]);
    // Facts after as-of are ignored: no offer yet.
    expect(
      stepsOf(
        planAt(
          newFacts({ applications: [offered('2026-12-14T15:00:00Z', '2026-12-28')] }),
          '2026-12-14',
        ),
        'answer_offer',
      ),
    ).toEqual([]);
  });
});

describe('answer_offer: to whom', () => {
  it('goes to the first contact named on the offer, by e-mail else phone', () => {
    const contacts = [
      newContact('c1'),
      newContact('hr', { email: null, phone: '+1 555 0100' }),
      newContact('c3'),
    ];
    const p = planAt(
      newFacts({
        contacts,
        applications: [offered('2026-12-14T15:00:00Z', '2026-12-28', { contacts: ['hr', 'c3'] })],
      }),
      '2026-12-15',
    );
    const s = onlyStep(p, 'answer_offer');
    expect([s.id, s.to, s.channel]).toEqual(['a:answer_offer:o', ['hr'], 'phone']);
    expect(s.why).toMatch(/^Answer HR's offer for Engineer at Acme/);
  });

  it('warns missing_detail when the recipient has neither e-mail nor phone, or there is nobody to answer', () => {
    const contacts = [
      newContact('c1'),
      newContact('hr', {
        name: 'Pat Lee',
        email: null,
        phone: null,
        linkedin: 'https://linkedin.com/in/pat',
      }),
    ];
    const p = planAt(
      newFacts({
        contacts,
        applications: [offered('2026-12-14T15:00:00Z', '2026-12-28', { contacts: ['hr'] })],
      }),
      '2026-12-15',
    );
    expect(stepsOf(p, 'answer_offer')).toEqual([]);
    expect(
      p.warnings.filter((w) => w.kind === 'missing_detail').map((w) => [w.application, w.message]),
    ).toEqual([
      [
        'a',
        'No email or phone for Pat Lee (contact hr, field email): add it to plan the answer offer.',
      ],
    ]);
    const nobody = {
      ...offered('2026-12-14T15:00:00Z', '2026-12-28'),
      interviews: [newInterview({ id: 'ia', start: '2026-11-02T10:00', interviewers: [] })],
    };
    const q = planAt(newFacts({ applications: [nobody] }), '2026-12-15');
    expect(stepsOf(q, 'answer_offer')).toEqual([]);
    expect(q.warnings.filter((w) => w.kind === 'missing_detail').map((w) => w.message)).toEqual([
      'No contact to send the answer offer to at Acme: record the interviewers (field interviewers).',
    ]);
  });
});

describe('answer_offer: what ends it', () => {
  const base = offered('2026-12-14T15:00:00Z', '2026-12-28');
  const logged = (
    kind: 'answer_offer' | 'accept' | 'withdraw',
    at = '2026-12-16T15:00:00Z',
    contacts: string[] = ['c2'],
  ) => ({
    ...base,
    interactions: [...base.interactions, newInteraction({ id: `x-${kind}`, at, kind, contacts })],
  });

  it.each(['answer_offer', 'accept', 'withdraw'] as const)(
    'an outbound %s logged on the application after the offer completes it',
    (kind) => {
      // Named to someone else than the step's recipient: the answer is about the application.
      const p = planAt(newFacts({ applications: [logged(kind)] }), '2026-12-17');
      expect(stepsOf(p, 'answer_offer')).toEqual([]);
    },
  );

  it('one logged before the offer does not; a done event does', () => {
    const early = logged('answer_offer', '2026-12-10T15:00:00Z');
    expect(
      onlyStep(planAt(newFacts({ applications: [early] }), '2026-12-17'), 'answer_offer').id,
    ).toBe('a:answer_offer:o');
    const done = newFacts({
      applications: [base],
      stepEvents: [event('a:answer_offer:o', 'done', '2026-12-16T15:00:00Z')],
    });
    expect(stepsOf(planAt(done, '2026-12-17'), 'answer_offer')).toEqual([]);
  });

  it('is replaced by a withdraw when another application was accepted', () => {
    const other = newApplication({
      id: 'b',
      organization: 'Beta',
      interviews: [newInterview({ id: 'ib', start: '2026-11-03T10:00', interviewers: ['c2'] })],
      interactions: [newInteraction({ id: 'acc', at: '2026-12-15T15:00:00Z', kind: 'accept' })],
    });
    const p = planAt(newFacts({ applications: [base, other] }), '2026-12-16');
    // Tue 15 + 1 bd = Wed 16.
    expect(p.steps.map((s) => [s.id, s.to, s.due])).toEqual([
      ['a:withdraw:acc', ['c1'], '2026-12-16'],
    ]);
  });
});

describe('answer_offer: pacing', () => {
  // January 2027, GB-ENG, Europe/London (GMT)
  //  Mo Tu We Th Fr Sa Su
  //  [11][12][13]14 15 16 17     final round Mon 11 10:00–11:00, offer Mon 11 16:00, deadline Wed 13
  // thank_you dueAt Tue 12 11:00Z; answer_offer Wed 13 − 1 bd = Tue 12: both to Alpha on Tue 12.
  const settings = { timezone: 'Europe/London', region: 'GB-ENG' };
  const alpha = newApplication({
    id: 'a',
    organization: 'Alpha',
    interviews: [
      newInterview({ id: 'i1', start: '2026-12-01T10:00', interviewers: ['c1'] }),
      newInterview({
        id: 'i2',
        round: 2,
        start: '2027-01-11T10:00',
        interviewers: ['c2'],
        final: true,
      }),
    ],
    interactions: [
      newInteraction({ id: 't1', at: '2026-12-01T15:00:00Z', kind: 'thank_you', contacts: ['c1'] }),
      newInteraction({
        id: 'o',
        at: '2027-01-11T16:00:00Z',
        kind: 'offer',
        offerDeadline: '2027-01-13',
        contacts: ['c1'],
      }),
    ],
  });
  it('a collision with a thank-you keeps both and raises a pacing warning', () => {
    const contacts = [newContact('c1'), newContact('c2'), newContact('c3')];
    const p = planAt(
      newFacts({ settings, contacts, applications: [alpha] }),
      '2027-01-11T18:00:00Z',
    );
    expect(
      p.steps
        .filter((s) => s.kind !== 'reflect' && s.kind !== 'references_heads_up')
        .map((s) => [s.id, s.earliest, s.due]),
    ).toEqual([
      ['a:thank_you:i2:c2', '2027-01-11', '2027-01-12'],
      ['a:answer_offer:o', '2027-01-12', '2027-01-12'],
    ]);
    expect(p.warnings.filter((w) => w.kind === 'pacing').map((w) => w.message)).toEqual([
      'thank you and answer offer to Alpha fall on 2027-01-12: they cannot wait, so send them together or keep them short.',
    ]);
  });

  it('pacing never moves it, even to a day already holding a logged message to the organisation', () => {
    const contacted = {
      ...alpha,
      interactions: [
        ...alpha.interactions,
        newInteraction({ id: 'm', at: '2027-01-12T09:00:00Z', kind: 'other' }),
      ],
    };
    const only = { ...contacted, interviews: [alpha.interviews[0]!] };
    const p = planAt(newFacts({ settings, applications: [only] }), '2027-01-12T10:00:00Z');
    expect(onlyStep(p, 'answer_offer').due).toBe('2027-01-12');
    expect(
      p.warnings.some(
        (w) => w.kind === 'pacing' && w.message.includes('a day you already contacted them'),
      ),
    ).toBe(true);
  });
});
