import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { cachedHolidays, dateHolidaysVersion } from '../../src/main/holiday-cache.js';
import { tempDir } from './helpers.js';

describe('cachedHolidays', () => {
  const real = dateHolidays();

  it('answers exactly as date-holidays, before and after a round trip through the file', () => {
    const file = join(tempDir(), 'cache', 'holidays.json');
    const first = cachedHolidays(file, dateHolidays);
    const cases: [string, number][] = [['US', 2026], ['GB-ENG', 2027], ['IE', 2020], ['DE-BY', 2040]];
    for (const [region, year] of cases) expect([...first.lookup(region, year)].sort()).toEqual([...real(region, year)].sort());
    first.save();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key: string; entries: Record<string, string[]> };
    expect(stored.key).toBe(dateHolidaysVersion());
    expect(Object.keys(stored.entries).sort()).toEqual(['DE-BY|2040', 'GB-ENG|2027', 'IE|2020', 'US|2026']);
    // 2026: US Independence Day falls on a Saturday; the observed Friday is the public holiday.
    expect(stored.entries['US|2026']).toContain('2026-07-03');

    const second = cachedHolidays(file, () => {
      throw new Error('date-holidays must not be needed on a warm cache');
    });
    for (const [region, year] of cases) expect([...second.lookup(region, year)].sort()).toEqual([...real(region, year)].sort());
  });

  it('ignores a cache written for another date-holidays version, or a corrupt one', () => {
    const dir = tempDir();
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({ key: '0.0.0', entries: { 'US|2026': ['2026-03-03'] } }));
    expect(cachedHolidays(stale, dateHolidays).lookup('US', 2026).has('2026-03-03')).toBe(false);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"key":');
    expect(cachedHolidays(corrupt, dateHolidays).lookup('US', 2026).has('2026-12-25')).toBe(true);
  });

  it('throws for an unknown region and does not cache it', () => {
    const file = join(tempDir(), 'holidays.json');
    const cache = cachedHolidays(file, dateHolidays);
    expect(() => cache.lookup('XX', 2026)).toThrow(/unknown holiday region/);
    cache.save();
    expect(() => readFileSync(file)).toThrow();
  });
});
