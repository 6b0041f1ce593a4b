// Text the databases cannot store is refused at the door, on every route and both dialects:
// PostgreSQL's text has no NUL, and a lone UTF-16 surrogate (a broken "\ud800" escape in
// JSON) is not a character at all. The error names where it was; nothing is written.
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (key or value) that cannot be stored, or null. */
export function unstorableAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = unstorableAt(value[i], `${path}[${i}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (UNSTORABLE.test(key)) return here;
    const found = unstorableAt(item, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const field =
    unstorableAt(request.params, '') ??
    unstorableAt(request.query, '') ??
    unstorableAt(request.body, '');
  if (field !== null) {
    throw new DomainError(
      'invalid_input',
      'must not contain a NUL character or a broken (lone surrogate) character',
      field === '' ? undefined : field,
    );
  }
}
