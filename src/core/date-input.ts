// Dates and times as a person types them: what is wrong with one, in words ("2026-02-30 is
// not a date: February 2026 has 28 days"), and how to read one in the seeker's zone.
// Pure: "now" and the zone are arguments.
import { dayOfWeek, isIsoDate, isLocalDateTime, isRfc3339 } from './calendar.js';
import type { IsoDate } from './types.js';
import { missingDay, normalizeDateTime } from './civil-date.js';

export { normalizeDateTime } from './civil-date.js';
export { parseWhen, type WhenOptions } from './calendar.js';

const DATE_TIME_SHAPE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Null for a real date YYYY-MM-DD, else what is wrong, in words. */
export function dateProblem(value: string): string | null {
  if (isIsoDate(value)) return null;
  return missingDay(value) ?? `must be a date YYYY-MM-DD, e.g. 2026-12-24 (got "${value}")`;
}

/** Null for a local date-time (`2026-12-01T14:00` or `2026-12-01 14:00`), else what is wrong. */
export function localDateTimeProblem(value: string): string | null {
  const normal = normalizeDateTime(value);
  if (isLocalDateTime(normal)) return null;
  const m = DATE_TIME_SHAPE.exec(normal);
  if (m) {
    const day = missingDay(m[1]!);
    if (day) return day;
    return `${value.trim()} is not a time of day: hours go from 00 to 23, minutes from 00 to 59`;
  }
  if (isRfc3339(normal)) {
    return `must be a local date and time without an offset, e.g. 2026-12-24 14:00 (got "${value}")`;
  }
  return `must be a date and time YYYY-MM-DD HH:mm, e.g. 2026-12-24 14:00 (got "${value}")`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-01` → `Tue 1 Dec`: how a message names a day. */
export function dayLabel(date: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(date) - 1]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}
