// The seeker's SMTP settings; the password is sealed by the SecretBox before it is written and
// opened only when read for the mailer.
import type { SmtpSettings, SmtpSettingsRepository } from '../app/outbox.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { MailDb } from './outbox.table.js';

export function createSmtpSettingsRepository(
  db: MailDb,
  seekerId: string,
  box: SecretBox,
): SmtpSettingsRepository {
  return {
    async get() {
      const row = await db
        .selectFrom('smtp_settings')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        host: row.host,
        port: Number(row.port),
        tls: row.tls as SmtpSettings['tls'],
        username: row.username,
        password: row.password_secret === null ? null : box.open(row.password_secret),
        fromAddress: row.from_address,
        fromName: row.from_name,
      };
    },
    async save(settings, at) {
      const values = {
        seeker_id: seekerId,
        host: settings.host,
        port: settings.port,
        tls: settings.tls,
        username: settings.username,
        password_secret: settings.password === null ? null : box.seal(settings.password),
        from_address: settings.fromAddress,
        from_name: settings.fromName,
        updated_at: at,
      };
      const { seeker_id: _, ...rest } = values;
      await db
        .insertInto('smtp_settings')
        .values(values)
        .onConflict((oc) => oc.column('seeker_id').doUpdateSet(rest))
        .execute();
    },
  };
}
