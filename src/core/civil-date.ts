// Proleptic Gregorian day numbers (days since 1970-01-01), in plain integer arithmetic: the
// planner adds days millions of times per re-plan, and Temporal objects cost microseconds each.
// Checked against Temporal in civil-date.test.ts.
import type { IsoDate } from './types.js';

/** Days since 1970-01-01 of year/month/day. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** YYYY-MM-DD of a day number. */
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

/** Day number of a YYYY-MM-DD string (assumed valid). */
export function dayNumber(date: IsoDate): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a YYYY-MM-DD-shaped value names no day, or null when it does (or is not that shape). */
export function missingDay(value: string): string | null {
  const m = DATE_SHAPE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return `${value} is not a date: there is no year 0`;
  if (mo < 1 || mo > 12) return `${value} is not a date: there is no month ${mo}`;
  if (d < 1) return `${value} is not a date: there is no day 0`;
  const days = daysInMonth(y, mo);
  if (d > days) return `${value} is not a date: ${MONTH_NAMES[mo - 1]} ${y} has ${days} days`;
  return null;
}

/** `2026-12-01 14:00` → `2026-12-01T14:00`: people type a space, the document keeps the T. */
export function normalizeDateTime(value: string): string {
  return value.trim().replace(/^(\d{4}-\d{2}-\d{2})[ ]+(?=\d)/, '$1T');
}
