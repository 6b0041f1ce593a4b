// Two workers (two connection pools) on one database, many digests due at once: every digest
// is created once and delivered once; a claim never hands one row to both. Run on every
// dialect; PostgreSQL exercises FOR UPDATE SKIP LOCKED, SQLite BEGIN IMMEDIATE.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdOf, type MailStore } from '../../src/app/outbox.js';
import { smtpMailer } from '../../src/mail/smtp.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import type { Database } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { runWorkerOnce, type WorkerDeps } from '../../src/worker/worker.js';
import { DIALECTS, testDatabaseSite, type TestDatabaseSite } from '../db/test-databases.js';
import { calendar, testTemplates } from '../mail/fixture.js';
import { PEER_PASSWORD, PEER_USER, startSmtpPeer, type SmtpPeer } from '../mail/smtp-peer.js';

const SEEKERS = Array.from({ length: 24 }, (_, i) => `s${String(i).padStart(2, '0')}`);
/** 09:30 UTC: past 08:00 for every seeker (default zone UTC). */
const NOW = Date.parse('2026-12-02T09:30:00Z');

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
  peer.script(['accept']);
});
afterAll(() => peer.close());

describe.each(DIALECTS)('two workers on %s', (dialect) => {
  let site: TestDatabaseSite;
  let databases: Database[];
  let stores: MailStore[];

  beforeAll(async () => {
    site = testDatabaseSite(dialect);
    // better-sqlite3 is synchronous: two connections in one thread would block each other on
    // the write lock, so on SQLite the two workers share one (separate processes use their own).
    const first = await site.open();
    databases = dialect === 'postgres' ? [first, await site.open()] : [first];
    const box = secretBox(randomBytes(32));
    stores = [createMailStore(databases[0]!, box), createMailStore(databases.at(-1)!, box)];
    for (const seeker of SEEKERS) {
      await stores[0]!.transaction(seeker, (tx) =>
        tx.smtp.save(
          {
            host: '127.0.0.1',
            port: peer.port,
            tls: 'none',
            username: PEER_USER,
            password: PEER_PASSWORD,
            fromAddress: `${seeker}@seeker.example`,
            fromName: null,
          },
          '2026-12-01T00:00:00Z',
        ),
      );
    }
  });
  afterAll(async () => {
    for (const d of databases) await d.close();
    await site.destroy();
  });

  const deps = (store: MailStore): WorkerDeps => ({
    store,
    calendar,
    clock: { now: () => NOW },
    templates: testTemplates,
    mailerFor: (settings) =>
      smtpMailer(settings, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 2_000 }),
    staleAfterMs: 10 * 60_000,
    batchSize: 3,
  });

  it('claims are disjoint', async () => {
    const at = '2026-12-02T09:00:00Z';
    const queued = await stores[0]!.transaction('claims', async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        const { message } = await tx.outbox.insert({
          kind: 'follow_up',
          idempotencyKey: `k${i}`,
          stepId: null,
          applicationId: null,
          organizationKey: null,
          interactionKind: null,
          contacts: [],
          localDate: '2026-12-02',
          to: ['x@y.example'],
          subject: 's',
          body: 'b',
          nextAttemptAt: '2026-12-03T00:00:00Z',
          createdAt: at,
        });
        ids.push(message.id);
      }
      return ids;
    });
    // Due only for this test's claims: mark them due now by claiming at a later instant.
    const claim = (store: MailStore) => store.claimDue('2026-12-03T00:00:00Z', 4);
    const taken: string[][] = [[], []];
    await Promise.all(
      stores.map(async (store, w) => {
        for (;;) {
          const rows = await claim(store);
          if (rows.length === 0) break;
          for (const row of rows) {
            expect(row.state).toBe('sending');
            expect(row.attempts).toBe(1);
            taken[w]!.push(row.id);
          }
        }
      }),
    );
    const all = [...taken[0]!, ...taken[1]!];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...queued].sort());
  });

  it('24 seekers, digests due at once: each created once and delivered once', async () => {
    const reports = await Promise.all([
      runWorkerOnce(deps(stores[0]!)),
      runWorkerOnce(deps(stores[1]!)),
      runWorkerOnce(deps(stores[1]!)),
    ]);
    expect(reports.reduce((n, r) => n + r.digestsCreated, 0)).toBe(SEEKERS.length);
    for (const seeker of SEEKERS) {
      const rows = await stores[0]!.transaction(seeker, (tx) => tx.outbox.list(10));
      expect(rows.map((r) => [r.idempotencyKey, r.state])).toEqual([['digest:2026-12-02', 'sent']]);
      expect(peer.deliveries.get(messageIdOf(rows[0]!.id))).toBe(1);
    }
    // Later passes on both: nothing new.
    const again = await Promise.all(stores.map((s) => runWorkerOnce(deps(s))));
    expect(again.map((r) => r.digestsCreated + r.attempted)).toEqual([0, 0]);
  });
});
