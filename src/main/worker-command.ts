// `tactful worker`: open the database and run passes until SIGINT/SIGTERM (or one with --once):
// the outbox and digests, and a read of each connected mailbox.
import type { InboxCheckReport } from '../app/inbox.js';
import type { Config } from '../config/config.js';
import { inboxLoopDeps } from './inbox.js';
import { createUnitOfWork } from '../storage/index.js';
import { checkAllInboxes, runInboxLoop } from '../worker/inbox-loop.js';
import { runWorkerLoop } from '../worker/loop.js';
import { openMailRuntime } from './mail-runtime.js';
import { workerDeps } from './worker-deps.js';
import { runWorkerOnce, type TickReport } from '../worker/worker.js';

export interface WorkerCommandOptions {
  once: boolean;
  pollMs: number;
  staleAfterMs: number;
  /** Between two reads of the mailbox (IDLE wakes it sooner). */
  inboxIntervalMs: number;
  print(line: string): void;
}

function describeInbox(seekerId: string, report: InboxCheckReport | null, error?: unknown): string | null {
  const who = seekerId === 'local' ? '' : ` (${seekerId})`;
  if (error) return `inbox check failed${who}: ${error instanceof Error ? error.message : String(error)}`;
  if (!report || report.matched.length === 0) return null;
  return `inbox${who}: ${report.matched.length} new message${report.matched.length === 1 ? '' : 's'} from your applications`;
}

function describe(report: TickReport): string | null {
  if (report.recovered + report.digestsCreated + report.attempted === 0) return null;
  return `recovered ${report.recovered}, digests created ${report.digestsCreated}, attempted ${report.attempted}, sent ${report.sent}`;
}

export async function runWorkerCommand(
  config: Config,
  options: WorkerCommandOptions,
): Promise<void> {
  const runtime = await openMailRuntime(config, process.env);
  const deps = workerDeps({
    store: runtime.store,
    calendar: runtime.calendar,
    clock: { now: () => Date.now() },
    dataDir: config.storage.kind === 'sqlite' ? runtime.dataDir : null,
    staleAfterMs: options.staleAfterMs,
  });
  const clock = { now: () => Date.now() };
  const inbox = inboxLoopDeps(runtime.database, runtime.inbox, clock, createUnitOfWork);
  const reportInbox = (seekerId: string, report: InboxCheckReport | null, error?: unknown) => {
    const line = describeInbox(seekerId, report, error);
    if (line) options.print(line);
  };
  try {
    if (options.once) {
      const line = describe(await runWorkerOnce(deps));
      options.print(line ?? 'nothing to send');
      await checkAllInboxes(inbox, reportInbox);
      return;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    options.print('tactful worker running (Ctrl-C to stop)');
    await Promise.all([
      runWorkerLoop(deps, {
        pollMs: options.pollMs,
        signal: controller.signal,
        onPass: (report, error) => {
          if (error)
            options.print(`pass failed: ${error instanceof Error ? error.message : String(error)}`);
          const line = report && describe(report);
          if (line) options.print(line);
        },
      }),
      runInboxLoop(inbox, {
        intervalMs: options.inboxIntervalMs,
        signal: controller.signal,
        onPass: reportInbox,
      }),
    ]);
  } finally {
    await runtime.close();
  }
}
