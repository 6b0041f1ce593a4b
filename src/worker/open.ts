// Opens what the mail commands need from a Config: the database, the business calendar (through
// the holiday file cache) and the mail store. For `tactful worker` and `tactful smtp`.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { MailStore } from '../app/outbox.js';
import { UserError } from '../cli/errors.js';
import type { Config } from '../config/config.js';
import { BusinessCalendar } from '../core/calendar.js';
import { cachedHolidays } from '../main/holiday-cache.js';
import { openStorage, ownDatabaseOptions } from '../main/open-storage.js';
import type { Database } from '../storage/index.js';
import { dataDirOf, mailStoreFor } from './runtime.js';

const require = createRequire(import.meta.url);

export interface MailRuntime {
  database: Database;
  store: MailStore;
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
  try {
    store = mailStoreFor(database, env, dataDir);
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
    calendar: new BusinessCalendar(holidays.lookup),
    dataDir,
    close: async () => {
      holidays.save();
      await database.close();
    },
  };
}
