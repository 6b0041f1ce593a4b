// An independent reference for business-day arithmetic: plain UTC Date stepping and the
// date-holidays package read directly, sharing no code with src/core/calendar.ts or the adapter.
import Holidays from 'date-holidays';

const DAY_MS = 86_400_000;
const instances = new Map<string, Holidays>();
const yearCache = new Map<string, Set<string>>();

/** Public holidays of `region` in `year`, read straight from date-holidays. */
export function referenceHolidays(region: string, year: number): Set<string> {
  const key = `${region}|${year}`;
  let set = yearCache.get(key);
  if (!set) {
    let hd = instances.get(region);
    if (!hd) {
      const [country, state] = region.split(/-(.*)/s) as [string, string | undefined];
      hd = state ? new Holidays(country, state) : new Holidays(country);
      instances.set(region, hd);
    }
    set = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    yearCache.set(key, set);
  }
  return set;
}

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function referenceIsBusinessDay(region: string, date: string): boolean {
  const weekday = new Date(toMs(date)).getUTCDay(); // 0 = Sunday, 6 = Saturday
  return (
    weekday !== 0 && weekday !== 6 && !referenceHolidays(region, Number(date.slice(0, 4))).has(date)
  );
}

/** The n-th business day strictly after (n > 0) or strictly before (n < 0) `date`, one day at a time. */
export function referenceAddBusinessDays(region: string, date: string, n: number): string {
  let ms = toMs(date);
  let counted = 0;
  while (counted < Math.abs(n)) {
    ms += Math.sign(n) * DAY_MS;
    if (referenceIsBusinessDay(region, fromMs(ms))) counted += 1;
  }
  return fromMs(ms);
}

/** Every date from `first` to `last` inclusive. */
export function eachDate(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let ms = toMs(first); ms <= toMs(last); ms += DAY_MS) dates.push(fromMs(ms));
  return dates;
}
