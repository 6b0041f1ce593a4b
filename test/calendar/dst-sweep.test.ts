// The DST sweep of RELIABILITY.md: every DST change 2020–2035 in the supported zones. A clock is
// stepped hour by hour through each change; dates must never skip or double, day starts must
// be consistent, and an interview ending an hour before the change has its thank-you deadline
// exactly 86,400 s after its end (24 real hours, not "same wall-clock time tomorrow").
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  formatInstant,
  localToEpochMs,
  startOfDay,
} from '../../src/core/calendar.js';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Berlin',
  'Australia/Sydney',
] as const;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const tally = { transitions: 0, steps: 0, violations: 0 };

/** Every offset change of `zone` from 2020-01-01 to 2035-12-31, as epoch ms. */
function transitionsOf(zone: string): number[] {
  const end = Temporal.Instant.from('2036-01-01T00:00:00Z').epochMilliseconds;
  const found: number[] = [];
  let cursor: Temporal.ZonedDateTime | null =
    Temporal.Instant.from('2020-01-01T00:00:00Z').toZonedDateTimeISO(zone);
  while ((cursor = cursor.getTimeZoneTransition('next')) && cursor.epochMilliseconds < end) {
    found.push(cursor.epochMilliseconds);
  }
  return found;
}

function offsetMs(epochMs: number, zone: string): number {
  return (
    Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6
  );
}

/** The wall-clock reading of an instant in `zone`, as "YYYY-MM-DDTHH:mm:ss" (a LocalDateTime). */
function wallClock(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString();
}

function violation(problems: string[], message: string): void {
  tally.violations += 1;
  problems.push(message);
}

/** Steps a clock hour by hour from 48 h before to 48 h after `change`; returns what went wrong. */
function sweepDates(zone: string, change: number): string[] {
  const problems: string[] = [];
  let previous: string | null = null;
  for (let t = change - 48 * HOUR_MS; t <= change + 48 * HOUR_MS; t += HOUR_MS) {
    tally.steps += 1;
    const date = dateInZone(t, zone);
    // Independent path: the polyfill's own zone arithmetic, not Intl.
    const expected = Temporal.Instant.fromEpochMilliseconds(t)
      .toZonedDateTimeISO(zone)
      .toPlainDate()
      .toString();
    if (date !== expected)
      violation(problems, `${formatInstant(t)}: dateInZone ${date}, expected ${expected}`);
    if (previous !== null && date !== previous && date !== addDays(previous, 1)) {
      violation(problems, `${formatInstant(t)}: ${previous} → ${date} skips or goes back`);
    }
    const dayStart = startOfDay(date, zone);
    if (!(dayStart <= t && t < startOfDay(addDays(date, 1), zone))) {
      violation(
        problems,
        `${formatInstant(t)}: outside its day ${date} (starts ${formatInstant(dayStart)})`,
      );
    }
    if (
      dateInZone(dayStart, zone) !== date ||
      dateInZone(dayStart - 1, zone) !== addDays(date, -1)
    ) {
      violation(
        problems,
        `${date}: startOfDay ${formatInstant(dayStart)} is not the first instant of the day`,
      );
    }
    previous = date;
  }
  // The day of the change is 23 or 25 hours long (shorter/longer by the offset change), never 22 or 26.
  const changeDay = dateInZone(change, zone);
  const length = startOfDay(addDays(changeDay, 1), zone) - startOfDay(changeDay, zone);
  const shift = offsetMs(change, zone) - offsetMs(change - 1, zone);
  if (length !== DAY_MS - shift)
    violation(
      problems,
      `${changeDay} lasts ${length / HOUR_MS} h with a ${shift / HOUR_MS} h shift`,
    );
  return problems;
}

/** An interview of 60 minutes ending one hour before `change`: its thank-you deadline. */
function thankYouAcross(zone: string, change: number): string[] {
  const problems: string[] = [];
  const end = change - HOUR_MS;
  const start = wallClock(end - 60 * 60_000, zone);
  const computedEnd = localToEpochMs(start, zone) + 60 * 60_000;
  if (computedEnd !== end)
    violation(
      problems,
      `${start} ${zone}: ends ${formatInstant(computedEnd)}, expected ${formatInstant(end)}`,
    );
  const dueAt = computedEnd + DAY_MS;
  if (dueAt - end !== DAY_MS)
    violation(problems, `${start} ${zone}: dueAt not 86,400 s after the end`);
  // Across the change the deadline's wall clock differs from the end's by the offset shift.
  const wallDelta =
    Date.parse(`${wallClock(dueAt, zone)}Z`) - Date.parse(`${wallClock(end, zone)}Z`);
  const shift = offsetMs(dueAt, zone) - offsetMs(end, zone);
  if (wallDelta !== DAY_MS + shift)
    violation(problems, `${start} ${zone}: wall clock moved ${wallDelta / HOUR_MS} h`);
  return problems;
}

describe.each(ZONES)('%s, every DST change 2020–2035', (zone) => {
  const changes = transitionsOf(zone);

  it('has two changes a year (32 in 16 years)', () => {
    expect(changes).toHaveLength(32);
    tally.transitions += changes.length;
  });

  it('never skips or doubles a date, hour by hour through each change', () => {
    expect(changes.flatMap((change) => sweepDates(zone, change))).toEqual([]);
  });

  it('gives an interview ending an hour before each change a deadline exactly 86,400 s later', () => {
    expect(changes.flatMap((change) => thankYouAcross(zone, change))).toEqual([]);
  });
});

describe('drawn example: Europe/London, spring 2027', () => {
  // Sunday 28 March 2027: clocks go from 01:00 GMT to 02:00 BST (00:00Z is 00:00 GMT).
  // An interview 23:00–00:00 GMT on Saturday 27 March ends at 2027-03-28T00:00:00Z; its thank-you
  // deadline is 2027-03-29T00:00:00Z, which reads 01:00 BST on Monday 29 March.
  it('ends at 00:00Z and is due at 2027-03-29T00:00:00Z (01:00 BST)', () => {
    const end = localToEpochMs('2027-03-27T23:00', 'Europe/London') + 60 * 60_000;
    expect(formatInstant(end)).toBe('2027-03-28T00:00:00Z');
    expect(formatInstant(end + DAY_MS)).toBe('2027-03-29T00:00:00Z');
    expect(wallClock(end + DAY_MS, 'Europe/London')).toBe('2027-03-29T01:00:00');
    expect(dateInZone(end, 'Europe/London')).toBe('2027-03-28');
  });
});

afterAll(() => {
  console.log(
    `DST sweep: ${tally.transitions} changes in ${ZONES.length} zones, ${tally.steps} hourly steps, ${tally.violations} skipped/doubled or wrong`,
  );
});
