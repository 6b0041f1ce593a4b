// The seeded generator shared by the property tests and the benchmark: its histories must be
// valid documents (so the benchmark measures realistic data), deterministic and varied.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { parseDocument } from '../../src/core/document/index.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { generateFacts } from '../fixtures/generate.js';

const calendar = new BusinessCalendar(dateHolidays());

describe('generateFacts', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateFacts(7, 200)).toEqual(generateFacts(7, 200));
    expect(generateFacts(8, 200)).not.toEqual(generateFacts(7, 200));
  });

  it.each([1, 2, 3])('seed %i: passes the strict document parser', (seed) => {
    const facts = generateFacts(seed, 300);
    expect(() => parseDocument({ format: 'tactful/v1', ...facts }, calendar)).not.toThrow();
  });

  it('covers rounds 1–3, 0–6 interactions plus outcomes, every source and region, some outcomes', () => {
    const { applications } = generateFacts(11, 2_000);
    const rounds = new Set(applications.map((a) => a.interviews.length));
    const regions = new Set(applications.map((a) => a.region));
    const sources = new Set(applications.map((a) => a.source));
    const kinds = new Set(applications.flatMap((a) => a.interactions.map((x) => x.kind)));
    expect([...rounds].sort()).toEqual([1, 2, 3]);
    expect(Math.max(...applications.map((a) => a.interactions.length))).toBeLessThanOrEqual(7);
    expect(regions).toEqual(new Set(['US', 'GB-ENG', 'IE', 'DE-BY', null]));
    expect(sources).toEqual(new Set(['employer', 'recruiter', 'agency']));
    for (const kind of [
      'thank_you',
      'status_check',
      'reply',
      'update',
      'invitation',
      'offer',
      'rejection',
      'accept',
      'withdraw',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('places every interaction after the end of the first interview', () => {
    for (const app of generateFacts(5, 1_000).applications) {
      const first = app.interviews[0]!;
      // The latest possible end in any generated zone is before 04:00Z the next day.
      const latestEnd = Date.parse(`${first.start.slice(0, 10)}T00:00:00Z`) + 28 * 3_600_000;
      for (const x of app.interactions) expect(Date.parse(x.at)).toBeGreaterThanOrEqual(latestEnd);
    }
  });

  // Its speed is the bench's business (npm run bench); here only that it scales to the bench's size.
  it('generates 100,000 applications with unique ids', () => {
    const facts = generateFacts(3, 100_000);
    expect(facts.applications).toHaveLength(100_000);
    expect(new Set(facts.applications.map((a) => a.id)).size).toBe(100_000);
  });
});
