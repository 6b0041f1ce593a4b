// Real databases for the repository suite: SQLite in a temp file, PostgreSQL in a fresh
// schema dropped afterwards. Which dialects run: TACTFUL_TEST_DIALECTS (default both).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../../src/storage/index.js';

export type Dialect = 'sqlite' | 'postgres';

export const PG_URL = process.env.TACTFUL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DIALECTS: Dialect[] = (process.env.TACTFUL_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

/** Throws (the suite fails, it does not skip) when PostgreSQL cannot be reached. */
export async function assertPostgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_URL} (${String(error)}). ` +
        'Start it with `pg_ctlcluster 15 main start`, point the tests elsewhere with ' +
        'TACTFUL_TEST_PG_URL=postgres://user@host:port/db, or run only SQLite with TACTFUL_TEST_DIALECTS=sqlite.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabaseSite {
  /** What `open` opens (the sample data lives beside it). */
  options: OpenDatabaseOptions;
  open(options?: { busyTimeoutMs?: number }): Promise<Database>;
  /** Removes the whole site (temp dir or schema). */
  destroy(): Promise<void>;
}

let counter = 0;

/** A place for one test's database; `open` may be called again to reopen the same data. */
export function testDatabaseSite(dialect: Dialect): TestDatabaseSite {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-db-'));
    const file = join(dir, 'nested', 'tactful.db');
    return {
      options: { sqlitePath: file },
      open: (options) => openDatabase({ sqlitePath: file, ...options }),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  counter += 1;
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
  return {
    options: { databaseUrl: PG_URL, schema },
    open: () => openDatabase({ databaseUrl: PG_URL, schema }),
    async destroy() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
        // The sample data beside it, when a test left one.
        await client.query(`drop schema if exists ${schema}_sample cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
