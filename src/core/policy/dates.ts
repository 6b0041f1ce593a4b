// Offsets of the policy applied on the business calendar, memoised for the planner.
import { addDays, addMonths, type BusinessCalendar } from '../calendar.js';
import type { IsoDate } from '../types.js';
import type { Offset } from './presets.js';

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
  const raw = offset.unit === 'days' ? addDays(date, offset.value) : addMonths(date, offset.value);
  return roll ? calendar.rollForward(region, raw) : raw;
}

export function later(a: IsoDate, b: IsoDate | null | undefined): IsoDate {
  return b && b > a ? b : a;
}
