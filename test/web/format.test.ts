// The web app's one date format: weekday + day + month, the year only when it is not the
// current year (read in the seeker's zone), times in the seeker's zone. "Now" is always given.
import { describe, expect, it } from 'vitest';
import {
  dateIn,
  formatDate,
  formatDateTime,
  formatTime,
  offsetMinutes,
  utcOffsetLabel,
  wallTimeToEpoch,
} from '../../web/src/format.js';

const at = (iso: string) => Date.parse(iso);
const NY = 'America/New_York';

describe('formatDate (a calendar date, no zone shift)', () => {
  const now = { zone: 'UTC', now: at('2026-11-20T12:00:00Z') };

  it('writes weekday, day and month, and the year only outside the current year', () => {
    expect(formatDate('2026-12-01', now)).toBe('Tue 1 Dec');
    expect(formatDate('2027-01-04', now)).toBe('Mon 4 Jan 2027');
    expect(formatDate('2025-09-15', now)).toBe('Mon 15 Sep 2025');
  });

  //      December 2026 / January 2027
  //  Mo Tu We Th Fr Sa Su
  //      1  2  3  4  5  6  …  28 29 30 [31]     |  [1] 2  3 / 4 …
  // 2026-12-31T23:30Z is already 1 Jan 2027 12:30 in Auckland (UTC+13) but still
  // 31 Dec 2026 18:30 in New York (UTC−5): "the current year" is the seeker's.
  it('takes the current year in the seeker zone at a year boundary', () => {
    const instant = at('2026-12-31T23:30:00Z');
    expect(formatDate('2027-01-04', { zone: 'Pacific/Auckland', now: instant })).toBe('Mon 4 Jan');
    expect(formatDate('2026-12-31', { zone: 'Pacific/Auckland', now: instant })).toBe(
      'Thu 31 Dec 2026',
    );
    expect(formatDate('2027-01-04', { zone: NY, now: instant })).toBe('Mon 4 Jan 2027');
    expect(formatDate('2026-12-31', { zone: NY, now: instant })).toBe('Thu 31 Dec');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon', now)).toBe('soon');
  });
});

describe('formatDateTime (an instant, in the seeker zone)', () => {
  const ny = { zone: NY, now: at('2026-11-20T12:00:00Z') };

  it('writes "Tue 1 Dec, 14:00"', () => {
    expect(formatDateTime('2026-12-01T19:00:00Z', ny)).toBe('Tue 1 Dec, 14:00');
    expect(formatDateTime('2026-12-01T19:00:00+01:00', ny)).toBe('Tue 1 Dec, 13:00');
    expect(formatDateTime('2027-01-04T14:05:00Z', ny)).toBe('Mon 4 Jan 2027, 09:05');
  });

  it('crosses midnight into the local day', () => {
    // 03:30 UTC on 2 Dec is still 1 Dec, 22:30 in New York.
    expect(formatDateTime('2026-12-02T03:30:00Z', ny)).toBe('Tue 1 Dec, 22:30');
    expect(formatDateTime('2026-12-02T03:30:00Z', { ...ny, zone: 'Asia/Kolkata' })).toBe(
      'Wed 2 Dec, 09:00',
    );
  });

  //        March 2026 (America/New_York)
  //  Su Mo Tu We Th Fr Sa
  //  1  2  3  4  5  6  7
  //  [8] clocks go 02:00 EST → 03:00 EDT (UTC−5 → UTC−4)
  it('follows the spring-forward change', () => {
    expect(formatDateTime('2026-03-08T06:59:00Z', ny)).toBe('Sun 8 Mar, 01:59');
    expect(formatDateTime('2026-03-08T07:00:00Z', ny)).toBe('Sun 8 Mar, 03:00');
  });

  //        November 2026 (America/New_York)
  //  Su Mo Tu We Th Fr Sa
  //  [1] clocks go 02:00 EDT → 01:00 EST: 01:30 happens twice
  it('shows both 01:30s of the fall-back night', () => {
    expect(formatDateTime('2026-11-01T05:30:00Z', ny)).toBe('Sun 1 Nov, 01:30');
    expect(formatDateTime('2026-11-01T06:30:00Z', ny)).toBe('Sun 1 Nov, 01:30');
    expect(formatTime('2026-11-01T07:30:00Z', NY)).toBe('02:30');
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    expect(formatDateTime('2026-12-01T19:00:00Z', { zone: 'Mars/Olympus', now: ny.now })).toBe(
      'Tue 1 Dec, 19:00',
    );
    expect(dateIn('2026-12-01T19:00:00Z', 'Mars/Olympus')).toBe('2026-12-01');
  });
});

describe('wall times of another zone (an interview booked in its own zone)', () => {
  it('reads a wall time in its zone and shows it in the seeker zone', () => {
    const start = wallTimeToEpoch('2026-12-01T14:00', 'Europe/Berlin');
    expect(new Date(start).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(formatDateTime(start, { zone: NY, now: start })).toBe('Tue 1 Dec, 08:00');
  });

  it('reads a skipped time after the change and a repeated one as the first', () => {
    // 02:30 does not exist on 8 Mar 2026 in New York: read as 03:30 EDT = 07:30 UTC.
    expect(new Date(wallTimeToEpoch('2026-03-08T02:30', NY)).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // 01:30 on 1 Nov 2026 happens twice: the first (EDT) = 05:30 UTC.
    expect(new Date(wallTimeToEpoch('2026-11-01T01:30', NY)).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    //   October 2026 (Europe/London): Sun 25 Oct 02:00 BST → 01:00 GMT
    expect(new Date(wallTimeToEpoch('2026-10-25T12:00', 'Europe/London')).toISOString()).toBe(
      '2026-10-25T12:00:00.000Z',
    );
  });
});

describe('UTC offsets for the zone picker', () => {
  it('names the offset at an instant with a true minus sign', () => {
    expect(offsetMinutes(at('2026-12-01T12:00:00Z'), NY)).toBe(-300);
    expect(offsetMinutes(at('2026-07-01T12:00:00Z'), NY)).toBe(-240);
    expect(offsetMinutes(at('2026-12-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(utcOffsetLabel(-300)).toBe('UTC\u221205:00');
    expect(utcOffsetLabel(330)).toBe('UTC+05:30');
    expect(utcOffsetLabel(0)).toBe('UTC+00:00');
  });
});
