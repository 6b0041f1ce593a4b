// The IMAP adapter against a real dovecot on loopback: real MIME in, the port's MailHeaders and
// MailBody out; read-only (no \Seen after a pass); UID resume; UIDVALIDITY change; the failure
// matrix (wrong password, refused TLS, server gone mid-fetch, a 25 MB message).
// Needs Debian's dovecot-imapd (the harness says what to install when it is absent).
import { ImapFlow } from 'imapflow';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailHeaders } from '../../src/app/inbox-ports.js';
import { DomainError } from '../../src/core/errors.js';
import { imapMailbox, type ImapAccount } from '../../src/inbox/imap-mailbox.js';
import { scaled } from '../slowness.js';
import { freePort, removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import {
  SENT_MESSAGE_ID,
  alternative,
  autoReply,
  htmlOnly,
  invitation,
  mailingList,
  plain,
  threadedReply,
} from './messages.js';

const MB = 1024 * 1024;

function accountOf(server: Dovecot, overrides: Partial<ImapAccount> = {}): ImapAccount {
  return {
    host: server.host,
    port: server.port,
    tls: 'none',
    user: server.user,
    password: server.password,
    ...overrides,
  };
}

async function collect(iterable: AsyncIterable<MailHeaders>): Promise<MailHeaders[]> {
  const all: MailHeaders[] = [];
  for await (const headers of iterable) all.push(headers);
  return all;
}

async function failureOf(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a failure');
}

/** Flags as the server reports them, read on a separate read-only connection. */
async function serverFlags(server: Dovecot, folder = 'INBOX'): Promise<string[][]> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const flags: string[][] = [];
    for await (const m of client.fetch('1:*', { flags: true })) {
      // \\Recent is the server's own session flag, not one a client sets.
      flags.push([...(m.flags ?? [])].filter((flag) => flag !== '\\Recent'));
    }
    return flags;
  } finally {
    await client.logout();
  }
}

describe('the IMAP mailbox, read-only, against dovecot', () => {
  let server: Dovecot;

  beforeAll(async () => {
    server = await startDovecot();
    for (const raw of [alternative, htmlOnly, invitation, autoReply, mailingList, threadedReply]) {
      await server.deliver(raw);
    }
  });
  afterAll(() => removeDovecot(server));

  it('reads the headers the matching needs, in UID order', async () => {
    const session = await imapMailbox(accountOf(server)).open();
    try {
      const status = await session.status('INBOX');
      expect(status.uidNext).toBe(7);
      const all = await collect(session.headers('INBOX', 0, null));
      expect(all.map((h) => h.uid)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(all.map((h) => h.uidValidity))).toEqual(new Set([status.uidValidity]));
      const [alt, html, invite, ooo, list, reply] = all as [
        MailHeaders, MailHeaders, MailHeaders, MailHeaders, MailHeaders, MailHeaders,
      ];
      // ISO-8859-1 encoded words decoded; addresses lower-cased.
      expect(alt.subject).toBe("Café après l'entretien");
      expect(alt.from).toEqual({ address: 'renee@acme.example', name: 'Renée Dupré' });
      expect(alt.to).toEqual(['seeker@example.test']);
      expect(alt.cc).toEqual(['hiring@acme.example']);
      expect(alt.messageId).toBe('<alt-1@acme.example>');
      expect(alt.date).toBe('2026-12-01T08:30:00.000Z');
      expect(alt.hasCalendar).toBe(false);
      expect(alt.sizeBytes).toBe(Buffer.byteLength(alternative));
      expect(html.subject).toBe('Next steps');
      expect(invite.hasCalendar).toBe(true);
      expect(ooo).toMatchObject({
        autoSubmitted: 'auto-replied',
        xAutoreply: 'yes',
        precedence: 'auto_reply',
        listId: null,
      });
      expect(list).toMatchObject({ listId: 'Jobs <jobs.lists.example>', precedence: 'list' });
      expect(reply.inReplyTo).toBe(SENT_MESSAGE_ID);
      expect(reply.references).toEqual(['<earlier-0@acme.example>', SENT_MESSAGE_ID]);
      expect(alt).toMatchObject({ inReplyTo: null, references: [], autoSubmitted: null });
    } finally {
      await session.close();
    }
  });

  it('reads bodies: quoted-printable plain text, HTML stripped, a .ics attachment, quoted history cut', async () => {
    const session = await imapMailbox(accountOf(server)).open();
    try {
      const alt = await session.body('INBOX', 1, MB);
      expect(alt).not.toBe('too_large');
      if (alt === 'too_large') return;
      expect(alt.text).toBe(
        "Bonjour, merci pour l'entretien. Nous décidons d'ici le 18 décembre, et nous revenons vers vous très vite.",
      );
      expect(alt.calendars).toEqual([]);

      const html = await session.body('INBOX', 2, MB);
      if (html === 'too_large') throw new Error('unexpected');
      expect(html.text).toContain('We would like to');
      expect(html.text).toMatch(/move forward/i);
      expect(html.text).not.toContain('<');
      expect(html.text).not.toContain('x()');

      const invite = await session.body('INBOX', 3, MB);
      if (invite === 'too_large') throw new Error('unexpected');
      expect(invite.text).toBe('Please find the invitation attached.');
      expect(invite.calendars).toHaveLength(1);
      expect(invite.calendars[0]).toContain('SUMMARY:Round 2');
      expect(invite.calendars[0]).toContain('ATTENDEE;CN=Lee:mailto:lee@acme.example');

      const reply = await session.body('INBOX', 6, MB);
      if (reply === 'too_large') throw new Error('unexpected');
      expect(reply.text).toBe('Thanks! We expect to decide by 18 December.');
    } finally {
      await session.close();
    }
  });

  it('a body can be read between two headers of the same pass (no interleaved command hangs)', async () => {
    const session = await imapMailbox(accountOf(server), { batchSize: 2 }).open();
    try {
      const texts: string[] = [];
      for await (const headers of session.headers('INBOX', 0, null)) {
        const body = await session.body('INBOX', headers.uid, MB);
        if (body !== 'too_large') texts.push(body.text.slice(0, 10));
      }
      expect(texts).toHaveLength(6);
    } finally {
      await session.close();
    }
  });

  it('never sets \\Seen: the flags are unchanged after headers and bodies', async () => {
    expect(await serverFlags(server)).toEqual([[], [], [], [], [], []]);
    expect(await server.maildirFlags()).toEqual(['', '', '', '', '', '']);
  });

  it('resumes after the last UID: nothing new on a second pass, then only the new message', async () => {
    const mailbox = imapMailbox(accountOf(server));
    const first = await mailbox.open();
    const lastUid = Math.max(...(await collect(first.headers('INBOX', 0, null))).map((h) => h.uid));
    await first.close();

    const second = await mailbox.open();
    expect(await collect(second.headers('INBOX', lastUid, null))).toEqual([]);
    await second.close();

    await server.deliver(plain(100));
    const third = await mailbox.open();
    const fresh = await collect(third.headers('INBOX', lastUid, null));
    await third.close();
    expect(fresh.map((h) => [h.uid, h.subject])).toEqual([[lastUid + 1, 'Message 100']]);
  });

  it('looks back only `since` on a first pass (INTERNALDATE)', async () => {
    await server.createFolder('Archive');
    await server.deliver(plain(200), { folder: 'Archive', date: new Date('2026-09-01T12:00:00Z') });
    await server.deliver(plain(201), { folder: 'Archive', date: new Date('2026-11-20T12:00:00Z') });
    const session = await imapMailbox(accountOf(server)).open();
    try {
      const recent = await collect(session.headers('Archive', 0, new Date('2026-11-01T00:00:00Z')));
      expect(recent.map((h) => h.subject)).toEqual(['Message 201']);
      const all = await collect(session.headers('Archive', 0, null));
      expect(all.map((h) => h.subject)).toEqual(['Message 200', 'Message 201']);
      const unknown = await failureOf(() => session.status('No Such Folder'));
      expect(unknown.message).toContain('no folder "No Such Folder"');
    } finally {
      await session.close();
    }
  });

  it('a UIDVALIDITY change shows in status and in every header (the caller re-scans)', async () => {
    const mailbox = imapMailbox(accountOf(server));
    const before = await mailbox.open();
    const old = await before.status('Archive');
    await before.close();
    await server.resetUidValidity('Archive', 4242);
    const after = await mailbox.open();
    try {
      const status = await after.status('Archive');
      expect(status.uidValidity).toBe('4242');
      expect(status.uidValidity).not.toBe(old.uidValidity);
      const rescanned = await collect(after.headers('Archive', 0, null));
      expect(rescanned.map((h) => [h.uidValidity, h.messageId])).toEqual([
        ['4242', '<plain-200@example.org>'],
        ['4242', '<plain-201@example.org>'],
      ]);
    } finally {
      await after.close();
    }
  });

  it('tells the worker of new mail through IDLE', async () => {
    const watcher = imapMailbox(accountOf(server)).watch('INBOX');
    try {
      expect(await watcher.wait(50)).toBe('timeout');
      expect(watcher.idle()).toBe(true);
      const waiting = watcher.wait(scaled(20_000));
      await new Promise((r) => setTimeout(r, 100));
      await server.deliver(plain(300));
      expect(await waiting).toBe('new_mail');
    } finally {
      await watcher.close();
    }
  });

  it('probe lists folders with their message counts', async () => {
    const probe = await imapMailbox(accountOf(server)).probe(['INBOX', 'Archive']);
    expect(probe.idle).toBe(true);
    expect(probe.folders.map((f) => f.folder)).toEqual(['INBOX', 'Archive']);
    expect(probe.folders[1]!.messages).toBe(2);
    const session = await imapMailbox(accountOf(server)).open();
    expect(await session.list()).toEqual(expect.arrayContaining(['INBOX', 'Archive']));
    await session.close();
  });
});

describe('the failure matrix', () => {
  let server: Dovecot;

  beforeAll(async () => {
    server = await startDovecot();
  });
  afterAll(() => removeDovecot(server));

  it('a wrong password: a clear message, never the password', async () => {
    const error = await failureOf(() =>
      imapMailbox(accountOf(server, { password: 'wrong-Secret-123' })).open(),
    );
    expect(error.message).toBe(
      `mailbox 127.0.0.1:${server.port}: the server refused the user name or password (an app password may be needed)`,
    );
    expect(error.message).not.toContain('wrong-Secret-123');
  });

  it('implicit TLS against a plain port: TLS refused', async () => {
    const error = await failureOf(() =>
      imapMailbox(accountOf(server, { tls: 'implicit' }), { timeoutMs: scaled(5_000) }).open(),
    );
    expect(error.message).toBe(
      `mailbox 127.0.0.1:${server.port}: TLS refused: the server did not speak TLS on this port (check the port and the TLS mode)`,
    );
  });

  it('STARTTLS required but not offered: refused, never sent in the clear', async () => {
    const error = await failureOf(() =>
      imapMailbox(accountOf(server, { tls: 'starttls' })).open(),
    );
    expect(error.message).toContain('STARTTLS');
    expect(error.message).not.toContain(server.password);
  });

  it('connection refused; TLS none only to this computer', async () => {
    const port = await freePort();
    const refused = await failureOf(() => imapMailbox(accountOf(server, { port })).open());
    expect(refused.message).toBe(`mailbox 127.0.0.1:${port}: connection refused (is the host and port right?)`);
    expect(() => imapMailbox(accountOf(server, { host: 'imap.example.com' }))).toThrow(
      /TLS none\) is allowed only to this computer/,
    );
  });

  it('a server that never greets: timed out, said so', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const error = await failureOf(() =>
        imapMailbox(accountOf(server, { port }), { timeoutMs: 300 }).open(),
      );
      expect(error.message).toBe(`mailbox 127.0.0.1:${port}: the server did not answer in time`);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a 25 MB message: its body is refused as too_large before downloading', async () => {
    await server.createFolder('Big');
    await server.deliver(plain(1, { size: 25 * MB }), { folder: 'Big' });
    const session = await imapMailbox(accountOf(server)).open();
    try {
      const [big] = await collect(session.headers('Big', 0, null));
      expect(big!.sizeBytes).toBeGreaterThan(25 * MB);
      expect(await session.body('Big', big!.uid, 10 * MB)).toBe('too_large');
    } finally {
      await session.close();
    }
  });

  it('the server gone in the middle of the headers: a DomainError, no crash', async () => {
    await server.createFolder('Many');
    await server.deliverMany(
      Array.from({ length: 300 }, (_, i) => plain(1000 + i)),
      { folder: 'Many' },
    );
    const session = await imapMailbox(accountOf(server), { batchSize: 50 }).open();
    let seen = 0;
    const error = await failureOf(async () => {
      for await (const _ of session.headers('Many', 0, null)) {
        seen += 1;
        if (seen === 1) await server.stop();
      }
    });
    expect(seen).toBe(50);
    expect(error.message).toBe(`mailbox 127.0.0.1:${server.port}: the server closed the connection`);
    await session.close();
    await server.start();
  });
});

describe('over TLS (a self-signed certificate)', () => {
  let server: Dovecot;

  beforeAll(async () => {
    server = await startDovecot({ tls: true });
    await server.deliver(alternative);
  });
  afterAll(() => removeDovecot(server));

  const read = async (account: ImapAccount, ca: string | null) => {
    const session = await imapMailbox(account, ca ? { tlsOptions: { ca } } : {}).open();
    try {
      return (await collect(session.headers('INBOX', 0, null))).map((h) => h.subject);
    } finally {
      await session.close();
    }
  };

  it('implicit TLS and STARTTLS both read the mailbox when the certificate is trusted', async () => {
    expect(await read(accountOf(server, { tls: 'implicit', port: server.tlsPort }), server.ca)).toEqual([
      "Café après l'entretien",
    ]);
    expect(await read(accountOf(server, { tls: 'starttls' }), server.ca)).toEqual([
      "Café après l'entretien",
    ]);
  });

  it('an untrusted certificate is refused, and said so', async () => {
    const error = await failureOf(() =>
      read(accountOf(server, { tls: 'implicit', port: server.tlsPort }), null),
    );
    expect(error.message).toBe(
      `mailbox 127.0.0.1:${server.tlsPort}: the server's TLS certificate is not trusted`,
    );
  });
});
