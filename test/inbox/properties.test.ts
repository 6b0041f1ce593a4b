// Invariants of matching and classification, over generated headers and texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  classifyReply,
  matchMessage,
  SUGGESTIONS,
  type InboundHeaders,
} from '../../src/core/inbox/index.js';
import { newApplication, newContact, newFacts, newInterview } from '../policy/fixtures.js';

const facts = newFacts({
  contacts: [
    newContact('c1', { email: 'priya@acme.example' }),
    newContact('c2', { email: 'sam@globex.example' }),
  ],
  applications: [
    newApplication({ id: 'a1', interviews: [newInterview({ interviewers: ['c1'] })] }),
    newApplication({
      id: 'a2',
      organization: 'Globex',
      interviews: [newInterview({ id: 'i2', interviewers: ['c2'] })],
    }),
  ],
});
const index = buildMatchIndex(facts, [['<outbox-o1@tactful.local>', 'a1']], ['me@home.example']);

const address = fc.constantFrom(
  'priya@acme.example',
  'hr@acme.example',
  'sam@globex.example',
  'me@home.example',
  'x@gmail.com',
  'nobody@else.example',
);
const headersArb: fc.Arbitrary<InboundHeaders> = fc.record({
  messageId: fc.option(fc.string(), { nil: null }),
  inReplyTo: fc.option(fc.constantFrom('<outbox-o1@tactful.local>', '<other@x>'), { nil: null }),
  references: fc.array(fc.constantFrom('<outbox-o1@tactful.local>', '<other@x>')),
  from: fc.option(fc.record({ address, name: fc.option(fc.string(), { nil: null }) }), {
    nil: null,
  }),
  subject: fc.string(),
  autoSubmitted: fc.option(fc.constantFrom('no', 'auto-replied', 'auto-generated'), { nil: null }),
  listId: fc.option(fc.constantFrom('<list.example>', ''), { nil: null }),
  precedence: fc.option(fc.constantFrom('list', 'bulk', 'junk', 'auto_reply', 'first-class'), {
    nil: null,
  }),
  xAutoreply: fc.option(fc.constantFrom('yes', ''), { nil: null }),
});

describe('matching invariants', () => {
  it('list mail and the seeker’s own mail are never kept; automatic mail is never a plain match', () => {
    fc.assert(
      fc.property(headersArb, (h) => {
        const m = matchMessage(h, index, '2026-12-02');
        if (
          h.listId ||
          ['list', 'bulk', 'junk'].includes(h.precedence ?? '') ||
          h.from?.address === 'me@home.example'
        )
          expect(m.kind).toBe('ignored');
        const automatic =
          (h.autoSubmitted !== null && h.autoSubmitted !== 'no') ||
          !!h.xAutoreply ||
          h.precedence === 'auto_reply';
        if (automatic && m.kind !== 'ignored') expect(m.auto).not.toBeNull();
      }),
    );
  });

  it('classification always answers with a known suggestion, a reason and dates on or after the message', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (subject, text, hasCalendar) => {
        const c = classifyReply({ subject, text, hasCalendar }, '2026-12-02');
        expect(SUGGESTIONS).toContain(c.suggestion);
        expect(c.why.length).toBeGreaterThan(0);
        for (const d of [c.newDecisionDate, c.offerDeadline])
          if (d !== null) expect(d >= '2026-12-02').toBe(true);
      }),
    );
  });
});
