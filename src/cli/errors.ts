// The CLI's one edge module for failures: any thrown value → exit code + one stderr line.
// User errors exit 1 with a message that names the field; bugs exit 2. A stack trace is
// printed only with TACTFUL_DEBUG=1.
import { CommanderError } from 'commander';
import { DuplicateContactError, isDomainError, seekerMessage, UserError } from '../core/errors.js';
import { flagOf } from './flag-names.js';
import { ConfigError } from '../config/config.js';

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;
/** `check`: the message has a finding of severity error (it ran fine; the text needs work). */
export const EXIT_FINDINGS = 3;

export interface Failure {
  exitCode: number;
  /** One line, without the `tactful: ` prefix. */
  message: string;
}

// An input problem noticed by the CLI itself (a file it cannot read, a bad flag value), or by
// the storage it opened (DatabaseFileError is one).
export { UserError };

const MAX_MESSAGE = 400;

/** Control characters (CR/LF, ESC, NUL…) from user input must not break the one-line promise. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

function errno(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const SQLITE_MESSAGES: Record<string, string> = {
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_CANTOPEN: 'cannot open the database file',
  SQLITE_NOTADB: 'the database file is not a tactful (SQLite) database',
  SQLITE_CORRUPT: 'the database file is corrupt',
  SQLITE_BUSY: 'the database is busy (another tactful is writing); try again',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the database file could not be read or written',
  SQLITE_PERM: 'no permission to open the database file',
};

const SYSTEM_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a parent of the path is not a directory',
  EROFS: 'read-only file system',
  EEXIST: 'already exists and is not a directory',
  ENOSPC: 'the disk is full',
  ECONNREFUSED: 'PostgreSQL refused the connection (is it running? check DATABASE_URL)',
  ENOTFOUND: 'PostgreSQL host not found (check DATABASE_URL)',
  ETIMEDOUT: 'PostgreSQL did not answer (check DATABASE_URL)',
  EAI_AGAIN: 'PostgreSQL host not found (check DATABASE_URL)',
};

/** PostgreSQL server errors (SQLSTATE class 28 auth, 3D missing database, 08 connection). */
function postgresMessage(error: unknown, code: string): string | undefined {
  if (!/^[0-9A-Z]{5}$/.test(code)) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code.startsWith('28') || code.startsWith('3D') || code.startsWith('08')) {
    return `PostgreSQL: ${message} (check DATABASE_URL)`;
  }
  return undefined;
}

function commanderMessage(error: CommanderError): string {
  return error.message.replace(/^error:\s*/, '');
}

/** Classifies anything thrown while running a command. Never throws. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof DuplicateContactError) {
    const hint = `update it with \`tactful edit contact ${error.existing.id}\``;
    return { exitCode: EXIT_USER_ERROR, message: oneLine(`${error.message}; ${hint}`) };
  }
  if (isDomainError(error)) {
    // The field as the user typed it (`--until`), never an internal path (`contacts[0]`).
    return { exitCode: EXIT_USER_ERROR, message: oneLine(seekerMessage(error, flagOf)) };
  }
  if (error instanceof UserError || error instanceof ConfigError) {
    return { exitCode: EXIT_USER_ERROR, message: oneLine(error.message) };
  }
  if (error instanceof CommanderError) {
    return { exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USER_ERROR, message: oneLine(commanderMessage(error)) };
  }
  const code = errno(error);
  if (code) {
    const sqlite = Object.keys(SQLITE_MESSAGES).find((prefix) => code.startsWith(prefix));
    if (sqlite) return { exitCode: EXIT_USER_ERROR, message: SQLITE_MESSAGES[sqlite]! };
    const system = SYSTEM_MESSAGES[code];
    const path = (error as { path?: unknown }).path;
    if (system) {
      return { exitCode: EXIT_USER_ERROR, message: oneLine(typeof path === 'string' ? `${path}: ${system}` : system) };
    }
    const pg = postgresMessage(error, code);
    if (pg) return { exitCode: EXIT_USER_ERROR, message: oneLine(pg) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT_INTERNAL_ERROR,
    message: oneLine(`internal error: ${message} (run with TACTFUL_DEBUG=1 for details)`),
  };
}
