// The small text helpers behind the drafts: names, clipping, quoting notes mid-sentence.
import { describe, expect, it } from 'vitest';
import {
  asClause,
  cleanInline,
  clip,
  firstName,
  joinClauses,
  joinNames,
  namesInTexts,
  longDate,
} from '../../src/core/drafts/text.js';
import { mostSpecific, parseSignature } from '../../src/core/drafts/view.js';

describe('text helpers', () => {
  it('cleanInline flattens line breaks and drops controls and bidi overrides', () => {
    expect(cleanInline('a\r\nBcc: x\u0000\u202Eb\u202C  c\t')).toBe('a Bcc: xb c');
    expect(cleanInline(null)).toBe('');
  });

  it('clip cuts at a word boundary with an ellipsis; 0 leaves it out', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(clip('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(clip('anything', 0)).toBe('');
  });

  it('asClause lower-cases a common sentence-initial word but keeps names and acronyms', () => {
    expect(asClause('Leading the A/B testing guild.', 200)).toBe('leading the A/B testing guild');
    expect(asClause('The forecasting work', 200)).toBe('the forecasting work');
    expect(asClause('Experimentation design', 200)).toBe('experimentation design');
    expect(asClause('Kubernetes migration', 200)).toBe('Kubernetes migration');
    expect(asClause('SQL tuning', 200)).toBe('SQL tuning');
    expect(asClause('I led the upgrade.', 200)).toBe('I led the upgrade');
    expect(asClause('iOS release train', 200)).toBe('iOS release train');
    expect(asClause('Zero-to-one product discovery', 200)).toBe('zero-to-one product discovery');
    expect(asClause('Coca-Cola partnerships', 200)).toBe('Coca-Cola partnerships');
  });

  it('asClause weaves a raw note into a sentence: lower-case unless a name, no closing marks', () => {
    expect(asClause('Peak season staffing.', 200)).toBe('peak season staffing');
    expect(asClause('Warehouse throughput targets!!', 200)).toBe('warehouse throughput targets');
    expect(asClause('Churn model rebuild...', 200)).toBe('churn model rebuild');
    expect(asClause('What success looks like in 6 months?', 200)).toBe(
      'what success looks like in 6 months',
    );
    expect(asClause('A new data platform;', 200)).toBe('a new data platform');
    // Names stay: well-known ones, Title Case, inner capitals, the seeker's own.
    expect(asClause('Salesforce integration', 200)).toBe('Salesforce integration');
    expect(asClause('Google Cloud migration', 200)).toBe('Google Cloud migration');
    expect(asClause('McKinsey-style cases', 200)).toBe('McKinsey-style cases');
    expect(asClause('Northwind roadmap', 200, new Set(['Northwind']))).toBe('Northwind roadmap');
    expect(asClause('Northwind roadmap', 200)).toBe('northwind roadmap');
  });

  it('namesInTexts finds the words the seeker capitalised mid-sentence', () => {
    expect([
      ...namesInTexts(['moving billing to Kafka by Q3', 'Peak season. Then Lisbon']),
    ]).toEqual(['Kafka', 'Q3', 'Lisbon']);
  });

  it('joinClauses joins points into one phrase', () => {
    expect(joinClauses([])).toBe('');
    expect(joinClauses(['a'])).toBe('a');
    expect(joinClauses(['a', '', 'b'])).toBe('a and b');
    expect(joinClauses(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('first names skip honorifics; lists of names read naturally', () => {
    expect(firstName('Dr. Amara Okafor')).toBe('Amara');
    expect(firstName('Prof Lucía Fernández')).toBe('Lucía');
    expect(firstName('Cher')).toBe('Cher');
    expect(joinNames(['Dana'])).toBe('Dana');
    expect(joinNames(['Dana', 'Sam'])).toBe('Dana and Sam');
    expect(joinNames(['Dana', 'Sam', 'Lee'])).toBe('Dana, Sam and Lee');
  });

  it('dates are written out unambiguously', () => {
    expect(longDate('2026-12-04')).toBe('Friday 4 December');
    expect(longDate('2027-02-28')).toBe('Sunday 28 February');
  });

  it('the most specific key point carries the most information', () => {
    expect(
      mostSpecific(['team culture', 'moving billing to Kafka by Q3 with 2 engineers', 'on-call']),
    ).toBe('moving billing to Kafka by Q3 with 2 engineers');
    expect(mostSpecific(['same size', 'also same'])).toBe('same size');
    expect(mostSpecific([])).toBeNull();
  });

  it('the signature gives the name, the lines and the first phone and e-mail', () => {
    expect(parseSignature('Jordan Lee\n\njordan@example.com | +44 20 7946 0958\n')).toEqual({
      name: 'Jordan Lee',
      lines: ['Jordan Lee', 'jordan@example.com | +44 20 7946 0958'],
      phone: '+44 20 7946 0958',
      email: 'jordan@example.com',
    });
    expect(parseSignature('')).toEqual({ name: '', lines: [], phone: '', email: '' });
  });
});
