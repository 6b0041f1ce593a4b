// Kill -9 the worker at random points, 100 times: a follow-up to an interviewer is never
// delivered twice, and no digest that was created is lost. Each run queues four follow-ups
// for a new day (so a new digest is due), starts the worker (a bundled child process), and
// SIGKILLs it at a random moment of its work; the next run recovers what was cut off. The
// SMTP peer pauses 4 ms before each 250 so kills land between "." and the reply too. Kill
// moments are fractions of the measured work time, and no limit is set on the whole run:
// the result does not depend on the machine's speed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../slowness.js';
import { messageIdOf, type OutboxMessage } from '../../src/app/outbox.js';
import { formatInstant } from '../../src/core/calendar.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { openDatabase, type Database } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { PEER_PASSWORD, PEER_USER, startSmtpPeer, type SmtpPeer } from '../mail/smtp-peer.js';

const RUNS = Number(process.env.TACTFUL_CRASH_RUNS ?? 100);
const DAY = 86_400_000;
const START = Date.parse('2027-01-01T09:00:00Z');
// No budget for the whole run: each child is bounded on its own (a hang guard, scaled to the
// machine), so the test's limit is a count of children, never a number of seconds.
const CHILD_LIMIT_MS = scaled(20_000);

let child: string;

let peer: SmtpPeer;
let dir: string;
let dbFile: string;
const key = randomBytes(32).toString('base64');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tactful-crash-'));
  chmodSync(dir, 0o755);
  dbFile = join(dir, 'tactful.db');
  // Bundled once into this run's own folder, packages included (Kysely alone is ~600 modules
  // to load at every start); only the native SQLite binding loads from node_modules.
  child = join(dir, 'child.mjs');
  symlinkSync(join(import.meta.dirname, '..', '..', 'node_modules'), join(dir, 'node_modules'));
  buildSync({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3', 'pg', 'pg-native'],
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __tactfulRequire } from 'node:module'; const require = __tactfulRequire(import.meta.url);",
    },
    outfile: child,
    logLevel: 'error',
  });
  peer = await startSmtpPeer({ replyDelayMs: 4 });
  peer.script(['accept']);
});
afterAll(async () => {
  await peer.close();
  rmSync(dir, { recursive: true, force: true });
});

interface ChildRun {
  outcome: 'killed' | 'done';
  /** From spawn to "ready" (null when killed before). */
  startupMs: number | null;
  /** From "ready" to exit. */
  workMs: number | null;
}

/** Runs the child at `now`; kills it `killAfterMs` after it says ready (null: let it finish). */
function runChild(
  now: number,
  killAfterMs: number | null,
  killBeforeReadyMs: number | null,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    let ready: number | null = null;
    const worker = spawn(process.execPath, [child], {
      env: {
        ...process.env,
        CRASH_DB: dbFile,
        CRASH_KEY: key,
        CRASH_NOW: String(now),
        CRASH_TEMPLATES: join(import.meta.dirname, '..', '..', 'templates'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let hung = false;
    worker.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const kill = () => worker.kill('SIGKILL');
    if (killBeforeReadyMs !== null) setTimeout(kill, killBeforeReadyMs);
    worker.stdout.on('data', (d: Buffer) => {
      if (!d.toString().includes('ready')) return;
      ready = performance.now();
      if (killAfterMs !== null) setTimeout(kill, killAfterMs);
    });
    const guard = setTimeout(() => {
      hung = true;
      kill();
    }, CHILD_LIMIT_MS);
    worker.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (hung)
        return reject(
          new Error(`worker child still running after ${CHILD_LIMIT_MS} ms: ${stderr}`),
        );
      const times = {
        startupMs: ready === null ? null : ready - spawned,
        workMs: ready === null ? null : performance.now() - ready,
      };
      if (signal === 'SIGKILL') return resolve({ outcome: 'killed', ...times });
      if (code === 0) return resolve({ outcome: 'done', ...times });
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
    // Bounded by its RUNS + 1 children, each bounded on its own (CHILD_LIMIT_MS).
    { timeout: 0 },
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
      let startupMs = 0;
      let workMs = 0;
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
        // Run 0 is left to finish: it measures how long a start and a run's work take on this
        // machine now (updated by every run that finishes), so kills land inside the work
        // however fast or busy the machine is. One run in ten dies while starting.
        const early = run % 10 === 9;
        const result = await runChild(
          now,
          run === 0 || early ? null : Math.random() * 0.9 * workMs,
          early ? Math.random() * 0.9 * startupMs : null,
        );
        if (result.outcome === 'killed') killed += 1;
        else if (result.startupMs !== null && result.workMs !== null) {
          startupMs = result.startupMs;
          workMs = result.workMs;
        }
      }
      await parentDb.close();
      // A last worker, days later, left to finish: recovers and sends whatever is left.
      expect((await runChild(START + (RUNS + 1) * DAY, null, null)).outcome).toBe('done');

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
      expect(killed).toBeGreaterThanOrEqual(Math.floor((RUNS - 1) * 0.8));
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
