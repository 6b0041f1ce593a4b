// `tactful export --format csv`: one row per open step (an application without open steps
// gets one row with empty step columns). RFC 4180 quoting, CRLF line ends, and cells a
// spreadsheet would run as a formula are defused with a leading apostrophe.
import type { BusinessCalendar } from '../core/calendar.js';
import type { Application, Contact, Step } from '../core/types.js';
import { planOf } from './plan-for.js';
import type { UnitOfWork } from './ports.js';

export const CSV_COLUMNS = [
  'application',
  'organization',
  'role',
  'source',
  'status',
  'region',
  'createdOn',
  'step',
  'kind',
  'to',
  'toNames',
  'channel',
  'earliest',
  'due',
  'dueAt',
  'overdue',
  'why',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starters get a leading `'`; quotes, commas and line breaks are quoted. */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

function row(a: Application, step: Step | undefined, names: Map<string, string>): string {
  return csvLine([
    a.id,
    a.organization,
    a.role,
    a.source,
    a.status,
    a.region,
    a.createdOn,
    step?.id,
    step?.kind,
    step?.to.join(' '),
    step?.to.map((id) => names.get(id) ?? id).join('; '),
    step?.channel,
    step?.earliest,
    step?.due,
    step?.dueAt,
    step === undefined ? '' : String(step.overdue),
    step?.why,
  ]);
}

export async function exportCsv(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  asOf: number,
): Promise<string> {
  const facts = await uow.read((repo) => repo.loadFacts());
  const plan = planOf(facts, calendar, asOf);
  const names = new Map(facts.contacts.map((c: Contact) => [c.id, c.name]));
  const stepsOf = new Map<string, Step[]>();
  for (const s of plan.steps) {
    const list = stepsOf.get(s.application) ?? [];
    list.push(s);
    stepsOf.set(s.application, list);
  }
  const lines = [csvLine(CSV_COLUMNS)];
  for (const a of facts.applications) {
    const steps = stepsOf.get(a.id) ?? [];
    if (steps.length === 0) lines.push(row(a, undefined, names));
    for (const s of steps) lines.push(row(a, s, names));
  }
  return lines.join('\r\n') + '\r\n';
}
