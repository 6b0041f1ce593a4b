// The Mailbox port over IMAP (imapflow), read-only: folders are opened with EXAMINE, messages
// are fetched with BODY.PEEK (never \Seen), nothing is flagged, moved or deleted. Failures
// become DomainErrors a seeker can act on; the password never appears in a message or a log.
import { ImapFlow, type FetchMessageObject, type MessageStructureObject } from 'imapflow';
import { DomainError } from '../core/errors.js';
import type {
  FolderStatus,
  MailBody,
  MailHeaders,
  Mailbox,
  MailboxSession,
} from '../app/inbox-ports.js';
import { isLoopbackHost } from '../app/inbox-settings.js';
import { describeImapError } from './imap-errors.js';
import { parseBody } from './parse-body.js';

export type ImapTls = 'implicit' | 'starttls' | 'none';

export interface ImapAccount {
  host: string;
  port: number;
  tls: ImapTls;
  user: string;
  password: string;
}

export interface ImapOptions {
  /** Connect, greeting and socket inactivity limits (ms). */
  timeoutMs?: number;
  /** Messages per FETCH while reading headers (bounds memory; lets body() run between batches). */
  batchSize?: number;
  /** Extra node:tls options (tests: a private CA). */
  tlsOptions?: import('node:tls').ConnectionOptions;
}

/** What `tactful inbox test` reports. */
export interface MailboxProbe {
  folders: { folder: string; messages: number }[];
  idle: boolean;
}

/** A way for the worker to sleep until new mail arrives (IDLE, else imapflow's NOOP polling). */
export interface MailWatcher {
  /** Connects and starts listening (the caller then reads, knowing nothing new is missed). */
  ready(): Promise<void>;
  /** Resolves 'new_mail' when the folder got a message since the last call, else 'timeout'. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<'new_mail' | 'timeout'>;
  /** Whether the server offers IDLE (known after the first wait). */
  idle(): boolean | null;
  close(): Promise<void>;
}

export interface ImapMailbox extends Mailbox {
  open(): Promise<ImapSession>;
  probe(folders: string[]): Promise<MailboxProbe>;
  watch(folder: string): MailWatcher;
}

export interface ImapSession extends MailboxSession {
  /** The folders of the mailbox (for `inbox test` and the settings' folder list). */
  list(): Promise<string[]>;
}

const HEADER_FIELDS = [
  'references',
  'in-reply-to',
  'auto-submitted',
  'list-id',
  'precedence',
  'x-autoreply',
];
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_BATCH = 500;

function where(account: ImapAccount): string {
  return `${account.host}:${account.port}`;
}

export function imapMailbox(account: ImapAccount, options: ImapOptions = {}): ImapMailbox {
  if (account.tls === 'none' && !isLoopbackHost(account.host)) {
    throw new DomainError(
      'invalid_input',
      'an unencrypted connection (TLS none) is allowed only to this computer (localhost); use implicit or starttls',
      'tls',
    );
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const client = () => {
    const flow = new ImapFlow({
      host: account.host,
      port: account.port,
      secure: account.tls === 'implicit',
      doSTARTTLS: account.tls === 'starttls' ? true : account.tls === 'none' ? false : undefined,
      auth: { user: account.user, pass: account.password },
      ...(options.tlsOptions ? { tls: options.tlsOptions } : {}),
      logger: false,
      emitLogs: false,
      disableAutoIdle: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
      clientInfo: { name: 'tactful' },
    });
    // A dropped socket is reported through the pending command; without a listener the
    // 'error' event would end the process.
    flow.on('error', () => undefined);
    return flow;
  };

  const fail = (error: unknown): never => {
    throw describeImapError(error, where(account));
  };

  const connect = async () => {
    const flow = client();
    try {
      await flow.connect();
    } catch (error) {
      flow.close();
      fail(error);
    }
    return flow;
  };

  return {
    async open() {
      return session(await connect(), options.batchSize ?? DEFAULT_BATCH, fail);
    },

    async probe(folders) {
      const flow = await connect();
      try {
        const result: MailboxProbe['folders'] = [];
        for (const folder of folders) {
          const status = await flow.status(folder, { messages: true }).catch((error: unknown) => {
            throw notAFolder(error, folder);
          });
          result.push({ folder, messages: status ? (status.messages ?? 0) : 0 });
        }
        return { folders: result, idle: flow.capabilities.has('IDLE') };
      } catch (error) {
        if (error instanceof DomainError) throw error;
        return fail(error);
      } finally {
        await flow.logout().catch(() => flow.close());
      }
    },

    watch(folder) {
      return watcher(connect, folder, fail);
    },
  };
}

function notAFolder(error: unknown, folder: string): DomainError {
  const text = (error as { responseText?: string } | null)?.responseText;
  return new DomainError(
    'invalid_input',
    `the mailbox has no folder "${folder}"${text ? ` (${text})` : ''}`,
    'folders',
  );
}

function session(
  flow: ImapFlow,
  batchSize: number,
  fail: (error: unknown) => never,
): ImapSession {
  // EXAMINE, once per folder change: body() between header batches may switch folders.
  const examine = async (folder: string) => {
    if (flow.mailbox && flow.mailbox.path === folder && flow.mailbox.readOnly) return flow.mailbox;
    try {
      return await flow.mailboxOpen(folder, { readOnly: true });
    } catch (error) {
      if ((error as { responseStatus?: string }).responseStatus === 'NO') {
        throw notAFolder(error, folder);
      }
      return fail(error);
    }
  };

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      return fail(error);
    }
  };

  return {
    status: (folder) =>
      guarded(async () => {
        const box = await examine(folder);
        const status: FolderStatus = {
          folder,
          uidValidity: String(box.uidValidity),
          uidNext: Number(box.uidNext),
        };
        return status;
      }),

    async *headers(folder, afterUid, since) {
      const uids = await guarded(async () => {
        await examine(folder);
        const query = since
          ? { uid: `${afterUid + 1}:*`, since }
          : { uid: `${afterUid + 1}:*` };
        const found = await flow.search(query, { uid: true });
        // `N:*` always matches the highest UID, even below N: keep only the new ones.
        return (found || []).filter((uid) => uid > afterUid).sort((a, b) => a - b);
      });
      for (let start = 0; start < uids.length; start += batchSize) {
        const batch = uids.slice(start, start + batchSize);
        // The whole batch is read before anything is yielded: the caller may run body()
        // (another command on this connection) while it holds a message.
        const messages = await guarded(async () => {
          const box = await examine(folder);
          const read: MailHeaders[] = [];
          for await (const message of flow.fetch(
            batch,
            {
              uid: true,
              envelope: true,
              size: true,
              bodyStructure: true,
              internalDate: true,
              headers: HEADER_FIELDS,
            },
            { uid: true },
          )) {
            read.push(headersOf(folder, String(box.uidValidity), message));
          }
          return read.sort((a, b) => a.uid - b.uid);
        });
        yield* messages;
      }
    },

    body: (folder, uid, maxBytes) =>
      guarded(async () => {
        await examine(folder);
        const sized = await flow.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
        if (!sized) {
          throw new DomainError('not_found', `message ${uid} is no longer in ${folder}`, 'uid');
        }
        if ((sized.size ?? 0) > maxBytes) return 'too_large' as const;
        const full = await flow.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (!full || !full.source) {
          throw new DomainError('not_found', `message ${uid} is no longer in ${folder}`, 'uid');
        }
        const body: MailBody = await parseBody(full.source);
        return body;
      }),

    list: () =>
      guarded(async () => {
        const boxes = await flow.list();
        return boxes.filter((b) => !b.flags.has('\\Noselect')).map((b) => b.path);
      }),

    async close() {
      await flow.logout().catch(() => flow.close());
    },
  };
}

function headerLines(raw: Buffer | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  if (!raw) return fields;
  // Unfold continuation lines, then one field per line (RFC 5322 §2.2.3).
  const text = raw.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

function messageIds(value: string | undefined): string[] {
  return value ? (value.match(/<[^<>\s]+>/g) ?? []) : [];
}

function address(entry: { address?: string } | undefined): string | null {
  return entry?.address ? entry.address.toLowerCase() : null;
}

function hasCalendarPart(node: MessageStructureObject | undefined): boolean {
  if (!node) return false;
  const type = node.type.toLowerCase();
  const name = (node.dispositionParameters?.filename ?? node.parameters?.name ?? '').toLowerCase();
  if (type === 'text/calendar' || type === 'application/ics' || name.endsWith('.ics')) return true;
  return (node.childNodes ?? []).some(hasCalendarPart);
}

export function headersOf(
  folder: string,
  uidValidity: string,
  message: FetchMessageObject,
): MailHeaders {
  const envelope = message.envelope;
  const fields = headerLines(message.headers);
  const inReplyTo = messageIds(envelope?.inReplyTo ?? fields.get('in-reply-to'))[0] ?? null;
  const sent = envelope?.date instanceof Date && !Number.isNaN(envelope.date.getTime()) ? envelope.date : null;
  const internal =
    message.internalDate instanceof Date
      ? message.internalDate
      : message.internalDate
        ? new Date(message.internalDate)
        : null;
  const date = sent ?? internal;
  const from = envelope?.from?.[0];
  return {
    folder,
    uidValidity,
    uid: message.uid,
    messageId: envelope?.messageId ?? null,
    inReplyTo,
    references: messageIds(fields.get('references')),
    from: from?.address ? { address: from.address.toLowerCase(), name: from.name || null } : null,
    to: (envelope?.to ?? []).map(address).filter((a): a is string => a !== null),
    cc: (envelope?.cc ?? []).map(address).filter((a): a is string => a !== null),
    subject: envelope?.subject ?? '',
    date: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
    sizeBytes: message.size ?? 0,
    autoSubmitted: fields.get('auto-submitted') ?? null,
    listId: fields.get('list-id') ?? null,
    precedence: fields.get('precedence') ?? null,
    xAutoreply: fields.get('x-autoreply') ?? null,
    hasCalendar: hasCalendarPart(message.bodyStructure),
  };
}

function watcher(
  connect: () => Promise<ImapFlow>,
  folder: string,
  fail: (error: unknown) => never,
): MailWatcher {
  let flow: ImapFlow | null = null;
  let idle: boolean | null = null;
  let pending = false;
  let wake: (() => void) | null = null;

  const ensure = async () => {
    if (flow && flow.usable) return;
    const opened = await connect();
    opened.on('exists', (event: { path: string; count: number; prevCount: number }) => {
      if (event.path === folder && event.count > event.prevCount) {
        pending = true;
        wake?.();
      }
    });
    opened.on('close', () => {
      if (flow === opened) flow = null;
    });
    try {
      await opened.mailboxOpen(folder, { readOnly: true });
    } catch (error) {
      opened.close();
      if ((error as { responseStatus?: string }).responseStatus === 'NO') throw notAFolder(error, folder);
      fail(error);
    }
    idle = opened.capabilities.has('IDLE');
    flow = opened;
    // IDLE where offered; imapflow polls with NOOP otherwise. Runs until the next command.
    void opened.idle().catch(() => undefined);
  };

  return {
    ready: ensure,
    async wait(timeoutMs, signal) {
      await ensure();
      if (pending) {
        pending = false;
        return 'new_mail';
      }
      const open = flow;
      return new Promise((resolve) => {
        const done = (outcome: 'new_mail' | 'timeout') => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', stop);
          open?.off('close', stop);
          wake = null;
          if (outcome === 'new_mail') pending = false;
          resolve(outcome);
        };
        const stop = () => done('timeout');
        const timer = setTimeout(stop, timeoutMs);
        wake = () => done('new_mail');
        // The connection dropping ends the wait: the caller checks, then reconnects.
        open?.once('close', stop);
        if (signal?.aborted) done('timeout');
        else signal?.addEventListener('abort', stop, { once: true });
      });
    },
    idle: () => idle,
    async close() {
      const open = flow;
      flow = null;
      if (open) await open.logout().catch(() => open.close());
    },
  };
}
