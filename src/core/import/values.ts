// Reading spreadsheet cells: status and source words, dates in the forms people type,
// yes/no. Each reader returns a value or a reason the seeker can act on.
import { isIsoDate, isLocalDateTime } from '../calendar.js';
import type { ApplicationStatus, IsoDate, LocalDateTime, Source } from '../types.js';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

function words(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `skip`: a card the seeker has not applied for yet (wishlist, bookmarked): not an application. */
export type StatusReading = ApplicationStatus | 'skip';

const STATUS_WORDS: Record<string, StatusReading> = {};
function statusWords(status: StatusReading, ...list: string[]) {
  for (const w of list) STATUS_WORDS[words(w)] = status;
}
statusWords(
  'skip',
  'wishlist',
  'wish list',
  'bookmarked',
  'saved',
  'interested',
  'to apply',
  'applying',
  'draft',
  'idea',
  'planned',
);
statusWords(
  'active',
  'active',
  'applied',
  'application sent',
  'submitted',
  'sent',
  'pending',
  'waiting',
  'in progress',
  'open',
  'interview',
  'interviews',
  'interviewing',
  'interviewed',
  'screen',
  'screening',
  'phone screen',
  'phone interview',
  'onsite',
  'on site',
  'final round',
  'assessment',
  'test',
  'take home',
  'in review',
  'under review',
  'shortlisted',
  'responded',
  'reply',
  'follow up',
  'followed up',
);
statusWords('offer', 'offer', 'offered', 'offer received', 'negotiating', 'negotiation');
statusWords('accepted', 'accepted', 'offer accepted', 'hired', 'signed', 'accepted offer');
statusWords(
  'rejected',
  'rejected',
  'rejection',
  'not selected',
  'declined by employer',
  'turned down',
  'unsuccessful',
  'no offer',
  'refused',
  'not moving forward',
);
statusWords(
  'withdrawn',
  'withdrawn',
  'withdrew',
  'i withdrew',
  'declined',
  'declined offer',
  'offer declined',
  'not interested',
  'retracted',
);
statusWords(
  'closed',
  'closed',
  'ghosted',
  'no response',
  'no reply',
  'archived',
  'expired',
  'cancelled',
  'canceled',
  'position filled',
  'filled',
  'dead',
  'stale',
);

export function readStatus(value: string): Read<StatusReading> {
  const status = STATUS_WORDS[words(value)];
  return status
    ? ok(status)
    : fail(
        `"${value}" is not a status tactful knows (applied, interviewing, offer, accepted, rejected, withdrawn, ghosted, wishlist…)`,
      );
}

/**
 * Who the seeker deals with. Trackers often put the job board here (LinkedIn, Indeed,
 * referral): those are all the employer directly.
 */
export function readSource(value: string): Source {
  const w = words(value);
  if (/\b(recruiter|recruiters|recruitment|headhunter|headhunters|talent partner)\b/.test(w))
    return 'recruiter';
  if (/\b(agency|agencies|staffing|search firm|executive search|temp|consultancy)\b/.test(w))
    return 'agency';
  return 'employer';
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si']);
const NO = new Set(['no', 'n', 'false', '0', '', 'nein', 'non']);
export function readYesNo(value: string): Read<boolean> {
  const w = words(value);
  if (YES.has(w)) return ok(true);
  if (NO.has(w)) return ok(false);
  return fail(`"${value}" is neither yes nor no`);
}

export type DateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
function month(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

const pad = (n: number) => String(n).padStart(2, '0');
function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

// Numeric dates: 3/4/2026, 03.04.26, 3-4-2026; ISO-like 2026-03-04 and 2026/03/04.
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
// "4 Mar 2026", "04-Mar-26", "Mar 4, 2026", "March 4 2026"
const DAY_MONTH = /^(\d{1,2})[\s\-/.]+([A-Za-z]{3,9}\.?)[\s\-/.,]+(\d{4}|\d{2})$/;
const MONTH_DAY = /^([A-Za-z]{3,9}\.?)[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4}|\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?$/;

/** Splits "2026-03-04 14:00", "2026-03-04T14:00:00Z", "03/04/2026 2:30 PM" into date and time. */
function splitDateTime(value: string): { date: string; time: string | undefined } {
  const text = value.trim();
  const t = /^(\d{4}-\d{2}-\d{2})[Tt ](.+)$/.exec(text);
  if (t) return { date: t[1]!, time: t[2]!.replace(/(?:[Zz]|[+-]\d{2}:?\d{2})$/, '') };
  const m = /^(.*?\d)[\sT,]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?)$/.exec(text);
  if (m) return { date: m[1]!.trim(), time: m[2]! };
  return { date: text, time: undefined };
}

/** Day-first or month-first parts of a numeric date, when both readings are possible. */
export function dateOrderHint(value: string): DateOrder | 'ambiguous' | undefined {
  const m = NUMERIC.exec(splitDateTime(value).date);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  if (a === b) return undefined;
  return a <= 12 && b <= 12 ? 'ambiguous' : undefined;
}

/**
 * The order a column's numeric dates use, when its values settle it (one "25/03/2026" makes
 * the column day-first). Undefined when nothing decides or the values contradict each other.
 */
export function inferDateOrder(values: Iterable<string>): DateOrder | undefined {
  let found: DateOrder | undefined;
  for (const v of values) {
    const hint = dateOrderHint(v);
    if (hint === 'dmy' || hint === 'mdy') {
      if (found && found !== hint) return undefined;
      found = hint;
    }
  }
  return found;
}

function readDay(text: string, order: DateOrder | undefined): Read<IsoDate> {
  let m = YEAR_FIRST.exec(text);
  if (m) return real(iso(Number(m[1]), Number(m[2]), Number(m[3])), text);
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = year(m[3]!);
    const hint = dateOrderHint(text);
    const use = hint === 'dmy' || hint === 'mdy' ? hint : a === b ? 'dmy' : order;
    if (use === undefined) {
      return fail(
        `"${text}" could be ${iso(y, b, a)} or ${iso(y, a, b)}; say which with --date-order dmy or --date-order mdy`,
      );
    }
    return use === 'dmy' ? real(iso(y, b, a), text) : real(iso(y, a, b), text);
  }
  m = DAY_MONTH.exec(text);
  if (m && month(m[2]!)) return real(iso(year(m[3]!), month(m[2]!)!, Number(m[1])), text);
  m = MONTH_DAY.exec(text);
  if (m && month(m[1]!)) return real(iso(year(m[3]!), month(m[1]!)!, Number(m[2])), text);
  return fail(`"${text}" is not a date (write it like 2026-03-04)`);
}

function real(date: string, text: string): Read<IsoDate> {
  return isIsoDate(date) ? ok(date) : fail(`"${text}" is not a real date`);
}

/** A date in any of the usual forms; a time after it is ignored. */
export function readDate(value: string, order: DateOrder | undefined): Read<IsoDate> {
  return readDay(splitDateTime(value).date, order);
}

/** A date with an optional time of day (24 h or am/pm); `time` is undefined when none was given. */
export function readDateTime(
  value: string,
  order: DateOrder | undefined,
): Read<{ date: IsoDate; time: string | undefined }> {
  const { date, time } = splitDateTime(value);
  const day = readDay(date, order);
  if (!day.ok) return day;
  if (time === undefined) return ok({ date: day.value, time: undefined });
  const t = TIME.exec(time.trim());
  if (!t) return fail(`"${value}" has a time tactful cannot read (write it like 2026-03-04 14:30)`);
  let h = Number(t[1]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  const local: LocalDateTime = `${day.value}T${pad(h)}:${t[2]}`;
  if (!isLocalDateTime(local)) return fail(`"${value}" is not a real time of day`);
  return ok({ date: day.value, time: `${pad(h)}:${t[2]}` });
}

/** Lists in one cell: one item per line (what the CSV export writes), else "; " separated. */
export function readList(value: string): string[] {
  const parts = value.includes('\n') ? value.split(/\r?\n/) : value.split(/\s*;\s*/);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Ids in one cell, separated by spaces or commas. */
export function readIds(value: string): string[] {
  return value.split(/[\s,;]+/).filter((p) => p !== '');
}
