// Properties of "+N bd" over real calendars (US, GB-ENG, IE, DE-BY × 2020–2040), checked against
// the independent day-by-day reference in reference.ts. Every case counts; the summary line at
// the end reports generated cases and violations (RELIABILITY.md "calendar properties").
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { eachDate, referenceAddBusinessDays, referenceIsBusinessDay } from './reference.js';

const REGIONS = ['US', 'GB-ENG', 'IE', 'DE-BY'] as const;
const calendar = new BusinessCalendar(dateHolidays());
const RUNS = 2_500;
const tally = { cases: 0, violations: 0 };

const region = fc.constantFrom(...REGIONS);
const date = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const offset = fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -30, max: -1 }));

/** Runs a property, counting each generated case and each violation before fast-check shrinks. */
function check<T extends unknown[]>(
  arbs: { [K in keyof T]: fc.Arbitrary<T[K]> },
  predicate: (...args: T) => boolean,
): void {
  const property = fc.property(...(arbs as [fc.Arbitrary<unknown>]), (...args: unknown[]) => {
    tally.cases += 1;
    const ok = predicate(...(args as T));
    if (!ok) tally.violations += 1;
    return ok;
  });
  fc.assert(property, { numRuns: RUNS, seed: 20261123 });
}

describe('addBusinessDays(region, d, n) for n in 1..30 and −30..−1', () => {
  it('lands on a business day', () => {
    check([region, date, offset], (r, d, n) =>
      referenceIsBusinessDay(r, calendar.addBusinessDays(r, d, n)),
    );
  });

  it('equals the day-by-day reference loop', () => {
    check(
      [region, date, offset],
      (r, d, n) => calendar.addBusinessDays(r, d, n) === referenceAddBusinessDays(r, d, n),
    );
  });

  it('counts exactly |n| business days strictly after (before) d, up to and including the result', () => {
    check([region, date, offset], (r, d, n) => {
      const result = calendar.addBusinessDays(r, d, n);
      // n > 0: the business days in (d, result]; n < 0: those in [result, d).
      const span = n > 0 ? eachDate(d, result).slice(1) : eachDate(result, d).slice(0, -1);
      const counted = span.filter((day) => referenceIsBusinessDay(r, day)).length;
      return counted === Math.abs(n) && (n > 0 ? result > d : result < d);
    });
  });

  it('is strictly monotonic in n', () => {
    check([region, date, fc.integer({ min: -30, max: 29 })], (r, d, n) => {
      const a = calendar.addBusinessDays(r, d, n);
      const b = calendar.addBusinessDays(r, d, n + 1);
      return a < b;
    });
  });

  it('composes: +m then +k equals +(m+k) for positive steps', () => {
    check(
      [region, date, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 })],
      (r, d, m, k) =>
        calendar.addBusinessDays(r, calendar.addBusinessDays(r, d, m), k) ===
        calendar.addBusinessDays(r, d, m + k),
    );
  });

  it('+1 bd is the day after, rolled forward (so +1 from a Saturday is Monday, never Tuesday)', () => {
    check(
      [region, date],
      (r, d) => calendar.addBusinessDays(r, d, 1) === calendar.rollForward(r, nextDay(d)),
    );
  });
});

describe('rollForward', () => {
  it('is idempotent, returns a business day, and is the identity on business days', () => {
    check([region, date], (r, d) => {
      const once = calendar.rollForward(r, d);
      return (
        calendar.rollForward(r, once) === once &&
        referenceIsBusinessDay(r, once) &&
        once >= d &&
        (referenceIsBusinessDay(r, d) ? once === d : once === referenceAddBusinessDays(r, d, 1))
      );
    });
  });
});

describe('isBusinessDay on every date 2020–2040', () => {
  it.each(REGIONS)('%s agrees with the reference on each of the 7,671 days', (r) => {
    const mismatches = eachDate('2020-01-01', '2040-12-31').filter((d) => {
      tally.cases += 1;
      const wrong = calendar.isBusinessDay(r, d) !== referenceIsBusinessDay(r, d);
      if (wrong) tally.violations += 1;
      return wrong;
    });
    expect(mismatches).toEqual([]);
  });
});

function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

afterAll(() => {
  console.log(
    `calendar properties: ${tally.cases} generated cases over ${REGIONS.join(', ')} × 2020–2040, ${tally.violations} violations`,
  );
});
