// The one place that turns failures into HTTP answers: DomainError codes → status, fastify's
// own 4xx (bad JSON, wrong media type, body too large) → the same `{ code, message, field? }`
// shape, and anything else → a bare 500 with no stack trace or internal message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  DuplicateContactError,
  seekerMessage,
  type ErrorCode,
} from '../core/errors.js';
import { labelOf } from './field-labels.js';

export interface ApiError {
  code: string;
  message: string;
  field?: string;
  /** On a duplicate e-mail address: the id of the contact that already has it. */
  existing?: string;
}

const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_date: 400,
  unknown_region: 400,
  unknown_timezone: 400,
  not_found: 404,
  conflict: 409,
};

/** Fastify's own client errors, by fastify code, with a stable API code and a plain message. */
const FASTIFY_ERRORS: Record<string, ApiError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'send the body as application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'the request body is too large',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_input',
    message: 'the JSON body is empty: send {} for no fields',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_input', message: 'the body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_input',
    message: 'the Content-Length does not match the body',
  },
};

/** A client error the HTTP layer raises itself (forbidden Host/Origin, unknown route). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS_OF[code];
}

/** Status and body for any thrown value; never exposes a stack or an internal message. */
export function toApiError(error: unknown): { status: number; body: ApiError } {
  if (error instanceof DomainError) {
    const body: ApiError = { code: error.code, message: seekerMessage(error, labelOf) };
    if (error.field !== undefined) body.field = error.field;
    if (error instanceof DuplicateContactError) {
      body.message = `${error.message}: edit that contact in Contacts instead`;
      body.existing = error.existing.id;
    }
    return { status: STATUS_OF[error.code] ?? 400, body };
  }
  if (error instanceof HttpError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.field !== undefined) body.field = error.field;
    return { status: error.statusCode, body };
  }
  const fastifyError = error as Partial<FastifyError> | null;
  const known = fastifyError?.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  const status = fastifyError?.statusCode;
  if (known && status && status >= 400 && status < 500) return { status, body: { ...known } };
  if (status && status >= 400 && status < 500) {
    return { status, body: { code: 'invalid_input', message: 'the request is not acceptable' } };
  }
  return {
    status: 500,
    body: { code: 'internal', message: 'something went wrong on the server; nothing was changed' },
  };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toApiError(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.status(status).type('application/json; charset=utf-8').send(body);
}
