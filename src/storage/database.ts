// The database factory: SQLite (better-sqlite3) for the personal deployment, PostgreSQL (pg)
// when a URL is given. Migrations run on every open; they are idempotent.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Driver,
} from 'kysely';
import { migrationProvider } from './migrations/index.js';
import type { Tables } from './tables.js';

export interface Database {
  db: Kysely<Tables>;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`: selects PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file (its directory is created); `:memory:` for a throw-away database. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created if missing); tests isolate runs with it. */
  schema?: string;
  /** SQLite: how long a writer waits for another process's write lock (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * SQLite write transactions start with BEGIN IMMEDIATE: they take the write lock up front
 * (waiting up to busy_timeout) instead of failing with SQLITE_BUSY when another process
 * committed between their first read and their first write. Read-only ones stay deferred.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection, settings) => {
      const begin = settings.accessMode === 'read only' ? 'begin' : 'begin immediate';
      await connection.executeQuery(CompiledQuery.raw(begin));
    };
    return driver;
  }
}

/** The better-sqlite3 handle behind a SQLite Database, for the backup API. */
const sqliteHandles = new WeakMap<Database, SqliteDatabase.Database>();

export function sqliteHandleOf(database: Database): SqliteDatabase.Database | undefined {
  return sqliteHandles.get(database);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema)
    : openSqlite(options);
  try {
    await migrate(database.db, options.databaseUrl ? options.schema : undefined);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openSqlite(options: OpenDatabaseOptions): Database {
  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const handle = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; busy_timeout waits for a lock instead of failing.
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  handle.pragma('synchronous = NORMAL');
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: handle }) });
  const database: Database = { db, dialect: 'sqlite', close: () => db.destroy() };
  sqliteHandles.set(database, handle);
  return database;
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  }
  // Loaded only here: the personal (SQLite) deployment never pays for pg at start-up.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function migrate(db: Kysely<Tables>, schema: string | undefined): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
