// Time zones and instants of SPEC §3.1: which zones are accepted, how a local interview start is
// read (DST gap → forward, ambiguous → earlier offset), and how --as-of is parsed.
import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  dateInZone,
  formatInstant,
  localToEpochMs,
  parseAsOf,
  parseInstant,
  startOfDay,
} from '../../src/core/calendar.js';
import { DomainError } from '../../src/core/errors.js';

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('assertTimeZone', () => {
  it.each([
    'Mars/Olympus',
    '',
    'UTC+25',
    '../../etc/passwd',
    '+05:00',
    'Europe/../Europe/London',
    'America/New York',
    'Europe/London\n',
  ])('rejects %j with unknown_timezone naming the field', (zone) => {
    const error = errorOf(() => assertTimeZone(zone, 'settings.timezone'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unknown_timezone', field: 'settings.timezone' });
  });

  it.each([
    'US/Pacific',
    'Europe/Kiev',
    'Asia/Calcutta',
    'GB',
    'UTC',
    'Etc/GMT+5',
    'Asia/Kathmandu',
    'Europe/Dublin',
  ])('accepts the IANA name or legacy alias %s', (zone) => {
    expect(() => assertTimeZone(zone)).not.toThrow();
  });

  it('reads a legacy alias exactly like its canonical zone', () => {
    const local = '2027-07-01T09:00';
    expect(localToEpochMs(local, 'US/Pacific')).toBe(localToEpochMs(local, 'America/Los_Angeles'));
    expect(localToEpochMs(local, 'Europe/Kiev')).toBe(localToEpochMs(local, 'Europe/Kyiv'));
  });
});

describe('Asia/Kathmandu (UTC+05:45, no DST)', () => {
  it('reads 14:00 local as 08:15Z and dates 18:14Z / 18:15Z on either side of local midnight', () => {
    expect(formatInstant(localToEpochMs('2026-12-23T14:00', 'Asia/Kathmandu'))).toBe(
      '2026-12-23T08:15:00Z',
    );
    expect(dateInZone(parseInstant('2026-12-23T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-12-23');
    expect(dateInZone(parseInstant('2026-12-23T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-12-24');
    expect(formatInstant(startOfDay('2026-12-24', 'Asia/Kathmandu'))).toBe('2026-12-23T18:15:00Z');
  });
});

describe('localToEpochMs across Europe/London DST changes', () => {
  // Sunday 28 March 2027, Europe/London: 01:00 GMT jumps to 02:00 BST; 01:30 does not exist.
  it('moves a start inside the spring gap forward by the gap: 01:30 → 02:30 BST = 01:30Z', () => {
    expect(formatInstant(localToEpochMs('2027-03-28T01:30', 'Europe/London'))).toBe(
      '2027-03-28T01:30:00Z',
    );
    expect(formatInstant(localToEpochMs('2027-03-28T00:59', 'Europe/London'))).toBe(
      '2027-03-28T00:59:00Z',
    );
    expect(formatInstant(localToEpochMs('2027-03-28T02:00', 'Europe/London'))).toBe(
      '2027-03-28T01:00:00Z',
    );
  });

  // Sunday 31 October 2027, Europe/London: 02:00 BST falls back to 01:00 GMT; 01:30 happens twice.
  it('takes the earlier offset in the autumn overlap: 01:30 → 01:30 BST = 00:30Z', () => {
    expect(formatInstant(localToEpochMs('2027-10-31T01:30', 'Europe/London'))).toBe(
      '2027-10-31T00:30:00Z',
    );
    expect(formatInstant(localToEpochMs('2027-10-31T02:00', 'Europe/London'))).toBe(
      '2027-10-31T02:00:00Z',
    );
  });

  it('accepts seconds and keeps them', () => {
    expect(formatInstant(localToEpochMs('2027-10-31T01:30:15', 'Europe/London'))).toBe(
      '2027-10-31T00:30:15Z',
    );
  });
});

describe('startOfDay when midnight itself is skipped', () => {
  // America/Havana, Sunday 8 March 2026: 00:00 CST jumps to 01:00 CDT; the day starts at 01:00.
  it('returns the first instant of the day (01:00 CDT = 05:00Z), dated that day', () => {
    const start = startOfDay('2026-03-08', 'America/Havana');
    expect(formatInstant(start)).toBe('2026-03-08T05:00:00Z');
    expect(dateInZone(start, 'America/Havana')).toBe('2026-03-08');
    expect(dateInZone(start - 1, 'America/Havana')).toBe('2026-03-07');
  });
});

describe('parseAsOf', () => {
  it('reads a date as 00:00 of that day in the seeker’s zone', () => {
    expect(formatInstant(parseAsOf('2026-12-23', 'America/New_York'))).toBe('2026-12-23T05:00:00Z');
    expect(formatInstant(parseAsOf('2027-07-01', 'America/New_York'))).toBe('2027-07-01T04:00:00Z');
    expect(formatInstant(parseAsOf('2027-03-28', 'Europe/London'))).toBe('2027-03-28T00:00:00Z');
    expect(formatInstant(parseAsOf('2026-12-24', 'Asia/Kathmandu'))).toBe('2026-12-23T18:15:00Z');
  });

  it('reads an RFC 3339 instant with its own offset, whatever the seeker’s zone', () => {
    expect(formatInstant(parseAsOf('2026-12-24T09:00:00+01:00', 'America/New_York'))).toBe(
      '2026-12-24T08:00:00Z',
    );
    expect(formatInstant(parseAsOf('2026-12-24T09:00:00Z', 'Asia/Kathmandu'))).toBe(
      '2026-12-24T09:00:00Z',
    );
    expect(formatInstant(parseAsOf('2026-12-24t09:00:00.999z', 'UTC'))).toBe(
      '2026-12-24T09:00:00Z',
    );
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '0000-01-01',
    '10000-01-01',
    '03/04/2026',
    '2026-12-24T25:00:00Z',
    '2026-12-24T09:00:00+24:00',
    '',
    'yesterday',
  ])('rejects %j with invalid_date naming the field', (value) => {
    const error = errorOf(() => parseAsOf(value, 'America/New_York', '--as-of'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_date', field: '--as-of' });
    expect((error as Error).message).toContain(value);
  });

  it('reads a local date and time (with T or a space) in the seeker’s zone', () => {
    for (const value of ['2026-12-24T09:00', '2026-12-24 09:00', '2026-12-24T09:00:00']) {
      expect(formatInstant(parseAsOf(value, 'America/New_York', '--as-of'))).toBe(
        '2026-12-24T14:00:00Z',
      );
    }
  });
});
