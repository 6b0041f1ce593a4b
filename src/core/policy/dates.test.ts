// The planner's integer date arithmetic must equal calendar.ts (Temporal) for every date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../calendar.js';
import { civilFromDays, dayDiff, plusDays, plusMonths } from './dates.js';

const RUNS = 3000;
// Day numbers from 1990-01-01 to 2100-12-31.
const date = fc.integer({ min: 7305, max: 47846 }).map(civilFromDays);

describe('planner date arithmetic equals calendar.ts', () => {
  it(`plusDays, plusMonths and dayDiff (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -30, max: 30 }), date, (d, n, m, other) => {
        expect(plusDays(d, n)).toBe(addDays(d, n));
        expect(plusMonths(d, m)).toBe(addMonths(d, m));
        expect(dayDiff(d, other)).toBe(daysBetween(d, other));
      }),
      { numRuns: RUNS },
    );
  });

  it('one month after 31 January is the last day of February', () => {
    expect(plusMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(plusMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(plusMonths('2026-12-31', 3)).toBe('2027-03-31');
  });
});
