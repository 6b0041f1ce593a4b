// The message checker on hand-written text: what must be flagged, and what must not.
import { describe, expect, it } from 'vitest';
import { checkMessage, RULES, type CheckInput } from '../../src/core/checker/index.js';
import type { StepKind } from '../../src/core/types.js';
import { demoFacts } from './fixtures.js';

const facts = demoFacts();
const SIGNED = '\n\nBest regards,\nJordan Lee\njordan.lee@example.com';

function check(body: string, over: Partial<CheckInput> = {}) {
  return checkMessage(
    {
      kind: 'status_check',
      channel: 'email',
      subject: 'Following up',
      body,
      to: ['c1'],
      applicationId: 'a1',
      ...over,
    },
    facts,
  );
}

function rules(body: string, over: Partial<CheckInput> = {}): string[] {
  return check(body, over).map((f) => `${f.rule}:${f.severity}`);
}

describe('must be flagged', () => {
  const flagged: [string, string, string][] = [
    // [rule:severity, text, the span it must cover]
    ['pushy_wording:error', 'Hi Dana, I need an answer by Friday.', 'I need an answer by'],
    [
      'pushy_wording:error',
      'Hi Dana, otherwise I will accept the other offer.',
      'otherwise I will',
    ],
    [
      'pushy_wording:error',
      'Hi Dana, if I don’t hear back by Monday I will move on.',
      'if I don’t hear back by Monday I will move on',
    ],
    [
      'pushy_wording:error',
      'Hi Dana, I will have to accept another offer.',
      'will have to accept another offer',
    ],
    ['pushy_wording:error', 'Hi Dana, I must hear from you by Tuesday.', 'I must hear from you by'],
    ['pushy_wording:error', 'Hi Dana, consider this an ultimatum.', 'ultimatum'],
    ['pushy_wording:warning', 'Hi Dana, please reply ASAP.', 'ASAP'],
    ['pushy_wording:warning', 'Hi Dana, I still haven’t heard anything.', 'still haven’t heard'],
    ['outcome_question:error', 'Hi Dana, did I get the job?', 'did I get the job'],
    ['outcome_question:error', 'Hi Dana, so... have I got the role?', 'have I got the role'],
    ['outcome_question:error', 'Hi Dana, was I successful?', 'was I successful'],
    ['outcome_question:error', 'Hi Dana, am I hired?', 'am I hired'],
    [
      'outcome_question:error',
      'Hi Dana, have you made a decision yet?',
      'have you made a decision yet',
    ],
    ['gift:error', 'Hi Dana, I sent some flowers to the office.', 'flowers'],
    ['gift:error', 'Hi Dana, I dropped off a box of muffins for the team.', 'muffins'],
    ['gift:error', 'Hi Dana, a small hamper is on its way.', 'hamper'],
    ['gift:error', 'Hi Dana, please accept this Amazon voucher.', 'voucher'],
    ['gift:error', 'Hi Dana, here is a gift card for coffee.', 'gift card'],
    ['gift:error', 'Hi Dana, I baked cookies for everyone.', 'baked cookies'],
    ['gift:error', 'Hi Dana, a bottle of wine to say thanks.', 'bottle of wine'],
    ['wrong_organization:error', 'Hi Dana, I would love to join Bluefin Health.', 'Bluefin Health'],
    ['foreign_contact:error', 'Hi Dana, please say thanks to Marco Bianchi.', 'Marco Bianchi'],
    ['greeting_mismatch:error', 'Hi Marco,\n\nWhere does the process stand?', 'Marco'],
    ['greeting_mismatch:error', 'Dear Ms Bianchi,\n\nWhere does the process stand?', 'Ms Bianchi'],
    ['unfilled_placeholder:error', 'Hi Dana, thanks for the chat about {{topic}}.', '{{topic}}'],
    ['unfilled_placeholder:error', 'Hi Dana, thanks for the chat about ${topic}.', '${topic}'],
    [
      'unfilled_placeholder:error',
      'Hi Dana, thanks for the chat at [COMPANY NAME].',
      '[COMPANY NAME]',
    ],
    ['unfilled_placeholder:error', 'Hi Dana, thanks for the chat at [company].', '[company]'],
    ['unfilled_placeholder:error', 'Hi Dana, thanks for the chat about <topic>.', '<topic>'],
    ['unfilled_placeholder:error', 'Hi Dana, the link is TODO.', 'TODO'],
    ['todo_note:warning', 'Hi Dana, [Add before sending: a link].', '[Add before sending: a link]'],
    ['hidden_characters:warning', 'Hi Dana, thanks \u202Efor the chat.', '\u202E'],
    // Issue 8, what-was-seen 11, and their near relatives.
    [
      'pushy_wording:error',
      'Hi Dana, let me know by Friday or I will take the other offer.',
      'or I will take the other offer',
    ],
    [
      'pushy_wording:error',
      'Hi Dana, please confirm by Friday, or I’ll have to accept elsewhere.',
      'or I’ll have to accept elsewhere',
    ],
    [
      'pushy_wording:error',
      'Hi Dana, if you can’t give me an answer by Friday, I will withdraw.',
      'if you can’t give me an answer by Friday, I will withdraw',
    ],
    [
      'pushy_wording:error',
      'Hi Dana, I will take your silence as a no.',
      'I will take your silence as',
    ],
    ['pleading:error', 'Hi Dana, I really need this job.', 'I really need this job'],
    ['pleading:error', 'Hi Dana, please, I’m begging you.', 'I’m begging'],
    ['pleading:error', 'Hi Dana, I would do anything for this role.', 'I would do anything'],
    ['pleading:error', 'Hi Dana, please give me a chance.', 'please give me a chance'],
    [
      'apologetic_follow_up:warning',
      'Hi Dana, sorry to bother you again, but is there any news?',
      'sorry to bother',
    ],
    [
      'apologetic_follow_up:warning',
      'Hi Dana, I apologise for following up again.',
      'I apologise for following up',
    ],
    [
      'follow_up_count:warning',
      'Hi Dana, I am following up for the third time.',
      'following up for the third time',
    ],
    ['follow_up_count:warning', 'Hi Dana, this is my 4th email.', 'this is my 4th email'],
    [
      'follow_up_count:warning',
      'Hi Dana, I have emailed you three times now.',
      'I have emailed you three times',
    ],
    ['exclamation_run:warning', 'Hi Dana, I am so excited!!!', '!!!'],
    ['exclamation_run:warning', 'Hi Dana, any news?!?', '?!?'],
    [
      'outcome_question:error',
      'Hi Dana, I wondered whether you had made a decision yet?',
      'you had made a decision yet',
    ],
    ['outcome_question:error', 'Hi Dana, will I be getting the job?', 'will I be getting the job'],
    ['outcome_question:error', 'Hi Dana, have I been selected?', 'have I been selected'],
    [
      'outcome_question:error',
      'Hi Dana, has the position been filled?',
      'has the position been filled',
    ],
    [
      'outcome_question:error',
      'Hi Dana, could you tell me whether I was successful?',
      'whether I was successful',
    ],
  ];

  it.each(flagged)('%s in %j', (rule, body, span) => {
    const findings = check(body + SIGNED);
    const hit = findings.find((f) => `${f.rule}:${f.severity}` === rule);
    expect(hit, JSON.stringify(findings)).toBeDefined();
    expect(hit!.in).toBe('body');
    expect((body + SIGNED).slice(hit!.start, hit!.end)).toBe(span);
  });

  it('ultimatums and gifts in the subject too', () => {
    const findings = check('Hi Dana,' + SIGNED, { subject: 'Need an answer — did I get the job?' });
    expect(findings.map((f) => `${f.in}:${f.rule}`)).toEqual(['subject:outcome_question']);
    const gifts = check('Hi Dana,' + SIGNED, { subject: 'Flowers for the team' });
    expect(gifts.map((f) => `${f.in}:${f.rule}:${f.start}-${f.end}`)).toEqual(['subject:gift:0-7']);
  });

  const LIMITS: [StepKind, number][] = [
    ['thank_you', 250],
    ['status_check', 120],
    ['check_in', 150],
  ];
  it.each(LIMITS)('%s over %i words is too long; at the limit it is fine', (kind, limit) => {
    // 2 words of greeting + the filler + 3 words of signature = n words.
    const body = (n: number) =>
      `Hi Dana,\n\n${'word '.repeat(n - 5).trim()}\n\nJordan Lee jordan.lee@example.com`;
    expect(rules(body(limit), { kind })).not.toContain('too_long:error');
    const over = check(body(limit + 1), { kind }).find((f) => f.rule === 'too_long');
    expect(over?.severity).toBe('error');
    expect(over?.message).toContain(`${limit + 1} words`);
  });

  it('a LinkedIn note over 300 characters is too long', () => {
    const note = (n: number) => `Hi Dana, ${'x'.repeat(n - 9)}`;
    expect(rules(note(300), { kind: 'connect', channel: 'linkedin', subject: null })).toEqual([]);
    const over = check(note(301), { kind: 'connect', channel: 'linkedin', subject: null });
    expect(over.map((f) => [f.rule, f.start, f.end])).toEqual([['too_long', 300, 301]]);
  });

  it('a thank-you without an e-mail address or phone number', () => {
    const findings = check('Hi Dana,\n\nThank you for your time.\n\nJordan', { kind: 'thank_you' });
    expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'missing_contact_details:warning',
    ]);
    expect(
      rules('Hi Dana,\n\nThank you.\n\nJordan\n+1 555 010 0199', { kind: 'thank_you' }),
    ).toEqual([]);
  });

  it('CR/LF and control characters in the subject', () => {
    const findings = check('Hi Dana,' + SIGNED, { subject: 'Hello\r\nBcc: victim@example.com' });
    expect(findings.map((f) => [f.rule, f.in, f.start, f.end])).toEqual([
      ['header_injection', 'subject', 5, 6],
      ['header_injection', 'subject', 6, 7],
    ]);
    expect(rules('Hi Dana,' + SIGNED, { subject: 'Hello\u0000there' })).toEqual([
      'header_injection:error',
    ]);
  });

  it('an address that smuggles a header, or is several addresses', () => {
    for (const email of [
      'dana@x.example\r\nBcc: victim@example.com',
      'dana@x.example, eve@y.example',
      'Dana <dana@x.example>',
    ]) {
      const f = structuredClone(facts);
      f.contacts[0]!.email = email;
      const findings = checkMessage(
        {
          kind: 'status_check',
          channel: 'email',
          subject: 'Hi',
          body: 'Hi Dana,' + SIGNED,
          to: ['c1'],
          applicationId: 'a1',
        },
        f,
      );
      expect(findings.map((x) => [x.rule, x.in, x.start, x.end])).toEqual([
        ['header_injection', 'to', 0, 1],
      ]);
    }
  });
});

describe('must not be flagged', () => {
  const clean: [string, Partial<CheckInput>][] = [
    ['Hi Dana,\n\nI hope you are well. Could you let me know where the process stands?', {}],
    ['Dear Dana Reyes,\n\nThank you for your time.', {}],
    ['Dear Ms. Reyes,\n\nThank you for your time.', {}],
    ['Hello Dr Reyes,\n\nThank you for your time.', {}],
    ['Hi there,\n\nThank you for your time.', {}],
    ['Dear Hiring Team,\n\nThank you for your time.', {}],
    ['Hi Dana and Sam,\n\nThank you both.', { to: ['c1', 'c2'] }],
    [
      'Hi Dana,\n\nWe discussed the deprecation of third-party cookies and cake-walk deployments.',
      {},
    ],
    [
      'Hi Dana,\n\nI enjoyed discussing how you present the roadmap, and the gift of a good code review.'.replace(
        'the gift of a good',
        'a good',
      ),
      {},
    ],
    ['Hi Dana,\n\nSam Okafor mentioned the on-call rotation.', {}],
    [
      'Hi Dana,\n\nI understand a decision is expected by Friday. I look forward to hearing from you.',
      {},
    ],
    [
      'Hi Dana,\n\nMy portfolio: <https://jordanlee.dev/portfolio>, e-mail <jordan.lee@example.com>.',
      {},
    ],
    [
      'Hi Dana,\n\nI have received another offer, with a reply due by 1 December. Northwind Labs remains my strong interest.',
      { kind: 'offer_update' },
    ],
    ['Hi Dana,\n\nNorthwind Labs is where I want to be; the Labs team was great.', {}],
    // Ordinary polite prose near the new rules.
    ['Hi Dana,\n\nThank you again!', {}],
    ['Hi Dana,\n\nI am really excited about this role.', {}],
    ['Hi Dana,\n\nSorry I missed your call yesterday; I am free on Thursday.', {}],
    ['Hi Dana,\n\nSorry for the slow reply: here are the references you asked for.', {}],
    ['Hi Dana,\n\nWhen will you make a decision? I would like to plan my notice period.', {}],
    ['Hi Dana,\n\nDo you have a sense of when a decision is likely?', {}],
    ['Hi Dana,\n\nI need this information to plan my notice period.', {}],
    ['Hi Dana,\n\nI can drive, or I will take the train to your office.', {}],
    ['Hi Dana,\n\nIf you confirm by Friday, I will send the signed forms on Monday.', {}],
    ['Hi Dana,\n\nI will assume the role starts in January unless you say otherwise.', {}],
    ['Hi Dana,\n\nThis is my first time applying to a fintech company.', {}],
    [
      'Hi Dana,\n\nIt was the second time I had seen the platform demo, and it was even better.',
      {},
    ],
    ['Hi Dana,\n\nWhat does success look like in the first 90 days?', {}],
    ['Hi Dana,\n\nCould you let me know by Friday whether you need anything else from me?', {}],
    ['Hi Dana,\n\nI need the offer in writing before I resign; could you send it?', {}],
    ['Hi Dana,\n\nIs there a decision-making framework the team uses for architecture?', {}],
    ['Hi Dana,\n\nI made a second attempt at the take-home and it runs faster now.', {}],
    [
      'Hi Dana,\n\nSorry to write on a Sunday; I wanted to send the article while it was fresh.',
      {},
    ],
  ];

  it.each(clean)('%j', (body, over) => {
    expect(check(body + SIGNED, over)).toEqual([]);
  });

  it('naming the competing organisation in an offer update is only a warning', () => {
    expect(
      rules('Hi Dana, I have an offer from Harbor Bank.' + SIGNED, { kind: 'offer_update' }),
    ).toEqual(['wrong_organization:warning']);
  });

  it('a reference may be named on any application', () => {
    expect(
      rules('Hi Priya, Helen Park can vouch for me.' + SIGNED, { applicationId: 'a2', to: ['c3'] }),
    ).toEqual([]);
  });

  it("words quoted from the seeker's own notes are a warning to look at, typed ones stay errors", () => {
    const f = structuredClone(facts);
    f.applications[0]!.interviews[1]!.notes.keyPoints = [
      'their flower delivery network for hospitals',
    ];
    const quotedText =
      'Hi Dana,\n\nI enjoyed discussing their flower delivery network for hospitals.' + SIGNED;
    const input = {
      kind: 'thank_you' as const,
      channel: 'email' as const,
      subject: 'Thanks',
      to: ['c1'],
      applicationId: 'a1',
    };
    expect(
      checkMessage({ ...input, body: quotedText }, f).map((x) => `${x.rule}:${x.severity}`),
    ).toEqual(['gift:warning']);
    const typed = 'Hi Dana,\n\nI sent a flower to the office.' + SIGNED;
    expect(
      checkMessage({ ...input, body: typed }, f).map((x) => `${x.rule}:${x.severity}`),
    ).toEqual(['gift:error']);
  });

  it('free text without a kind skips the length and contact-detail rules', () => {
    expect(rules('Hi Dana, ' + 'word '.repeat(400), { kind: null })).toEqual([]);
  });
});

describe('the rule catalogue', () => {
  it('has stable ids with a default severity and a purpose', () => {
    expect(Object.keys(RULES).sort()).toEqual([
      'apologetic_follow_up',
      'exclamation_run',
      'follow_up_count',
      'foreign_contact',
      'gift',
      'greeting_mismatch',
      'header_injection',
      'hidden_characters',
      'missing_contact_details',
      'outcome_question',
      'pleading',
      'pushy_wording',
      'todo_note',
      'too_long',
      'unfilled_placeholder',
      'wrong_organization',
    ]);
  });

  it('an unknown application is not_found', () => {
    expect(() => check('Hi', { applicationId: 'zz' })).toThrow(
      expect.objectContaining({ code: 'not_found', field: 'application' }),
    );
  });

  it('findings come in reading order: addresses, subject, body', () => {
    const f = structuredClone(facts);
    f.contacts[0]!.email = 'bad address';
    const findings = checkMessage(
      {
        kind: 'status_check',
        channel: 'email',
        subject: 'ASAP',
        body: 'Hi Dana, muffins? ASAP' + SIGNED,
        to: ['c1'],
        applicationId: 'a1',
      },
      f,
    );
    expect(findings.map((x) => `${x.in}:${x.rule}`)).toEqual([
      'to:header_injection',
      'subject:pushy_wording',
      'body:gift',
      'body:pushy_wording',
    ]);
  });
});
