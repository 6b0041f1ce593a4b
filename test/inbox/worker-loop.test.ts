// The worker's inbox loop against a real dovecot: a pass at once, the next one as soon as new
// mail arrives (IDLE, long before the interval), nothing at all without a mailbox, and a
// server that goes away is reported without ending the loop. `check` here counts the new
// headers through the real adapter (the matching use case is the inbox core's).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxCheckReport } from '../../src/app/inbox.js';
import { saveInboxSettings } from '../../src/app/inbox-settings.js';
import { inboxLoopDeps } from '../../src/main/inbox.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { createInboxAccountStore } from '../../src/storage/inbox-account.store.js';
import { createUnitOfWork, openDatabase, type Database } from '../../src/storage/index.js';
import { runInboxLoop } from '../../src/worker/inbox-loop.js';
import { scaled } from '../slowness.js';
import { removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { plain } from './messages.js';

let server: Dovecot;
let database: Database;
const clock = { now: () => Date.now() };
const box = secretBox(randomBytes(32));

beforeAll(async () => {
  server = await startDovecot();
  await server.deliver(plain(1));
  database = await openDatabase({ sqlitePath: ':memory:' });
});
afterAll(async () => {
  await database.close();
  await removeDovecot(server);
});

type Pass = { report: InboxCheckReport | null; error?: unknown };

function loopDeps() {
  const store = createInboxAccountStore(database, box);
  const real = inboxLoopDeps(database, store, clock, createUnitOfWork);
  let lastUid = 0;
  return {
    store,
    deps: {
      store,
      serviceFor: (seekerId: string) => {
        const service = real.serviceFor(seekerId);
        return {
          ...service,
          // Stand-in for checkInbox: read what is new, remember where it stopped.
          async check(): Promise<InboxCheckReport> {
            const { mailbox } = await service.mailbox();
            const session = await mailbox.open();
            let scanned = 0;
            try {
              for await (const headers of session.headers('INBOX', lastUid, null)) {
                lastUid = headers.uid;
                scanned += 1;
              }
            } finally {
              await session.close();
            }
            return { folders: [{ folder: 'INBOX', scanned, matched: 0 }], matched: [], skipped: [] };
          },
        };
      },
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + scaled(15_000);
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the inbox loop of the worker', () => {
  it('does nothing (and reports nothing) while no mailbox is connected', async () => {
    const { deps } = loopDeps();
    const passes: Pass[] = [];
    const controller = new AbortController();
    const loop = runInboxLoop(deps, {
      intervalMs: 20,
      signal: controller.signal,
      onPass: (_s, report, error) => passes.push({ report, error }),
    });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await loop;
    expect(passes).toEqual([]);
  });

  it('reads at once, then again as soon as new mail arrives (IDLE), long before the interval', async () => {
    const { deps, store } = loopDeps();
    await saveInboxSettings(store, clock, 'local', {
      host: '127.0.0.1',
      port: server.port,
      tls: 'none',
      user: server.user,
      password: server.password,
    });
    const passes: Pass[] = [];
    const controller = new AbortController();
    const loop = runInboxLoop(deps, {
      intervalMs: 10 * 60_000,
      signal: controller.signal,
      onPass: (_s, report, error) => passes.push({ report, error }),
    });
    try {
      await until(() => passes.length === 1, 'the first pass');
      expect(passes[0]!.report?.folders[0]?.scanned).toBe(1);
      // At once: the loop listens (IDLE) before it reads, so nothing falls in between.
      await server.deliver(plain(2));
      await until(() => passes.length === 2, 'a pass woken by IDLE');
      expect(passes[1]!.report?.folders[0]?.scanned).toBe(1);
      expect(passes.every((p) => p.error === undefined)).toBe(true);
    } finally {
      controller.abort();
      await loop;
    }
  });

  it('a nudge (the settings were just saved) reads at once, not at the next interval', async () => {
    const { deps, store } = loopDeps();
    await deps.store.transaction('local', (tx) => tx.account.remove());
    const passes: Pass[] = [];
    const controller = new AbortController();
    let passNow = (): void => undefined;
    const loop = runInboxLoop(deps, {
      intervalMs: 10 * 60_000,
      signal: controller.signal,
      onPass: (_s, report, error) => passes.push({ report, error }),
      nudge: (wake) => (passNow = wake),
    });
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(passes).toEqual([]);
      await saveInboxSettings(store, clock, 'local', {
        host: '127.0.0.1',
        port: server.port,
        tls: 'none',
        user: server.user,
        password: server.password,
      });
      passNow();
      await until(() => passes.length === 1, 'the nudged pass');
      expect(passes[0]!.error).toBeUndefined();
    } finally {
      controller.abort();
      await loop;
    }
  });

  it('a server gone away is reported, and the loop goes on', async () => {
    const { deps, store } = loopDeps();
    await saveInboxSettings(store, clock, 'local', {
      host: '127.0.0.1',
      port: server.port,
      tls: 'none',
      user: server.user,
      password: server.password,
    });
    await server.stop();
    const passes: Pass[] = [];
    const controller = new AbortController();
    const loop = runInboxLoop(deps, {
      intervalMs: 50,
      signal: controller.signal,
      onPass: (_s, report, error) => passes.push({ report, error }),
    });
    try {
      await until(() => passes.length >= 2, 'two failed passes');
      expect(String(passes[0]!.error)).toMatch(/connection refused/);
      await server.start();
      await until(() => passes.some((p) => p.report !== null), 'a pass after the restart');
    } finally {
      controller.abort();
      await loop;
    }
  });
});
