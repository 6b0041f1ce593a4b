// Errors raised before a route runs (a URL that does not decode, headers over Node's limit)
// come out like every other error of the API: the product's JSON shape and the security
// headers, never Fastify's or Node's own body. And the calendar feed's secret token is kept
// out of request logs.
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What helmet sets on routed answers, for the answers that never reach its hook. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Fastify's `frameworkErrors`: a URL that does not decode is a 400 in the API's words. */
export function frameworkErrors(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  void error;
  void reply
    .status(400)
    .headers(SECURITY_HEADERS)
    .send({ code: 'invalid_input', message: 'the address is not a valid URL' });
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'the request headers are too large',
  ],
  HPE_URI_TOO_LONG: [414, 'URI Too Long', 'the address is too long'],
};

/** Fastify's `clientErrorHandler`: Node refused the request before any route could see it. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'the request is not valid HTTP',
  ];
  const body = JSON.stringify({ code: 'invalid_input', message });
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n${body}`);
}

/** A request URL for the logs: the feed's token (the only secret in a URL) replaced. */
export function loggedUrl(url: string): string {
  return url.replace(/^\/calendar\/[^/?#]+/, '/calendar/[token]');
}

/** The logger option with requests logged by method and redacted URL only. */
export function withRedactedRequests(
  logger: boolean | Record<string, unknown> | undefined,
): boolean | Record<string, unknown> {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        url: loggedUrl(request.url),
      }),
    },
  };
}
