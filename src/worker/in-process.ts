// The mail side inside `tactful serve`: the routes' dependencies and, for the personal
// deployment (SQLite), the worker loop in the same process. It uses its own database
// connection so the server's facts cache notices the worker's writes (SQLite data_version).
import { homedir } from 'node:os';
import type { Clock } from '../app/ports.js';
import type { Config } from '../config/config.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { MailHttpDeps } from '../http/outbox.routes.js';
import { feedTokens } from '../secrets/feed-token.js';
import { openDatabase, type Database } from '../storage/index.js';
import { runWorkerLoop } from './loop.js';
import { dataDirOf, mailStoreFor, workerDeps } from './runtime.js';
import { runWorkerOnce } from './worker.js';

export interface InProcessMail {
  http: MailHttpDeps;
  stop(): Promise<void>;
}

export async function startInProcessMail(
  config: Config,
  database: Database,
  calendar: BusinessCalendar,
  clock: Clock,
  env: Readonly<Record<string, string | undefined>>,
): Promise<InProcessMail> {
  const dataDir = dataDirOf(config, env, homedir());
  if (config.storage.kind !== 'sqlite') {
    // Team deployment: `tactful worker` processes send; the server only queues.
    return { http: { store: mailStoreFor(database, env, dataDir), tokens: feedTokens, seekerId: 'local' }, stop: async () => undefined };
  }
  const own = await openDatabase({ sqlitePath: config.storage.path });
  const store = mailStoreFor(own, env, dataDir);
  const deps = workerDeps({ store, calendar, clock, dataDir });
  const controller = new AbortController();
  const loop = runWorkerLoop(deps, { pollMs: 30_000, signal: controller.signal });
  return {
    http: {
      store,
      tokens: feedTokens,
      seekerId: 'local',
      deliverNow: async () => void (await runWorkerOnce(deps)),
    },
    stop: async () => {
      controller.abort();
      await loop;
      await own.close();
    },
  };
}
