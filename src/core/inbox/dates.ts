// Dates as people write them in mail ("18 December", "Dec 18th, 2026", "Friday", "5. Januar",
// "le 5 janvier"), read relative to the day a message was written: a day without a year is the
// first such day on or after it. Pure: the message's date arrives as an argument.
import { addDays, dayOfWeek, isIsoDate } from '../calendar.js';
import type { IsoDate } from '../types.js';

const MONTHS: Record<string, number> = {};
const NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mars']],
  [4, ['april', 'apr', 'avril', 'avr']],
  [5, ['may', 'mai']],
  [6, ['june', 'jun', 'juni', 'juin']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil']],
  [8, ['august', 'aug', 'août', 'aout']],
  [9, ['september', 'sep', 'sept', 'septembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc']],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS[name] = n;

const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  montag: 1,
  dienstag: 2,
  mittwoch: 3,
  donnerstag: 4,
  freitag: 5,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
};

const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const WEEKDAY = `(${Object.keys(WEEKDAYS).join('|')})`;

/** One pattern per way of writing a date; each returns [day, month, year?] from its groups. */
const FORMS: { re: RegExp; read: (m: RegExpExecArray) => [string, string, string | undefined] }[] =
  [
    { re: new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, 'iu'), read: (m) => [m[3]!, m[2]!, m[1]] },
    {
      re: new RegExp(`(?<![\\p{L}\\d])${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}(?![\\p{L}])`, 'iu'),
      read: (m) => [m[1]!, m[2]!, m[3]],
    },
    {
      re: new RegExp(`(?<![\\p{L}])${MONTH}\\s+${DAY}${YEAR}(?![\\p{L}\\d])`, 'iu'),
      read: (m) => [m[2]!, m[1]!, m[3]],
    },
  ];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date a day and month (and maybe year) name, on or after `from` when the year is omitted. */
function dateOf(
  day: number,
  month: number,
  year: number | undefined,
  from: IsoDate,
): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const pick = (y: number) => {
    const d = `${y}-${pad(month)}-${pad(day)}`;
    return isIsoDate(d) ? d : null;
  };
  if (year !== undefined) return pick(year);
  const fromYear = Number(from.slice(0, 4));
  const same = pick(fromYear);
  if (same !== null && same >= from) return same;
  return pick(fromYear + 1);
}

export interface FoundDate {
  date: IsoDate;
  /** Where the date's words start and end in the text searched. */
  index: number;
  end: number;
}

/**
 * The first date written in `text` (numeric dates other than YYYY-MM-DD are ambiguous between
 * day-month and month-day orders and are not read). A weekday name is the next such day after
 * `from` ("Friday" written on a Friday is a week later).
 */
export function findDate(
  text: string,
  from: IsoDate,
  options: { weekdays?: boolean } = {},
): FoundDate | null {
  let best: FoundDate | null = null;
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const [d, mo, y] = form.read(m);
    const month = /^\d+$/.test(mo) ? Number(mo) : MONTHS[mo.toLowerCase().replace(/\.$/, '')];
    if (month === undefined) continue;
    const date = dateOf(Number(d), month, y === undefined ? undefined : Number(y), from);
    if (date !== null && (best === null || m.index < best.index))
      best = { date, index: m.index, end: m.index + m[0].length };
  }
  if (options.weekdays !== false) {
    const m = new RegExp(`\\b${WEEKDAY}\\b`, 'iu').exec(text);
    if (m && (best === null || m.index < best.index)) {
      const target = WEEKDAYS[m[1]!.toLowerCase()]!;
      const ahead = (target - dayOfWeek(from) + 7) % 7 || 7;
      best = { date: addDays(from, ahead), index: m.index, end: m.index + m[0].length };
    }
  }
  return best;
}
