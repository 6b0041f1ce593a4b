// The one way to open a dataset from the configuration: the seeker's own, or the sample's
// beside it (a SQLite file next to theirs, or a PostgreSQL schema of its own). The CLI, the
// server and the worker all open through here, so where data lives cannot drift between them.
import { basename, dirname, join } from 'node:path';
import type { Dataset, SampleStore } from '../app/sample.js';
import { UserError } from '../core/errors.js';
import type { Storage } from '../config/config.js';
import {
  createUnitOfWork,
  databaseExists,
  dropDatabase,
  openDatabase,
  type Database,
  type OpenDatabaseOptions,
} from '../storage/index.js';

/** The PostgreSQL schema of the sample when the seeker's data is in the default one. */
export const SAMPLE_SCHEMA = 'tactful_sample';

/** The seeker's own dataset. */
export function ownDatabaseOptions(storage: Storage): OpenDatabaseOptions {
  return storage.kind === 'sqlite' ? { sqlitePath: storage.path } : { databaseUrl: storage.url };
}

/** `tactful.db` → `tactful.sample.db` in the same folder; PostgreSQL: its own schema. */
export function sampleDatabaseOptions(own: OpenDatabaseOptions): OpenDatabaseOptions {
  if (own.databaseUrl) {
    const schema = own.schema ? `${own.schema}_sample` : SAMPLE_SCHEMA;
    return { databaseUrl: own.databaseUrl, schema };
  }
  const file = own.sqlitePath ?? ':memory:';
  if (file === ':memory:') return { sqlitePath: ':memory:' };
  const name = basename(file).replace(/\.db$/, '');
  return { sqlitePath: join(dirname(file), `${name}.sample.db`) };
}

/** Where a dataset lives, for people. */
export function whereIs(options: OpenDatabaseOptions): string {
  return options.databaseUrl
    ? `PostgreSQL schema ${options.schema ?? 'public'}`
    : (options.sqlitePath ?? ':memory:');
}

/**
 * Opens (creating and migrating) a dataset. PostgreSQL connection failures (refused, auth,
 * unknown database) become one user-facing line naming DATABASE_URL.
 */
export async function openStorage(
  options: OpenDatabaseOptions & { allowReadOnly?: boolean },
): Promise<Database> {
  if (!options.databaseUrl) return openDatabase(options);
  try {
    return await openDatabase(options);
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.message.replace(/^database migration\s+failed:\s*(Error:\s*)?/, '')
        : String(error);
    throw new UserError(`cannot use PostgreSQL: ${reason} (check DATABASE_URL)`);
  }
}

/** An opened dataset as the use cases see it. */
export function datasetOf(database: Database): Dataset {
  return { uow: createUnitOfWork(database), close: () => database.close() };
}

/**
 * The sample beside the seeker's dataset `own`, opened through openStorage like theirs;
 * `datasetFrom` lets the server keep what it needs of the opened database.
 */
export function sampleStoreBeside<D extends Dataset = Dataset>(
  own: OpenDatabaseOptions,
  datasetFrom: (database: Database) => D = datasetOf as (database: Database) => D,
): SampleStore<D> {
  const options = sampleDatabaseOptions(own);
  const named = (error: unknown): never => {
    if (error instanceof UserError || !options.databaseUrl) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot use PostgreSQL: ${reason} (check DATABASE_URL)`);
  };
  return {
    where: whereIs(options),
    exists: () => databaseExists(options).catch(named),
    open: async () => datasetFrom(await openStorage(options)),
    remove: () => dropDatabase(options).catch(named),
  };
}
