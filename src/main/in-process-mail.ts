// The mail side inside `tactful serve`: the routes' dependencies and, for the personal
// deployment (SQLite), the worker loop in the same process. It shares the server's connection
// (better-sqlite3 is synchronous: a second connection in this thread would wait on its own
// write lock) and counts the passes that changed facts, so the server's facts cache can tell.
import { homedir } from 'node:os';
import type { Clock } from '../app/ports.js';
import type { Config } from '../config/config.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { InboxHttpDeps } from '../http/inbox-settings.routes.js';
import type { MailHttpDeps } from '../http/outbox.routes.js';
import { inboxLoopDeps } from './inbox.js';
import { feedTokens } from '../secrets/feed-token.js';
import { createInboxAccountStore } from '../storage/inbox-account.store.js';
import { createUnitOfWork, type Database } from '../storage/index.js';
import { DEFAULT_INBOX_INTERVAL_MS, runInboxLoop } from '../worker/inbox-loop.js';
import { runWorkerLoop } from '../worker/loop.js';
import { dataDirOf, lazySecretBox, mailStoreFor, workerDeps } from './worker-deps.js';
import { runWorkerOnce, type TickReport } from '../worker/worker.js';

export interface InProcessMail {
  http: MailHttpDeps;
  /** The mailbox settings routes (always the seeker's own data, never the sample). */
  inbox: InboxHttpDeps;
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
  const box = lazySecretBox(env, dataDir);
  const store = mailStoreFor(database, env, dataDir, box);
  const http: MailHttpDeps = { store, tokens: feedTokens, seekerId: 'local' };
  const inboxDeps = inboxLoopDeps(database, createInboxAccountStore(database, box), clock, createUnitOfWork);
  const own = inboxDeps.serviceFor('local');
  let passNow = () => undefined as void;
  // Saving the settings reads the mailbox at once rather than at the next interval.
  const inbox: InboxHttpDeps = {
    ...own,
    save: async (input) => {
      const view = await own.save(input);
      passNow();
      return view;
    },
  };
  if (config.storage.kind !== 'sqlite') {
    // Team deployment: `tactful worker` processes send and read mailboxes; the server only queues.
    return { http, inbox, version: () => 0, stop: async () => undefined };
  }
  let version = 0;
  const count = (report: TickReport | null) => {
    if (report && report.attempted + report.recovered > 0) version += 1;
  };
  const deps = workerDeps({ store, calendar, clock, dataDir });
  const controller = new AbortController();
  const loop = runWorkerLoop(deps, { pollMs: 30_000, signal: controller.signal, onPass: count });
  // A pass that matched a reply changed what Today shows: the facts cache must tell.
  const inboxLoop = runInboxLoop(inboxDeps, {
    intervalMs: DEFAULT_INBOX_INTERVAL_MS,
    signal: controller.signal,
    onPass: (_seeker, report) => {
      if (report && report.matched.length > 0) version += 1;
    },
    nudge: (wake) => (passNow = wake),
  });
  return {
    http: { ...http, deliverNow: async () => count(await runWorkerOnce(deps)) },
    inbox,
    version: () => version,
    stop: async () => {
      controller.abort();
      await Promise.all([loop, inboxLoop]);
    },
  };
}
