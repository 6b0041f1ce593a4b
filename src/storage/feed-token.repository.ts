// The calendar feed token, stored as its SHA-256 hash only: a copy of the database does not
// reveal a working feed URL.
import type { FeedTokenRepository } from '../app/outbox.js';
import type { MailDb } from './outbox.table.js';

export function createFeedTokenRepository(db: MailDb, seekerId: string): FeedTokenRepository {
  return {
    async replace(tokenHash, at) {
      await db
        .insertInto('feed_tokens')
        .values({ seeker_id: seekerId, token_hash: tokenHash, created_at: at })
        .onConflict((oc) =>
          oc.column('seeker_id').doUpdateSet({ token_hash: tokenHash, created_at: at }),
        )
        .execute();
    },
    async exists() {
      const row = await db
        .selectFrom('feed_tokens')
        .select('seeker_id')
        .where('seeker_id', '=', seekerId)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export async function seekerOfFeedToken(
  db: MailDb,
  tokenHash: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('feed_tokens')
    .select('seeker_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.seeker_id;
}
