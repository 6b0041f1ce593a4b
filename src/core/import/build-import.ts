// From parsed rows, cards and invitations to a SPEC §6 document that upserts them into the
// seeker's facts: each record is matched to what is on file by a stable key (e-mail for
// people, organisation + role for applications, the UID for invitations) and keeps that id;
// new records take fresh ids. Every row is checked alone, so a bad row is reported by row and
// column and refused, never half-imported. Pure: the stored facts arrive as an argument.
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import { isRfc3339, type BusinessCalendar } from '../calendar.js';
import {
  applicationPatchSchema,
  contactPatchSchema,
  interactionPatchSchema,
  interviewPatchSchema,
  type ApplicationPatch,
  type ContactPatch,
  type InteractionPatch,
  type InterviewPatch,
} from '../document/index.js';
import {
  CHANNELS,
  PRESETS as POLICY_PRESETS,
  type Application,
  type Contact,
  type Facts,
  type Interview,
} from '../types.js';
import { FIELD_LABELS, NOT_KEPT, type ColumnMapping, type SheetField } from './fields.js';
import type { Invitation, PersonCard, RowProblem, Sheet } from './records.js';
import {
  inferDateOrder,
  readDate,
  readDateTime,
  readIds,
  readList,
  readSource,
  readStatus,
  readYesNo,
  type DateOrder,
} from './values.js';

export type IdEntity = 'contact' | 'application' | 'interview' | 'interaction';

export interface BuildOptions {
  calendar: BusinessCalendar;
  /** A fresh id for a new record (the caller's next-id scheme). */
  newId: (entity: IdEntity) => string;
  dateOrder?: DateOrder | undefined;
  /** Invitations: the application chosen by the seeker (`--application`). */
  applicationId?: string | undefined;
  /** The seeker's own addresses: never an interviewer. */
  ownEmails?: readonly string[];
  /** Invitations: the SEQUENCE stored with each interview imported from one (by interview id). */
  storedSequences?: ReadonlyMap<string, number>;
}

export interface BuiltImport {
  document: {
    format: 'tactful/v1';
    contacts: ContactPatch[];
    applications: ApplicationPatch[];
  };
  /** Interviews whose invitation was cancelled. */
  removals: { applicationId: string; interviewId: string }[];
  /** Invitations: the SEQUENCE of each interview written, to store with it. */
  sequences: { interviewId: string; sequence: number }[];
  refused: RowProblem[];
  /** Rows left out on purpose (a wishlist card is not an application yet). */
  skipped: RowProblem[];
  /** File-level remarks: columns ignored, times assumed. */
  notes: string[];
}

const lower = (s: string) => s.trim().toLowerCase();
const clean = (s: string | undefined) => {
  const t = s?.trim();
  return t === undefined || t === '' ? undefined : t;
};

/** A cell the CSV export defused (`'=SUM(…)`) reads back as typed. */
export function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function linkedinKey(url: string): string {
  return lower(url)
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/+$/, '');
}

const ORG_SUFFIXES =
  /\b(inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|corp|corporation|co|company|group|holdings)\b/g;
function orgKey(org: string): string {
  return lower(org)
    .replace(ORG_SUFFIXES, '')
    .replace(/[^a-z0-9]/g, '');
}

const PUBLIC_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
  'fastmail.com',
  'calendar.google.com',
  'resource.calendar.google.com',
  'group.calendar.google.com',
]);

function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at < 0 ? undefined : lower(email.slice(at + 1));
}

/** "careers.acme.co.uk" → "acme": the label an organisation's name is compared to. */
function domainLabel(domain: string): string {
  const labels = domain.split('.');
  const secondLevel =
    labels.length >= 3 && /^(co|com|org|net|ac|gov)$/.test(labels[labels.length - 2]!);
  return labels[labels.length - (secondLevel ? 3 : 2)] ?? domain;
}

/** "Northwind Analytics" and northwind.example: the organisation's name starts with the domain's label. */
function sameOrganization(organization: string, domain: string): boolean {
  const label = orgKey(domainLabel(domain));
  const org = orgKey(organization);
  const firstWord = orgKey(organization.split(/\s+/)[0] ?? '');
  return (
    label !== '' &&
    (org === label || firstWord === label || (label.length >= 4 && org.startsWith(label)))
  );
}

class Builder {
  readonly contacts = new Map<string, ContactPatch>();
  readonly applications = new Map<string, ApplicationPatch>();
  readonly refused: RowProblem[] = [];
  readonly skipped: RowProblem[] = [];
  readonly notes: string[] = [];
  readonly removals: BuiltImport['removals'] = [];
  readonly sequences: BuiltImport['sequences'] = [];

  private readonly storedContacts: Map<string, Contact>;
  private readonly storedApps: Map<string, Application>;
  private readonly byEmail = new Map<string, string>();
  private readonly byLinkedin = new Map<string, string>();
  private readonly byNameOrg = new Map<string, string>();
  private readonly byOrgRole = new Map<string, string>();
  /** Interview ids → application, stored and new. */
  private readonly interviewOwner = new Map<string, string>();
  private readonly applicationSchema: ReturnType<typeof applicationPatchSchema>;

  constructor(
    readonly facts: Facts,
    readonly options: BuildOptions,
  ) {
    this.storedContacts = new Map(facts.contacts.map((c) => [c.id, c]));
    this.storedApps = new Map(facts.applications.map((a) => [a.id, a]));
    for (const c of facts.contacts)
      this.indexContact(c.id, c.name, c.organization, c.email, c.linkedin);
    for (const a of facts.applications) {
      this.byOrgRole.set(`${orgKey(a.organization)}\u0000${lower(a.role)}`, a.id);
      for (const v of a.interviews) this.interviewOwner.set(v.id, a.id);
    }
    this.applicationSchema = applicationPatchSchema(options.calendar);
  }

  private indexContact(
    id: string,
    name: string,
    organization: string | null | undefined,
    email: string | null | undefined,
    linkedin: string | null | undefined,
  ) {
    if (email) this.byEmail.set(lower(email), id);
    if (linkedin) this.byLinkedin.set(linkedinKey(linkedin), id);
    this.byNameOrg.set(`${lower(name)}\u0000${orgKey(organization ?? '')}`, id);
  }

  // ---- people ----

  /** The id of the person on file (or earlier in this file) with one of these keys. */
  findContact(
    emails: readonly string[],
    linkedin: string | undefined,
    name: string | undefined,
    organization: string | undefined,
  ) {
    for (const e of emails) {
      const id = this.byEmail.get(lower(e));
      if (id) return id;
    }
    if (linkedin) {
      const id = this.byLinkedin.get(linkedinKey(linkedin));
      if (id) return id;
    }
    // Without an e-mail or profile, the same name at the same organisation is the same person.
    if (name && emails.length === 0)
      return this.byNameOrg.get(`${lower(name)}\u0000${orgKey(organization ?? '')}`);
    return undefined;
  }

  /**
   * A contact patch for this person (matched or new), checked but not yet recorded.
   * `columns` names where each field came from, for the problem report.
   */
  prepareContact(
    person: {
      name: string | undefined;
      emails: string[];
      phone?: string | undefined;
      title?: string | undefined;
      organization?: string | undefined;
      linkedin?: string | undefined;
      notes?: string | undefined;
      isReference?: boolean | undefined;
    },
    columns: Partial<Record<keyof ContactPatch, string>>,
    problems: RowProblem[],
    row: number,
  ): ContactPatch | undefined {
    const emails = person.emails.map((e) => e.trim()).filter((e) => e !== '');
    const name = clean(person.name) ?? emails[0];
    if (name === undefined) {
      problems.push({
        row,
        column: columns.name ?? '',
        reason: 'a person needs a name or an e-mail address',
      });
      return undefined;
    }
    const existing = this.findContact(emails, person.linkedin, name, person.organization);
    const id = existing ?? this.options.newId('contact');
    const stored = existing
      ? (this.storedContacts.get(existing) ?? this.contacts.get(existing))
      : undefined;
    const patch: ContactPatch = { id, name };
    // Keep the address on file when it is one of this person's: a card listing several never flips it.
    const storedEmail = stored?.email ?? undefined;
    const keepEmail =
      storedEmail !== undefined && emails.some((e) => lower(e) === lower(storedEmail));
    if (emails[0] !== undefined && !keepEmail) patch.email = emails[0];
    const set = <K extends keyof ContactPatch>(key: K, value: ContactPatch[K] | undefined) => {
      if (value !== undefined) patch[key] = value;
    };
    set('phone', clean(person.phone));
    set('title', clean(person.title));
    set('organization', clean(person.organization));
    set('linkedin', clean(person.linkedin));
    set('notes', clean(person.notes));
    set('isReference', person.isReference);
    // An existing person keeps their stored name unless the source names them differently.
    const checked = contactPatchSchema.safeParse(patch);
    if (!checked.success) {
      problems.push(problemOf(checked.error, row, columns));
      return undefined;
    }
    return patch;
  }

  recordContact(patch: ContactPatch) {
    const earlier = this.contacts.get(patch.id);
    this.contacts.set(patch.id, earlier ? { ...earlier, ...patch } : patch);
    this.indexContact(patch.id, patch.name, patch.organization, patch.email, patch.linkedin);
  }

  // ---- applications ----

  findApplication(organization: string, role: string): string | undefined {
    return this.byOrgRole.get(`${orgKey(organization)}\u0000${lower(role)}`);
  }

  storedApplication(id: string): Application | undefined {
    return this.storedApps.get(id);
  }

  applicationPatch(id: string): ApplicationPatch | undefined {
    return this.applications.get(id);
  }

  checkApplication(
    patch: ApplicationPatch,
    row: number,
    columns: Partial<Record<string, string>>,
    problems: RowProblem[],
  ) {
    const checked = this.applicationSchema.safeParse(patch);
    if (!checked.success) problems.push(problemOf(checked.error, row, columns));
    return checked.success;
  }

  recordApplication(patch: ApplicationPatch) {
    const earlier = this.applications.get(patch.id);
    if (earlier) {
      const interviews = mergeById(earlier.interviews, patch.interviews);
      const interactions = mergeById(earlier.interactions, patch.interactions);
      this.applications.set(patch.id, { ...earlier, ...patch, interviews, interactions });
    } else this.applications.set(patch.id, patch);
    this.byOrgRole.set(`${orgKey(patch.organization)}\u0000${lower(patch.role)}`, patch.id);
    for (const v of patch.interviews ?? []) this.interviewOwner.set(v.id, patch.id);
  }

  /** Stored interviews of an application and those added by this import. */
  interviewsOf(applicationId: string): { id: string; round: number; start: string }[] {
    const stored = this.storedApps.get(applicationId)?.interviews ?? [];
    const added = this.applications.get(applicationId)?.interviews ?? [];
    return [...stored, ...added];
  }

  interviewOwnerOf(interviewId: string): string | undefined {
    return this.interviewOwner.get(interviewId);
  }

  storedInterview(applicationId: string, interviewId: string): Interview | undefined {
    return this.storedApps.get(applicationId)?.interviews.find((v) => v.id === interviewId);
  }

  knowsContact(id: string) {
    return this.storedContacts.has(id) || this.contacts.has(id);
  }

  knowsApplication(id: string) {
    return this.storedApps.has(id) || this.applications.has(id);
  }

  result(): BuiltImport {
    return {
      document: {
        format: 'tactful/v1',
        contacts: [...this.contacts.values()],
        applications: [...this.applications.values()],
      },
      removals: this.removals,
      sequences: this.sequences,
      refused: this.refused,
      skipped: this.skipped,
      notes: this.notes,
    };
  }
}

function mergeById<T extends { id: string }>(
  a: T[] | undefined,
  b: T[] | undefined,
): T[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const out = new Map(a.map((x) => [x.id, x]));
  for (const x of b) out.set(x.id, { ...out.get(x.id), ...x });
  return [...out.values()];
}

/** The first zod issue of one record, named by the column it came from. */
function problemOf(
  error: z.ZodError,
  row: number,
  columns: Partial<Record<string, string>>,
): RowProblem {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  // interviews.0.start → "start" of the interview; the top key otherwise.
  const key = path.length >= 3 ? `${path[0]}.${path[2]}` : (path[0] ?? '');
  const column = columns[key] ?? columns[path[0] ?? ''] ?? path.join('.');
  return { row, column, reason: issue.message };
}

// ---- spreadsheets ----

type Cells = Partial<Record<SheetField, { value: string; column: string }>>;

function cellsOf(
  values: readonly string[],
  headers: readonly string[],
  mapping: ColumnMapping,
): Cells {
  const cells: Cells = {};
  mapping.fields.forEach((field, i) => {
    if (field === null || NOT_KEPT.has(field)) return;
    const raw = values[i];
    if (raw === undefined) return;
    const value = undefuse(raw).trim();
    if (value !== '') cells[field] = { value, column: headers[i]! };
  });
  return cells;
}

/**
 * Builds the upsert for a spreadsheet whose columns are mapped by `mapping`. Rows of a sheet
 * of applications may also bring a contact (name/e-mail) and an interview date.
 */
export function buildSheetImport(
  facts: Facts,
  sheet: Sheet,
  mapping: ColumnMapping,
  options: BuildOptions,
): BuiltImport {
  const b = new Builder(facts, options);
  const { headers } = sheet;
  for (const d of mapping.duplicates) {
    b.notes.push(
      `Columns "${d.used}" and "${d.ignored}" both name ${FIELD_LABELS[d.field]}: "${d.used}" is used.`,
    );
  }
  const notKept = headers.filter((_, i) => {
    const f = mapping.fields[i];
    return f !== null && f !== undefined && NOT_KEPT.has(f);
  });
  if (notKept.length > 0) {
    b.notes.push(
      `Not kept (tactful has no place for them yet): ${notKept.map((h) => `"${h}"`).join(', ')}.`,
    );
  }

  // A column's dates settle their own order when one of them cannot be read the other way.
  // A column's dates settle their own order when one of them cannot be read the other way;
  // a column that does not is read like the file's other date columns.
  const dateFields = [
    'createdOn',
    'interviewDate',
    'at',
    'newDecisionDate',
    'offerDeadline',
  ] as const;
  const valuesOf = (field: SheetField) => {
    const index = mapping.fields.indexOf(field);
    return index < 0 ? [] : sheet.rows.map((r) => r.values[index] ?? '');
  };
  const fileOrder = inferDateOrder(dateFields.flatMap(valuesOf));
  const orderOf = new Map<SheetField, DateOrder | undefined>();
  for (const field of dateFields) {
    orderOf.set(field, options.dateOrder ?? inferDateOrder(valuesOf(field)) ?? fileOrder);
  }
  const context: SheetContext = { b, orderOf, assumedTimes: 0 };
  for (const r of sheet.rows) {
    const cells = cellsOf(r.values, headers, mapping);
    if (Object.keys(cells).length === 0) continue;
    if (mapping.table === 'applications') applicationRow(context, r.row, cells);
    else if (mapping.table === 'contacts') contactRow(b, r.row, cells);
    else interactionRow(context, r.row, cells);
  }
  if (context.assumedTimes > 0) {
    b.notes.push(`${context.assumedTimes} interview date(s) without a time of day: 09:00 assumed.`);
  }
  return b.result();
}

interface SheetContext {
  b: Builder;
  orderOf: Map<SheetField, DateOrder | undefined>;
  assumedTimes: number;
}

function contactRow(b: Builder, row: number, cells: Cells) {
  const problems: RowProblem[] = [];
  const joined = [cells.firstName?.value, cells.lastName?.value]
    .filter((s) => s !== undefined)
    .join(' ');
  let isReference: boolean | undefined;
  if (cells.isReference) {
    const yes = readYesNo(cells.isReference.value);
    if (yes.ok) isReference = yes.value;
    else problems.push({ row, column: cells.isReference.column, reason: yes.reason });
  }
  const nameColumn =
    cells.name?.column ?? cells.firstName?.column ?? cells.lastName?.column ?? 'Name';
  const patch = b.prepareContact(
    {
      name: cells.name?.value ?? (joined === '' ? undefined : joined),
      emails: cells.email ? [cells.email.value] : [],
      phone: cells.phone?.value,
      title: cells.title?.value,
      organization: cells.organization?.value,
      linkedin: cells.linkedin?.value,
      notes: cells.notes?.value,
      isReference,
    },
    {
      name: nameColumn,
      email: cells.email?.column,
      phone: cells.phone?.column,
      title: cells.title?.column,
      organization: cells.organization?.column,
      linkedin: cells.linkedin?.column,
      notes: cells.notes?.column,
    },
    problems,
    row,
  );
  if (problems.length > 0 || !patch) b.refused.push(...problems);
  else b.recordContact(patch);
}

function applicationRow(ctx: SheetContext, row: number, cells: Cells) {
  const { b } = ctx;
  const problems: RowProblem[] = [];
  const need = (field: 'organization' | 'role') => {
    const cell = cells[field];
    if (!cell) problems.push({ row, column: FIELD_LABELS[field], reason: 'is empty' });
    return cell?.value ?? '';
  };
  const organization = need('organization');
  const role = need('role');

  let status: ReturnType<typeof readStatus> | undefined;
  if (cells.status) {
    status = readStatus(cells.status.value);
    if (!status.ok) problems.push({ row, column: cells.status.column, reason: status.reason });
    else if (status.value === 'skip' && problems.length === 0) {
      b.skipped.push({
        row,
        column: cells.status.column,
        reason: `"${cells.status.value}": not applied yet`,
      });
      return;
    }
  }
  if (problems.length > 0) {
    b.refused.push(...problems);
    return;
  }

  const existing = b.findApplication(organization, role);
  const id = existing ?? b.options.newId('application');
  const stored = existing
    ? (b.storedApplication(existing) ?? b.applicationPatch(existing))
    : undefined;
  const source = cells.source ? readSource(cells.source.value) : undefined;
  const patch: ApplicationPatch = {
    id,
    organization: stored?.organization ?? organization,
    role: stored?.role ?? role,
    source: source ?? stored?.source ?? 'employer',
  };
  if (status?.ok && status.value !== 'skip') patch.status = status.value;
  const columns: Record<string, string> = {
    organization: cells.organization!.column,
    role: cells.role!.column,
  };
  if (cells.createdOn) {
    const date = readDate(cells.createdOn.value, ctx.orderOf.get('createdOn'));
    columns.createdOn = cells.createdOn.column;
    if (date.ok) patch.createdOn = date.value;
    else problems.push({ row, column: cells.createdOn.column, reason: date.reason });
  }
  if (cells.region) {
    patch.region = cells.region.value.toUpperCase();
    columns.region = cells.region.column;
  }
  if (cells.preset) {
    const preset = lower(cells.preset.value);
    if ((POLICY_PRESETS as readonly string[]).includes(preset))
      patch.policy = { preset: preset as never };
    else
      problems.push({
        row,
        column: cells.preset.column,
        reason: `"${cells.preset.value}" is not gentle, standard or persistent`,
      });
  }
  const lists = (['pros', 'cons', 'strengths'] as const).filter((f) => cells[f]);
  if (lists.length > 0) {
    patch.prosCons = {};
    for (const f of lists) {
      patch.prosCons[f] = readList(cells[f]!.value);
      columns[`prosCons`] = cells[f]!.column;
    }
  }

  // The person of the row: the recruiter or agent when we deal with one, else the interviewer.
  let contact: ContactPatch | undefined;
  if (cells.contactName || cells.contactEmail) {
    contact = b.prepareContact(
      {
        name: cells.contactName?.value,
        emails: cells.contactEmail ? [cells.contactEmail.value] : [],
        phone: cells.contactPhone?.value,
        organization: patch.source === 'employer' ? patch.organization : undefined,
      },
      {
        name: cells.contactName?.column,
        email: cells.contactEmail?.column,
        phone: cells.contactPhone?.column,
      },
      problems,
      row,
    );
    if (contact && patch.source !== 'employer') patch.agent = contact.id;
  }

  if (cells.interviewDate) {
    const when = readDateTime(cells.interviewDate.value, ctx.orderOf.get('interviewDate'));
    if (!when.ok) problems.push({ row, column: cells.interviewDate.column, reason: when.reason });
    else {
      const interviews = b.interviewsOf(id);
      const same = interviews.find((v) => v.start.slice(0, 10) === when.value.date);
      const time = when.value.time ?? same?.start.slice(11, 16) ?? '09:00';
      if (when.value.time === undefined && !same) ctx.assumedTimes += 1;
      const interview: InterviewPatch = {
        id: same?.id ?? b.options.newId('interview'),
        round: same?.round ?? Math.max(0, ...interviews.map((v) => v.round)) + 1,
        start: `${when.value.date}T${time}`,
      };
      if (contact && patch.source === 'employer') {
        const storedV = same ? b.storedInterview(id, same.id) : undefined;
        const people = new Set(storedV?.interviewers ?? []);
        people.add(contact.id);
        interview.interviewers = [...people];
      }
      patch.interviews = [interview];
      columns['interviews.start'] = cells.interviewDate.column;
    }
  }
  if (problems.length === 0) b.checkApplication(patch, row, columns, problems);
  if (problems.length > 0) {
    b.refused.push(...problems);
    return;
  }
  if (contact) b.recordContact(contact);
  b.recordApplication(patch);
}

function interactionRow(ctx: SheetContext, row: number, cells: Cells) {
  const { b } = ctx;
  const problems: RowProblem[] = [];
  const application = cells.application?.value;
  if (!application || !b.knowsApplication(application)) {
    problems.push({
      row,
      column: cells.application?.column ?? FIELD_LABELS.application,
      reason: application ? `no application "${application}"` : 'is empty',
    });
  }
  const at = cells.at?.value;
  if (!at || !isRfc3339(at)) {
    problems.push({
      row,
      column: cells.at?.column ?? FIELD_LABELS.at,
      reason: at ? `"${at}" must be an instant such as 2026-12-23T15:00:00Z` : 'is empty',
    });
  }
  if (problems.length > 0 || !application || !at) {
    b.refused.push(...problems);
    return;
  }
  const direction = lower(cells.direction?.value ?? '');
  const kind = lower(cells.kind?.value ?? '');
  const stored = b.storedApplication(application);
  const givenId = cells.id?.value;
  const same =
    stored?.interactions.find((x) => x.id === givenId) ??
    stored?.interactions.find((x) => x.at === at && x.kind === kind && x.direction === direction);
  const patch: Record<string, unknown> = {
    id: same?.id ?? b.options.newId('interaction'),
    at,
    direction,
    kind,
  };
  const columns: Record<string, string> = {};
  for (const [field, cell] of Object.entries(cells)) columns[`interactions.${field}`] = cell.column;
  if (cells.channel)
    patch.channel = (CHANNELS as readonly string[]).includes(lower(cells.channel.value))
      ? lower(cells.channel.value)
      : cells.channel.value;
  if (cells.contacts) {
    const ids = readIds(cells.contacts.value);
    const unknown = ids.find((c) => !b.knowsContact(c));
    if (unknown)
      problems.push({ row, column: cells.contacts.column, reason: `no contact "${unknown}"` });
    patch.contacts = ids;
  }
  if (cells.summary) patch.summary = cells.summary.value;
  for (const field of ['newDecisionDate', 'offerDeadline'] as const) {
    const cell = cells[field];
    if (!cell) continue;
    const date = readDate(cell.value, ctx.orderOf.get(field));
    if (date.ok) patch[field] = date.value;
    else problems.push({ row, column: cell.column, reason: date.reason });
  }
  if (cells.onHold) {
    const yes = readYesNo(cells.onHold.value);
    if (yes.ok) patch.onHold = yes.value;
    else problems.push({ row, column: cells.onHold.column, reason: yes.reason });
  }
  const checked = interactionPatchSchema.safeParse(patch);
  if (!checked.success) {
    const issue = problemOf(
      checked.error,
      row,
      Object.fromEntries(Object.entries(cells).map(([f, c]) => [f, c.column])),
    );
    problems.push(issue);
  }
  if (problems.length > 0) {
    b.refused.push(...problems);
    return;
  }
  const owner = stored ?? b.applicationPatch(application)!;
  b.recordApplication({
    id: application,
    organization: owner.organization,
    role: owner.role,
    source: owner.source,
    interactions: [patch as InteractionPatch],
  });
}

// ---- vCards ----

export function buildCardImport(
  facts: Facts,
  cards: readonly PersonCard[],
  options: BuildOptions,
): BuiltImport {
  const b = new Builder(facts, options);
  for (const card of cards) {
    const problems: RowProblem[] = [];
    const patch = b.prepareContact(
      {
        name: card.name,
        emails: card.emails,
        phone: card.phones[0],
        title: card.title,
        organization: card.organization,
        linkedin: card.linkedin,
        notes: card.notes,
      },
      {
        name: 'FN',
        email: 'EMAIL',
        phone: 'TEL',
        title: 'TITLE',
        organization: 'ORG',
        linkedin: 'URL',
        notes: 'NOTE',
      },
      problems,
      card.row,
    );
    if (problems.length > 0 || !patch) b.refused.push(...problems);
    else b.recordContact(patch);
  }
  return b.result();
}

// ---- invitations ----

/** The wall-clock time of an instant in `zone`, to the minute. */
function localAt(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

function validZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone);
  } catch {
    return false;
  }
}

/**
 * The application an invitation belongs to: the one the seeker chose, else the one whose
 * organisation or people share the organiser's (or an attendee's) e-mail domain.
 */
function matchApplication(
  b: Builder,
  facts: Facts,
  inv: Invitation,
  own: Set<string>,
): { id?: string; reason?: string } {
  const chosen = b.options.applicationId;
  if (chosen !== undefined) return { id: chosen };
  const people = [inv.organizer, ...inv.attendees].filter(
    (p): p is NonNullable<typeof p> => p !== undefined,
  );
  const domains = [
    ...new Set(
      people
        .filter((p) => !own.has(lower(p.email)))
        .map((p) => domainOf(p.email))
        .filter((d): d is string => d !== undefined && !PUBLIC_MAIL.has(d)),
    ),
  ];
  if (domains.length === 0)
    return {
      reason:
        'the organiser writes from a personal address; choose the application with --application ID',
    };
  const contactById = new Map(facts.contacts.map((c) => [c.id, c]));
  const matches = facts.applications.filter((a) => {
    const people = [a.agent, ...a.interviews.flatMap((v) => v.interviewers)]
      .map((id) => (id ? contactById.get(id)?.email : undefined))
      .filter((e): e is string => typeof e === 'string');
    return (
      domains.some(
        (d) => sameOrganization(a.organization, d) || people.some((e) => domainOf(e) === d),
      ) ||
      facts.contacts.some(
        (c) =>
          c.email &&
          domains.includes(domainOf(c.email) ?? '') &&
          c.organization &&
          orgKey(c.organization) === orgKey(a.organization),
      )
    );
  });
  const open = matches.filter((a) => a.status === 'active' || a.status === 'offer');
  const pick = open.length > 0 ? open : matches;
  if (pick.length === 1) return { id: pick[0]!.id };
  if (pick.length === 0)
    return {
      reason: `no application matches ${domains.join(', ')}; choose one with --application ID`,
    };
  return {
    reason: `several applications match ${domains.join(', ')} (${pick.map((a) => a.id).join(', ')}); choose one with --application ID`,
  };
}

export function buildInvitationImport(
  facts: Facts,
  invitations: readonly Invitation[],
  options: BuildOptions,
): BuiltImport {
  const b = new Builder(facts, options);
  const own = new Set((options.ownEmails ?? []).map(lower));
  if (options.applicationId !== undefined && !b.knowsApplication(options.applicationId)) {
    b.refused.push({
      row: 0,
      column: '--application',
      reason: `no application "${options.applicationId}"`,
    });
    return b.result();
  }
  for (const inv of invitations) {
    const row = inv.row;
    const owner = b.interviewOwnerOf(inv.interviewId);
    // An older version of an invitation already imported (a forwarded copy, an old e-mail)
    // never undoes the newer one (RFC 5546: the higher SEQUENCE wins).
    const storedSequence = options.storedSequences?.get(inv.interviewId);
    if (owner && storedSequence !== undefined && inv.sequence < storedSequence) {
      b.skipped.push({
        row,
        column: 'SEQUENCE',
        reason: `an older version (SEQUENCE ${inv.sequence}) of an invitation already imported at SEQUENCE ${storedSequence}`,
      });
      continue;
    }
    if (inv.cancelled) {
      if (owner) b.removals.push({ applicationId: owner, interviewId: inv.interviewId });
      else
        b.skipped.push({
          row,
          column: 'METHOD',
          reason: 'a cancellation of an interview that is not on file',
        });
      continue;
    }
    if (inv.allDay) {
      b.refused.push({ row, column: 'DTSTART', reason: 'an all-day event has no interview time' });
      continue;
    }
    const applicationId = owner ?? matchApplication(b, facts, inv, own).id;
    if (!applicationId) {
      b.refused.push({
        row,
        column: 'ORGANIZER',
        reason: matchApplication(b, facts, inv, own).reason ?? 'no application',
      });
      continue;
    }
    const seekerZone = facts.settings.timezone;
    let start: string | undefined;
    let zone: string | undefined;
    if (inv.local && validZone(inv.zone)) {
      start = inv.local;
      zone = inv.zone;
    } else if (inv.epochMs !== undefined) {
      zone = seekerZone;
      start = localAt(inv.epochMs, zone);
    } else if (inv.local) {
      start = inv.local; // floating time: the seeker's own clock
    }
    if (!start) {
      b.refused.push({ row, column: 'DTSTART', reason: 'has no start time' });
      continue;
    }
    const stored = b.storedApplication(applicationId);
    const app = stored ?? b.applicationPatch(applicationId)!;
    const problems: RowProblem[] = [];
    const interviewers: string[] = [];
    const people = [inv.organizer, ...inv.attendees].filter(
      (p): p is NonNullable<typeof p> => p !== undefined,
    );
    const seen = new Set<string>();
    for (const person of people) {
      const email = lower(person.email);
      if (own.has(email) || seen.has(email)) continue;
      seen.add(email);
      const patch = b.prepareContact(
        {
          name: person.name,
          emails: [person.email],
          organization: sameOrganization(app.organization, domainOf(email) ?? '')
            ? app.organization
            : undefined,
        },
        { name: 'ATTENDEE', email: 'ATTENDEE' },
        problems,
        row,
      );
      if (patch) {
        b.recordContact(patch);
        interviewers.push(patch.id);
      }
    }
    const storedV = b.storedInterview(applicationId, inv.interviewId);
    const rounds = b.interviewsOf(applicationId).filter((v) => v.id !== inv.interviewId);
    const interview: InterviewPatch = {
      id: inv.interviewId,
      round: storedV?.round ?? Math.max(0, ...rounds.map((v) => v.round)) + 1,
      start,
      interviewers,
    };
    if (zone) interview.timezone = zone;
    if (inv.durationMinutes !== undefined) {
      if (inv.durationMinutes >= 1 && inv.durationMinutes <= 24 * 60)
        interview.durationMinutes = inv.durationMinutes;
      else
        b.notes.push(
          `Event ${row}: a duration of ${inv.durationMinutes} minutes is not an interview; 60 kept.`,
        );
    }
    if (inv.video) interview.format = 'video';
    const checked = interviewPatchSchema.safeParse(interview);
    if (!checked.success)
      problems.push(
        problemOf(checked.error, row, {
          start: 'DTSTART',
          timezone: 'TZID',
          interviewers: 'ATTENDEE',
        }),
      );
    if (problems.length > 0) {
      b.refused.push(...problems);
      continue;
    }
    b.recordApplication({
      id: applicationId,
      organization: app.organization,
      role: app.role,
      source: app.source,
      interviews: [interview],
    });
    if (storedSequence !== inv.sequence)
      b.sequences.push({ interviewId: inv.interviewId, sequence: inv.sequence });
  }
  return b.result();
}
