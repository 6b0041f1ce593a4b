// For any text the seeker may type into their notes, names and signature, every draft renders,
// stays within its limits and passes its own checker with no error (fast-check, seeded).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDraft } from '../../src/core/drafts/index.js';
import { countWords } from '../../src/core/drafts/text.js';
import type { Facts } from '../../src/core/types.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { demoFacts, everyCase } from './fixtures.js';
import { HIDDEN } from './hostile.js';

const templates = await loadTemplates();
const LIMITS: Record<string, number> = { thank_you: 250, status_check: 120, check_in: 150 };

// Free text mixed with the words the checker hunts for, so quoting them is exercised too.
const loaded = fc.constantFrom(
  'flowers',
  'did I get the job',
  'otherwise I will',
  'ASAP',
  '{{name}}',
  '${x}',
  '[NAME]',
  '<b>',
  'Bluefin Health',
  'Marco Bianchi',
  '\r\nBcc: x@y.z',
  '\u202E',
  '\u0000',
  'Hi Marco,',
  'gift card',
  'I really need this job',
  'or I will take the other offer',
  'have I been selected',
  'sorry to bother you again',
  'following up for the third time',
  '!!!',
  '…',
  ' ',
  '\n',
);
const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), loaded), { maxLength: 8 })
  .map((parts) => parts.join(' '));
const longText = fc.oneof(
  text,
  fc.integer({ min: 2000, max: 12000 }).map((n) => 'the quarterly roadmap '.repeat(n / 22)),
);

describe('any seeker text', () => {
  it('drafts every case with no error finding', () => {
    const cases = everyCase(demoFacts());
    fc.assert(
      fc.property(
        fc.record({
          name: text,
          title: text,
          role: text,
          signature: longText,
          keyPoints: fc.array(longText, { maxLength: 3 }),
          // What was discussed with the recipient alone (per-interviewer debrief notes).
          own: fc.array(longText, { maxLength: 3 }),
          forgot: fc.array(longText, { maxLength: 2 }),
          promises: fc.array(longText, { maxLength: 2 }),
          strengths: fc.array(longText, { maxLength: 2 }),
          // The check-in value is typed at draft time, not recorded: the checker rightly judges it.
          value: fc.option(fc.string({ unit: 'grapheme', maxLength: 80 }), { nil: undefined }),
          formal: fc.boolean(),
        }),
        fc.constantFrom(...cases),
        (input, c) => {
          const facts: Facts = demoFacts();
          // The recipient's own name must stay a name: the greeting is built from it.
          const recipient = facts.contacts.find((x) => x.id === c.step.to[0])!;
          recipient.name = `${recipient.name} ${input.name}`.trim();
          recipient.title = input.title;
          facts.settings.signature = input.signature;
          const app = facts.applications.find((a) => a.id === c.step.application)!;
          app.role = input.role.trim() || app.role;
          app.prosCons.strengths = input.strengths;
          for (const i of app.interviews)
            i.notes = {
              keyPoints: input.keyPoints,
              forgot: input.forgot,
              promises: input.promises,
              byInterviewer: [{ contact: recipient.id, keyPoints: input.own }],
            };
          const draft = renderDraft(c.step, facts, templates, {
            formal: input.formal,
            value: input.value,
          });
          expect(draft.findings.filter((f) => f.severity === 'error')).toEqual([]);
          expect(draft.body).not.toMatch(HIDDEN);
          if (draft.subject !== null) expect(draft.subject).not.toMatch(/[\r\n]/);
          if (c.step.channel === 'linkedin')
            expect([...draft.body].length).toBeLessThanOrEqual(300);
          const limit = LIMITS[c.step.kind];
          if (limit) expect(countWords(draft.body)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 400, seed: 20261123 },
    );
  });
});
