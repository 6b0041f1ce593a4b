// Issue 10's failure matrix, "a connection killed between fetch and store (the message is matched
// exactly once after restart)", against a real dovecot and a real database (both dialects): the
// real IMAP adapter fetches the matched message's body, then the database connection dies before
// the batch's transaction (the process "crashes"); the database is opened again (a restart) and
// a normal pass stores each matched message once, and a further pass finds nothing new. Also: a
// crash in the second batch of a pass keeps the first batch, once; and dovecot stopping between
// the headers and a body stores nothing until it is back.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mailbox, MailboxSession } from '../../src/app/inbox-ports.js';
import { checkInbox, listInbox } from '../../src/app/inbox.js';
import { messageIdOf } from '../../src/app/outbox.js';
import type { Clock, UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { imapMailbox } from '../../src/inbox/imap-mailbox.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from '../db/test-databases.js';
import { removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { SEEKER, seedAcme } from './fixture.js';
import { plain } from './messages.js';

const calendar = new BusinessCalendar(dateHolidays());
const NOW = Date.parse('2026-12-02T15:00:00Z');
const clock: Clock = { now: () => NOW };
const SENT = messageIdOf('o1');

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** Priya's answer to the thank-you tactful sent (outbox row o1 of the fixture). */
const priyaReply = crlf([
  'From: Priya Raman <priya@acme.example>',
  'To: alex@home.example',
  'Subject: Re: Thank you',
  'Date: Wed, 02 Dec 2026 14:00:00 +0000',
  'Message-ID: <reply-once@acme.example>',
  `In-Reply-To: ${SENT}`,
  `References: ${SENT}`,
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Thanks Alex! We expect to decide by 18 December.',
]);

/** Sam, a contact of Globex (a2). */
const samNote = crlf([
  'From: Sam Lee <sam@globex.example>',
  'To: alex@home.example',
  'Subject: Next steps',
  'Date: Wed, 02 Dec 2026 14:30:00 +0000',
  'Message-ID: <sam-once@globex.example>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi Alex, we would like to move forward.',
]);

/**
 * The real adapter, with `onBody` called after each body is fetched (before the pass stores it).
 */
function watched(server: Dovecot, onBody: (uid: number) => Promise<void>): Mailbox {
  const real = imapMailbox({
    host: server.host,
    port: server.port,
    tls: 'none',
    user: server.user,
    password: server.password,
  });
  return {
    async open(): Promise<MailboxSession> {
      const session = await real.open();
      return {
        status: (folder) => session.status(folder),
        headers: (folder, afterUid, since) => session.headers(folder, afterUid, since),
        async body(folder, uid, maxBytes) {
          const body = await session.body(folder, uid, maxBytes);
          await onBody(uid);
          return body;
        },
        close: () => session.close(),
      };
    },
  };
}

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('killed between fetch and store, against dovecot, on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let server: Dovecot;

  const pass = (mailbox: Mailbox) =>
    checkInbox({
      uow: createUnitOfWork(database, 'local', clock),
      mailbox,
      clock,
      seekerAddresses: SEEKER,
    });
  const stored = () => listInbox(createUnitOfWork(database, 'local', clock));
  /** Stored rows per subject (every row is listed: a duplicate would show as 2). */
  const rowsPerKey = async () => {
    const rows = await listInbox(createUnitOfWork(database, 'local', clock), { limit: 10_000 });
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.subject, (count.get(r.subject) ?? 0) + 1);
    return Object.fromEntries(count);
  };
  /** The process dies: its database connection is gone; the restart opens it again. */
  const restart = async () => {
    database = await site.open();
  };

  beforeEach(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    await seedAcme(createUnitOfWork(database, 'local', clock), calendar, database);
    server = await startDovecot();
  });
  afterEach(async () => {
    await database.close().catch(() => undefined);
    await site.destroy();
    await removeDovecot(server);
  });

  it('the batch dies after its bodies were fetched: after restart each message is stored once', async () => {
    await server.deliver(plain(1));
    await server.deliver(priyaReply);
    await server.deliver(plain(2));
    await server.deliver(samNote);
    const fetched: number[] = [];
    // Sam's body (UID 4) is the last fetch of the batch: the connection dies right after it.
    const crashing = watched(server, async (uid) => {
      fetched.push(uid);
      if (uid === 4) await database.close();
    });
    await expect(pass(crashing)).rejects.toThrow();
    expect(fetched).toEqual([2, 4]);

    await restart();
    expect(await stored()).toEqual([]);
    expect(
      await createUnitOfWork(database, 'local', clock).read((r) => r.inbox().folderState('INBOX')),
    ).toBeUndefined();

    const normal = watched(server, async () => undefined);
    const report = await pass(normal);
    expect(report.matched.map((m) => [m.subject, m.applicationId]).sort()).toEqual([
      ['Next steps', 'a2'],
      ['Re: Thank you', 'a1'],
    ]);
    expect(await rowsPerKey()).toEqual({ 'Next steps': 1, 'Re: Thank you': 1 });

    // Nothing new: a further pass reads no headers past UID 4 and stores nothing.
    const again = await pass(normal);
    expect(again.matched).toEqual([]);
    expect(again.folders).toEqual([{ folder: 'INBOX', scanned: 0, matched: 0 }]);
    expect(await rowsPerKey()).toEqual({ 'Next steps': 1, 'Re: Thank you': 1 });
  });

  it('a crash in the second batch keeps the first one, once, and resumes after it', async () => {
    // Batches are 200 headers: Priya's reply in the first (UID 1), Sam's note in the second.
    await server.deliver(priyaReply);
    await server.deliverMany(Array.from({ length: 229 }, (_, i) => plain(i + 1)));
    await server.deliver(samNote);
    const crashing = watched(server, async (uid) => {
      if (uid === 231) await database.close();
    });
    await expect(pass(crashing)).rejects.toThrow();

    await restart();
    expect((await stored()).map((m) => m.subject)).toEqual(['Re: Thank you']);
    const state = await createUnitOfWork(database, 'local', clock).read((r) =>
      r.inbox().folderState('INBOX'),
    );
    expect(state?.lastUid).toBe(200);

    const report = await pass(watched(server, async () => undefined));
    expect(report.folders).toEqual([{ folder: 'INBOX', scanned: 31, matched: 1 }]);
    expect(report.matched.map((m) => m.subject)).toEqual(['Next steps']);
    expect(await rowsPerKey()).toEqual({ 'Next steps': 1, 'Re: Thank you': 1 });
  });

  it('the connection dies inside the store transaction, before COMMIT: nothing half-stored, then once', async () => {
    await server.deliver(priyaReply);
    await server.deliver(samNote);
    const real = createUnitOfWork(database, 'local', clock);
    let armed = true;
    // The batch's inserts and folder position are written, then the connection is lost before
    // COMMIT: the transaction must roll back as a whole.
    const dying: UnitOfWork = {
      ...real,
      read: (work) => real.read(work),
      transaction: (work) =>
        real.transaction(async (repo) => {
          const result = await work(repo);
          if (armed) {
            armed = false;
            throw new Error('connection lost before COMMIT');
          }
          return result;
        }),
    };
    await expect(
      checkInbox({
        uow: dying,
        mailbox: watched(server, async () => undefined),
        clock,
        seekerAddresses: SEEKER,
      }),
    ).rejects.toThrow('connection lost before COMMIT');
    expect(await stored()).toEqual([]);
    expect(await real.read((r) => r.inbox().folderState('INBOX'))).toBeUndefined();

    const report = await pass(watched(server, async () => undefined));
    expect(report.matched).toHaveLength(2);
    expect(await rowsPerKey()).toEqual({ 'Next steps': 1, 'Re: Thank you': 1 });
  });

  it('dovecot stops between the headers and a body: nothing stored; once it is back, stored once', async () => {
    await server.deliver(priyaReply);
    await server.deliver(samNote);
    let stopped = false;
    // After Priya's body, the server goes away: Sam's body cannot be fetched.
    const dying = watched(server, async (uid) => {
      if (uid === 1 && !stopped) {
        stopped = true;
        await server.stop();
      }
    });
    await expect(pass(dying)).rejects.toThrow(/^mailbox 127\.0\.0\.1:\d+: /);
    expect(await stored()).toEqual([]);

    await server.start();
    const report = await pass(watched(server, async () => undefined));
    expect(report.matched).toHaveLength(2);
    expect(await rowsPerKey()).toEqual({ 'Next steps': 1, 'Re: Thank you': 1 });
  });
});
