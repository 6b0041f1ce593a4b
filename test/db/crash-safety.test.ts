// Crash safety on SQLite: a child process imports generation after generation and is killed
// with SIGKILL at random moments. After each kill the file must pass integrity_check and hold
// exactly one whole generation — the last one reported committed, or the one after it
// (committed just before the kill could be reported) — never a mix.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../src/app/import-document.js';
import { createUnitOfWork, openDatabase } from '../../src/storage/index.js';
import { GENERATION_APPLICATIONS, GENERATION_CONTACTS } from './fixtures/generation-document.js';

const KILLS = 6;
const child = join(import.meta.dirname, 'fixtures', 'import-loop.ts');
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/** Runs the import loop from `start` and kills it `afterMs` after its first commit. */
function runAndKill(file: string, start: number, afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', tsxLoader, child, file, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastCommitted = start - 1;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/committed (\d+)/g))
        lastCommitted = Math.max(lastCommitted, Number(m[1]));
      timer ??= setTimeout(() => proc.kill('SIGKILL'), afterMs);
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(lastCommitted);
      else reject(new Error(`import loop exited by itself: ${stderr}`));
    });
  });
}

describe('SQLite crash safety (kill -9 during imports)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`survives ${KILLS} kills with no corrupt file and no half-written import`, async () => {
    const file = join(dir, 'tactful.db');
    let next = 1;
    const seen: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // Deterministic spread of kill moments: 0, 37, 74, … ms after the first commit.
      const lastReported = await runAndKill(file, next, kill * 37);
      const database = await openDatabase({ sqlitePath: file });
      try {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
          database.db,
        );
        expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
        const doc = await exportDocument(createUnitOfWork(database));
        const tags = new Set([
          ...doc.contacts.map((c) => c.notes),
          ...doc.applications.flatMap((a) => [
            a.role,
            a.interviews[0]!.format,
            a.interactions[0]!.summary,
          ]),
        ]);
        expect(doc.contacts).toHaveLength(GENERATION_CONTACTS);
        expect(doc.applications).toHaveLength(GENERATION_APPLICATIONS);
        expect(tags.size).toBe(1);
        const generation = Number(/generation (\d+)/.exec([...tags][0]!)![1]);
        expect([lastReported, lastReported + 1]).toContain(generation);
        seen.push(generation);
        next = generation + 1;
      } finally {
        await database.close();
      }
    }
    expect(seen.length).toBe(KILLS);
  }, 180_000);
});
