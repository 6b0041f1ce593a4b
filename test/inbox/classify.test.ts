// Suggested classifications of a matched reply (issue 10 §3), on realistic English mail.
import { describe, expect, it } from 'vitest';
import { backOn, classifyReply, excerptOf, findDate } from '../../src/core/inbox/index.js';

const plain = (text: string, subject = 'Re: Thank you') => ({ subject, text, hasCalendar: false });

describe('classifyReply', () => {
  it('reads a rejection and quotes the words', () => {
    const c = classifyReply(
      plain(
        'Hi Alex,\n\nThank you for taking the time to meet the team. After careful consideration, ' +
          'we have decided to move forward with other candidates whose experience more closely ' +
          'matches our needs.\n\nBest,\nPriya',
      ),
      '2026-12-02',
    );
    expect(c).toMatchObject({ suggestion: 'rejection' });
    expect(c.why).toBe('it says "move forward with other candidates"');
  });

  it('reads an offer with its deadline', () => {
    const c = classifyReply(
      plain(
        'Hi Alex,\n\nGreat news: we are delighted to offer you the Senior Engineer role. The formal ' +
          'offer letter is attached. Please let us know your decision by 15 December.\n\nPriya',
      ),
      '2026-12-02',
    );
    expect(c).toMatchObject({ suggestion: 'offer', offerDeadline: '2026-12-15' });
    expect(c.why).toContain('"delighted to offer');
    expect(c.why).toContain('by 15 December"');
  });

  it('reads an offer without a deadline', () => {
    expect(
      classifyReply(plain('We would like to extend you an offer. Call me tomorrow?'), '2026-12-02'),
    ).toMatchObject({ suggestion: 'offer', offerDeadline: null });
  });

  it('takes a calendar part as an invitation', () => {
    expect(
      classifyReply(
        { subject: 'Invitation: Round 2', text: 'See invite.', hasCalendar: true },
        '2026-12-02',
      ),
    ).toEqual({
      suggestion: 'invitation',
      why: 'it carries a calendar invitation',
      newDecisionDate: null,
      onHold: false,
      offerDeadline: null,
    });
  });

  it('reads an invitation to a further round without a calendar', () => {
    const c = classifyReply(
      plain(
        'The team enjoyed speaking with you and we would like to invite you to a second round interview. What is your availability for next week?',
      ),
      '2026-12-02',
    );
    expect(c).toMatchObject({ suggestion: 'invitation' });
    expect(c.why).toBe('it says "invite you to a second round"');
  });

  it('reads an update with a new decision date, relative to the message date', () => {
    const c = classifyReply(
      plain(
        'Thanks for your patience. We are still interviewing and we expect to decide by 18 December. Best, Priya',
      ),
      '2026-12-02',
    );
    expect(c).toMatchObject({ suggestion: 'update', newDecisionDate: '2026-12-18', onHold: false });
    expect(c.why).toBe('it says "decide by 18 December"');
    // Written in late December, "5 January" is next year.
    expect(
      classifyReply(plain("We'll get back to you by January 5th."), '2026-12-28'),
    ).toMatchObject({ newDecisionDate: '2027-01-05' });
    // A weekday: the next one after the message's date (2026-12-02 is a Wednesday).
    expect(classifyReply(plain('We will let you know by Friday.'), '2026-12-02')).toMatchObject({
      newDecisionDate: '2026-12-04',
    });
  });

  it('reads "on hold"', () => {
    const c = classifyReply(
      plain('Quick update: the role has been put on hold until the new budget is approved.'),
      '2026-12-02',
    );
    expect(c).toMatchObject({ suggestion: 'update', onHold: true });
    expect(c.why).toBe('it says "put on hold"');
  });

  it('calls everything else a reply', () => {
    const c = classifyReply(plain('Thanks Alex, lovely to meet you too! Talk soon.'), '2026-12-02');
    expect(c).toEqual({
      suggestion: 'reply',
      why: 'a person answered; nothing in it reads as a decision',
      newDecisionDate: null,
      onHold: false,
      offerDeadline: null,
    });
  });

  it('does not take "unfortunately" in a scheduling mail for a rejection', () => {
    expect(
      classifyReply(
        plain('Unfortunately Sam is ill on Thursday: can we schedule a call for Monday instead?'),
        '2026-12-02',
      ),
    ).toMatchObject({ suggestion: 'invitation' });
  });
});

describe('dates in mail', () => {
  it('reads day-month, month-day, ISO and with a year', () => {
    expect(findDate('by 18 December', '2026-12-02')?.date).toBe('2026-12-18');
    expect(findDate('by Dec 18th, 2027', '2026-12-02')?.date).toBe('2027-12-18');
    expect(findDate('on 2027-01-05', '2026-12-02')?.date).toBe('2027-01-05');
    expect(findDate('on the 18th of December', '2026-12-02')?.date).toBe('2026-12-18');
    expect(findDate('on 31 February', '2026-12-02')).toBeNull();
    expect(findDate('on 12/18', '2026-12-02')).toBeNull();
  });

  it('finds when an out-of-office writer is back', () => {
    expect(backOn("I'm out of the office and back on 5 January.", '2026-12-20')).toBe('2027-01-05');
    expect(backOn('Je suis absent, de retour le 5 janvier.', '2026-12-20')).toBe('2027-01-05');
    expect(backOn('Out of office', '2026-12-20')).toBeNull();
  });

  it('keeps at most 500 characters of a text', () => {
    expect([...excerptOf('é'.repeat(800))]).toHaveLength(500);
    expect(excerptOf('  Hi\r\n\r\n\r\n\r\nthere  ')).toBe('Hi\n\nthere');
  });
});
