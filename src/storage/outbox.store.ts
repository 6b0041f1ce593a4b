// The MailStore port over a Database: one transaction per unit of work, binding the facts,
// outbox, SMTP settings and feed token repositories of one seeker to it.
import type { MailStore } from '../app/outbox.js';
import type { Clock } from '../app/ports.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Database } from './database.js';
import { createFeedTokenRepository, seekerOfFeedToken } from './feed-token.repository.js';
import { claimDue, createOutboxRepository, staleSending } from './outbox.repository.js';
import { mailDb } from './outbox.table.js';
import { createSmtpSettingsRepository } from './secret.repository.js';
import { journaled } from './unit-of-work.js';

/** Facts written here (a sent follow-up's interaction) are journaled like any other write. */
export function createMailStore(
  database: Database,
  box: SecretBox,
  clock: Clock = { now: () => Date.now() },
): MailStore {
  const db = mailDb(database.db);
  return {
    transaction: (seekerId, work) =>
      database.db.transaction().execute((trx) => {
        const tx = mailDb(trx);
        return journaled(
          trx,
          seekerId,
          clock,
          (facts) =>
            work({
              facts,
              outbox: createOutboxRepository(tx, seekerId),
              smtp: createSmtpSettingsRepository(tx, seekerId, box),
              feed: createFeedTokenRepository(tx, seekerId),
            }),
          database.dialect,
        );
      }),
    claimDue: (now, limit) => claimDue(db, database.dialect, now, limit),
    staleSending: (before) => staleSending(db, before),
    async seekersWithSmtp() {
      const rows = await db
        .selectFrom('smtp_settings')
        .select('seeker_id')
        .orderBy('seeker_id')
        .execute();
      return rows.map((r) => r.seeker_id);
    },
    seekerOfFeedToken: (hash) => seekerOfFeedToken(db, hash),
  };
}
