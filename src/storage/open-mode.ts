// Whether a SQLite file can be written by this process, and the file-level failures a user can
// act on (read-only, needs an upgrade, disk full), each naming the file.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';

export type DatabaseFileProblem = 'read_only' | 'needs_upgrade' | 'disk_full';

/** A problem with the database file itself; the message is one line that names the file. */
export class DatabaseFileError extends UserError {
  constructor(
    readonly problem: DatabaseFileProblem,
    readonly file: string,
    message: string = defaultMessage(problem, file),
  ) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}

function defaultMessage(problem: DatabaseFileProblem, file: string): string {
  switch (problem) {
    case 'read_only':
      return `${file} is read-only`;
    case 'needs_upgrade':
      return `${file} is read-only and needs a one-time upgrade: make it (and its folder) writable and run tactful once`;
    case 'disk_full':
      return `disk full: ${file} is unchanged`;
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * An existing file is writable only when its folder is too: SQLite creates its journal and WAL
 * files beside it. A file that does not exist yet is "writable" (creating it reports its own error).
 */
export function isWritableSqliteFile(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return true;
  return canWrite(file) && canWrite(dirname(file));
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite's read-only and disk-full failures become a DatabaseFileError naming the file; others pass through. */
export function nameFileFailure(error: unknown, file: string): unknown {
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_READONLY')) return new DatabaseFileError('read_only', file);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new DatabaseFileError('disk_full', file);
  return error;
}

/** Opening read-only failed because SQLite could not create the WAL index (-shm) beside the file. */
export function isWalIndexFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN');
}
