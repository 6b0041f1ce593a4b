// `tactful export --format csv --what applications|contacts|interactions` and `--format vcf`:
// spreadsheets and cards that `tactful import` reads back to the same facts (for the columns
// they hold). Cells are formula-safe (csvCell); lists are one item per line inside a cell.
import type { Contact, Facts } from '../core/types.js';
import { csvLine } from './export-csv.js';
import type { UnitOfWork } from './ports.js';

export type ExportTable = 'applications' | 'contacts' | 'interactions';

const APPLICATION_COLUMNS = [
  'id',
  'organization',
  'role',
  'source',
  'status',
  'region',
  'createdOn',
  'preset',
  'pros',
  'cons',
  'strengths',
  'agent name',
  'agent email',
] as const;

const CONTACT_COLUMNS = [
  'id',
  'name',
  'title',
  'organization',
  'email',
  'phone',
  'linkedin',
  'isReference',
  'notes',
] as const;

const INTERACTION_COLUMNS = [
  'id',
  'application',
  'organization',
  'role',
  'at',
  'direction',
  'kind',
  'channel',
  'contacts',
  'contact names',
  'summary',
  'newDecisionDate',
  'onHold',
  'offerDeadline',
] as const;

const lines = (list: readonly string[]) => list.join('\n');

/** One table of the seeker's facts as CSV (CRLF line ends, no BOM: the caller adds it for files). */
export function tableCsv(facts: Facts, what: ExportTable): string {
  const contacts = new Map(facts.contacts.map((c) => [c.id, c]));
  const out: string[] = [];
  if (what === 'applications') {
    out.push(csvLine(APPLICATION_COLUMNS));
    for (const a of facts.applications) {
      const agent = a.agent ? contacts.get(a.agent) : undefined;
      out.push(
        csvLine([
          a.id,
          a.organization,
          a.role,
          a.source,
          a.status,
          a.region,
          a.createdOn,
          a.policy?.preset,
          lines(a.prosCons.pros),
          lines(a.prosCons.cons),
          lines(a.prosCons.strengths),
          agent?.name,
          agent?.email,
        ]),
      );
    }
  } else if (what === 'contacts') {
    out.push(csvLine(CONTACT_COLUMNS));
    for (const c of facts.contacts) {
      out.push(
        csvLine([
          c.id,
          c.name,
          c.title,
          c.organization,
          c.email,
          c.phone,
          c.linkedin,
          c.isReference ? 'yes' : 'no',
          c.notes,
        ]),
      );
    }
  } else {
    out.push(csvLine(INTERACTION_COLUMNS));
    for (const a of facts.applications) {
      for (const x of a.interactions) {
        out.push(
          csvLine([
            x.id,
            a.id,
            a.organization,
            a.role,
            x.at,
            x.direction,
            x.kind,
            x.channel,
            x.contacts.join(' '),
            x.contacts.map((id) => contacts.get(id)?.name ?? id).join('; '),
            x.summary,
            x.newDecisionDate,
            x.onHold ? 'yes' : 'no',
            x.offerDeadline,
          ]),
        );
      }
    }
  }
  return out.join('\r\n') + '\r\n';
}

export async function exportTable(uow: UnitOfWork, what: ExportTable): Promise<string> {
  return tableCsv(await uow.read((repo) => repo.loadFacts()), what);
}

/** RFC 6350 text escaping; line breaks become \n. */
function escape(value: string, structured = false): string {
  const text = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  // Only structured values (ORG) split at ";" (RFC 6350 §3.4).
  return structured ? text.replace(/;/g, '\\;') : text;
}

/** Lines longer than 75 octets are folded (a CRLF and one space), never inside a character. */
const utf8 = new TextEncoder();
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = utf8.encode(ch).length;
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function card(c: Contact): string {
  const props = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escape(c.name)}`];
  if (c.email) props.push(`EMAIL;PREF=1:${c.email}`);
  if (c.phone) props.push(`TEL:${c.phone}`);
  if (c.organization) props.push(`ORG:${escape(c.organization, true)}`);
  if (c.title) props.push(`TITLE:${escape(c.title)}`);
  if (c.linkedin) props.push(`URL:${c.linkedin.replace(/[\r\n]/g, '')}`);
  if (c.notes) props.push(`NOTE:${escape(c.notes)}`);
  props.push('END:VCARD');
  return props.map(fold).join('\r\n');
}

/** Every contact as a vCard 4.0 card. */
export async function exportVcf(uow: UnitOfWork): Promise<string> {
  const facts = await uow.read((repo) => repo.loadFacts());
  return facts.contacts.map(card).join('\r\n') + (facts.contacts.length > 0 ? '\r\n' : '');
}
