// HTTP figures of SPEC §7, on a 10,000-application SQLite database (BENCH_SMOKE: 1,000):
//   (a) GET /api/plan?asOf=… through buildApp versus a bare Fastify route sending the same
//       bytes, both in this process, with autocannon on 127.0.0.1 (requests/s, p99, ratio);
//       also the first, uncached answer and an answer "as of now" (never cached);
//   (b) `tactful serve` as a child process: first answer after spawn, RSS idle and after load.
// The plan is memoised per (data version, exact as-of instant) and dropped on every write;
// the uncached figures are reported beside the cached ones.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { buildApp } from '../../src/http/app.js';
import { sqliteHandleOf } from '../../src/storage/database.js';
import { createUnitOfWork, openDatabase } from '../../src/storage/index.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { GENERATED_TODAY, generateFacts } from '../fixtures/generate.js';
import { median } from './stats.js';
import { writeFacts } from './write-facts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = require('autocannon') as Autocannon;

export interface HttpBenchOptions {
  smoke: boolean;
  /** A scratch directory for the database. */
  dir: string;
}

const SEED = 20261123;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function cannon(url: string, seconds: number, connections: number): Promise<CannonResult> {
  const result = await autocannon({
    url,
    duration: seconds,
    connections,
    headers: { host: new URL(url).host },
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result;
}

function figures(result: CannonResult) {
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    mbPerSecond: round(result.throughput.average / 1e6),
  };
}

/** Resident set size of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024);
}

async function waitForUrl(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`tactful serve printed no URL: ${out}`)),
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`tactful serve exited ${code}: ${out}`)));
  });
}

async function firstOk(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Spawns the built `tactful serve`; resolves with the time to its first 200. */
async function spawnServer(dbFile: string) {
  const t0 = nowMs();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/tactful.js'), '--db', dbFile, 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? '',
      },
    },
  );
  try {
    const url = await waitForUrl(child);
    await firstOk(`${url}api/health`);
    return { child, url, firstAnswerMs: nowMs() - t0 };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function runHttpBench(
  options: HttpBenchOptions,
): Promise<Record<string, unknown> & { ok: boolean }> {
  const applications = options.smoke ? 1_000 : 10_000;
  const seconds = options.smoke ? 1.5 : 5;
  const connections = 8;
  const dbFile = path.join(options.dir, 'http.db');
  const database = await openDatabase({ sqlitePath: dbFile });
  await writeFacts(createUnitOfWork(database), generateFacts(SEED + 2, applications));

  const sqlite = sqliteHandleOf(database)!;
  const app = await buildApp({
    uow: createUnitOfWork(database),
    calendar: new BusinessCalendar(dateHolidays()),
    clock: { now: () => Date.now() },
    templates: () => loadTemplates(),
    dataVersion: () => String(sqlite.pragma('data_version', { simple: true })),
    webRoot: null,
  });
  const bare = Fastify();
  let payload = '';
  // The bare route's best case: the same bytes, serialised once.
  let payloadBytes = Buffer.alloc(0);
  bare.get('/plan', (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(payloadBytes),
  );
  bare.get('/hello', async () => ({ hello: 'world' }));

  try {
    const apiBase = await app.listen({ port: 0, host: '127.0.0.1' });
    const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
    const planUrl = `${apiBase}/api/plan?asOf=${GENERATED_TODAY}`;

    // The first answer reads and plans every application; later ones come from the cache.
    const t0 = nowMs();
    const first = await fetch(planUrl);
    payload = await first.text();
    payloadBytes = Buffer.from(payload);
    const uncachedMs = nowMs() - t0;
    const steps = (JSON.parse(payload) as { steps: unknown[] }).steps.length;
    // "As of now" is a new instant every time: the facts are cached, the plan is recomputed.
    const nowTimings: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const t1 = nowMs();
      await (await fetch(`${apiBase}/api/plan`)).text();
      nowTimings.push(nowMs() - t1);
    }
    // What the Applications page transfers: the board it asks for now vs the full list it
    // used to load (bytes on the wire, compressed as a browser would get them).
    const onTheWire = async (url: string) =>
      (await app.inject({ url, headers: { host: 'localhost', 'accept-encoding': 'br, gzip' } }))
        .rawPayload.length;
    const applicationsListBytes = await onTheWire('/api/applications');
    const boardBytes = await onTheWire('/api/applications/board');
    const api = await cannon(planUrl, seconds, connections);
    const bareSame = await cannon(`${bareBase}/plan`, seconds, connections);
    const bareHello = await cannon(`${bareBase}/hello`, seconds, connections);
    const ratio = api.requests.average / bareSame.requests.average;

    // (b) the real server process.
    ensureBuilt();
    const spawns: number[] = [];
    for (let i = 0; i < (options.smoke ? 2 : 5); i += 1) {
      const { child, firstAnswerMs } = await spawnServer(dbFile);
      spawns.push(firstAnswerMs);
      await stop(child);
    }
    // Node's own start on this machine now, for scale (the machine is shared and loaded).
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const nodeSpawns: number[] = [];
    for (let i = 0; i < spawns.length; i += 1) {
      const t2 = nowMs();
      spawnSync(process.execPath, ['-e', '0']);
      nodeSpawns.push(nowMs() - t2);
    }
    const server = await spawnServer(dbFile);
    let idle = 0;
    let loaded = 0;
    let served: CannonResult;
    try {
      await new Promise((r) => setTimeout(r, 500));
      idle = rssMb(server.child.pid!);
      served = await cannon(`${server.url}api/plan?asOf=${GENERATED_TODAY}`, seconds, connections);
      loaded = rssMb(server.child.pid!);
    } finally {
      await stop(server.child);
    }

    const result = {
      ok: true,
      applications,
      planBytes: payload.length,
      steps,
      durationSeconds: seconds,
      connections,
      uncachedFirstAnswerMs: round(uncachedMs),
      applicationsListBytes,
      boardBytes,
      asOfNowMedianMs: round(median(nowTimings)),
      api: figures(api),
      bareSamePayload: figures(bareSame),
      bareHello: figures(bareHello),
      ratio: round(ratio, 2),
      goal: 0.5,
      met: ratio >= 0.5,
      serveFirstAnswerMedianMs: round(median(spawns)),
      serveFirstAnswerGoalMs: 500,
      nodeSpawnMedianMs: round(median(nodeSpawns)),
      loadAverage: (await import('node:os')).loadavg().map((l) => round(l, 2)),
      serveRssIdleMb: idle,
      serveRssAfterLoadMb: loaded,
      serveRequestsPerSecond: round(served!.requests.average),
      rssGoalsMb: { idle: 80, load: 150 },
    };
    printHttp(result);
    return result;
  } finally {
    await app.close();
    await bare.close();
    await database.close();
  }
}

/** `tactful serve` runs from dist/: build it when it is missing or older than the sources. */
function ensureBuilt(): void {
  const built = path.join(ROOT, 'dist/main/server.js');
  const newestUnder = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory()
          ? newestUnder(path.join(dir, e.name))
          : statSync(path.join(dir, e.name)).mtimeMs,
      ),
    );
  if (existsSync(built) && statSync(built).mtimeMs >= newestUnder(path.join(ROOT, 'src'))) return;
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  // tsc only: the web app is not part of these figures.
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (!existsSync(built))
    throw new Error(`the build failed (status ${result.status ?? result.signal})`);
}

function printHttp(r: Record<string, unknown>): void {
  const f = (x: unknown) =>
    typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: 1 }) : String(x);
  const api = r.api as ReturnType<typeof figures>;
  const same = r.bareSamePayload as ReturnType<typeof figures>;
  const hello = r.bareHello as ReturnType<typeof figures>;
  const lines = [
    [
      `GET /api/plan, ${f(r.applications)} applications (${f(r.steps)} steps, ${f(Number(r.planBytes) / 1e6)} MB)`,
      `${f(api.requestsPerSecond)} req/s, p99 ${f(api.p99Ms)} ms`,
      `ratio ${f(r.ratio)} of bare (goal ≥ 0.5: ${r.met ? 'met' : 'NOT met'})`,
    ],
    [
      'bare Fastify route, same bytes',
      `${f(same.requestsPerSecond)} req/s, p99 ${f(same.p99Ms)} ms`,
      '',
    ],
    [
      'bare Fastify route, {hello:"world"}',
      `${f(hello.requestsPerSecond)} req/s, p99 ${f(hello.p99Ms)} ms`,
      '',
    ],
    [
      'first /api/plan (uncached: read + plan)',
      `${f(r.uncachedFirstAnswerMs)} ms`,
      `as of now (plan recomputed): ${f(r.asOfNowMedianMs)} ms`,
    ],
    [
      `Applications page, ${f(r.applications)} applications, on the wire`,
      `board ${f(Number(r.boardBytes) / 1e3)} KB`,
      `(the full list it loaded before: ${f(Number(r.applicationsListBytes) / 1e3)} KB)`,
    ],
    [
      'tactful serve: first answer after spawn',
      `${f(r.serveFirstAnswerMedianMs)} ms median`,
      `(goal ≤ 500 ms; node -e 0: ${f(r.nodeSpawnMedianMs)} ms; load ${String(r.loadAverage)})`,
    ],
    [
      'tactful serve: RSS idle / after load',
      `${f(r.serveRssIdleMb)} MB / ${f(r.serveRssAfterLoadMb)} MB`,
      `(goals ≤ 80 / ≤ 150 MB; ${f(r.serveRequestsPerSecond)} req/s)`,
    ],
  ];
  const width = Math.max(...lines.map((l) => l[0]!.length));
  for (const [label, figure, note] of lines)
    console.log(`  ${label!.padEnd(width)}  ${figure!.padEnd(34)} ${note}`);
}

// Run alone: `npx tsx test/bench/http.bench.ts` (BENCH_SMOKE=1 for the short version).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'tactful-http-bench-'));
  try {
    console.log(
      JSON.stringify(await runHttpBench({ smoke: process.env.BENCH_SMOKE === '1', dir }), null, 2),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
