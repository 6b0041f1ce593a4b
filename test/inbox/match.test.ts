// Matching an incoming message to an application (issue 10 §2), headers only.
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchMessage, type InboundHeaders } from '../../src/core/inbox/index.js';
import {
  newApplication,
  newContact,
  newFacts,
  newInteraction,
  newInterview,
} from '../policy/fixtures.js';

function headers(overrides: Partial<InboundHeaders> = {}): InboundHeaders {
  return {
    messageId: '<abc@mail.acme.example>',
    inReplyTo: null,
    references: [],
    from: { address: 'priya@acme.example', name: 'Priya Raman' },
    subject: 'Re: Thank you',
    autoSubmitted: null,
    listId: null,
    precedence: null,
    xAutoreply: null,
    ...overrides,
  };
}

// Acme (a1) with interviewer Priya; Globex (a2) and Globex (a3) share globex.example.
const facts = newFacts({
  contacts: [
    newContact('c1', { name: 'Priya Raman', email: 'Priya@Acme.example' }),
    newContact('c2', { name: 'Sam Lee', email: 'sam@globex.example' }),
    newContact('c3', { name: 'Jo Park', email: 'jo@globex.example' }),
    newContact('c4', { name: 'Kim', email: 'kim.recruits@gmail.com' }),
    newContact('c5', { name: 'Ana', email: 'ana@initech.example', organization: 'Initech' }),
  ],
  applications: [
    newApplication({
      id: 'a1',
      organization: 'Acme',
      interviews: [newInterview({ interviewers: ['c1'] })],
    }),
    newApplication({
      id: 'a2',
      organization: 'Globex',
      interviews: [newInterview({ id: 'i2', interviewers: ['c2'] })],
    }),
    newApplication({ id: 'a3', organization: 'Globex', role: 'Lead', agent: 'c3' }),
    newApplication({ id: 'a4', organization: 'Hooli', source: 'recruiter', agent: 'c4' }),
    newApplication({ id: 'a5', organization: 'Initech' }),
    newApplication({
      id: 'a6',
      organization: 'Umbrella',
      interactions: [
        newInteraction({ id: 'x1', at: '2026-11-20T10:00:00Z', kind: 'rejection', contacts: [] }),
      ],
    }),
  ],
});
const sent = [['<outbox-o1@tactful.local>', 'a2'] as const];
const index = buildMatchIndex(facts, sent, ['me@home.example', 'Seeker@Work.example']);

describe('matchMessage', () => {
  it('matches a reply in a thread tactful sent, whoever answers', () => {
    const m = matchMessage(
      headers({
        from: { address: 'hr@elsewhere.example', name: null },
        references: ['<x@y>', '<outbox-o1@tactful.local>'],
      }),
      index,
      '2026-12-02',
    );
    expect(m).toMatchObject({ kind: 'matched', applicationId: 'a2', by: 'thread', auto: null });
  });

  it('matches the sender address of a contact, ignoring case', () => {
    const m = matchMessage(
      headers({ from: { address: 'PRIYA@acme.example', name: 'Priya Raman' } }),
      index,
      null,
    );
    expect(m).toMatchObject({
      kind: 'matched',
      applicationId: 'a1',
      contactId: 'c1',
      by: 'contact',
    });
    if (m.kind === 'matched') expect(m.why).toBe('Priya Raman is a contact of this application');
  });

  it('matches a domain only when exactly one active application has it', () => {
    expect(
      matchMessage(
        headers({ from: { address: 'talent@acme.example', name: 'Acme Talent' } }),
        index,
        null,
      ),
    ).toMatchObject({ kind: 'matched', applicationId: 'a1', by: 'domain', contactId: null });
    const globex = matchMessage(
      headers({ from: { address: 'hr@globex.example', name: null } }),
      index,
      null,
    );
    expect(globex).toMatchObject({ kind: 'ambiguous', candidates: ['a2', 'a3'] });
    if (globex.kind === 'ambiguous') expect(globex.why).toContain('which one is it about?');
  });

  it('learns a domain from a contact of the organisation not yet on the application', () => {
    expect(
      matchMessage(headers({ from: { address: 'hr@initech.example', name: null } }), index, null),
    ).toMatchObject({ kind: 'matched', applicationId: 'a5', by: 'domain' });
  });

  it('never matches by a free-mail domain, but does by the full address', () => {
    expect(
      matchMessage(headers({ from: { address: 'someone@gmail.com', name: null } }), index, null),
    ).toMatchObject({ kind: 'ignored', reason: 'unmatched' });
    expect(
      matchMessage(
        headers({ from: { address: 'kim.recruits@gmail.com', name: 'Kim' } }),
        index,
        null,
      ),
    ).toMatchObject({ kind: 'matched', applicationId: 'a4', by: 'contact' });
  });

  it('does not match a domain of a closed application', () => {
    const umbrella = buildMatchIndex(
      newFacts({
        contacts: [newContact('c9', { email: 'x@umbrella.example' })],
        applications: [
          newApplication({
            id: 'a6',
            status: 'closed',
            interviews: [newInterview({ interviewers: ['c9'] })],
          }),
        ],
      }),
      [],
      [],
    );
    expect(
      matchMessage(
        headers({ from: { address: 'hr@umbrella.example', name: null } }),
        umbrella,
        null,
      ),
    ).toMatchObject({ kind: 'ignored', reason: 'unmatched' });
  });

  it("ignores the seeker's own mail, even in a tactful thread", () => {
    expect(
      matchMessage(
        headers({
          from: { address: 'seeker@work.example', name: 'Me' },
          inReplyTo: '<outbox-o1@tactful.local>',
        }),
        index,
        null,
      ),
    ).toMatchObject({ kind: 'ignored', reason: 'own' });
  });

  it('ignores mailing lists and bulk mail, even from a contact', () => {
    expect(matchMessage(headers({ listId: '<news.acme.example>' }), index, null)).toMatchObject({
      kind: 'ignored',
      reason: 'list',
    });
    expect(matchMessage(headers({ precedence: 'bulk' }), index, null)).toMatchObject({
      kind: 'ignored',
      reason: 'list',
    });
  });

  it('keeps an out-of-office from a contact as an auto-reply with the day they are back', () => {
    const m = matchMessage(
      headers({ subject: 'Out of Office: back on 5 January', autoSubmitted: 'auto-replied' }),
      index,
      '2026-12-20',
    );
    expect(m).toMatchObject({
      kind: 'matched',
      applicationId: 'a1',
      auto: { unavailableUntil: '2027-01-05' },
    });
  });

  it('recognises auto-replies by X-Autoreply and by English, German and French subjects', () => {
    for (const h of [
      { xAutoreply: 'yes' },
      { subject: 'Automatic reply: Thank you' },
      { subject: 'Abwesenheitsnotiz: Danke' },
      { subject: 'Réponse automatique : Merci' },
      { subject: 'AW: Nicht im Büro bis 5. Januar' },
    ]) {
      const m = matchMessage(headers(h), index, '2026-12-20');
      expect(m.kind === 'matched' && m.auto !== null, JSON.stringify(h)).toBe(true);
    }
    expect(
      matchMessage(headers({ subject: 'AW: Nicht im Büro bis 5. Januar' }), index, '2026-12-20'),
    ).toMatchObject({ auto: { unavailableUntil: '2027-01-05' } });
    expect(matchMessage(headers({ autoSubmitted: 'no' }), index, null)).toMatchObject({
      auto: null,
    });
  });

  it('ignores an auto-reply from no one it knows', () => {
    expect(
      matchMessage(
        headers({
          from: { address: 'noreply@random.example', name: null },
          autoSubmitted: 'auto-generated',
        }),
        index,
        null,
      ),
    ).toMatchObject({ kind: 'ignored', reason: 'auto_reply' });
  });
});
