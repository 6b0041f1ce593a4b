// Ctrl-C in the middle of `tactful import` of a large document: SIGINT the built binary at
// seeded random moments. Each time the file must pass integrity_check and hold exactly the data
// from before the import or exactly the data after it, and the process must end by the signal
// (status 130 in a shell) without a word on stderr, or exit 0 if the import had already finished.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../src/app/import-document.js';
import { toDocument } from '../../src/core/document/to-document.js';
import { createUnitOfWork, openDatabase } from '../../src/storage/index.js';
import { generateFacts } from '../fixtures/generate.js';
import { BIN, ensureBuilt, tactful, tempDir } from './helpers.js';

const RUNS = 12;
const LARGE_APPLICATIONS = 2_000;

beforeAll(() => ensureBuilt(), 300_000);

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

/** Imports `document` into `db` with the built binary, sending SIGINT after `afterMs` (never if undefined). */
function importAndInterrupt(
  db: string,
  document: string,
  cacheDir: string,
  afterMs?: number,
): Promise<Outcome> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn('node', [BIN, '--db', db, 'import', document], {
      env: { PATH: process.env.PATH ?? '', HOME: cacheDir, XDG_CACHE_HOME: cacheDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer =
      afterMs === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), afterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stderr, ms: Date.now() - started });
    });
  });
}

function integrity(db: string): string {
  const handle = new SqliteDatabase(db, { readonly: true });
  try {
    return handle.pragma('integrity_check', { simple: true }) as string;
  } finally {
    handle.close();
  }
}

async function exported(db: string): Promise<string> {
  const database = await openDatabase({ sqlitePath: db });
  try {
    return JSON.stringify(await exportDocument(createUnitOfWork(database)));
  } finally {
    await database.close();
  }
}

/** mulberry32: the interrupt moments are random but the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('Ctrl-C during import of a large document', () => {
  it(`leaves the database exactly before or exactly after, ${RUNS} interrupts`, async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const small = join(dir, 'small.json');
    const large = join(dir, 'large.json');
    writeFileSync(small, JSON.stringify(toDocument(generateFacts(7, 40))));
    writeFileSync(large, JSON.stringify(toDocument(generateFacts(7, LARGE_APPLICATIONS))));

    const base = join(dir, 'base.db');
    expect((await tactful(['--db', base, 'import', small])).code).toBe(0);
    const before = await exported(base);

    // One uninterrupted import gives the "after" state and how long an import takes here.
    const full = join(dir, 'full.db');
    copyFileSync(base, full);
    const finished = await importAndInterrupt(full, large, dir);
    expect(finished).toMatchObject({ code: 0, stderr: '' });
    const after = await exported(full);
    // A second, warm run times the import (the first also filled the holiday cache).
    copyFileSync(base, full);
    const warm = await importAndInterrupt(full, large, dir);
    expect(warm.code).toBe(0);
    const importMs = Math.min(finished.ms, warm.ms);
    expect(after).not.toBe(before);

    const random = prng(20261123);
    const tally = { finished: 0, interrupted: 0, rolledBackMidImport: 0, before: 0, after: 0 };
    for (let run = 0; run < RUNS; run++) {
      const db = join(dir, `run-${run}.db`);
      copyFileSync(base, db);
      // Start-up and reading the JSON take about the first third of an import (measured: the
      // database opens at ~35 %); most moments fall inside the transaction, a few around it.
      const afterMs = Math.round(importMs * (0.25 + 0.8 * random()));
      const outcome = await importAndInterrupt(db, large, dir, afterMs);
      const label = `run ${run}, SIGINT after ${afterMs} ms`;
      // A -wal file left behind: the process was stopped with the database open.
      const stoppedWhileOpen = existsSync(`${db}-wal`);

      if (outcome.code === 0) {
        expect(outcome.stderr, label).toBe('');
        tally.finished++;
      } else {
        expect(outcome, label).toMatchObject({ code: null, signal: 'SIGINT', stderr: '' });
        tally.interrupted++;
      }
      expect(integrity(db), label).toBe('ok');
      const now = await exported(db);
      expect([before, after], label).toContain(now);
      if (outcome.code === 0) expect(now, label).toBe(after);
      if (now === before) tally.before++;
      else tally.after++;
      if (now === before && stoppedWhileOpen) tally.rolledBackMidImport++;
    }
    console.log(`interrupt runs: ${JSON.stringify(tally)} (uninterrupted import ${importMs} ms)`);
    expect(tally.before + tally.after).toBe(RUNS);
    // The moments must actually hit the import transaction, not only start-up or the end.
    expect(tally.rolledBackMidImport).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
