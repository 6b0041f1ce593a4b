import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../core/errors.js';
import { sqliteHandleOf, type Database } from './database.js';

/**
 * A consistent snapshot of a SQLite database into `file` (SQLite's online backup API: other
 * writers may go on meanwhile). PostgreSQL is backed up with pg_dump, not here.
 */
export async function backupSqlite(database: Database, file: string): Promise<void> {
  const handle = sqliteHandleOf(database);
  if (database.dialect !== 'sqlite' || !handle) {
    throw new DomainError(
      'invalid_input',
      'backup copies a SQLite file; for PostgreSQL use pg_dump (or `tactful export` for a JSON document)',
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  await handle.backup(file);
}
