// Date arithmetic for the planner. Plain integer civil-date math (no Temporal objects) because
// planning 100,000 applications calls it millions of times; results match calendar.ts.
import type { BusinessCalendar } from '../calendar.js';
import type { IsoDate } from '../types.js';
import type { Offset } from './presets.js';

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export function civilFromDays(z: number): IsoDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function plusDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parts(date);
  return civilFromDays(daysFromCivil(y, m, d) + n);
}

/** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function plusMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysFromCivil(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - daysFromCivil(ny, nm, 1);
  return civilFromDays(daysFromCivil(ny, nm, Math.min(d, last)));
}

/** Whole days from `a` to `b`. */
export function dayDiff(a: IsoDate, b: IsoDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return daysFromCivil(by, bm, bd) - daysFromCivil(ay, am, ad);
}

/**
 * `date` + `offset` in `region`: business days count strictly after; calendar days and months
 * roll forward to a business day unless `roll` is false (steps to the seeker never move).
 */
export function applyOffset(
  calendar: BusinessCalendar,
  region: string,
  date: IsoDate,
  offset: Offset,
  roll = true,
): IsoDate {
  if (offset.unit === 'bd') return calendar.addBusinessDays(region, date, offset.value);
  const raw = offset.unit === 'days' ? plusDays(date, offset.value) : plusMonths(date, offset.value);
  return roll ? rollForward(calendar, region, raw) : raw;
}

// BusinessCalendar memoises shifts but not rollForward, whose weekday test builds a Temporal date.
const rolled = new WeakMap<BusinessCalendar, Map<string, IsoDate>>();

/** `date` itself when a business day of `region`, else the next one (memoised per calendar). */
export function rollForward(calendar: BusinessCalendar, region: string, date: IsoDate): IsoDate {
  let memo = rolled.get(calendar);
  if (!memo) rolled.set(calendar, (memo = new Map()));
  const key = `${region}|${date}`;
  let result = memo.get(key);
  if (result === undefined) {
    result = calendar.rollForward(region, date);
    memo.set(key, result);
  }
  return result;
}

export function later(a: IsoDate, b: IsoDate | null | undefined): IsoDate {
  return b && b > a ? b : a;
}
