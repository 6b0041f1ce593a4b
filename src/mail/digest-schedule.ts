// When the morning digest is due: 08:00 on the seeker's local date, read in their zone with
// Temporal. A day whose 08:00 falls in a DST gap gets the first instant after it; a doubled
// 08:00 takes the earlier one. Either way one instant per local date, and the outbox's unique
// key (`digest:<date>`) makes it one message per date whatever runs when.
import { Temporal } from 'temporal-polyfill';
import type { IsoDate } from '../core/types.js';

export const DIGEST_TIME = '08:00';

/** The instant of `date`'s digest in `zone` (epoch ms). */
export function digestInstant(date: IsoDate, zone: string): number {
  return Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(DIGEST_TIME))
    .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/**
 * The local date whose digest is due at `now`: today's, once its 08:00 has passed; null before
 * it. A worker that was down at 08:00 still sends today's later; a missed day is not replayed.
 */
export function dueDigestDate(now: number, zone: string): IsoDate | null {
  const today = Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
  return now >= digestInstant(today, zone) ? today : null;
}

/** The next digest instant strictly after `now` (the worker sleeps until then). */
export function nextDigestAt(now: number, zone: string): number {
  let date = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
  for (;;) {
    const at = digestInstant(date.toString(), zone);
    if (at > now) return at;
    date = date.add({ days: 1 });
  }
}
