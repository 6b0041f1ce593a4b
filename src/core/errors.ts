// Typed domain errors with stable codes. One edge module per transport maps codes to
// HTTP statuses and CLI exit codes; use cases never throw transport errors.

import type { Contact } from './types.js';

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_region'
  | 'unknown_timezone'
  | 'invalid_date';

export interface DomainErrorOptions {
  /**
   * The message already names the field, as a path in a document the seeker wrote
   * (`applications[0].interviews[1].start: …`); adapters show it as it is.
   */
  namesField?: boolean;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  /**
   * The offending field for machines, e.g. `until` or `contacts[0]`. The message does not
   * repeat it: each adapter puts the name the seeker knows (a flag, a form label) before it.
   */
  readonly field: string | undefined;
  readonly namesField: boolean;

  constructor(code: ErrorCode, message: string, field?: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.namesField = options.namesField === true;
  }
}

/** Another contact already has the e-mail address: the seeker should update that one instead. */
export class DuplicateContactError extends DomainError {
  constructor(readonly existing: Contact) {
    super(
      'conflict',
      `${existing.id} ${existing.name} already has ${existing.email ?? ''}`,
      'email',
    );
    this.name = 'DuplicateContactError';
  }
}

/**
 * A problem the user can fix outside the domain rules (a bad flag, a file or database that
 * cannot be used): its message is one line, shown as is. Adapters throw it; each edge (CLI,
 * HTTP) decides how to show it.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** `Snooze until must be after …` for a predicate, `--to: no contact with id "c9"` otherwise. */
export function labelled(name: string, message: string): string {
  return /^(must|is|are|has|needs|cannot|can only) /.test(message)
    ? `${name} ${message}`
    : `${name}: ${message}`;
}

/** The field's root name without list positions or nesting: `notes.keyPoints[2]` → `keyPoints`. */
export function fieldRoot(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  return parts[parts.length - 1] ?? field;
}

/**
 * The error as one message for the seeker: the field named by `nameOf` (a flag, a form
 * label) and never by its internal path; a field the adapter has no name for is left out.
 */
export function seekerMessage(
  error: DomainError,
  nameOf: (field: string) => string | undefined,
): string {
  if (error.field === undefined || error.namesField) return error.message;
  // A message written the old way (`until: …`) must not show the internal path either.
  const prefix = `${error.field}: `;
  const message = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  const name = nameOf(error.field);
  if (name === undefined || message.includes(name)) return message;
  return labelled(name, message);
}
