// Whether a dataset opened by openDatabase exists, and removing it whole: the SQLite file with
// its WAL, index and journal beside it, or the PostgreSQL schema with everything in it. For
// the sample data, which lives apart from the seeker's and goes as a whole.
import { existsSync, rmSync } from 'node:fs';
import type { OpenDatabaseOptions } from './database.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

function schemaOf(options: OpenDatabaseOptions): string {
  const schema = options.schema;
  // Only a named schema of its own can be dropped: never the seeker's default one.
  if (schema === undefined || !SCHEMA_NAME.test(schema) || schema === 'public') {
    throw new Error(`refusing to drop PostgreSQL schema "${String(schema)}"`);
  }
  return schema;
}

async function withClient<T>(
  url: string,
  work: (
    query: (sql: string, values?: unknown[]) => Promise<{ rowCount: number | null }>,
  ) => Promise<T>,
): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work((sql, values) => client.query(sql, values));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when the file (SQLite) or the schema (PostgreSQL) is there. Never creates it. */
export async function databaseExists(options: OpenDatabaseOptions): Promise<boolean> {
  if (!options.databaseUrl) return existsSync(options.sqlitePath ?? ':memory:');
  const schema = schemaOf(options);
  return withClient(options.databaseUrl, async (query) => {
    const found = await query('select 1 from information_schema.schemata where schema_name = $1', [
      schema,
    ]);
    return (found.rowCount ?? 0) > 0;
  });
}

/**
 * Removes the dataset whole; true when there was one. The caller closes its own handles first
 * (a SQLite file still open elsewhere disappears from the folder; its readers keep the old copy).
 */
export async function dropDatabase(options: OpenDatabaseOptions): Promise<boolean> {
  if (!options.databaseUrl) {
    const file = options.sqlitePath;
    if (file === undefined || file === ':memory:') return false;
    const existed = existsSync(file);
    for (const suffix of SQLITE_COMPANIONS) rmSync(`${file}${suffix}`, { force: true });
    return existed;
  }
  const schema = schemaOf(options);
  return withClient(options.databaseUrl, async (query) => {
    const found = await query('select 1 from information_schema.schemata where schema_name = $1', [
      schema,
    ]);
    if ((found.rowCount ?? 0) === 0) return false;
    await query(`drop schema if exists ${schema} cascade`);
    return true;
  });
}
