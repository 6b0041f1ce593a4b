/// <reference lib="dom" />
// End-to-end harness: the real server (the built `tactful serve`, as a user runs it) on a
// temporary SQLite database and a free port, and Debian Chromium driven by playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sampleDocument } from '../../src/app/sample.js';
import { BIN, ensureBuilt, ROOT } from '../cli/helpers.js';

export { ROOT };
export const CHROMIUM = '/usr/bin/chromium';
/** STACK.md's flags; playwright-core adds --headless and a fresh profile directory itself. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const WEB_DIST = join(ROOT, 'web', 'dist');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** (Re)builds web/dist when it is missing or older than any source of the web app. */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts'].map((f) =>
    newestMtime(join(ROOT, 'web', f)),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources)) return;
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0 || !existsSync(index))
    throw new Error(`vite build failed: ${r.stdout}${r.stderr}`);
}

export interface Server {
  url: string;
  port: number;
  dbPath: string;
  stop(): Promise<void>;
}

/**
 * Starts `tactful --db <tmp> serve --port <free>` from the private build the CLI suites use,
 * with that build's web/ and templates/ pointing at ours (as in the npm package), and waits
 * for /api/health.
 */
export interface ServerOptions {
  /** Fills the database file before the server opens it (e.g. 1,000 applications for the bench). */
  prepare?: (dbPath: string) => Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<Server> {
  ensureBuilt();
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'tactful-e2e-'));
  const dbPath = join(dir, 'tactful.db');
  await options.prepare?.(dbPath);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [BIN, '--db', dbPath, 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: dir,
      env: {
        ...process.env,
        XDG_CACHE_HOME: join(dir, 'cache'),
        XDG_DATA_HOME: join(dir, 'data'),
        TZ: 'UTC',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    port,
    dbPath,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`tactful serve exited (${child.exitCode}): ${output()}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`tactful serve did not answer within 20 s: ${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      ok();
    });
    child.kill('SIGTERM');
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 30_000,
  });
}

/** A fresh browser context (own storage) at a viewport, in the server's zone and locale. */
export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    timezoneId: 'UTC',
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Console errors include CSP violations and failed requests (a 4xx the app did not expect
  // shows up here too, so tests that provoke one on purpose read pageErrors before it).
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  (page as Page & { errors?: string[] }).errors = errors;
  return { context, page };
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** axe-core's serious and critical violations on the current page (WCAG 2 A/AA rules and best practices). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** JSON API calls from the test (same origin as the page: Host and Origin pass the guard). */
export async function apiCall<T>(
  server: Server,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const r = await fetch(`${server.url}/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * The sample search imported as the seeker's OWN data (no band): for tests and screenshots
 * that need a realistic search. The web's "Load sample data" keeps the sample apart instead.
 */
export async function importDemoAsOwnData(server: Server): Promise<void> {
  await apiCall(server, 'POST', '/import', sampleDocument({ now: () => Date.now() }));
}
