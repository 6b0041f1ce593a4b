// An independent corpus for the message checker (issue 8 §7): texts written from the etiquette
// the product teaches by someone who did not write the rules. Must-flag texts name the rule and
// the words it must point at; must-pass texts are ordinary polite prose, near misses included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMessage, type CheckInput } from '../../src/core/checker/index.js';
import { demoFacts } from './fixtures.js';

interface Corpus {
  mustFlag: { rule: string; text: string; span: string }[];
  mustPass: { text: string }[];
}

const corpus = JSON.parse(
  readFileSync(new URL('./checker-corpus.json', import.meta.url), 'utf8'),
) as Corpus;
const facts = demoFacts();
const GREETING = 'Hi Dana,\n\n';
const SIGNED = '\n\nBest regards,\nJordan Lee\njordan.lee@example.com';

function check(text: string) {
  const body = GREETING + text + SIGNED;
  const input: CheckInput = {
    kind: 'status_check',
    channel: 'email',
    subject: 'Following up',
    body,
    to: ['c1'],
    applicationId: 'a1',
  };
  return { body, findings: checkMessage(input, facts) };
}

describe('the independent checker corpus', () => {
  it('holds at least 75 texts of each kind', () => {
    expect(corpus.mustFlag.length).toBeGreaterThanOrEqual(75);
    expect(corpus.mustPass.length).toBeGreaterThanOrEqual(75);
  });

  it.each(corpus.mustFlag.map((e) => [e.rule, e.text, e.span] as const))(
    'flags %s in %j',
    (rule, text, span) => {
      const { body, findings } = check(text);
      const start = body.indexOf(span, GREETING.length);
      const end = start + span.length;
      const hit = findings.find(
        (f) =>
          f.rule === rule &&
          f.in === 'body' &&
          f.severity !== 'info' &&
          f.start < end &&
          f.end > start,
      );
      expect(hit, JSON.stringify(findings)).toBeDefined();
    },
  );

  it.each(corpus.mustPass.map((e) => e.text))('passes %j', (text) => {
    const { findings } = check(text);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
