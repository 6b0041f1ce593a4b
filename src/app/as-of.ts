// "As of" for a plan, an agenda or an export: the moment the seeker typed, read in their own
// time zone (a date alone is the start of that day there); absent means now. The CLI's
// `--as-of` and the API's `?asOf=` both resolve through here.
import { parseAsOf } from '../core/calendar.js';

export async function resolveAsOf(
  raw: string | undefined,
  now: () => number,
  zone: () => Promise<string>,
): Promise<number> {
  if (raw === undefined) return now();
  return parseAsOf(raw, await zone(), 'asOf');
}
