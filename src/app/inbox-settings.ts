// The seeker's mailbox (IMAP, read-only) settings. Like SMTP's, the password is write-only:
// stored sealed, and every view says only whether one is set. Changing where or as whom the
// mailbox is read (host, port, TLS, user) forgets the stored password, so a password typed
// for one server is never sent to another.
import { z } from 'zod';
import { formatInstant } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import type { Clock } from './ports.js';
import { validate } from './validate.js';

export type InboxTls = 'implicit' | 'starttls' | 'none';

export interface InboxAccount {
  host: string;
  port: number;
  tls: InboxTls;
  user: string;
  password: string | null;
  /** INBOX first, then the folders the seeker added. */
  folders: string[];
  lookBackDays: number;
}

export interface InboxAccountRepository {
  get(): Promise<InboxAccount | undefined>;
  save(account: InboxAccount, at: string): Promise<void>;
  /** True when there was an account. */
  remove(): Promise<boolean>;
}

/** One seeker's mailbox settings, bound to one transaction. */
export interface InboxAccountTx {
  account: InboxAccountRepository;
}

export interface InboxAccountStore {
  transaction<T>(seekerId: string, work: (tx: InboxAccountTx) => Promise<T>): Promise<T>;
  /** Seekers with a mailbox set (the worker polls them). */
  seekersWithInbox(): Promise<string[]>;
}

/** Hosts on this computer: the only ones an unencrypted connection may go to. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    bare === '::1' ||
    bare === '0:0:0:0:0:0:0:1'
  );
}

export const DEFAULT_LOOK_BACK_DAYS = 30;
export const MAX_FOLDERS = 20;

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_CONTROLS = /^[^\u0000-\u001F\u007F]*$/;

const inboxInputSchema = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65_535),
  tls: z.enum(['implicit', 'starttls', 'none']),
  user: z.string().trim().min(1).max(320).regex(NO_CONTROLS, 'no control characters'),
  /** Omitted: keep the stored one (unless host, port, TLS or user changed); null: remove it. */
  password: z.string().min(1).max(1_000).nullable().optional(),
  /** Folders besides INBOX (INBOX is always read). */
  folders: z
    .array(z.string().trim().min(1).max(200).regex(NO_CONTROLS, 'no control characters'))
    .max(MAX_FOLDERS)
    .optional(),
  lookBackDays: z.number().int().min(1).max(365).optional(),
});

export type InboxInput = z.input<typeof inboxInputSchema>;

export interface InboxSettingsView {
  host: string;
  port: number;
  tls: InboxTls;
  user: string;
  folders: string[];
  lookBackDays: number;
  passwordSet: boolean;
}

export function inboxViewOf(account: InboxAccount): InboxSettingsView {
  return {
    host: account.host,
    port: account.port,
    tls: account.tls,
    user: account.user,
    folders: account.folders,
    lookBackDays: account.lookBackDays,
    passwordSet: account.password !== null && account.password !== '',
  };
}

/** INBOX first (however it was spelled), then each other folder once, in the given order. */
export function foldersOf(given: readonly string[] | undefined): string[] {
  const folders = ['INBOX'];
  for (const folder of given ?? []) {
    if (folder.toUpperCase() === 'INBOX') continue;
    if (!folders.includes(folder)) folders.push(folder);
  }
  return folders;
}

export async function getInboxSettings(
  store: InboxAccountStore,
  seekerId: string,
): Promise<InboxSettingsView | null> {
  const account = await store.transaction(seekerId, (tx) => tx.account.get());
  return account ? inboxViewOf(account) : null;
}

export async function saveInboxSettings(
  store: InboxAccountStore,
  clock: Clock,
  seekerId: string,
  input: unknown,
): Promise<InboxSettingsView> {
  const parsed = validate(inboxInputSchema, input);
  if (parsed.tls === 'none' && !isLoopbackHost(parsed.host)) {
    throw new DomainError(
      'invalid_input',
      'TLS none (unencrypted) is allowed only for a server on this computer (localhost); choose implicit or starttls',
      'tls',
    );
  }
  return store.transaction(seekerId, async (tx) => {
    const stored = await tx.account.get();
    const sameServer =
      stored !== undefined &&
      stored.host.toLowerCase() === parsed.host.toLowerCase() &&
      stored.port === parsed.port &&
      stored.tls === parsed.tls &&
      stored.user === parsed.user;
    const account: InboxAccount = {
      host: parsed.host,
      port: parsed.port,
      tls: parsed.tls,
      user: parsed.user,
      password:
        parsed.password === undefined
          ? sameServer
            ? (stored?.password ?? null)
            : null
          : parsed.password,
      folders: foldersOf(parsed.folders ?? (sameServer ? stored?.folders : undefined)),
      lookBackDays: parsed.lookBackDays ?? stored?.lookBackDays ?? DEFAULT_LOOK_BACK_DAYS,
    };
    await tx.account.save(account, formatInstant(clock.now()));
    return inboxViewOf(account);
  });
}

/**
 * Disconnects the mailbox: the account and its password go. `forgetState` deletes what the
 * inbox remembered of the mailbox (folder positions, matched messages) in the same
 * transaction, when the storage offers it.
 */
export async function deleteInboxSettings(
  store: InboxAccountStore,
  seekerId: string,
): Promise<boolean> {
  return store.transaction(seekerId, (tx) => tx.account.remove());
}

/** The account with its password, for the IMAP adapter only. */
export async function inboxAccountForReading(
  store: InboxAccountStore,
  seekerId: string,
): Promise<InboxAccount & { password: string }> {
  const account = await store.transaction(seekerId, (tx) => tx.account.get());
  if (!account) {
    throw new DomainError(
      'invalid_input',
      'connect a mailbox first (Settings, or `tactful inbox set`)',
      'inbox',
    );
  }
  if (account.password === null || account.password === '') {
    throw new DomainError(
      'invalid_input',
      'the mailbox password is not set (it is forgotten when the server or user changes): set it again with `tactful inbox set … --password-stdin` or in Settings',
      'password',
    );
  }
  return { ...account, password: account.password };
}
