// The business calendar and time arithmetic of SPEC §3.1. Pure: holidays arrive through a
// lookup function (the date-holidays adapter lives outside core), "now" is an argument.
import { Temporal } from 'temporal-polyfill';
import { civilFromDays, dayNumber, daysFromCivil, daysInMonth, missingDay, normalizeDateTime } from './civil-date.js';
import { DomainError } from './errors.js';
import type { IsoDate, IsoInstant, LocalDateTime } from './types.js';

/** Public holidays of `region` in `year` as YYYY-MM-DD. Throws `unknown_region` for a bad code. */
export type HolidayLookup = (region: string, year: number) => ReadonlySet<IsoDate>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (years 0001–9999). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True when `value` is YYYY-MM-DDTHH:mm[:ss] naming a real date and time of day. */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return false;
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  return isIsoDate(value.slice(0, 10)) && h <= 23 && mi <= 59 && s <= 59;
}

/** True when `value` is an RFC 3339 instant with an offset (or Z) naming a real time. */
export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const offset = m[8]!;
  if (offset.length === 6 && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) {
    return false;
  }
  return isLocalDateTime(value.slice(0, 19).replace('t', 'T'));
}


/** Throws `unknown_timezone` unless `zone` is an IANA zone name this runtime knows. */
export function assertTimeZone(zone: string, field?: string): void {
  // Only named zones: Temporal also accepts bare offsets such as "+05:00", which are not IANA zones.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) || zone.includes('..')) {
    throw new DomainError('unknown_timezone', `unknown time zone "${zone}"`, field);
  }
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
  } catch {
    throw new DomainError('unknown_timezone', `unknown time zone "${zone}"`, field);
  }
}

// ---- calendar-date arithmetic (time-zone free, integer day numbers) ----

export function addDays(date: IsoDate, days: number): IsoDate {
  return civilFromDays(dayNumber(date) + days);
}

/** Calendar months; one month after 31 January is the last day of February. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return civilFromDays(daysFromCivil(year, month, day));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function maxDate(...dates: (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

export function minDate(...dates: (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (d && (best === null || d < best)) best = d;
  return best;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

// ---- instants and zones ----

/** Epoch milliseconds of an RFC 3339 instant. */
export function parseInstant(value: IsoInstant): number {
  return Temporal.Instant.from(value).epochMilliseconds;
}

/** UTC, second precision: `YYYY-MM-DDTHH:mm:ssZ` (SPEC §3.1). */
export function formatInstant(epochMs: number): IsoInstant {
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(epochMs / 1000) * 1000)
    .toString({ smallestUnit: 'second' });
}

/**
 * A local date-time read in `zone`: inside a DST gap it moves forward, in an ambiguous hour it
 * takes the earlier offset (Temporal's "compatible" disambiguation).
 */
export function localToEpochMs(local: LocalDateTime, zone: string): number {
  return Temporal.PlainDateTime.from(local)
    .toZonedDateTime(zone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

const dateInZoneCache = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in `zone`. */
export function dateInZone(epochMs: number, zone: string): IsoDate {
  let fmt = dateInZoneCache.get(zone);
  if (!fmt) {
    // en-CA formats as YYYY-MM-DD; Intl is much faster than the polyfill's zone math.
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateInZoneCache.set(zone, fmt);
  }
  const text = fmt.format(epochMs);
  if (ISO_DATE.test(text)) return text;
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** 00:00 of `date` in `zone` (the first instant of the day if midnight falls in a DST gap). */
export function startOfDay(date: IsoDate, zone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

// ---- business days ----

/**
 * Business days of one region: Monday to Friday minus that region's public holidays.
 * Results are memoised; an instance is cheap to share across plans.
 */
export class BusinessCalendar {
  private readonly holidayCache = new Map<string, ReadonlySet<IsoDate>>();
  private readonly shiftCache = new Map<string, IsoDate>();

  constructor(private readonly holidays: HolidayLookup) {}

  /** Throws `unknown_region` for a region the holiday source does not know. */
  assertRegion(region: string, field?: string): void {
    try {
      this.holidaysOf(region, 2026);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, field);
      throw error;
    }
  }

  private holidaysOf(region: string, year: number): ReadonlySet<IsoDate> {
    const key = `${region}|${year}`;
    let set = this.holidayCache.get(key);
    if (!set) {
      set = this.holidays(region, year);
      this.holidayCache.set(key, set);
    }
    return set;
  }

  isHoliday(region: string, date: IsoDate): boolean {
    return this.holidaysOf(region, Number(date.slice(0, 4))).has(date);
  }

  isBusinessDay(region: string, date: IsoDate): boolean {
    return dayOfWeek(date) <= 5 && !this.isHoliday(region, date);
  }

  /** "+ N bd": the N-th business day strictly after `date`; N < 0 counts strictly before; 0 is `date`. */
  addBusinessDays(region: string, date: IsoDate, n: number): IsoDate {
    if (n === 0) return date;
    const key = `${region}|${date}|${n}`;
    const cached = this.shiftCache.get(key);
    if (cached) return cached;
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let d = date;
    while (remaining > 0) {
      d = addDays(d, step);
      if (this.isBusinessDay(region, d)) remaining -= 1;
    }
    this.shiftCache.set(key, d);
    return d;
  }

  /** `date` itself when it is a business day, else the next business day. */
  rollForward(region: string, date: IsoDate): IsoDate {
    return this.isBusinessDay(region, date) ? date : this.addBusinessDays(region, date, 1);
  }
}

/**
 * `--as-of`: `YYYY-MM-DD` is 00:00 of that day in the seeker's zone; a date and time without
 * an offset is read in that zone; otherwise an RFC 3339 instant. Throws `invalid_date`
 * naming `field` for anything else.
 */
export function parseAsOf(value: string, seekerZone: string, field = 'asOf'): number {
  return parseWhen(value, field, { zone: seekerZone, date: 'start' });
}

export interface WhenOptions {
  /** The seeker's zone: dates and times without an offset are read in it. */
  zone: string;
  /** What a date alone means: its first instant (`--as-of`), or a moment of that day (`--at`). */
  date: 'start' | 'moment';
  /** Now, for `date: 'moment'`: a date alone that is today means now, another day its noon. */
  now?: number;
}

/**
 * A date (`2026-12-24`), a local date and time (`2026-12-24 09:00`, read in the seeker's zone)
 * or an instant with an offset (`2026-12-24T09:00:00Z`) as epoch milliseconds. Anything else
 * is a DomainError('invalid_date') naming `field` and saying what is wrong.
 */
export function parseWhen(value: string, field: string, options: WhenOptions): number {
  const text = normalizeDateTime(value);
  if (isIsoDate(text)) {
    if (options.date === 'start') return startOfDay(text, options.zone);
    const now = options.now ?? 0;
    if (dateInZone(now, options.zone) === text) return now;
    return localToEpochMs(`${text}T12:00`, options.zone);
  }
  if (isLocalDateTime(text)) return localToEpochMs(text, options.zone);
  if (isRfc3339(text)) return parseInstant(text);
  const day = missingDay(text.slice(0, 10));
  throw new DomainError(
    'invalid_date',
    day ??
      `must be a date (2026-12-24), a date and time (2026-12-24 09:00) or an instant such as 2026-12-24T09:00:00Z (got "${value}")`,
    field,
  );
}
