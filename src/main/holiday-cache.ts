// A file cache of public-holiday sets in front of the date-holidays adapter. date-holidays costs
// ~200 ms of CPU to load and more to compute a year; the sets it returns never change for a
// given package version, so `tactful today` reads them from a small JSON file instead.
// The cache is derived data: deleting it is always safe; a corrupt one is ignored.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { HolidayLookup } from '../core/calendar.js';
import type { IsoDate } from '../core/types.js';

const require = createRequire(import.meta.url);

interface CacheFile {
  /** date-holidays version the entries were computed with. */
  key: string;
  /** `REGION|YEAR` → sorted dates. */
  entries: Record<string, IsoDate[]>;
}

export interface CachedHolidays {
  lookup: HolidayLookup;
  /** Writes new entries back (atomically); never throws. */
  save(): void;
}

/** The installed date-holidays version: the cache's validity key. */
export function dateHolidaysVersion(): string {
  const main = require.resolve('date-holidays');
  const pkgFile = main.slice(0, main.lastIndexOf('/lib/')) + '/package.json';
  return (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version;
}

function readCache(file: string, key: string): Record<string, IsoDate[]> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.key === key && parsed.entries && typeof parsed.entries === 'object') return parsed.entries;
  } catch {
    // Missing or unreadable: start empty.
  }
  return Object.create(null) as Record<string, IsoDate[]>;
}

/**
 * A HolidayLookup answering from `file` when it can and from `loadReal()` otherwise (called on
 * the first miss only; it must be synchronous because BusinessCalendar asks synchronously).
 * Unknown regions throw exactly as the real lookup does and are never cached.
 */
export function cachedHolidays(file: string, loadReal: () => HolidayLookup, key: string = dateHolidaysVersion()): CachedHolidays {
  const entries = readCache(file, key);
  let real: HolidayLookup | undefined;
  let dirty = false;
  const lookup: HolidayLookup = (region, year) => {
    const id = `${region}|${year}`;
    const hit = entries[id];
    if (hit && Array.isArray(hit)) return new Set(hit);
    real ??= loadReal();
    const dates = real(region, year);
    entries[id] = [...dates].sort();
    dirty = true;
    return dates;
  };
  const save = (): void => {
    if (!dirty) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key, entries } satisfies CacheFile));
      renameSync(temp, file);
      dirty = false;
    } catch {
      // A read-only home or a full disk only costs speed next time.
    }
  };
  return { lookup, save };
}
