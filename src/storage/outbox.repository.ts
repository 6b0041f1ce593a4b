// One seeker's outbox rows (inside the caller's transaction) and the worker's cross-seeker
// claim. Ids are random (no dialect-specific sequences); the Message-ID derives from them.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { NewOutboxMessage, OutboxMessage, OutboxRepository } from '../app/outbox.js';
import { DomainError } from '../core/errors.js';
import { outboxFromRow, outboxToRow, type MailDb } from './outbox.table.js';

const LIVE_STATES = ['pending', 'sending', 'sent', 'uncertain'];

export function createOutboxRepository(db: MailDb, seekerId: string): OutboxRepository {
  const byKey = (key: string) =>
    db
      .selectFrom('outbox')
      .selectAll()
      .where('seeker_id', '=', seekerId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();

  const get = async (id: string): Promise<OutboxMessage | undefined> => {
    const row = await db
      .selectFrom('outbox')
      .selectAll()
      .where('seeker_id', '=', seekerId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? outboxFromRow(row) : undefined;
  };

  return {
    async insert(message: NewOutboxMessage) {
      const full: OutboxMessage = {
        ...message,
        id: randomUUID(),
        seekerId,
        state: 'pending',
        attempts: 0,
        claimedAt: null,
        sentAt: null,
        lastError: null,
        updatedAt: message.createdAt,
      };
      // The unique (seeker, key) decides: two workers or a double click create one row.
      const inserted = await db
        .insertInto('outbox')
        .values(outboxToRow(full))
        .onConflict((oc) => oc.columns(['seeker_id', 'idempotency_key']).doNothing())
        .executeTakeFirst()
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          throw new DomainError('conflict', 'this step is already in the outbox', 'stepId');
        });
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      const row = await byKey(message.idempotencyKey);
      if (!row) throw new Error('outbox row vanished after insert');
      return { message: outboxFromRow(row), created };
    },
    get,
    findByKey: async (key) => {
      const row = await byKey(key);
      return row ? outboxFromRow(row) : undefined;
    },
    async list(limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(outboxFromRow);
    },
    async liveForStep(stepId) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .where('step_id', '=', stepId)
        .where('state', 'in', LIVE_STATES)
        .execute();
      return rows.map(outboxFromRow);
    },
    async liveFollowUpsOn(localDate) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .where('kind', '=', 'follow_up')
        .where('local_date', '=', localDate)
        .where('state', 'in', LIVE_STATES)
        .execute();
      return rows.map(outboxFromRow);
    },
    async update(id, patch, at) {
      const set: Record<string, unknown> = { updated_at: at };
      if (patch.state !== undefined) set.state = patch.state;
      if (patch.nextAttemptAt !== undefined) set.next_attempt_at = patch.nextAttemptAt;
      if (patch.lastError !== undefined) set.last_error = patch.lastError;
      if (patch.sentAt !== undefined) set.sent_at = patch.sentAt;
      if (patch.attempts !== undefined) set.attempts = patch.attempts;
      await db
        .updateTable('outbox')
        .set(set)
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .execute();
      const row = await get(id);
      if (!row) throw new DomainError('not_found', `no outbox message "${id}"`, 'id');
      return row;
    },
  };
}

/** The live-step index refused a second row for one step (PostgreSQL 23505, SQLite UNIQUE). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Claim-and-stamp in ONE transaction: the due pending rows become `sending` with
 * attempts + 1 before any SMTP byte is written. PostgreSQL skips rows another worker holds
 * (FOR UPDATE SKIP LOCKED); SQLite's write transactions begin IMMEDIATE, so one claimer at a time.
 */
export async function claimDue(
  db: MailDb,
  dialect: 'sqlite' | 'postgres',
  now: string,
  limit: number,
): Promise<OutboxMessage[]> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('outbox')
      .select(['seeker_id', 'id'])
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit);
    if (dialect === 'postgres') query = query.forUpdate().skipLocked();
    const due = await query.execute();
    const claimed: OutboxMessage[] = [];
    for (const { seeker_id, id } of due) {
      await trx
        .updateTable('outbox')
        .set({ state: 'sending', attempts: sql`attempts + 1`, claimed_at: now, updated_at: now })
        .where('seeker_id', '=', seeker_id)
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .execute();
      const row = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('seeker_id', '=', seeker_id)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      claimed.push(outboxFromRow(row));
    }
    return claimed;
  });
}

export async function staleSending(db: MailDb, before: string): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('state', '=', 'sending')
    .where('claimed_at', '<', before)
    .execute();
  return rows.map(outboxFromRow);
}
