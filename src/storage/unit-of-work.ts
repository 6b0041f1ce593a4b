import type { Clock, FactsRepository, UnitOfWork } from '../app/ports.js';
import type { Database } from './database.js';
import { createFactsRepository } from './facts.repository.js';
import { Journal } from './journal.js';
import type { Db } from './tables.js';

const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/**
 * Runs `work` with a repository bound to `trx` and records its activity (if it wrote facts)
 * in the same transaction, just before the commit.
 */
export async function journaled<T>(
  trx: Db,
  seekerId: string,
  clock: Clock,
  work: (repo: FactsRepository) => Promise<T>,
): Promise<T> {
  const now = () => clock.now();
  const journal = new Journal(trx, seekerId, now);
  const result = await work(createFactsRepository(trx, seekerId, journal, now));
  await journal.finish();
  return result;
}

/**
 * One database transaction per use case; the repository it hands out is bound to it. The
 * clock stamps the activity journal (main/ passes the real one, tests a fixed one).
 */
export function createUnitOfWork(
  database: Database,
  seekerId = 'local',
  clock: Clock = SYSTEM_CLOCK,
): UnitOfWork {
  return {
    transaction: (work) =>
      database.db.transaction().execute((trx) => journaled(trx, seekerId, clock, work)),
    read: (work) =>
      database.db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => work(createFactsRepository(trx, seekerId))),
  };
}
