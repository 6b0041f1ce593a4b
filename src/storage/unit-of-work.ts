import type { UnitOfWork } from '../app/ports.js';
import type { Database } from './database.js';
import { createFactsRepository } from './facts.repository.js';

/** One database transaction per use case; the repository it hands out is bound to it. */
export function createUnitOfWork(database: Database, seekerId = 'local'): UnitOfWork {
  return {
    transaction: (work) =>
      database.db.transaction().execute((trx) => work(createFactsRepository(trx, seekerId))),
    read: (work) =>
      database.db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => work(createFactsRepository(trx, seekerId))),
  };
}
