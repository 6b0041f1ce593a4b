/// <reference lib="dom" />
// Web figures of SPEC §7: the gzip size of the JavaScript Today needs before it can render
// (goal ≤ 120 KB) and Today's first contentful paint in headless Chromium on localhost
// (goal ≤ 200 ms), median of several cold loads, each in a fresh browser context.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import {
  ROOT,
  ensureWebBuilt,
  importDemoAsOwnData,
  launchChromium,
  startServer,
} from '../e2e/harness.js';
import { generateFacts } from '../fixtures/generate.js';
import { median } from './stats.js';
import { writeFacts } from './write-facts.js';

const DIST = path.join(ROOT, 'web', 'dist');

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

/** The scripts and styles index.html loads up front (entry module and its preloads). */
export function initialAssets(): { js: string[]; css: string[] } {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attr = (re: RegExp): string[] =>
    [...html.matchAll(re)].map((m) => m[1]!.replace(/^\.?\//, ''));
  return {
    js: [
      ...attr(/<script[^>]+src="([^"]+)"/g),
      ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

export async function benchWeb(smoke: boolean): Promise<Record<string, unknown> & { ok: boolean }> {
  ensureWebBuilt();
  const { js, css } = initialAssets();
  const initialJsGzipKB = js.reduce((sum, f) => sum + gzipBytes(f), 0) / 1024;
  const initialCssGzipKB = css.reduce((sum, f) => sum + gzipBytes(f), 0) / 1024;

  const loads = smoke ? 3 : 9;
  const server = await startServer();
  const browser = await launchChromium();
  try {
    await importDemoAsOwnData(server);
    const fcp: number[] = [];
    const todayRendered: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/#/today`);
      await page.locator('li.step[data-step-id]').first().waitFor();
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        rendered: performance.getEntriesByName('tactful:today')[0]?.startTime ?? performance.now(),
      }));
      await context.close();
      // The first load warms the server's caches and Chromium's: report the steady state.
      if (i === 0 && loads > 1) continue;
      if (t.fcp !== null) fcp.push(t.fcp);
      todayRendered.push(t.rendered);
    }
    const result = {
      ok: true,
      initialJs: js,
      initialJsGzipKB: Math.round(initialJsGzipKB * 10) / 10,
      initialCssGzipKB: Math.round(initialCssGzipKB * 10) / 10,
      jsGoalKB: 120,
      loads: todayRendered.length,
      firstContentfulPaintMs: Math.round(median(fcp)),
      todayStepsVisibleMs: Math.round(median(todayRendered)),
      fcpGoalMs: 200,
    };
    console.log(
      `  web: initial JS ${result.initialJsGzipKB} KB gzip (+${result.initialCssGzipKB} KB CSS); Today FCP ${result.firstContentfulPaintMs} ms, steps on screen ${result.todayStepsVisibleMs} ms (median of ${result.loads})`,
    );
    const atScale = await benchTodayAtScale(browser, smoke ? 3 : 7);
    return { ...result, atScale, ok: result.ok && atScale.ok };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * Today on a real seeker's volume (1,000 generated applications with their interviews and
 * interactions), cold: a fresh browser context per load (empty HTTP cache) against a fresh
 * server. Reports when the steps are on screen and the bytes that crossed the wire.
 */
async function benchTodayAtScale(browser: Browser, loads: number) {
  const applications = 1_000;
  const server = await startServer({
    async prepare(dbPath) {
      const { openDatabase, createUnitOfWork } = await import('../../src/storage/index.js');
      const database = await openDatabase({ sqlitePath: dbPath });
      try {
        // Histories leading up to today: the server plans as of its real clock.
        const today = new Date().toISOString().slice(0, 10);
        await writeFacts(createUnitOfWork(database), generateFacts(31, applications, { today }));
      } finally {
        await database.close();
      }
    },
  });
  try {
    const visible: number[] = [];
    const transferred: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let bytes = 0;
      cdp.on(
        'Network.loadingFinished',
        (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength),
      );
      await page.goto(`${server.url}/#/today`);
      await page.locator('li.step[data-step-id]').first().waitFor({ timeout: 60_000 });
      const shown = await page.evaluate(
        () => performance.getEntriesByName('tactful:today')[0]?.startTime ?? performance.now(),
      );
      // Let late requests (the selected step's draft) finish before counting bytes.
      await page.waitForLoadState('networkidle');
      await context.close();
      visible.push(shown);
      transferred.push(bytes);
    }
    const result = {
      ok: true,
      applications,
      loads,
      todayStepsVisibleMs: Math.round(median(visible)),
      goalMs: 500,
      transferredKB: Math.round(median(transferred) / 102.4) / 10,
      goalKB: 150,
    };
    console.log(
      `  web at ${applications} applications: Today's steps on screen ${result.todayStepsVisibleMs} ms, ${result.transferredKB} KB transferred (median of ${loads} cold loads)`,
    );
    return result;
  } finally {
    await server.stop();
  }
}
