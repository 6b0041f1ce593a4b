import { sql } from 'kysely';
import type { Clock, FactsRepository, UnitOfWork } from '../app/ports.js';
import type { Database } from './database.js';
import { createFactsRepository } from './facts.repository.js';
import { Journal } from './journal.js';
import type { Db } from './tables.js';

const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/**
 * Runs `work` with a repository bound to `trx` and records its activity (if it wrote facts)
 * in the same transaction, just before the commit.
 *
 * On PostgreSQL it first takes the seeker's row lock (their journal counter), so one seeker's
 * write transactions run one after another across every server process: the next free id,
 * the next round, "is this step still open", an Idempotency-Key seen or not, and the pacing
 * check are then read after the previous write committed (READ COMMITTED reads each statement
 * anew). SQLite needs nothing: it has one writer at a time, and one connection per process.
 */
export async function journaled<T>(
  trx: Db,
  seekerId: string,
  clock: Clock,
  work: (repo: FactsRepository) => Promise<T>,
  dialect: Database['dialect'],
): Promise<T> {
  if (dialect === 'postgres') await lockSeeker(trx, seekerId);
  const now = () => clock.now();
  const journal = new Journal(trx, seekerId, now);
  const result = await work(createFactsRepository(trx, seekerId, journal, now));
  await journal.finish();
  return result;
}

async function lockSeeker(trx: Db, seekerId: string): Promise<void> {
  await trx
    .insertInto('activity_counters')
    .values({ seeker_id: seekerId, last_id: 0 })
    .onConflict((oc) =>
      oc.column('seeker_id').doUpdateSet({ last_id: sql<number>`activity_counters.last_id` }),
    )
    .execute();
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
      database.db.transaction().execute((trx) => journaled(trx, seekerId, clock, work, database.dialect)),
    read: (work) =>
      database.db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => work(createFactsRepository(trx, seekerId))),
  };
}
