// DNS rebinding and cross-site request defences for a server that holds someone's job search
// on localhost. Every request must name an expected Host; a state-changing request that
// carries an Origin (browsers always send one on cross-origin writes) must come from one too.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export interface HostPolicy {
  /** The port the server listens on; undefined accepts any port (tests through inject()). */
  port?: number | undefined;
  /** Extra host names (no port) the user allowed, e.g. a LAN name when bound to 0.0.0.0. */
  allowedHosts?: readonly string[];
  /** Exact origins allowed to write besides the server's own, e.g. `http://localhost:5173` (Vite dev server). */
  allowedOrigins?: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `name[:port]` → [lower-cased name, port or null]; null when malformed. */
function splitHost(value: string): [string, string | null] | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return m ? [m[1]!.toLowerCase(), m[2] ?? null] : null;
}

export function hostChecker(policy: HostPolicy): (host: string | undefined) => boolean {
  const names = new Set([
    ...LOOPBACK_NAMES,
    ...(policy.allowedHosts ?? []).map((h) => h.toLowerCase()),
  ]);
  return (host) => {
    if (host === undefined) return false;
    const parts = splitHost(host);
    if (!parts || !names.has(parts[0])) return false;
    if (policy.port === undefined) return true;
    const port = parts[1] ?? '80';
    return Number(port) === policy.port;
  };
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

/** onRequest hook: 403 for a foreign Host on any request, a foreign Origin on any write. */
export function requestGuard(policy: HostPolicy) {
  const allowed = hostChecker(policy);
  return async (request: FastifyRequest): Promise<void> => {
    if (!allowed(request.headers.host)) {
      throw new HttpError(
        403,
        'forbidden_host',
        'this server answers only to its own address (Host header refused)',
      );
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !policy.allowedOrigins?.includes(origin)) {
      const host = originHost(origin);
      if (host === null || !allowed(host)) {
        throw new HttpError(
          403,
          'forbidden_origin',
          'cross-site requests may not change data (Origin header refused)',
        );
      }
    }
    if (
      request.headers['sec-fetch-site'] === 'cross-site' &&
      !(origin !== undefined && policy.allowedOrigins?.includes(origin))
    ) {
      throw new HttpError(403, 'forbidden_origin', 'cross-site requests may not change data');
    }
  };
}
