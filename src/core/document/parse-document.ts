// parseDocument: the strict reader of the SPEC §6 document. Shape errors come from zod;
// the cross-field rules (direction vs kind, payload fields, duplicate ids, dangling contact
// references) are checked here. Every rejection is DomainError('invalid_input', …, path).
import type { z } from 'zod';
import type { BusinessCalendar } from '../calendar.js';
import { DomainError } from '../errors.js';
import { INBOUND_KINDS, OUTBOUND_KINDS } from '../types.js';
import {
  documentSchema,
  type ApplicationPatch,
  type ContactPatch,
  type InteractionPatch,
  type SettingsPatch,
  type StepEventInput,
} from './document.schema.js';

export interface ParsedDocument {
  /** Undefined when the document has no `settings` (stored settings are kept). */
  settings: SettingsPatch | undefined;
  contacts: ContactPatch[];
  stepEvents: StepEventInput[];
  applications: ApplicationPatch[];
}

/** `applications[0].interviews[1].start` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The first zod issue as a DomainError naming the field by its JSON path. */
export function issueToError(error: z.ZodError): DomainError {
  const issue = error.issues[0]!;
  let path = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    path = path === '' ? key : `${path}.${key}`;
    message = `unknown field "${key}"`;
  }
  return new DomainError('invalid_input', `${path || 'document'}: ${message}`, path || undefined);
}

function reject(field: string, message: string): never {
  throw new DomainError('invalid_input', `${field}: ${message}`, field);
}

const INBOUND = new Set<string>(INBOUND_KINDS);
const OUTBOUND = new Set<string>(OUTBOUND_KINDS);

/** Direction must match the kind; payload fields only on the kinds they belong to. */
export function checkInteraction(x: InteractionPatch, path = ''): void {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  if (x.direction === 'in' && !INBOUND.has(x.kind)) {
    reject(at('kind'), `"${x.kind}" is an outbound kind but direction is "in"`);
  }
  if (x.direction === 'out' && !OUTBOUND.has(x.kind)) {
    reject(at('kind'), `"${x.kind}" is an inbound kind but direction is "out"`);
  }
  const inbound = x.direction === 'in';
  if (x.newDecisionDate != null && !(inbound && (x.kind === 'reply' || x.kind === 'update'))) {
    reject(at('newDecisionDate'), 'only an inbound reply or update can carry a new decision date');
  }
  if (x.onHold === true && !(inbound && x.kind === 'update')) {
    reject(at('onHold'), 'only an inbound update can put an application on hold');
  }
  if (x.offerDeadline != null && !(inbound && x.kind === 'offer')) {
    reject(at('offerDeadline'), 'only an inbound offer can carry an offer deadline');
  }
}

function checkUnique(seen: Map<string, string>, id: string, path: string, entity: string): void {
  const first = seen.get(id);
  if (first !== undefined)
    reject(`${path}.id`, `duplicate ${entity} id "${id}" (also at ${first})`);
  seen.set(id, path);
}

/**
 * Reads an untrusted document. `storedContactIds` are the contacts already in the database:
 * a reference must name one of them or a contact of the document. Never writes anything.
 */
export function parseDocument(
  input: unknown,
  calendar: BusinessCalendar,
  storedContactIds: ReadonlySet<string> = new Set(),
): ParsedDocument {
  const result = documentSchema(calendar).safeParse(input);
  if (!result.success) throw issueToError(result.error);
  const doc = result.data;
  const parsed: ParsedDocument = {
    settings: doc.settings,
    contacts: doc.contacts ?? [],
    stepEvents: doc.stepEvents ?? [],
    applications: doc.applications ?? [],
  };

  const contactIds = new Map<string, string>();
  parsed.contacts.forEach((c, i) => checkUnique(contactIds, c.id, `contacts[${i}]`, 'contact'));
  const knows = (id: string) => contactIds.has(id) || storedContactIds.has(id);
  const checkRefs = (ids: readonly string[] | null | undefined, path: string) =>
    ids?.forEach((id, k) => {
      if (!knows(id)) reject(`${path}[${k}]`, `no contact with id "${id}"`);
    });

  const applicationIds = new Map<string, string>();
  const interviewIds = new Map<string, string>();
  const interactionIds = new Map<string, string>();
  parsed.applications.forEach((a, i) => {
    const path = `applications[${i}]`;
    checkUnique(applicationIds, a.id, path, 'application');
    if (a.agent != null && !knows(a.agent))
      reject(`${path}.agent`, `no contact with id "${a.agent}"`);
    checkRefs(a.references, `${path}.references`);
    a.interviews?.forEach((v, j) => {
      const vPath = `${path}.interviews[${j}]`;
      checkUnique(interviewIds, v.id, vPath, 'interview');
      checkRefs(v.interviewers, `${vPath}.interviewers`);
      v.notes?.byInterviewer?.forEach((n, k) => {
        const field = `${vPath}.notes.byInterviewer[${k}].contact`;
        if (!knows(n.contact)) reject(field, `no contact with id "${n.contact}"`);
      });
    });
    a.interactions?.forEach((x, j) => {
      const xPath = `${path}.interactions[${j}]`;
      checkUnique(interactionIds, x.id, xPath, 'interaction');
      checkInteraction(x, xPath);
      checkRefs(x.contacts, `${xPath}.contacts`);
    });
  });
  return parsed;
}
