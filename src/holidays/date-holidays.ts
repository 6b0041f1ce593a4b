// Holiday adapter: public holidays per region from the date-holidays package (kept out of
// src/core so the browser bundle never carries its 236 KB).
import Holidays from 'date-holidays';
import { DomainError } from '../core/errors.js';
import type { HolidayLookup } from '../core/calendar.js';
import { unknownRegionMessage, type RegionName } from '../core/regions.js';

/** Region codes split at the first "-": `GB-ENG` → country GB, subdivision ENG. */
function splitRegion(region: string): [string, string | undefined] {
  const dash = region.indexOf('-');
  return dash < 0 ? [region, undefined] : [region.slice(0, dash), region.slice(dash + 1)];
}

function isKnownRegion(country: string, state: string | undefined): boolean {
  const hd = new Holidays();
  const countries = hd.getCountries();
  if (!/^[A-Z]{2}$/.test(country) || !countries[country]) return false;
  if (state === undefined) return true;
  const states = hd.getStates(country) ?? {};
  return Object.prototype.hasOwnProperty.call(states, state);
}

/** A HolidayLookup over date-holidays, `public` entries only, each date in its own year. */
export function dateHolidays(): HolidayLookup {
  const instances = new Map<string, Holidays>();
  return (region, year) => {
    let hd = instances.get(region);
    if (!hd) {
      const [country, state] = splitRegion(region);
      if (!isKnownRegion(country, state)) {
        throw new DomainError('unknown_region', unknownRegionMessage(region, regionNames()));
      }
      hd = state === undefined ? new Holidays(country) : new Holidays(country, state);
      instances.set(region, hd);
    }
    const dates = new Set<string>();
    for (const h of hd.getHolidays(year)) {
      if (h.type === 'public') dates.add(h.date.slice(0, 10));
    }
    return dates;
  };
}

let names: RegionName[] | undefined;

/** Every country date-holidays knows and its subdivisions, with English names (built once). */
export function regionNames(): readonly RegionName[] {
  if (!names) {
    const hd = new Holidays();
    const list: RegionName[] = [];
    for (const [code, country] of Object.entries(hd.getCountries('en'))) {
      list.push({ code, country, subdivision: null });
      for (const [sub, subdivision] of Object.entries(hd.getStates(code, 'en') ?? {})) {
        list.push({ code: `${code}-${sub}`, country, subdivision });
      }
    }
    names = list.sort((a, b) => a.code.localeCompare(b.code));
  }
  return names;
}
