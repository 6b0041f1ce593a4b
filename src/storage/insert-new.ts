import { DomainError } from '../core/errors.js';

/** SQLite and PostgreSQL spell "that key exists" differently. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  );
}

/** Runs an insert; a duplicate key becomes DomainError('conflict') naming the entity and id. */
export async function insertNew(
  entity: string,
  id: string,
  insert: () => Promise<unknown>,
): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', `id: a ${entity} with id "${id}" already exists`, 'id');
    }
    throw error;
  }
}
