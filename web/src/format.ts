// Display helpers: dates in the seeker's zone (one format everywhere), numbers, form text.
// The words for codes (kinds, channels, statuses) are in labels.ts.
import type { IsoDate, LocalDateTime } from '../../src/core/types.js';

/** What every date on screen is written against: the seeker's zone and the current instant. */
export interface DateContext {
  /** IANA zone from the settings (a zone the browser does not know falls back to UTC). */
  zone: string;
  /** Epoch ms of "now": the year is written only when a date is not in now's year. */
  now: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// Written out rather than taken from Intl: ICU's en-GB says "Sept" in some versions.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      f = wallFormatter('UTC');
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone. */
function wallTime(ms: number, zone: string): Wall {
  const parts = wallFormatter(zone).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
  };
}

function dayText(year: number, month: number, day: number, currentYear: number): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const text = `${weekday} ${day} ${MONTHS[month - 1]}`;
  return year === currentYear ? text : `${text} ${year}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Tue 1 Dec", or "Mon 4 Jan 2027" when not in the current year: a calendar date, no zone shift. */
export function formatDate(date: IsoDate, ctx: DateContext): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return dayText(Number(m[1]), Number(m[2]), Number(m[3]), wallTime(ctx.now, ctx.zone).year);
}

/** "Tue 1 Dec, 14:00" (year when not the current one) for an instant, in the seeker's zone. */
export function formatDateTime(instant: string | number, ctx: DateContext): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return String(instant);
  const w = wallTime(ms, ctx.zone);
  const day = dayText(w.year, w.month, w.day, wallTime(ctx.now, ctx.zone).year);
  return `${day}, ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "14:00" for an instant in the seeker's zone. */
export function formatTime(instant: string | number, zone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return String(instant);
  const w = wallTime(ms, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Minutes a zone's clock is ahead of UTC at an instant (New York in winter: -300). */
export function offsetMinutes(ms: number, zone: string): number {
  const w = wallTime(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a wall-clock time in a zone (an interview's start in its own zone). A time
 * skipped by a DST change is read with the offset before the change, as Temporal's
 * "compatible" does (02:30 on a spring-forward night is 03:30).
 */
export function wallTimeToEpoch(local: LocalDateTime, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return Number.NaN;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const before = asUtc - offsetMinutes(asUtc - 86_400_000, zone) * 60_000;
  const after = asUtc - offsetMinutes(asUtc + 86_400_000, zone) * 60_000;
  // The reading whose wall time round-trips; on an overlap the earlier one, in a gap `before`.
  for (const candidate of [Math.min(before, after), Math.max(before, after)]) {
    const w = wallTime(candidate, zone);
    if (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === asUtc) return candidate;
  }
  return before;
}

/** "UTC−05:00", "UTC+05:30", "UTC+00:00" (a true minus sign). */
export function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar date of an instant in an IANA zone (falls back to UTC on a bad zone). */
export function dateIn(instant: string | number, timeZone: string): IsoDate {
  const w = wallTime(typeof instant === 'number' ? instant : Date.parse(instant), timeZone);
  return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}`;
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

/** Lines of a textarea as a trimmed list without blanks. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The current hour in an IANA zone as a local date-time `YYYY-MM-DDTHH:00` (a form default). */
export function hourIn(timeZone: string): string {
  const now = Date.now();
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:00`;
  } catch {
    return new Date(now).toISOString().slice(0, 13) + ':00';
  }
}

/** A YYYY-MM-DD date `n` calendar days later (no zone involved). */
export function addDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
