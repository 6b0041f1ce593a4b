// The seeker's wall clock in their own zone, for "when did it happen" fields: a local
// `YYYY-MM-DDTHH:mm` (what <input type="datetime-local"> holds) to an instant and back, with
// the zone's offset read from Intl (no time-zone database shipped to the browser).

/** The zone's offset from UTC at `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - Math.floor(ms / 60_000) * 60_000;
}

/** Now as a local `YYYY-MM-DDTHH:mm` in `timeZone`. */
export function nowIn(timeZone: string, ms = Date.now()): string {
  try {
    return new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(0, 16);
  } catch {
    return new Date(ms).toISOString().slice(0, 16);
  }
}

/**
 * A local `YYYY-MM-DDTHH:mm` in `timeZone` as an RFC 3339 instant (UTC), or null when it is
 * not a date-time. A time skipped by a DST change lands just after the change.
 */
export function localToInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  try {
    const first = wall - offsetAt(wall, timeZone);
    const ms = wall - offsetAt(first, timeZone);
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  } catch {
    return null;
  }
}
