// The options of the time-zone and region pickers: zones from the browser with their place
// and UTC offset, regions from the server (GET /api/regions) with country and subdivision.
import { api } from './api.js';
import { offsetMinutes, utcOffsetLabel } from './format.js';
import type { PickerOption } from './components/combobox.js';
import { regionLabel, searchRegions, type RegionName } from '../../src/core/regions.js';

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function placeOf(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "New York (America/New_York), UTC−05:00": the offset at `now`. */
export function zoneLabel(zone: string, now: number): string {
  const place = placeOf(zone);
  const name = place === zone ? zone : `${place} (${zone})`;
  return `${name}, ${utcOffsetLabel(offsetMinutes(now, zone))}`;
}

/** Every zone the browser knows (UTC and the current value included), by label. */
export function zoneOptions(now: number, current: string): PickerOption[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = [...new Set(['UTC', ...known, ...(current ? [current] : [])])];
  return zones
    .map((z) => ({ value: z, label: zoneLabel(z, now) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();

/** Zones by place first ("york" → New York), then by any part of the name or offset. */
export function searchZones(query: string, options: readonly PickerOption[]): PickerOption[] {
  const q = fold(query);
  if (q === '') return [...options];
  const scored: { option: PickerOption; score: number }[] = [];
  for (const option of options) {
    const place = fold(placeOf(option.value));
    const id = fold(option.value);
    const label = fold(option.label);
    const score =
      id === q
        ? 0
        : place.startsWith(q)
          ? 1
          : id.startsWith(q)
            ? 2
            : label.split(/[\s/(),]+/).some((w) => w.startsWith(q))
              ? 3
              : label.includes(q)
                ? 4
                : null;
    if (score !== null) scored.push({ option, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.option.label.localeCompare(b.option.label))
    .map((s) => s.option);
}

let regions: Promise<readonly RegionName[]> | undefined;

/** The server's region list, fetched once per page load (a failure is retried next time). */
export function loadRegions(): Promise<readonly RegionName[]> {
  regions ??= api.regions().then((r) => r.regions);
  regions.catch(() => (regions = undefined));
  return regions;
}

export function regionOptions(list: readonly RegionName[]): PickerOption[] {
  return list.map((r) => ({ value: r.code, label: regionLabel(r) }));
}

/** A search over region options by the rules of src/core/regions ("UK" → GB-ENG first). */
export function regionSearch(list: readonly RegionName[]) {
  const byCode = new Map(list.map((r) => [r.code, r]));
  return (query: string, options: readonly PickerOption[]): PickerOption[] => {
    const extra = options.filter((o) => !byCode.has(o.value));
    const found = searchRegions(query, list).map((r) => ({ value: r.code, label: regionLabel(r) }));
    return query.trim() === '' ? [...extra, ...found] : found;
  };
}
