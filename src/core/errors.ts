// Typed domain errors with stable codes. One edge module per transport maps codes to
// HTTP statuses and CLI exit codes; use cases never throw transport errors.

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_region'
  | 'unknown_timezone'
  | 'invalid_date';

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Path of the offending field, e.g. `applications[0].interviews[1].start`. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
