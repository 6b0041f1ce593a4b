// vCard 3.0 and 4.0 (and the 2.1 that old phones export) through ical.js: folded lines, several
// e-mails and phones, many cards per file. ical.js does not decode 2.1's quoted-printable
// values, so those lines are decoded to plain text first.
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import type { PersonCard } from '../core/import/index.js';
import { ImportFileError } from './errors.js';

/** A quoted-printable value (soft line breaks joined) decoded in its charset. */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  const name = iconv.encodingExists(charset) ? charset : 'utf8';
  return iconv.decode(Buffer.from(bytes), name);
}

/**
 * Rewrites 2.1 quoted-printable properties (whose soft breaks are not vCard folds) as plain
 * escaped text, and bare 2.1 type parameters (`EMAIL;INTERNET;PREF:`) as `TYPE=`.
 */
export function normalizeLegacyCards(text: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const colon = line.indexOf(':');
    const head = colon < 0 ? '' : line.slice(0, colon);
    if (/;ENCODING=QUOTED-PRINTABLE/i.test(head)) {
      while (line.endsWith('=') && i + 1 < lines.length) line = `${line.slice(0, -1)}${lines[++i]}`;
      const charset = /;CHARSET=([^;:]+)/i.exec(head)?.[1] ?? 'utf8';
      const params = head
        .replace(/;ENCODING=QUOTED-PRINTABLE/i, '')
        .replace(/;CHARSET=[^;:]+/i, '');
      const decoded = decodeQuotedPrintable(line.slice(colon + 1), charset);
      line = `${params}:${decoded.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,')}`;
    } else if (
      colon > 0 &&
      /^[A-Z]+(;[A-Z0-9-]+)+$/i.test(head) &&
      /^(EMAIL|TEL|ADR|URL)/i.test(head)
    ) {
      const [name, ...params] = head.split(';');
      line = `${name};TYPE=${params.join(',')}${line.slice(colon)}`;
    }
    out.push(line);
  }
  return out.join('\r\n');
}

function values(card: ICAL.Component, name: string): string[] {
  // Preferred first: PREF=1 (4.0) or TYPE=pref (3.0).
  const props = card.getAllProperties(name);
  const rank = (p: ICAL.Property) => {
    const pref = p.getParameter('pref');
    const type = p.getParameter('type');
    const types = (Array.isArray(type) ? type : [type ?? '']).map((t) => String(t).toLowerCase());
    if (pref !== undefined) return Number(pref) || 1;
    return types.includes('pref') ? 1 : 100;
  };
  return [...props]
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => String(p.getFirstValue() ?? '').trim())
    .filter((v) => v !== '');
}

function first(card: ICAL.Component, name: string): string | undefined {
  const prop = card.getFirstProperty(name);
  if (!prop) return undefined;
  // ical.js splits some 3.0 text values at unescaped commas: join them back as written.
  const text = prop
    .getValues()
    .map((v) => (Array.isArray(v) ? v.filter((p) => p !== '').join(', ') : String(v ?? '')))
    .join(',');
  return text.trim() === '' ? undefined : text.trim();
}

function nameOf(card: ICAL.Component): string | undefined {
  const fn = first(card, 'fn');
  if (fn) return fn;
  const n = card.getFirstPropertyValue('n');
  if (Array.isArray(n)) {
    const [family, given, middle] = n.map((p) =>
      Array.isArray(p) ? p.join(' ') : String(p ?? ''),
    );
    const full = [given, middle, family].filter((s) => s && s.trim() !== '').join(' ');
    return full === '' ? undefined : full;
  }
  return undefined;
}

/** Every card of a vCard file, numbered from 1 in file order. */
export function readCards(text: string, file: string): PersonCard[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(normalizeLegacyCards(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`${file}: not a readable vCard file (${reason})`);
  }
  const list = (Array.isArray((parsed as unknown[])[0]) ? parsed : [parsed]) as unknown[];
  const cards: PersonCard[] = [];
  list.forEach((jcard, i) => {
    const card = new ICAL.Component(jcard as never);
    if (card.name !== 'vcard') return;
    const org = card.getFirstPropertyValue('org');
    const organization = Array.isArray(org)
      ? String(org[0] ?? '').trim() || undefined
      : first(card, 'org');
    const urls = values(card, 'url');
    cards.push({
      row: i + 1,
      name: nameOf(card) ?? '',
      emails: values(card, 'email').map((e) => e.replace(/^mailto:/i, '')),
      phones: values(card, 'tel').map((t) => t.replace(/^tel:/i, '')),
      title: first(card, 'title') ?? first(card, 'role'),
      organization,
      linkedin: urls.find((u) => /linkedin\.com/i.test(u)) ?? urls[0],
      notes: first(card, 'note'),
    });
  });
  if (!/END:VCARD\s*$/i.test(text.trimEnd())) {
    throw new ImportFileError(`${file}: the last card has no END:VCARD (the file is cut short?)`);
  }
  return cards;
}
