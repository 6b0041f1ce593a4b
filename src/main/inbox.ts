// The inbox wired once for the CLI, the HTTP routes and the worker: the stored account (its
// password opened only here) → the IMAP adapter → the `checkInbox` use case. imapflow and
// mailparser load on the first connection, not when a command or the server starts.
import type { InboxCheckReport } from '../app/inbox.js';
import {
  deleteInboxSettings,
  getInboxSettings,
  inboxAccountForReading,
  saveInboxSettings,
  type InboxAccount,
  type InboxAccountStore,
  type InboxSettingsView,
} from '../app/inbox-settings.js';
import type { Clock, UnitOfWork } from '../app/ports.js';
import type { ImapMailbox, MailboxProbe } from '../inbox/imap-mailbox.js';

export interface InboxTestReport extends MailboxProbe {
  server: string;
}

export interface InboxService {
  show(): Promise<InboxSettingsView | null>;
  save(input: unknown): Promise<InboxSettingsView>;
  /** Disconnects: the account and what the inbox remembered of the mailbox. */
  off(): Promise<boolean>;
  /** Connects, logs in and counts the messages of each configured folder. */
  test(): Promise<InboxTestReport>;
  /** One read-only pass over the configured folders. */
  check(): Promise<InboxCheckReport>;
  /** The adapter for the configured account (the worker's IDLE watcher). */
  mailbox(): Promise<{ account: InboxAccount; mailbox: ImapMailbox }>;
}

export interface InboxWiring {
  store: InboxAccountStore;
  uow: UnitOfWork;
  clock: Clock;
  seekerId: string;
  /** Tests: a shorter connection timeout. */
  timeoutMs?: number;
}

export function inboxService(wiring: InboxWiring): InboxService {
  const { store, seekerId } = wiring;
  const mailbox = async () => {
    const account = await inboxAccountForReading(store, seekerId);
    const { imapMailbox } = await import('../inbox/imap-mailbox.js');
    return {
      account,
      mailbox: imapMailbox(account, wiring.timeoutMs ? { timeoutMs: wiring.timeoutMs } : {}),
    };
  };
  return {
    show: () => getInboxSettings(store, seekerId),
    save: (input) => saveInboxSettings(store, wiring.clock, seekerId, input),
    async off() {
      const had = await deleteInboxSettings(store, seekerId);
      // What the inbox remembered (folder positions, matched messages) goes with the account.
      const { forgetInbox } = await import('../app/inbox.js');
      await forgetInbox(wiring.uow);
      return had;
    },
    async test() {
      const { account, mailbox: box } = await mailbox();
      const probe = await box.probe(account.folders);
      return { server: `${account.host}:${account.port}`, ...probe };
    },
    async check() {
      const { account, mailbox: box } = await mailbox();
      const [{ checkInbox }, { getSettings }, { readInvitations }] = await Promise.all([
        import('../app/inbox.js'),
        import('../app/settings.js'),
        import('../import/ics.js'),
      ]);
      // The seeker's own mail is never a reply: their settings e-mail and the mailbox login.
      const { email } = await getSettings(wiring.uow);
      const seekerAddresses = [email, account.user].filter(
        (a): a is string => typeof a === 'string' && a.includes('@'),
      );
      return checkInbox({
        uow: wiring.uow,
        mailbox: box,
        clock: wiring.clock,
        options: { folders: account.folders, lookBackDays: account.lookBackDays },
        seekerAddresses,
        readCalendar: (text) => readInvitations(text, 'invitation'),
      });
    },
    mailbox,
  };
}

/** `tactful inbox …`: the seeker's own dataset (never the sample), opened for one command. */
export async function withInbox<T>(
  config: import('../config/config.js').Config,
  work: (inbox: InboxService) => Promise<T>,
): Promise<T> {
  const { openMailRuntime } = await import('./mail-runtime.js');
  const { createUnitOfWork } = await import('../storage/index.js');
  const runtime = await openMailRuntime(config, process.env);
  const clock: Clock = { now: () => Date.now() };
  try {
    return await work(
      inboxService({
        store: runtime.inbox,
        uow: createUnitOfWork(runtime.database, 'local', clock),
        clock,
        seekerId: 'local',
      }),
    );
  } finally {
    await runtime.close();
  }
}

/** The worker's view of the inbox: every seeker's service over one opened database. */
export function inboxLoopDeps(
  database: import('../storage/index.js').Database,
  store: InboxAccountStore,
  clock: Clock,
  createUnitOfWork: typeof import('../storage/index.js').createUnitOfWork,
): { store: InboxAccountStore; serviceFor(seekerId: string): InboxService } {
  return {
    store,
    serviceFor: (seekerId) =>
      inboxService({ store, uow: createUnitOfWork(database, seekerId, clock), clock, seekerId }),
  };
}
