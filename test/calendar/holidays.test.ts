// Known holidays of the four supported regions, drawn as month grids ("25*" = public holiday of
// the region) with the business-day arithmetic that crosses them. Real calendar: date-holidays.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { DomainError } from '../../src/core/errors.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { monthGrid } from './month-grid.js';

const calendar = new BusinessCalendar(dateHolidays());
const grid = (lines: string): string => lines.replace(/^\n/, '').replace(/\n\s*$/, '');

describe('GB-ENG: Christmas 2027 falls on a weekend, substitutes on 27 and 28 December', () => {
  it('draws December 2027 and January 2028 (New Year substitute on Monday 3rd)', () => {
    expect(monthGrid(calendar, 'GB-ENG', 2027, 12)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
       1  2  3  4  5
 6  7  8  9 10 11 12
13 14 15 16 17 18 19
20 21 22 23 24 25*26*
27*28*29 30 31
`),
    );
    expect(monthGrid(calendar, 'GB-ENG', 2028, 1)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
                1* 2
 3* 4  5  6  7  8  9
10 11 12 13 14 15 16
17 18 19 20 21 22 23
24 25 26 27 28 29 30
31
`),
    );
  });

  it('counts business days across both substitutes and the year end', () => {
    expect(calendar.addBusinessDays('GB-ENG', '2027-12-24', 1)).toBe('2027-12-29');
    expect(calendar.addBusinessDays('GB-ENG', '2027-12-24', 3)).toBe('2027-12-31');
    expect(calendar.addBusinessDays('GB-ENG', '2027-12-31', 1)).toBe('2028-01-04');
    expect(calendar.addBusinessDays('GB-ENG', '2028-01-04', -1)).toBe('2027-12-31');
    expect(calendar.addBusinessDays('GB-ENG', '2027-12-29', -1)).toBe('2027-12-24');
    expect(calendar.rollForward('GB-ENG', '2027-12-25')).toBe('2027-12-29');
  });
});

describe('US: observed days of Juneteenth, Independence Day, Christmas and New Year', () => {
  it('Juneteenth 2027 (Saturday) is observed on Friday 18 June', () => {
    expect(monthGrid(calendar, 'US', 2027, 6)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
    1  2  3  4  5  6
 7  8  9 10 11 12 13
14 15 16 17 18*19*20
21 22 23 24 25 26 27
28 29 30
`),
    );
    expect(calendar.addBusinessDays('US', '2027-06-17', 1)).toBe('2027-06-21');
  });

  it('Independence Day 2027 (Sunday) is observed on Monday 5 July; 2026 (Saturday) on Friday 3 July', () => {
    expect(monthGrid(calendar, 'US', 2027, 7)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
          1  2  3  4*
 5* 6  7  8  9 10 11
12 13 14 15 16 17 18
19 20 21 22 23 24 25
26 27 28 29 30 31
`),
    );
    expect(monthGrid(calendar, 'US', 2026, 7)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
       1  2  3* 4* 5
 6  7  8  9 10 11 12
13 14 15 16 17 18 19
20 21 22 23 24 25 26
27 28 29 30 31
`),
    );
    expect(calendar.addBusinessDays('US', '2027-07-02', 1)).toBe('2027-07-06');
    expect(calendar.addBusinessDays('US', '2026-07-02', 1)).toBe('2026-07-06');
  });

  it('New Year 2028 (Saturday) is observed on Friday 31 December 2027, looked up in 2027', () => {
    expect(monthGrid(calendar, 'US', 2027, 12)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
       1  2  3  4  5
 6  7  8  9 10 11 12
13 14 15 16 17 18 19
20 21 22 23 24*25*26
27 28 29 30 31*
`),
    );
    // January 2028: Monday 3rd is a working day (the observance moved back into 2027); MLK Day 17th.
    expect(monthGrid(calendar, 'US', 2028, 1)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
                1* 2
 3  4  5  6  7  8  9
10 11 12 13 14 15 16
17*18 19 20 21 22 23
24 25 26 27 28 29 30
31
`),
    );
    expect(calendar.addBusinessDays('US', '2027-12-23', 1)).toBe('2027-12-27');
    expect(calendar.addBusinessDays('US', '2027-12-30', 1)).toBe('2028-01-03');
    expect(calendar.addBusinessDays('US', '2028-01-03', -1)).toBe('2027-12-30');
    expect(calendar.isBusinessDay('US', '2027-12-31')).toBe(false);
  });

  it('has no Easter Monday: 29 March 2027 is a working day', () => {
    expect(monthGrid(calendar, 'US', 2027, 3)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
 1  2  3  4  5  6  7
 8  9 10 11 12 13 14
15 16 17 18 19 20 21
22 23 24 25 26 27 28
29 30 31
`),
    );
    expect(calendar.addBusinessDays('US', '2027-03-26', 1)).toBe('2027-03-29');
  });
});

describe('IE: St Brigid’s Day (first Monday of February, or 1 February when a Friday) and St Patrick’s Day', () => {
  it('St Brigid’s Day is Monday 2 February 2026 and Friday 1 February 2030', () => {
    expect(monthGrid(calendar, 'IE', 2026, 2)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
                   1
 2* 3  4  5  6  7  8
 9 10 11 12 13 14 15
16 17 18 19 20 21 22
23 24 25 26 27 28
`),
    );
    expect(monthGrid(calendar, 'IE', 2030, 2)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
             1* 2  3
 4  5  6  7  8  9 10
11 12 13 14 15 16 17
18 19 20 21 22 23 24
25 26 27 28
`),
    );
    expect(calendar.addBusinessDays('IE', '2026-01-30', 1)).toBe('2026-02-03');
    expect(calendar.addBusinessDays('IE', '2030-01-31', 1)).toBe('2030-02-04');
  });

  it('March 2027: St Patrick’s Day on Wednesday 17th, Easter Monday on the 29th', () => {
    expect(monthGrid(calendar, 'IE', 2027, 3)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
 1  2  3  4  5  6  7
 8  9 10 11 12 13 14
15 16 17*18 19 20 21
22 23 24 25 26 27 28
29*30 31
`),
    );
    expect(calendar.addBusinessDays('IE', '2027-03-16', 1)).toBe('2027-03-18');
    // Good Friday is not a public holiday in Ireland: the 26th is a business day.
    expect(calendar.addBusinessDays('IE', '2027-03-25', 2)).toBe('2027-03-30');
  });
});

describe('GB-ENG and DE-BY: Good Friday and Easter Monday 2027', () => {
  const easter2027 = grid(`
Mo Tu We Th Fr Sa Su
 1  2  3  4  5  6  7
 8  9 10 11 12 13 14
15 16 17 18 19 20 21
22 23 24 25 26*27 28
29*30 31
`);
  it.each(['GB-ENG', 'DE-BY'])('%s closes on 26 and 29 March', (region) => {
    expect(monthGrid(calendar, region, 2027, 3)).toBe(easter2027);
    expect(calendar.addBusinessDays(region, '2027-03-25', 1)).toBe('2027-03-30');
    expect(calendar.addBusinessDays(region, '2027-03-30', -1)).toBe('2027-03-25');
  });
});

describe('DE-BY: Corpus Christi, and Assumption only in Catholic municipalities', () => {
  it('Corpus Christi is Thursday 4 June 2026', () => {
    expect(monthGrid(calendar, 'DE-BY', 2026, 6)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
 1  2  3  4* 5  6  7
 8  9 10 11 12 13 14
15 16 17 18 19 20 21
22 23 24 25 26 27 28
29 30
`),
    );
    expect(calendar.addBusinessDays('DE-BY', '2026-06-03', 1)).toBe('2026-06-05');
  });

  it('Assumption (Tuesday 15 August 2028) is not a Bavaria-wide public holiday in date-holidays', () => {
    // date-holidays lists Mariä Himmelfahrt for DE-BY as an "observance": it is a public holiday
    // only in municipalities with a Catholic majority, so SPEC §3.1 ("exactly the public
    // entries") makes it a business day for region DE-BY.
    expect(monthGrid(calendar, 'DE-BY', 2028, 8)).toBe(
      grid(`
Mo Tu We Th Fr Sa Su
    1  2  3  4  5  6
 7  8  9 10 11 12 13
14 15 16 17 18 19 20
21 22 23 24 25 26 27
28 29 30 31
`),
    );
    expect(calendar.isBusinessDay('DE-BY', '2028-08-15')).toBe(true);
  });
});

describe('regions', () => {
  it.each(['CA-ON', 'AU-NSW', 'FR', 'US', 'GB-ENG', 'IE', 'DE-BY'])('accepts %s', (region) => {
    expect(() => calendar.assertRegion(region)).not.toThrow();
    expect(typeof calendar.isBusinessDay(region, '2026-12-25')).toBe('boolean');
  });

  it('knows a holiday of each accepted extra region', () => {
    expect(calendar.isBusinessDay('CA-ON', '2026-07-01')).toBe(false); // Canada Day, Wednesday
    expect(calendar.isBusinessDay('AU-NSW', '2026-01-26')).toBe(false); // Australia Day, Monday
    expect(calendar.isBusinessDay('FR', '2026-07-14')).toBe(false); // Fête nationale, Tuesday
  });

  it.each(['XX', 'GB-XXX', '', 'us', 'GB-'])(
    'rejects %j with unknown_region naming the field',
    (region) => {
      let caught: unknown;
      try {
        calendar.assertRegion(region, 'applications[0].region');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ code: 'unknown_region', field: 'applications[0].region' });
      expect((caught as Error).message).toContain(`"${region}"`);
    },
  );

  it('rejects an unknown region from the arithmetic too, not only from assertRegion', () => {
    expect(() => calendar.addBusinessDays('XX', '2026-12-23', 1)).toThrow(
      expect.objectContaining({ code: 'unknown_region' }),
    );
  });
});

describe('weekends (date-fns #1584: addBusinessDays(Saturday, 1) returned Tuesday)', () => {
  // November 2026, US: Thanksgiving Thursday 26th; Friday 27th is a working day.
  it('+1 bd from Saturday 28 November 2026 is Monday 30th; −1 bd from Sunday 29th is Friday 27th', () => {
    expect(calendar.addBusinessDays('US', '2026-11-28', 1)).toBe('2026-11-30');
    expect(calendar.addBusinessDays('US', '2026-11-29', -1)).toBe('2026-11-27');
    expect(calendar.addBusinessDays('US', '2026-11-25', 1)).toBe('2026-11-27');
    expect(calendar.addBusinessDays('US', '2026-11-28', 0)).toBe('2026-11-28');
    expect(calendar.rollForward('US', '2026-11-28')).toBe('2026-11-30');
    expect(calendar.rollForward('US', '2026-11-30')).toBe('2026-11-30');
  });
});
