// The database factory: SQLite (better-sqlite3) for the personal deployment, PostgreSQL (pg)
// when a URL is given. Migrations run on every writable open; they are idempotent. A SQLite file
// this process cannot write is opened read-only (for read commands) when the caller allows it.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  DEFAULT_MIGRATION_TABLE,
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  SqliteDialect,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Driver,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import { migrationProvider } from './migrations/index.js';
import {
  DatabaseFileError,
  isWalIndexFailure,
  isWritableSqliteFile,
  nameFileFailure,
} from './open-mode.js';
import type { Tables } from './tables.js';

export interface Database {
  db: Kysely<Tables>;
  dialect: 'sqlite' | 'postgres';
  /** True for a SQLite file opened read-only: every write transaction fails with DatabaseFileError. */
  readOnly: boolean;
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
  /**
   * SQLite: open a file this process cannot write read-only instead of failing (read commands
   * still work; writes fail with DatabaseFileError 'read_only'). Off: such a file fails at open.
   */
  allowReadOnly?: boolean;
}

/**
 * SQLite write transactions start with BEGIN IMMEDIATE: they take the write lock up front
 * (waiting up to busy_timeout) instead of failing with SQLITE_BUSY when another process
 * committed between their first read and their first write. Read-only ones stay deferred.
 * On a read-only file a write transaction fails before it starts; read-only and disk-full
 * failures of any statement name the file.
 */
class FileSqliteDialect extends SqliteDialect {
  constructor(
    private readonly handle: SqliteDatabase.Database,
    private readonly file: string,
    private readonly readOnly: boolean,
  ) {
    super({ database: handle });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const { handle, file, readOnly } = this;
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => namingFailures(await acquire(), file);
    driver.beginTransaction = async (connection, settings) => {
      const reading = settings.accessMode === 'read only';
      if (readOnly && !reading) throw new DatabaseFileError('read_only', file);
      await connection.executeQuery(CompiledQuery.raw(reading ? 'begin' : 'begin immediate'));
    };
    // SQLite already rolled back after SQLITE_FULL (and some I/O errors): a second ROLLBACK
    // would fail with "no transaction is active" and hide the real cause from the user.
    driver.rollbackTransaction = async (connection) => {
      if (handle.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
    };
    return driver;
  }
}

function namingFailures(connection: DatabaseConnection, file: string): DatabaseConnection {
  return {
    executeQuery: async (query) => {
      try {
        return await connection.executeQuery(query);
      } catch (error) {
        throw nameFileFailure(error, file);
      }
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
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
    if (database.readOnly) await assertMigrated(sqliteHandles.get(database)!, options.sqlitePath!);
    else await migrate(database.db, options.databaseUrl ? options.schema : undefined);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openSqlite(options: OpenDatabaseOptions): Database {
  const file = options.sqlitePath ?? ':memory:';
  const readOnly = !isWritableSqliteFile(file);
  if (readOnly && !options.allowReadOnly) throw new DatabaseFileError('read_only', file);
  if (file !== ':memory:' && !readOnly) mkdirSync(dirname(file), { recursive: true });
  const handle = readOnly ? openSqliteReadOnly(file) : new SqliteDatabase(file);
  try {
    // WAL lets readers run beside the writer; busy_timeout waits for a lock instead of failing.
    // A read-only handle cannot change the journal mode, and needs no durability setting.
    if (!readOnly) handle.pragma('journal_mode = WAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!readOnly) handle.pragma('synchronous = NORMAL');
  } catch (error) {
    handle.close();
    throw nameFileFailure(error, file);
  }
  const db = new Kysely<Tables>({ dialect: new FileSqliteDialect(handle, file, readOnly) });
  const database: Database = { db, dialect: 'sqlite', readOnly, close: () => db.destroy() };
  sqliteHandles.set(database, handle);
  return database;
}

/**
 * A WAL file can be read without write access only if SQLite can share its WAL index (-shm):
 * when the -wal and -shm files exist, or the folder is writable. Otherwise, and only when no
 * -wal file holds changes not yet in the main file (no writer has it open), the main file alone
 * is the whole database: read it into memory as a snapshot.
 */
function openSqliteReadOnly(file: string): SqliteDatabase.Database {
  let handle: SqliteDatabase.Database | undefined;
  try {
    handle = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    handle.prepare('select count(*) from sqlite_master').get();
    return handle;
  } catch (error) {
    handle?.close();
    if (!isWalIndexFailure(error)) throw error;
    if (existsSync(`${file}-wal`)) {
      throw new DatabaseFileError(
        'read_only',
        file,
        `${file} is read-only and its write-ahead log cannot be shared: make its folder writable`,
      );
    }
  }
  const image = readFileSync(file);
  // Bytes 18–19 say "WAL" (2); an in-memory image has no WAL, so mark it a rollback-journal file (1).
  if (image.length >= 20 && image[18] === 2) image[18] = image[19] = 1;
  return new SqliteDatabase(image, { readonly: true });
}

/** A read-only file must already hold every migration: it cannot be upgraded in place. */
async function assertMigrated(handle: SqliteDatabase.Database, file: string): Promise<void> {
  const known = handle
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(DEFAULT_MIGRATION_TABLE);
  const applied = known
    ? new Set(
        (
          handle.prepare(`select name from ${DEFAULT_MIGRATION_TABLE}`).all() as { name: string }[]
        ).map((r) => r.name),
      )
    : new Set<string>();
  const names = Object.keys(await migrationProvider.getMigrations());
  if (names.some((name) => !applied.has(name))) throw new DatabaseFileError('needs_upgrade', file);
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
    let current: string | null | undefined;
    try {
      await client.query(`create schema if not exists ${schema}`);
      current = (await client.query<{ schema: string | null }>('select current_schema() as schema'))
        .rows[0]?.schema;
    } finally {
      client.release();
    }
    // A DATABASE_URL with its own `options=-c search_path=…` wins over ours: refuse rather
    // than write into another schema (the sample must never land in the seeker's).
    if (current !== schema) {
      await pool.end();
      throw new Error(`the URL sets its own search_path; cannot use schema "${schema}"`);
    }
  }
  const db = new Kysely<Tables>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  return { db, dialect: 'postgres', readOnly: false, close: () => db.destroy() };
}

/**
 * Kysely's PostgreSQL introspector reads the tables of every schema in the database, checking
 * `has_schema_privilege` by name: when another process drops a schema during that query (a
 * seeker leaving the sample, a test finishing), it fails with "schema … does not exist" and
 * the migration with it. The migrator only asks which tables exist in our own schema.
 */
class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`
      select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, ns.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.db);
    return rows.map((r) => ({
      name: r.name,
      schema: r.schema,
      isView: r.kind === 'v',
      columns: [],
    }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
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
