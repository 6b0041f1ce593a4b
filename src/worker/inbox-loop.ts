// The inbox side of the worker: a read-only pass over each connected mailbox now, then one
// every `intervalMs`, and at once when the server says new mail arrived (IDLE; imapflow polls
// with NOOP where IDLE is missing). A failing pass is reported and retried on schedule.
import type { InboxCheckReport } from '../app/inbox.js';
import type { InboxAccount, InboxAccountStore } from '../app/inbox-settings.js';
import { isDomainError } from '../core/errors.js';
import type { MailWatcher } from '../inbox/imap-mailbox.js';

/** 5 minutes: fresh enough for a reply to hold a follow-up, gentle on the seeker's server. */
export const DEFAULT_INBOX_INTERVAL_MS = 5 * 60_000;

export interface InboxLoopOptions {
  intervalMs: number;
  signal: AbortSignal;
  /** Called after each seeker's pass; errors are reported here, never thrown. */
  onPass?: (seekerId: string, report: InboxCheckReport | null, error?: unknown) => void;
  /** Hands over a function that starts the next pass now (the settings were just saved). */
  nudge?: (passNow: () => void) => void;
}

/** What the loop needs of one seeker's inbox (src/main/inbox.ts's InboxService provides it). */
export interface WatchableInbox {
  /** One read-only pass over the configured folders. */
  check(): Promise<InboxCheckReport>;
  /** The adapter for the configured account, to wait on its INBOX. */
  mailbox(): Promise<{ account: InboxAccount; mailbox: { watch(folder: string): MailWatcher } }>;
}

export interface InboxLoopDeps {
  store: InboxAccountStore;
  serviceFor(seekerId: string): WatchableInbox;
}

/** Not configured (no account, no password): nothing to report every five minutes. */
function notConnected(error: unknown): boolean {
  return isDomainError(error) && (error.field === 'inbox' || error.field === 'password');
}

/** One pass over every connected mailbox. */
export async function checkAllInboxes(
  deps: InboxLoopDeps,
  onPass: NonNullable<InboxLoopOptions['onPass']>,
): Promise<string[]> {
  const seekers = await deps.store.seekersWithInbox();
  for (const seekerId of seekers) {
    try {
      onPass(seekerId, await deps.serviceFor(seekerId).check());
    } catch (error) {
      if (!notConnected(error)) onPass(seekerId, null, error);
    }
  }
  return seekers;
}

export async function runInboxLoop(deps: InboxLoopDeps, options: InboxLoopOptions): Promise<void> {
  const onPass = options.onPass ?? (() => undefined);
  // One seeker (the personal deployment): wait on its INBOX with IDLE between passes.
  let watched = null as { key: string; watcher: MailWatcher } | null;
  let pause = new AbortController();
  options.nudge?.(() => pause.abort());
  const stopWatching = async () => {
    const current = watched;
    watched = null;
    await current?.watcher.close().catch(() => undefined);
  };
  try {
    while (!options.signal.aborted) {
      let seekers: string[] = [];
      let passFailed = false;
      try {
        seekers = await deps.store.seekersWithInbox();
        if (seekers.length === 1) {
          // The watcher is (re)opened before the pass, so mail arriving during it wakes the next.
          const { account, mailbox } = await deps.serviceFor(seekers[0]!).mailbox();
          const key = JSON.stringify([account.host, account.port, account.tls, account.user, account.password]);
          if (watched?.key !== key) {
            await stopWatching();
            watched = { key, watcher: mailbox.watch('INBOX') };
          }
          // Listening before reading: mail arriving during the pass wakes the next one. A
          // server that cannot be reached fails the pass below, which says so.
          await watched.watcher.ready().catch(() => undefined);
        } else {
          await stopWatching();
        }
        await checkAllInboxes(deps, (seekerId, report, error) => {
          passFailed = error !== undefined;
          onPass(seekerId, report, error);
        });
      } catch (error) {
        await stopWatching();
        passFailed = true;
        if (!notConnected(error)) onPass(seekers[0] ?? '', null, error);
      }
      if (options.signal.aborted) break;
      // Until the interval ends, new mail arrives (IDLE), the loop stops or a nudge comes.
      if (pause.signal.aborted) pause = new AbortController();
      const wake = AbortSignal.any([options.signal, pause.signal]);
      if (watched) {
        try {
          await watched.watcher.wait(options.intervalMs, wake);
        } catch (error) {
          // The server is unreachable: said once (by the pass when it failed too), retried on schedule.
          await stopWatching();
          if (!passFailed) onPass(seekers[0] ?? '', null, error);
          await sleep(options.intervalMs, wake);
        }
      } else {
        await sleep(options.intervalMs, wake);
      }
    }
  } finally {
    await stopWatching();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
