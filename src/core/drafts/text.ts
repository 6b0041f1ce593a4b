// Text helpers shared by the drafts and the checker. Values from the facts are printed as
// plain text: never evaluated, only cleaned of characters that could reshape a message.
import { Temporal } from 'temporal-polyfill';
import type { IsoDate } from '../types.js';

/** C0/C1 controls and DEL; line breaks are matched separately where they are allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidirectional overrides and isolates: a U+202E in a note would visually reverse the text. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** One line of text: line breaks and tabs become spaces, controls and bidi overrides go. */
export function cleanInline(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Several lines (a signature): each line cleaned, blank runs collapsed. */
export function cleanLines(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => cleanInline(line))
    .filter((line) => line.length > 0);
}

/** At most `max` characters, cut at a word boundary with an ellipsis. 0 means "leave it out". */
export function clip(value: string, max: number): string {
  if (max <= 0) return '';
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = value[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.!?-]+$/, '')}…`;
}

const LEADING_COMMON =
  /^(?:the|a|an|my|our|their|your|his|her|its|this|that|these|those|how|what|why|when|where|which|some|any|each|every|both|more|most|new|better)$/;

/**
 * Names a note often starts with, kept capitalised mid-sentence ("Kubernetes migration").
 * Names the seeker wrote elsewhere in their facts are added per draft (see namesInTexts).
 */
const KNOWN_NAMES = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'may june july august september october november december christmas easter ' +
    'kubernetes kafka python java javascript typescript rust kotlin scala swift ruby rails ' +
    'django flask spring elixir erlang haskell clojure golang postgres postgresql oracle ' +
    'mongo mongodb redis cassandra elasticsearch react angular vue svelte node linux unix ' +
    'windows android docker terraform ansible jenkins airflow spark hadoop flink snowflake ' +
    'databricks tableau looker excel salesforce hubspot jira confluence slack figma notion ' +
    'github gitlab google amazon microsoft apple meta facebook linkedin azure netflix uber ' +
    'stripe shopify openai anthropic nvidia intel ibm cisco zoom teams europe european ' +
    'america american asia asian africa african english french german spanish chinese ' +
    'japanese london paris berlin dublin toronto sydney boston chicago seattle texas ' +
    'california canada ireland germany france india japan china brazil mexico'
  ).split(' '),
);

/**
 * Words the seeker capitalised inside a text (not as its first word, not after a full stop):
 * their names ("moving billing to Kafka" makes "Kafka" a name), kept capitalised mid-sentence.
 */
export function namesInTexts(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    const words = cleanInline(text).split(' ');
    words.forEach((word, i) => {
      const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      const afterStop = i === 0 || /[.!?:]$/.test(words[i - 1]!);
      if (!afterStop && /^\p{Lu}/u.test(bare)) names.add(bare);
    });
  }
  return names;
}

/**
 * Lower-cases a sentence-initial capital ("Peak season staffing" → "peak season staffing") so a
 * note reads well mid-sentence. Kept as written: acronyms and inner capitals ("SQL", "iOS",
 * "McKinsey"), "I", well-known names ("Kubernetes"), `names` from the seeker's facts, and
 * Title Case ("Google Cloud"), where the next word is capitalised too.
 */
function midSentence(text: string, names: ReadonlySet<string>): string {
  const first = /^\p{Lu}\p{Ll}*(?:-\p{Ll}+)*(?=[\s,;:]|$)/u.exec(text);
  if (!first) return text;
  const word = first[0];
  const lower = word.toLowerCase();
  if (!LEADING_COMMON.test(lower)) {
    if (word === 'I' || KNOWN_NAMES.has(lower) || names.has(word)) return text;
    const next = /^\S+\s+(\S+)/u.exec(text)?.[1] ?? '';
    if (/^\p{Lu}/u.test(next) && next !== 'I') return text;
  }
  return lower + text.slice(word.length);
}

/**
 * An item from a list ("Peak season staffing.") ready to sit inside a sentence: first word
 * lower-cased unless it is a name, closing punctuation removed (the sentence brings its own).
 */
export function asClause(
  value: string,
  max: number,
  names: ReadonlySet<string> = new Set(),
): string {
  const bare = cleanInline(value).replace(/(?:\s|[.;,:!?]|\.\.\.|…)+$/u, '');
  return clip(midSentence(bare, names), max);
}

/** "a", "a and b", "a, b and c": clauses joined into one phrase. */
export function joinClauses(items: readonly string[]): string {
  const parts = items.filter((item) => item.length > 0);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'sir', 'dame']);

/** The words of a name without honorifics ("Dr. Amara Okafor" → ["Amara", "Okafor"]). */
export function nameParts(name: string): string[] {
  // Trailing separators ("Reyes," in "Reyes, Dana") are punctuation, not part of the name.
  const words = cleanInline(name)
    .split(' ')
    .map((w) => w.replace(/[,;:!?]+$/, ''))
    .filter((w) => w.length > 0);
  const rest = words.filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
  return rest.length > 0 ? rest : words;
}

export function firstName(name: string): string {
  return nameParts(name)[0] ?? '';
}

/** "Dana", "Dana and Sam", "Dana, Sam and Lee". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Hi Dana," / "Dear Dana Reyes," (formal) / "Hello," when no name is known; names clipped to `max`. */
export function greetingFor(names: string[], formal: boolean, max: number): string {
  const usable = names
    .map((name) => clip(formal ? nameParts(name).join(' ') : firstName(name), max))
    .filter((n) => n.length > 0);
  if (usable.length === 0) return 'Hello,';
  return formal ? `Dear ${joinNames(usable)},` : `Hi ${joinNames(usable)},`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Monday 4 January" — unambiguous in every English-speaking country. */
export function longDate(date: IsoDate): string {
  const d = Temporal.PlainDate.from(date);
  return `${WEEKDAYS[d.dayOfWeek - 1]} ${d.day} ${MONTHS[d.month - 1]}`;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
