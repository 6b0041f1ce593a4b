// The mail side inside `tactful serve`: the routes' dependencies and, for the personal
// deployment (SQLite), the worker loop in the same process. It shares the server's connection
// (better-sqlite3 is synchronous: a second connection in this thread would wait on its own
// write lock) and counts the passes that changed facts, so the server's facts cache can tell.
import { homedir } from 'node:os';
import type { Clock } from '../app/ports.js';
import type { Config } from '../config/config.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { MailHttpDeps } from '../http/outbox.routes.js';
import { feedTokens } from '../secrets/feed-token.js';
import type { Database } from '../storage/index.js';
import { runWorkerLoop } from './loop.js';
import { dataDirOf, mailStoreFor, workerDeps } from './runtime.js';
import { runWorkerOnce, type TickReport } from './worker.js';

export interface InProcessMail {
  http: MailHttpDeps;
  /** Changes whenever a pass logged an interaction or changed a row's state on its own. */
  version(): number;
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
  const store = mailStoreFor(database, env, dataDir);
  const http: MailHttpDeps = { store, tokens: feedTokens, seekerId: 'local' };
  if (config.storage.kind !== 'sqlite') {
    // Team deployment: `tactful worker` processes send; the server only queues.
    return { http, version: () => 0, stop: async () => undefined };
  }
  let version = 0;
  const count = (report: TickReport | null) => {
    if (report && report.attempted + report.recovered > 0) version += 1;
  };
  const deps = workerDeps({ store, calendar, clock, dataDir });
  const controller = new AbortController();
  const loop = runWorkerLoop(deps, { pollMs: 30_000, signal: controller.signal, onPass: count });
  return {
    http: { ...http, deliverNow: async () => count(await runWorkerOnce(deps)) },
    version: () => version,
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}
