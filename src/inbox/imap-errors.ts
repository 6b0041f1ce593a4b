// IMAP failures in the seeker's words. Only the host, port and a cause are named: never the
// user's password, never a raw protocol transcript.
import { DomainError } from '../core/errors.js';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function describeImapError(error: unknown, where: string): DomainError {
  if (error instanceof DomainError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const says = (text: string) => new DomainError('invalid_input', `mailbox ${where}: ${text}`, 'mailbox');
  if ((error as { authenticationFailed?: boolean } | null)?.authenticationFailed) {
    return says('the server refused the user name or password (an app password may be needed)');
  }
  if (code === 'MissingServerExtension' || /STARTTLS/i.test(message)) {
    return says('the server does not offer STARTTLS (try implicit TLS on port 993)');
  }
  if (code === 'ECONNREFUSED') return says('connection refused (is the host and port right?)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return says('no such host');
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return says('the host cannot be reached');
  if (
    /TIMEOUT$/.test(code) ||
    code === 'ETIMEDOUT' ||
    code === 'ETIMEOUT' ||
    /timed? ?out/i.test(message)
  ) {
    return says('the server did not answer in time');
  }
  if (
    code.startsWith('ERR_SSL') ||
    code === 'EPROTO' ||
    code === 'ClosedAfterConnectTLS' ||
    /ssl|tls|wrong version number/i.test(message)
  ) {
    if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(`${code} ${message}`)) {
      return says("the server's TLS certificate is not trusted");
    }
    return says('TLS refused: the server did not speak TLS on this port (check the port and the TLS mode)');
  }
  if (/certificate|CERT_|self[- ]signed/i.test(`${code} ${message}`)) {
    return says("the server's TLS certificate is not trusted");
  }
  if (
    code === 'NoConnection' ||
    code === 'EConnectionClosed' ||
    code === 'ClosedAfterConnectText' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /connection (not available|closed)|socket/i.test(message)
  ) {
    return says('the server closed the connection');
  }
  return says('the server refused the request');
}
