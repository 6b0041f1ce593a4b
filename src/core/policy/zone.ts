// Fast, memoised zone arithmetic for the planner, equal to calendar.ts (property-tested in
// zone.test.ts): Intl and the Temporal polyfill cost microseconds per call, and a re-plan of
// 100,000 applications makes millions of calls. Zone offsets are cached per 15-minute slot
// (every IANA offset and transition is a multiple of 15 minutes); anything near a DST
// transition falls back to the exact Temporal path.
import { dateInZone, localToEpochMs, parseInstant } from '../calendar.js';
import type { IsoDate } from '../types.js';
import { civilFromDays, daysFromCivil } from '../civil-date.js';

const SLOT_MS = 900_000;
const DAY_MS = 86_400_000;
const MAX_ENTRIES = 500_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
const dayNames = new Map<number, IsoDate>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in ms at the start of a 15-minute slot (one Intl call per slot). */
function slotOffset(zone: string, slot: number): number {
  let byZone = offsets.get(zone);
  if (!byZone) offsets.set(zone, (byZone = new Map()));
  let offset = byZone.get(slot);
  if (offset === undefined) {
    const at = slot * SLOT_MS;
    const p: Record<string, number> = {};
    for (const part of formatterOf(zone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const local = daysFromCivil(p.year!, p.month!, p.day!) * DAY_MS + p.hour! * 3_600_000 + p.minute! * 60_000;
    offset = local - at;
    if (byZone.size > MAX_ENTRIES) byZone.clear();
    byZone.set(slot, offset);
  }
  return offset;
}

const dayOffsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in ms for the instant's 15-minute slot. A UTC day whose first and last
 * slots agree has one offset throughout (zones change offset at most once a day), so most
 * instants cost two Intl calls per distinct day instead of one per slot.
 */
function offsetAt(zone: string, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  let byZone = dayOffsets.get(zone);
  if (!byZone) dayOffsets.set(zone, (byZone = new Map()));
  let whole = byZone.get(day);
  if (whole === undefined) {
    const first = slotOffset(zone, (day * DAY_MS) / SLOT_MS);
    const last = slotOffset(zone, ((day + 1) * DAY_MS) / SLOT_MS - 1);
    whole = first === last ? first : Number.NaN;
    if (byZone.size > MAX_ENTRIES) byZone.clear();
    byZone.set(day, whole);
  }
  return Number.isNaN(whole) ? slotOffset(zone, Math.floor(ms / SLOT_MS)) : whole;
}

/** The calendar date of an instant in `zone` (same result as calendar.ts dateInZone). */
export function fastDateInZone(ms: number, zone: string): IsoDate {
  const offset = offsetAt(zone, ms);
  if (!Number.isFinite(offset)) return dateInZone(ms, zone);
  const day = Math.floor((ms + offset) / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = civilFromDays(day);
    if (dayNames.size > MAX_ENTRIES) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A local date-time read in `zone` (same result as calendar.ts localToEpochMs). */
export function fastLocalToMs(local: string, zone: string): number {
  const m = LOCAL.exec(local);
  if (!m) return localToEpochMs(local, zone);
  const naive =
    daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * DAY_MS +
    Number(m[4]) * 3_600_000 +
    Number(m[5]) * 60_000 +
    Number(m[6] ?? 0) * 1000;
  const before = offsetAt(zone, naive - DAY_MS);
  const after = offsetAt(zone, naive + DAY_MS);
  // Same offset a day either side: no transition nearby, the local time is unique.
  if (before === after && Number.isFinite(before)) return naive - before;
  return localToEpochMs(local, zone);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Epoch ms of an RFC 3339 instant (same result as calendar.ts parseInstant). */
export function fastParseInstant(value: string): number {
  const m = RFC3339.exec(value);
  if (!m) return parseInstant(value);
  let ms =
    daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * DAY_MS +
    Number(m[4]) * 3_600_000 +
    Number(m[5]) * 60_000 +
    Number(m[6]) * 1000 +
    (m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0);
  if (!m[8]) ms -= (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3_600_000 + Number(m[11]) * 60_000);
  return ms;
}

/** `YYYY-MM-DDTHH:mm:ssZ`, second precision (same result as calendar.ts formatInstant). */
export function fastFormatInstant(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  const rest = seconds - day * 86_400;
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${civilFromDays(day)}T${two(Math.floor(rest / 3600))}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}Z`;
}
