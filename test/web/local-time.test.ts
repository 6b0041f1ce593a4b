// The log form's "When": a wall-clock time in the seeker's zone to an instant, across DST.
//
//      March 2026 (America/New_York)        November 2026 (America/New_York)
//   Su Mo Tu We Th Fr Sa                  Su Mo Tu We Th Fr Sa
//    1  2  3  4  5  6  7                   1  2  3  4  5  6  7
//   [8] 9 ...  02:00 EST → 03:00 EDT      [1] 02:00 EDT → 01:00 EST (01:30 happens twice)
import { describe, expect, it } from 'vitest';
import { localToInstant, nowIn } from '../../web/src/local-time.js';

describe('localToInstant', () => {
  it.each([
    ['2026-12-02T09:00', 'America/New_York', '2026-12-02T14:00:00Z'],
    ['2026-07-01T09:00', 'America/New_York', '2026-07-01T13:00:00Z'],
    ['2026-03-08T01:30', 'America/New_York', '2026-03-08T06:30:00Z'],
    ['2026-03-08T03:30', 'America/New_York', '2026-03-08T07:30:00Z'],
    // Twice that night: the first one (still EDT).
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00Z'],
    ['2026-12-02T09:00', 'Europe/London', '2026-12-02T09:00:00Z'],
    ['2026-12-02T09:00', 'Asia/Kolkata', '2026-12-02T03:30:00Z'],
    ['2026-12-31T23:30', 'Pacific/Auckland', '2026-12-31T10:30:00Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(localToInstant(local, zone)).toBe(instant);
  });

  it('is null for what is not a date-time, or an unknown zone', () => {
    expect(localToInstant('2026-12-02', 'UTC')).toBeNull();
    expect(localToInstant('yesterday', 'UTC')).toBeNull();
    expect(localToInstant('2026-12-02T09:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('nowIn', () => {
  it('is the wall clock of the zone, to the minute', () => {
    const at = Date.parse('2026-12-02T14:05:30Z');
    expect(nowIn('America/New_York', at)).toBe('2026-12-02T09:05');
    expect(nowIn('Asia/Kolkata', at)).toBe('2026-12-02T19:35');
    expect(localToInstant(nowIn('Europe/Berlin', at), 'Europe/Berlin')).toBe(
      '2026-12-02T14:05:00Z',
    );
  });
});
