// The message checker: pure rules over a subject, a body and its recipients (SPEC §4).
import {
  contactsOf,
  findApplication,
  findContact,
  namesOf,
  notesOf,
} from '../drafts/facts-lookup.js';
import {
  BIDI_CONTROLS,
  CONTROL_CHARS,
  asClause,
  cleanInline,
  greetingFor,
  nameParts,
} from '../drafts/text.js';
import type { Application, Channel, Contact, Facts, StepKind } from '../types.js';
import { RULES, type Finding, type RuleId, type Severity } from './finding.js';
import { PHRASE_RULES } from './phrases.js';

export interface CheckInput {
  /** The step kind the text is for; null for free text (no length or contact-detail rules). */
  kind: StepKind | null;
  channel: Channel | null;
  subject: string | null;
  body: string;
  /** Recipient contact ids. */
  to: string[];
  applicationId: string;
}

/** Word limits per kind (SPEC §4); a LinkedIn invitation note is limited to 300 characters. */
export const WORD_LIMITS: Partial<Record<StepKind, number>> = {
  thank_you: 250,
  status_check: 120,
  check_in: 150,
};
export const LINKEDIN_NOTE_LIMIT = 300;

type Where = Finding['in'];

function finding(
  rule: RuleId,
  where: Where,
  start: number,
  end: number,
  message: string,
  severity?: Severity,
): Finding {
  return { rule, severity: severity ?? RULES[rule].severity, message, in: where, start, end };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-sensitive occurrences (names are pasted verbatim). */
function occurrences(text: string, needle: string): [number, number][] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

function phraseFindings(text: string, where: Where): Finding[] {
  const found: Finding[] = [];
  for (const rule of PHRASE_RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      found.push(
        finding(rule.rule, where, m.index, m.index + m[0].length, rule.message, rule.severity),
      );
    }
  }
  // Several patterns of one rule may match the same words: one finding, the widest, the first.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of found) {
    if (!out.some((o) => o.rule === f.rule && o.start < f.end && f.start < o.end)) out.push(f);
  }
  return out;
}

function organizationFindings(
  text: string,
  where: Where,
  app: Application,
  facts: Facts,
  kind: StepKind | null,
): Finding[] {
  const own = cleanInline(app.organization).toLowerCase();
  const others = new Set(
    facts.applications
      .filter((a) => a.id !== app.id)
      .map((a) => cleanInline(a.organization))
      .filter((org) => org.length >= 2 && !own.includes(org.toLowerCase())),
  );
  const out: Finding[] = [];
  for (const org of others) {
    for (const [start, end] of occurrences(text, org)) {
      // Naming the competing organisation in an offer update is a choice, not a paste error.
      const severity = kind === 'offer_update' ? 'warning' : 'error';
      out.push(
        finding(
          'wrong_organization',
          where,
          start,
          end,
          `"${org}" is another application's organisation, not ${cleanInline(app.organization)}.`,
          severity,
        ),
      );
    }
  }
  return out;
}

function foreignContactFindings(
  text: string,
  where: Where,
  app: Application,
  facts: Facts,
): Finding[] {
  const mine = contactsOf(app, facts);
  const elsewhere = new Set(
    facts.applications.filter((a) => a.id !== app.id).flatMap((a) => [...contactsOf(a, facts)]),
  );
  const out: Finding[] = [];
  for (const contact of facts.contacts) {
    if (mine.has(contact.id) || !elsewhere.has(contact.id)) continue;
    const name = nameParts(contact.name).join(' ');
    if (name.length < 4 || !name.includes(' ')) continue;
    for (const [start, end] of occurrences(text, name)) {
      out.push(
        finding(
          'foreign_contact',
          where,
          start,
          end,
          `${name} belongs to another application, not to ${cleanInline(app.organization)}.`,
        ),
      );
    }
  }
  return out;
}

const GREETING =
  /^[ \t]*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings)\b[ \t]*((?:(?:dr|mr|mrs|ms|mx|prof)\.\s*)?[^,!:\n—–.]*)/i;
const GENERIC_ADDRESSEES =
  /^(?:team|all|everyone|there|sir|madam|sir or madam|sir\/madam|hiring team|hiring manager|recruiting team|colleagues|folks|both|friends)$/i;

/** The greetings tactful itself writes for these recipients (always right, however odd the name). */
function ownGreetings(recipients: Contact[]): string[] {
  const names = recipients.map((c) => c.name);
  const out: string[] = [];
  for (const formal of [false, true]) {
    for (const max of [60, 30]) {
      const greeting = greetingFor(names, formal, max);
      if (greeting !== 'Hello,') out.push(greeting, greeting.replace(/^Dear /, 'Hello '));
    }
  }
  return out;
}

function greetingFindings(body: string, recipients: Contact[]): Finding[] {
  if (recipients.length === 0) return [];
  const own = ownGreetings(recipients);
  const lines = body.split('\n');
  let offset = 0;
  for (const line of lines.slice(0, 6)) {
    if (own.some((greeting) => line.trimStart().startsWith(greeting))) return [];
    const m = GREETING.exec(line);
    if (m) {
      const named = (m[1] ?? '').trim();
      if (!named || GENERIC_ADDRESSEES.test(named) || named.split(/\s+/).length > 6) return [];
      const known = recipients.map((c) => nameParts(c.name).map((p) => p.toLowerCase()));
      // Compare name words by their letters: "Marco" matches "Marco," or "(Marco)".
      const greeted = named.split(/\s*,\s*|\s+and\s+|\s*&\s*/).filter((n) => n.length > 0);
      const unknown = greeted.filter((n) => {
        const words = nameParts(n).map((p) => p.toLowerCase());
        const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}…]+$/gu, '');
        // A name the draft shortened ("Bartholomew…") matches by its beginning.
        const matches = (part: string, word: string): boolean =>
          word.endsWith('…')
            ? bare(part).startsWith(bare(word.slice(0, -1)))
            : bare(part) === bare(word);
        return !known.some((parts) =>
          words.every((word) => parts.some((part) => matches(part, word))),
        );
      });
      if (unknown.length === 0) return [];
      const start = offset + line.indexOf(named);
      const names = recipients.map((c) => cleanInline(c.name)).join(', ');
      return [
        finding(
          'greeting_mismatch',
          'body',
          start,
          start + named.length,
          `The greeting names ${unknown.join(', ')}, but this message is for ${names}.`,
        ),
      ];
    }
    offset += line.length + 1;
  }
  return [];
}

const PLACEHOLDERS: RegExp[] = [
  /\{\{[^\n]{0,200}?\}\}/g,
  /\$\{[^\n]{0,200}?\}/g,
  /\[[A-Z][A-Z0-9 _\-./]{1,40}\]/g,
  /\[(?:your |their |the )?(?:first |last |full )?(?:name|company|organi[sz]ation|role|position|title|date|link|interviewer|recruiter|job title)\]/gi,
  /<[A-Za-z][A-Za-z0-9 _-]{0,40}>/g,
  /(?<![\p{L}\p{N}])(?:TODO|TBD|XXX|FIXME)(?![\p{L}\p{N}])/gu,
];
const TODO_NOTE = /\[(?:add|todo|to do|insert|fill in)\b[^\]\n]*\]/gi;

/** Every piece of free text the seeker recorded for this application, as drafts print it. */
interface Recorded {
  corpus: string;
  whole: Set<string>;
}

function factTexts(app: Application, facts: Facts): Recorded {
  const contacts = [...contactsOf(app, facts)]
    .map((id) => findContact(facts, id))
    .filter((c): c is Contact => !!c);
  const names = namesOf(app, facts);
  const texts = [
    app.organization,
    app.role,
    ...facts.settings.signature.split(/\r\n|\r|\n/),
    ...notesOf(app),
    // Names as the drafts print them too: without honorifics and stray punctuation.
    ...contacts.flatMap((c) => [c.name, nameParts(c.name).join(' '), c.title ?? '']),
  ]
    // Each as written and as quoted mid-sentence (see asClause).
    .flatMap((t) => [cleanInline(t), asClause(t, Number.MAX_SAFE_INTEGER, names)])
    .filter((t) => t.length > 0);
  return { corpus: texts.join('\n'), whole: new Set(texts) };
}

const QUOTE_MARGIN = 12;

/**
 * Whether text[start, end) sits inside a quotation of the seeker's own notes: the surrounding
 * characters are recorded too (at least QUOTE_MARGIN more of them), or it is a whole fact.
 * A draft quoting "their flower delivery network" is not offering flowers.
 */
function quoted(text: string, start: number, end: number, recorded: Recorded): boolean {
  const { corpus, whole } = recorded;
  const match = text.slice(start, end);
  if (!corpus.includes(match)) return false;
  // A whole recorded fact printed around the match.
  for (const fact of whole) {
    if (!fact.includes(match)) continue;
    for (let at = text.indexOf(fact); at >= 0; at = text.indexOf(fact, at + 1)) {
      if (at <= start && at + fact.length >= end) return true;
    }
  }
  // A long enough stretch of a (possibly clipped) fact: grow the window either way first.
  const grow = (leftFirst: boolean): boolean => {
    let l = start;
    let r = end;
    const left = () => {
      while (l > 0 && start - l < QUOTE_MARGIN && corpus.includes(text.slice(l - 1, r))) l -= 1;
    };
    const right = () => {
      while (
        r < text.length &&
        r - l < match.length + QUOTE_MARGIN &&
        corpus.includes(text.slice(l, r + 1))
      )
        r += 1;
    };
    if (leftFirst) {
      left();
      right();
    } else {
      right();
      left();
    }
    // A quote the draft clipped ("…") is a quote however short the stretch left of it.
    return r - l >= match.length + QUOTE_MARGIN || (text[r] === '…' && r - l > match.length);
  };
  return grow(true) || grow(false);
}

/** Words quoted from the seeker's notes are worth a look, not a blocking error. */
function softenQuoted(findings: Finding[], text: string, recorded: Recorded): Finding[] {
  return findings.map((f) =>
    f.severity === 'error' && quoted(text, f.start, f.end, recorded)
      ? {
          ...f,
          severity: 'warning',
          message: `${f.message} (This is quoted from your notes: check it reads as intended.)`,
        }
      : f,
  );
}

function placeholderFindings(text: string, where: Where, recorded: Recorded): Finding[] {
  const out: Finding[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(TODO_NOTE)) {
    taken.push([m.index, m.index + m[0].length]);
    out.push(
      finding(
        'todo_note',
        where,
        m.index,
        m.index + m[0].length,
        'A note to you is still in the text: do what it says, then remove it.',
      ),
    );
  }
  for (const pattern of PLACEHOLDERS) {
    for (const m of text.matchAll(pattern)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      // Text the seeker typed into their notes is printed as it was typed: worth a look, not a slot.
      if (quoted(text, start, end, recorded)) {
        out.push(
          finding(
            'unfilled_placeholder',
            where,
            start,
            end,
            `"${m[0]}" comes from your notes and looks like a placeholder: check it reads as intended.`,
            'warning',
          ),
        );
      } else {
        out.push(
          finding(
            'unfilled_placeholder',
            where,
            start,
            end,
            `Fill in or remove the placeholder "${m[0]}".`,
          ),
        );
      }
    }
  }
  return out;
}

function lengthFindings(body: string, kind: StepKind | null, channel: Channel | null): Finding[] {
  const out: Finding[] = [];
  const limit = kind ? WORD_LIMITS[kind] : undefined;
  if (limit !== undefined) {
    const words = [...body.matchAll(/\S+/g)].filter((m) => /[\p{L}\p{N}]/u.test(m[0]));
    if (words.length > limit) {
      out.push(
        finding(
          'too_long',
          'body',
          words[limit]!.index,
          body.length,
          `${words.length} words: keep a ${kind!.replace('_', '-')} to ${limit} words or fewer.`,
        ),
      );
    }
  }
  const chars = [...body];
  if (channel === 'linkedin' && chars.length > LINKEDIN_NOTE_LIMIT) {
    const start = chars.slice(0, LINKEDIN_NOTE_LIMIT).join('').length;
    out.push(
      finding(
        'too_long',
        'body',
        start,
        body.length,
        `${chars.length} characters: a LinkedIn invitation note takes at most ${LINKEDIN_NOTE_LIMIT}.`,
      ),
    );
  }
  return out;
}

const EMAIL_IN_TEXT = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;
const PHONE_IN_TEXT = /\+?\d[\d ().-]{6,}\d/;

function contactDetailFindings(
  body: string,
  kind: StepKind | null,
  channel: Channel | null,
): Finding[] {
  if (
    kind !== 'thank_you' ||
    channel === 'linkedin' ||
    channel === 'phone' ||
    channel === 'voicemail'
  )
    return [];
  if (EMAIL_IN_TEXT.test(body) || PHONE_IN_TEXT.test(body)) return [];
  return [
    finding(
      'missing_contact_details',
      'body',
      body.length,
      body.length,
      'Add your e-mail address or phone number (set a signature in your settings) so they can reach you.',
    ),
  ];
}

const HEADER_UNSAFE = new RegExp(`[\\r\\n]|${CONTROL_CHARS.source}|${BIDI_CONTROLS.source}`, 'g');
const SINGLE_ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+$/;

function headerFindings(
  subject: string | null,
  recipients: Contact[],
  channel: Channel | null,
): Finding[] {
  const out: Finding[] = [];
  if (subject) {
    for (const m of subject.matchAll(HEADER_UNSAFE)) {
      out.push(
        finding(
          'header_injection',
          'subject',
          m.index,
          m.index + m[0].length,
          'The subject contains a line break or control character: it could inject mail headers.',
        ),
      );
    }
  }
  if (channel === 'email' || channel === null) {
    recipients.forEach((contact, index) => {
      if (contact.email === null) return;
      HEADER_UNSAFE.lastIndex = 0;
      if (HEADER_UNSAFE.test(contact.email) || !SINGLE_ADDRESS.test(contact.email)) {
        out.push(
          finding(
            'header_injection',
            'to',
            index,
            index + 1,
            `The e-mail address of ${cleanInline(contact.name)} is not a single valid address: fix the contact.`,
          ),
        );
      }
    });
  }
  return out;
}

function hiddenCharacterFindings(body: string): Finding[] {
  const hidden = new RegExp(`${CONTROL_CHARS.source}|${BIDI_CONTROLS.source}`, 'g');
  return [...body.matchAll(hidden)]
    .filter((m) => m[0] !== '\t')
    .map((m) =>
      finding(
        'hidden_characters',
        'body',
        m.index,
        m.index + m[0].length,
        'An invisible control or text-direction character: remove it, it can make the text read differently.',
      ),
    );
}

const WHERE_ORDER: Record<Where, number> = { to: 0, subject: 1, body: 2 };

/**
 * Runs every rule on a message for application `input.applicationId`. Pure; never throws for
 * odd text. Throws `not_found` when the application is unknown.
 */
export function checkMessage(input: CheckInput, facts: Facts): Finding[] {
  const app = findApplication(facts, input.applicationId);
  const recipients = input.to.map((id) => findContact(facts, id)).filter((c): c is Contact => !!c);
  const recorded = factTexts(app, facts);
  const texts: [Where, string][] =
    input.subject === null
      ? [['body', input.body]]
      : [
          ['subject', input.subject],
          ['body', input.body],
        ];
  const findings: Finding[] = [...headerFindings(input.subject, recipients, input.channel)];
  for (const [where, text] of texts) {
    const wording = [
      ...phraseFindings(text, where),
      ...organizationFindings(text, where, app, facts, input.kind),
      ...foreignContactFindings(text, where, app, facts),
    ];
    findings.push(
      ...softenQuoted(wording, text, recorded),
      ...placeholderFindings(text, where, recorded),
    );
  }
  findings.push(
    ...greetingFindings(input.body, recipients),
    ...lengthFindings(input.body, input.kind, input.channel),
    ...contactDetailFindings(input.body, input.kind, input.channel),
    ...hiddenCharacterFindings(input.body),
  );
  return findings.sort(
    (a, b) => WHERE_ORDER[a.in] - WHERE_ORDER[b.in] || a.start - b.start || a.end - b.end,
  );
}
