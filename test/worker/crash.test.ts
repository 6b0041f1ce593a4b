// Kill -9 the worker at random points, 100 times: a follow-up to an interviewer is never
// delivered twice, and no digest that was created is lost. Each run queues four follow-ups
// for a new day (so a new digest is due), starts the worker (a bundled child process), and
// SIGKILLs it at a random moment of its work; the next run recovers what was cut off. The
// SMTP peer pauses 4 ms before each 250 so kills land between "." and the reply too.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdOf, type OutboxMessage } from '../../src/app/outbox.js';
import { formatInstant } from '../../src/core/calendar.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { openDatabase, type Database } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { PEER_PASSWORD, PEER_USER, startSmtpPeer, type SmtpPeer } from '../mail/smtp-peer.js';

const RUNS = Number(process.env.TACTFUL_CRASH_RUNS ?? 100);
const DAY = 86_400_000;
const START = Date.parse('2027-01-01T09:00:00Z');
const CHILD = join(process.cwd(), 'node_modules', '.cache', 'tactful-crash', 'child.mjs');

let peer: SmtpPeer;
let dir: string;
let dbFile: string;
const key = randomBytes(32).toString('base64');

beforeAll(async () => {
  mkdirSync(join(process.cwd(), 'node_modules', '.cache', 'tactful-crash'), { recursive: true });
  // Bundled once (our sources only; packages load from node_modules): ~0.3 s a start, not 1.4 s with tsx.
  buildSync({
    entryPoints: ['test/worker/crash-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: CHILD,
    logLevel: 'error',
  });
  peer = await startSmtpPeer({ replyDelayMs: 4 });
  peer.script(['accept']);
  dir = mkdtempSync(join(tmpdir(), 'tactful-crash-'));
  dbFile = join(dir, 'tactful.db');
});
afterAll(async () => {
  await peer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the child at `now`; kills it `killAfterMs` after it says ready (null: let it finish). */
function runChild(
  now: number,
  killAfterMs: number | null,
  killBeforeReadyMs: number | null,
): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], {
      env: { ...process.env, CRASH_DB: dbFile, CRASH_KEY: key, CRASH_NOW: String(now) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const kill = () => child.kill('SIGKILL');
    if (killBeforeReadyMs !== null) setTimeout(kill, killBeforeReadyMs);
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready') && killAfterMs !== null) setTimeout(kill, killAfterMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve('killed');
      if (code === 0) return resolve('done');
      reject(new Error(`worker child exited ${code}: ${stderr}`));
    });
  });
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ sqlitePath: dbFile });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe(`SIGKILL the worker at random points (${RUNS} runs)`, () => {
  it(
    '0 duplicate follow-ups delivered to interviewers, 0 lost digests',
    { timeout: 170_000 },
    async () => {
      const box = secretBox(Buffer.from(key, 'base64'));
      await withDatabase((database) =>
        createMailStore(database, box).transaction('local', (tx) =>
          tx.smtp.save(
            {
              host: '127.0.0.1',
              port: peer.port,
              tls: 'none',
              username: PEER_USER,
              password: PEER_PASSWORD,
              fromAddress: 'sam@seeker.example',
              fromName: null,
            },
            formatInstant(START),
          ),
        ),
      );
      let killed = 0;
      // The parent's own connection stays open between runs (WAL: the child writes beside it).
      const parentDb = await openDatabase({ sqlitePath: dbFile });
      const parentStore = createMailStore(parentDb, box);
      for (let run = 0; run < RUNS; run += 1) {
        const now = START + run * DAY;
        await parentStore.transaction('local', async (tx) => {
          for (let i = 0; i < 4; i += 1) {
            await tx.outbox.insert({
              kind: 'follow_up',
              idempotencyKey: `run${run}-${i}`,
              stepId: null,
              applicationId: null,
              organizationKey: null,
              interactionKind: null,
              contacts: [],
              localDate: formatInstant(now).slice(0, 10),
              to: [`interviewer${i}@acme.example`],
              subject: `Thank you (${run}/${i})`,
              body: 'Thank you for your time.',
              nextAttemptAt: formatInstant(now),
              createdAt: formatInstant(now),
            });
          }
        });
        // One run in ten dies while starting; the others during their work (about 50 ms of it).
        const early = run % 10 === 9;
        const outcome = await runChild(
          now,
          early ? null : Math.random() * 50,
          early ? Math.random() * 300 : null,
        );
        if (outcome === 'killed') killed += 1;
      }
      await parentDb.close();
      // A last worker, days later, left to finish: recovers and sends whatever is left.
      expect(await runChild(START + (RUNS + 1) * DAY, null, null)).toBe('done');

      const rows: OutboxMessage[] = await withDatabase((database) =>
        createMailStore(database, box).transaction('local', (tx) => tx.outbox.list(100_000)),
      );
      const delivered = (m: OutboxMessage) => peer.deliveries.get(messageIdOf(m.id)) ?? 0;
      const followUps = rows.filter((r) => r.kind === 'follow_up');
      const digests = rows.filter((r) => r.kind === 'digest');
      const duplicateFollowUps = followUps.filter((m) => delivered(m) > 1).length;
      const lostDigests = digests.filter((m) => delivered(m) === 0 || m.state !== 'sent').length;
      const figures = {
        runs: RUNS,
        killed,
        followUps: followUps.length,
        followUpsSent: followUps.filter((m) => m.state === 'sent').length,
        followUpsUncertain: followUps.filter((m) => m.state === 'uncertain').length,
        uncertainButDelivered: followUps.filter(
          (m) => m.state === 'uncertain' && delivered(m) === 1,
        ).length,
        duplicateFollowUps,
        digests: digests.length,
        digestsDeliveredTwice: digests.filter((m) => delivered(m) > 1).length,
        lostDigests,
      };
      console.log(`crash test: ${JSON.stringify(figures)}`);
      expect(killed).toBeGreaterThanOrEqual(Math.floor(RUNS * 0.8));
      expect(followUps).toHaveLength(RUNS * 4);
      expect(duplicateFollowUps).toBe(0);
      expect(lostDigests).toBe(0);
      // Every follow-up is settled: sent (delivered once) or uncertain for the seeker to decide.
      for (const m of followUps) {
        expect(['sent', 'uncertain']).toContain(m.state);
        if (m.state === 'sent') expect(delivered(m)).toBe(1);
      }
      // The last worker's own day always gets its digest; every created digest was delivered.
      expect(
        digests.some((d) => d.localDate === formatInstant(START + (RUNS + 1) * DAY).slice(0, 10)),
      ).toBe(true);
    },
  );
});
