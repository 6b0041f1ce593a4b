// The integer date arithmetic of calendar.ts must equal Temporal's for every date.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, daysBetween } from './calendar.js';
import { civilFromDays, dayNumber } from './civil-date.js';

const RUNS = 3000;
// Day numbers from 1990-01-01 to 2100-12-31.
const date = fc.integer({ min: 7305, max: 47846 }).map(civilFromDays);
const plain = (d: string) => Temporal.PlainDate.from(d);

describe('civil-date arithmetic equals Temporal', () => {
  it(`addDays, addMonths, dayOfWeek and daysBetween (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -30, max: 30 }), date, (d, n, m, other) => {
        expect(addDays(d, n)).toBe(plain(d).add({ days: n }).toString());
        expect(addMonths(d, m)).toBe(plain(d).add({ months: m }, { overflow: 'constrain' }).toString());
        expect(dayOfWeek(d)).toBe(plain(d).dayOfWeek);
        expect(daysBetween(d, other)).toBe(plain(d).until(plain(other), { largestUnit: 'days' }).days);
        expect(civilFromDays(dayNumber(d))).toBe(d);
      }),
      { numRuns: RUNS },
    );
  });

  it('one month after 31 January is the last day of February', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 3)).toBe('2027-03-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('1970-01-01 was a Thursday and 2026-11-23 a Monday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-11-23')).toBe(1);
    expect(dayOfWeek('2026-11-29')).toBe(7);
  });
});
