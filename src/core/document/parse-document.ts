// parseDocument: the strict reader of the SPEC §6 document. Shape errors come from zod;
// the cross-field rules (direction vs kind, payload fields, duplicate ids, dangling contact
// references) are checked here. Every rejection is DomainError('invalid_input', …, path).
import type { z } from 'zod';
import type { BusinessCalendar } from '../calendar.js';
import { DomainError, labelled } from '../errors.js';
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

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** One zod issue in words, without the field's name (the caller puts it first). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      // Our own messages (`must not be empty`) are kept; zod's defaults are reworded.
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'array'
        ? `must have at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (!issue.message.startsWith('Too big')) return issue.message;
      return issue.origin === 'array'
        ? `must have at most ${String(issue.maximum)} items`
        : issue.origin === 'string'
          ? `must be at most ${String(issue.maximum)} characters`
          : `must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `unknown field "${issue.keys[0]!}"`;
    default:
      return issue.message;
  }
}

/**
 * The first zod issue as a DomainError. A `document` (an import) names the field by its JSON
 * path in the message, since a path is what names a field in a file; any other input leaves
 * the naming to the adapter (a flag, a form label) and keeps the path in `field` for machines.
 */
export function issueToError(
  error: z.ZodError,
  mode: 'document' | 'fields' = 'document',
): DomainError {
  const issue = error.issues[0]!;
  let path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    path = path === '' ? key : `${path}.${key}`;
  }
  const message = describeIssue(issue);
  if (mode === 'fields') return new DomainError('invalid_input', message, path || undefined);
  return new DomainError(
    'invalid_input',
    labelled(path || 'document', message),
    path || undefined,
    { namesField: true },
  );
}

function rejectField(field: string, message: string, inDocument = true): never {
  if (!inDocument) throw new DomainError('invalid_input', message, field);
  throw new DomainError('invalid_input', `${field}: ${message}`, field, { namesField: true });
}

const INBOUND = new Set<string>(INBOUND_KINDS);
const OUTBOUND = new Set<string>(OUTBOUND_KINDS);

/** Direction must match the kind; payload fields only on the kinds they belong to. */
export function checkInteraction(x: InteractionPatch, path = ''): void {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  const reject = (field: string, message: string) => rejectField(field, message, path !== '');
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

const reject = (field: string, message: string): never => rejectField(field, message);

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
  /**
   * Built from records each already checked by these schemas (the file importers): the
   * schema pass, which would copy the whole document once more, is skipped; the checks
   * across records (unique ids, references) still run.
   */
  prevalidated = false,
): ParsedDocument {
  let doc: z.infer<ReturnType<typeof documentSchema>>;
  if (prevalidated) doc = input as typeof doc;
  else {
    const result = documentSchema(calendar).safeParse(input, { reportInput: true });
    if (!result.success) throw issueToError(result.error);
    doc = result.data;
  }
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
