// Opens what the mail commands need from a Config: the database, the business calendar (through
// the holiday file cache), the mail store and the mailbox settings. For `tactful worker`,
// `tactful smtp` and `tactful inbox`.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { MailStore } from '../app/outbox.js';
import type { Config } from '../config/config.js';
import { BusinessCalendar } from '../core/calendar.js';
import { UserError } from '../core/errors.js';
import { cachedHolidays } from './holiday-cache.js';
import { openStorage, ownDatabaseOptions } from './open-storage.js';
import type { Database } from '../storage/index.js';
import type { InboxAccountStore } from '../app/inbox-settings.js';
import { createInboxAccountStore } from '../storage/inbox-account.store.js';
import { dataDirOf, lazySecretBox, mailStoreFor } from './worker-deps.js';

const require = createRequire(import.meta.url);

export interface MailRuntime {
  database: Database;
  store: MailStore;
  /** The mailbox (IMAP) settings, sealed with the same secret box as SMTP's. */
  inbox: InboxAccountStore;
  calendar: BusinessCalendar;
  dataDir: string;
  close(): Promise<void>;
}

export async function openMailRuntime(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): Promise<MailRuntime> {
  const database = await openStorage(ownDatabaseOptions(config.storage));
  const dataDir = dataDirOf(config, env, homedir());
  let store: MailStore;
  let inbox: InboxAccountStore;
  try {
    const box = lazySecretBox(env, dataDir);
    store = mailStoreFor(database, env, dataDir, box);
    inbox = createInboxAccountStore(database, box);
  } catch (error) {
    await database.close();
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
  const holidays = cachedHolidays(join(config.cacheDir, 'holidays.json'), () =>
    (
      require('../holidays/date-holidays.js') as typeof import('../holidays/date-holidays.js')
    ).dateHolidays(),
  );
  return {
    database,
    store,
    inbox,
    calendar: new BusinessCalendar(holidays.lookup),
    dataDir,
    close: async () => {
      holidays.save();
      await database.close();
    },
  };
}
