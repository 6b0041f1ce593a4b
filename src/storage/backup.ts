import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../core/errors.js';
import { sqliteHandleOf, type Database } from './database.js';

export interface BackupOptions {
  /** Replace an existing file (else an existing file is a `conflict` naming it). */
  overwrite?: boolean;
}

/**
 * A consistent snapshot of a SQLite database into `file` (SQLite's online backup API: other
 * writers may go on meanwhile). The folder must exist: a typo must not grow a directory tree.
 * The copy is written beside `file` and renamed over it, so a failed backup never leaves half
 * a file in place of an older good one. PostgreSQL is backed up with pg_dump, not here.
 */
export async function backupSqlite(
  database: Database,
  file: string,
  options: BackupOptions = {},
): Promise<void> {
  const handle = sqliteHandleOf(database);
  if (database.dialect !== 'sqlite' || !handle) {
    throw new DomainError(
      'invalid_input',
      'backup copies a SQLite file; for PostgreSQL use pg_dump (or `tactful export` for a JSON document)',
    );
  }
  const folder = dirname(file);
  if (!existsSync(folder)) {
    throw new DomainError('invalid_input', `the folder ${folder} does not exist`, 'file');
  }
  if (!statSync(folder).isDirectory()) {
    throw new DomainError('invalid_input', `${folder} is a file, not a folder`, 'file');
  }
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) {
      throw new DomainError('invalid_input', `${file} is a folder: name the backup file`, 'file');
    }
    if (options.overwrite !== true) {
      throw new DomainError('conflict', `${file} already exists`, 'file');
    }
  }
  const partial = `${file}.partial-${process.pid}`;
  try {
    await handle.backup(partial);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}
