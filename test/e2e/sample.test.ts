/// <reference lib="dom" />
// The sample data in the web app, end to end on the built `tactful serve`: first visit → Load
// sample data → a "Sample data" band on every page (axe-clean, no sideways scroll at 1280 and
// 390 px) that survives a reload → Leave the sample → the first run again, the seeker's export
// byte for byte what it was, and the sample's file gone from beside the seeker's.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  apiCall,
  launchChromium,
  newPage,
  pageErrors,
  screenshot,
  seriousViolations,
  startServer,
  type Server,
} from './harness.js';

const SLOW = 120_000;
let browser: Browser;
let server: Server;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function exportBytes(): Promise<string> {
  const r = await fetch(`${server.url}/api/export`);
  expect(r.status).toBe(200);
  return r.text();
}

function band(page: Page) {
  return page.getByRole('region', { name: 'Sample data' });
}

async function expectClean(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe('the sample data, apart from the seeker’s', () => {
  it(
    'first visit → Load sample → band on every page and after a reload → Leave → first run, export unchanged',
    async () => {
      const samplePath = server.dbPath.replace(/\.db$/, '.sample.db');
      const ownBefore = await exportBytes();
      const { page } = await newPage(browser, DESKTOP);
      try {
        await page.goto(server.url);
        await page.getByRole('heading', { name: 'Welcome to tactful' }).waitFor();
        expect(await band(page).count()).toBe(0);

        await page.getByRole('button', { name: 'Load sample data' }).click();
        await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
        await page.locator('li.step[data-step-id]').first().waitFor();
        await band(page).waitFor();
        expect(await band(page).textContent()).toMatch(/no e-mail is ever sent from the sample/);
        expect(existsSync(samplePath)).toBe(true);
        // The API shows the sample too, and the seeker's own file still holds nothing of it.
        const state = await apiCall<{ active: boolean; where: string }>(server, 'GET', '/sample');
        expect(state).toEqual({ active: true, where: samplePath });
        await expectClean(page, 'Today with the band at 1280 px');
        await screenshot(page, 'sample-band-desktop');

        for (const hash of ['#/applications', '#/contacts', '#/insights', '#/settings']) {
          await page.goto(`${server.url}/${hash}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await band(page).waitFor();
        }
        // Mail never leaves the sample: saving SMTP settings is refused with the reason.
        const smtp = await fetch(`${server.url}/api/smtp`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({
            host: '127.0.0.1',
            port: 2525,
            tls: 'none',
            username: null,
            fromAddress: 'me@example.com',
            fromName: null,
          }),
        });
        expect(smtp.status).toBe(409);
        expect(((await smtp.json()) as { message: string }).message).toMatch(
          /never sent from the sample/,
        );

        // A reload keeps the mode.
        await page.goto(`${server.url}/#/today`);
        await page.reload();
        await page.locator('li.step[data-step-id]').first().waitFor();
        await band(page).waitFor();

        await band(page).getByRole('button', { name: 'Leave the sample' }).click();
        await page.getByRole('heading', { name: 'Welcome to tactful' }).waitFor();
        expect(await band(page).count()).toBe(0);
        await page.getByText('You left the sample: this is your own data.').waitFor();
        expect(existsSync(samplePath)).toBe(false);
        expect(await exportBytes()).toBe(ownBefore);
        expect(await apiCall(server, 'GET', '/sample')).toEqual({
          active: false,
          where: samplePath,
        });
        await page.reload();
        await page.getByRole('heading', { name: 'Welcome to tactful' }).waitFor();
        expect(await band(page).count()).toBe(0);
        expect(pageErrors(page).filter((e) => !/status of 409/.test(e))).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    SLOW,
  );

  it(
    'the band at phone width: readable, its button reachable, axe-clean',
    async () => {
      await apiCall(server, 'POST', '/sample', {});
      const { page } = await newPage(browser, PHONE);
      try {
        await page.goto(`${server.url}/#/today`);
        await page.locator('li.step[data-step-id]').first().waitFor();
        await band(page).waitFor();
        const leave = band(page).getByRole('button', { name: 'Leave the sample' });
        expect(await leave.isVisible()).toBe(true);
        await expectClean(page, 'Today with the band at 390 px');
        await screenshot(page, 'sample-band-phone');
        await leave.click();
        await page.getByRole('heading', { name: 'Welcome to tactful' }).waitFor();
        expect(pageErrors(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    SLOW,
  );
});
