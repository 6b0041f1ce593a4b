// The 08:00 digest across every day of 2026–2030 in three zones with DST (north and south):
// exactly one digest per local day, at 08:00 local, whatever the clock does at the changes.
//
//   America/New_York  2027-03-14 02:00 → 03:00 (EST → EDT), 2027-11-07 02:00 → 01:00
//   Europe/London     2027-03-28 01:00 → 02:00 (GMT → BST), 2027-10-31 02:00 → 01:00
//   Australia/Sydney  2027-04-04 03:00 → 02:00 (AEDT → AEST), 2027-10-03 02:00 → 03:00
// On those days 08:00 local is 12:00Z/13:00Z (New York), 07:00Z/08:00Z (London),
// 21:00Z/22:00Z the day before (Sydney).
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestInstant, dueDigestDate, nextDigestAt } from '../../src/mail/digest-schedule.js';
import { scheduleDigests } from '../../src/worker/worker.js';
import { openMailFixture, saveSmtp, type MailFixture } from '../mail/fixture.js';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney'] as const;
const FROM = '2026-01-01';
const TO = '2030-12-31';
const HOUR = 3_600_000;

function localWallTime(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainTime()
    .toString({ smallestUnit: 'minute' });
}

function daysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = Temporal.PlainDate.from(from);
    Temporal.PlainDate.compare(d, Temporal.PlainDate.from(to)) <= 0;
    d = d.add({ days: 1 })
  ) {
    out.push(d.toString());
  }
  return out;
}

describe.each(ZONES)('%s, 2026–2030', (zone) => {
  const days = daysIn(FROM, TO);

  it('the worker sleeping until nextDigestAt wakes once per local day, at 08:00 local', () => {
    let now =
      Temporal.PlainDate.from(FROM).toZonedDateTime({ timeZone: zone }).epochMilliseconds - 1;
    const seen: string[] = [];
    for (;;) {
      const at = nextDigestAt(now, zone);
      const date = dueDigestDate(at, zone);
      if (date === null || date > TO) break;
      expect(localWallTime(at, zone)).toBe('08:00');
      expect(dueDigestDate(at - 1, zone)).toBeNull();
      seen.push(date);
      now = at;
    }
    expect(seen).toEqual(days);
  });

  it('a clock stepped hour by hour creates each day exactly once, within the hour after 08:00', () => {
    const created = new Map<string, number>();
    const start = Temporal.PlainDate.from(FROM).toZonedDateTime({
      timeZone: zone,
    }).epochMilliseconds;
    const end = Temporal.PlainDate.from(TO)
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    let doubles = 0;
    for (let now = start + 17 * 60_000; now < end; now += HOUR) {
      const date = dueDigestDate(now, zone);
      if (date === null) continue;
      if (created.has(date)) continue;
      // A day is created once: the first step at or after its 08:00.
      if (now - digestInstant(date, zone) >= HOUR) doubles += 1;
      created.set(date, now);
    }
    expect(doubles).toBe(0);
    expect([...created.keys()]).toEqual(days);
  });
});

describe('the worker on a real database across the DST changes of 2027', () => {
  let fixture: MailFixture;
  beforeAll(async () => {
    fixture = await openMailFixture();
    await saveSmtp(fixture, 2525);
  });
  afterAll(() => fixture.close());

  it.each([
    ['America/New_York', '2027-03-13', '2027-03-15'],
    ['America/New_York', '2027-11-06', '2027-11-08'],
    ['Europe/London', '2027-03-27', '2027-03-29'],
    ['Europe/London', '2027-10-30', '2027-11-01'],
    ['Australia/Sydney', '2027-04-03', '2027-04-05'],
    ['Australia/Sydney', '2027-10-02', '2027-10-04'],
  ])(
    '%s %s–%s: every 15 minutes, one digest row per day at 08:00 local',
    async (zone, from, to) => {
      await fixture.uow.transaction(async (repo) =>
        repo.saveSettings({ ...(await repo.getSettings()), timezone: zone }),
      );
      const deps = fixture.workerDeps();
      const start = Temporal.PlainDate.from(from).toZonedDateTime({
        timeZone: zone,
      }).epochMilliseconds;
      const end = Temporal.PlainDate.from(to)
        .add({ days: 1 })
        .toZonedDateTime({ timeZone: zone }).epochMilliseconds;
      const createdAt: Record<string, string> = {};
      for (let now = start; now < end; now += 15 * 60_000) {
        fixture.clock.ms = now;
        if ((await scheduleDigests(deps)) > 0) {
          const date = dueDigestDate(now, zone)!;
          expect(createdAt[date]).toBeUndefined();
          createdAt[date] = localWallTime(now, zone);
        }
      }
      expect(createdAt).toEqual(Object.fromEntries(daysIn(from, to).map((d) => [d, '08:00'])));
      const rows = await fixture.store.transaction('local', (tx) => tx.outbox.list(1_000));
      for (const date of daysIn(from, to)) {
        expect(rows.filter((r) => r.idempotencyKey === `digest:${date}`)).toHaveLength(1);
      }
    },
  );
});
