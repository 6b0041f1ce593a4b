/// <reference lib="dom" />
// Undo and the Trash in Debian Chromium against the built `tactful serve`: "Mark done" →
// Undo from its notice → the step is back; delete an application (the dialog names what goes
// with it) → Trash → Restore → the export is byte for byte as before; Empty the Trash (after
// its dialog) deletes for good, with no undo offered. axe-clean at 390 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PHONE,
  apiCall,
  importDemoAsOwnData,
  launchChromium,
  newPage,
  pageErrors,
  seriousViolations,
  startServer,
  type Server,
} from './harness.js';

const SLOW = 180_000;
let browser: Browser;
let server: Server;
let page: Page;

async function exported(): Promise<string> {
  const r = await fetch(`${server.url}/api/export`);
  return r.text();
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  await importDemoAsOwnData(server);
  ({ page } = await newPage(browser));
}, SLOW);

afterAll(async () => {
  await page?.context().close();
  await server?.stop();
  await browser?.close();
});

describe('undo from the notice, delete and restore', () => {
  it(
    'marks a step done, then Undo in its notice brings the step back',
    async () => {
      const before = await exported();
      await page.goto(server.url);
      const first = page.locator('li.step[data-step-id]').first();
      await first.waitFor();
      const stepId = (await first.getAttribute('data-step-id'))!;
      await page.locator('.draft').getByRole('button', { name: 'Mark done' }).click();
      await page.locator(`li.step[data-step-id="${stepId}"].settled`).waitFor();
      const toast = page.locator('.toast');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await toast.getByText(/^Undone: /).waitFor();
      // The page reloaded: the step is open again, and the data is exactly as before.
      await page.locator(`li.step[data-step-id="${stepId}"]:not(.settled)`).waitFor();
      const plan = await apiCall<{ steps: { id: string }[] }>(server, 'GET', '/plan');
      expect(plan.steps.map((s) => s.id)).toContain(stepId);
      expect(await exported()).toBe(before);
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'deletes an application after a confirmation naming what goes, and restores it from the Trash',
    async () => {
      const before = await exported();
      await page.goto(`${server.url}/#/applications/northwind`);
      await page.getByRole('heading', { level: 1, name: 'Northwind Analytics' }).waitFor();
      await page.getByRole('button', { name: 'Delete Northwind Analytics' }).click();
      const dialog = page.getByRole('dialog', { name: 'Move to the Trash?' });
      await dialog
        .getByText(/^Delete Northwind Analytics — .+ with 2 interviews and \d+ interactions\?$/)
        .waitFor();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
      await page
        .locator('.toast')
        .getByText(/moved to the Trash$/)
        .waitFor();
      expect(await exported()).not.toContain('"northwind"');

      await page.goto(`${server.url}/#/trash`);
      await page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor();
      await page
        .locator('.trash-head strong', { hasText: /^Deleted Northwind Analytics/ })
        .waitFor();
      await page.getByRole('button', { name: /^Restore Northwind Analytics/ }).click();
      await page.getByRole('heading', { name: 'The Trash is empty' }).waitFor();
      expect(await exported()).toBe(before);

      await page.goto(`${server.url}/#/activity`);
      await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
      await page.locator('.activity-undone', { hasText: 'Deleted Northwind Analytics' }).waitFor();
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'empties the Trash for good after a confirmation; the notice offers no undo',
    async () => {
      const apps = await apiCall<{ id: string; organization: string }[]>(
        server,
        'GET',
        '/applications',
      );
      const gone = apps.find((a) => a.id !== 'northwind')!;
      await apiCall(server, 'DELETE', `/applications/${gone.id}`);
      await page.goto(`${server.url}/#/trash`);
      await page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor();
      await page.getByRole('button', { name: 'Empty the Trash' }).click();
      const dialog = page.getByRole('dialog', { name: 'Empty the Trash?' });
      await dialog
        .getByText(/^Delete 1 application.* in the Trash for good\? This cannot be undone\.$/)
        .waitFor();
      expect(await seriousViolations(page), 'the Empty the Trash dialog').toEqual([]);
      // Cancel keeps everything.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await apiCall<{ entries: unknown[] }>(server, 'GET', '/trash')).entries).toHaveLength(
        1,
      );

      await page.getByRole('button', { name: 'Empty the Trash' }).click();
      await dialog.getByRole('button', { name: 'Delete for good' }).click();
      await page.getByRole('heading', { name: 'The Trash is empty' }).waitFor();
      const toast = page.locator('.toast', { hasText: /^Emptied the Trash: 1 application/ });
      await toast.waitFor();
      expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Empty the Trash' }).count()).toBe(0);
      expect((await apiCall<{ entries: unknown[] }>(server, 'GET', '/trash')).entries).toEqual([]);
      expect(await exported()).not.toContain(`"${gone.id}"`);

      await page.goto(`${server.url}/#/activity`);
      const purged = page.locator('li[data-activity-id]').first();
      await purged.getByText(/^Emptied the Trash: /).waitFor();
      await purged.getByText('Cannot be undone').waitFor();
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'Activity and Trash are axe-clean at 390 px and the navigation stays on one line',
    async () => {
      const phone = await newPage(browser, PHONE);
      try {
        for (const route of ['activity', 'trash']) {
          await phone.page.goto(`${server.url}/#/${route}`);
          await phone.page.getByRole('heading', { level: 1 }).waitFor();
          expect(await seriousViolations(phone.page), route).toEqual([]);
          const overflow = await phone.page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, route).toBeLessThanOrEqual(0);
        }
        const navLines = await phone.page.$$eval(
          'nav[aria-label="Main"] li',
          (items) => new Set(items.map((i) => Math.round(i.getBoundingClientRect().top))).size,
        );
        expect(navLines).toBe(1);
      } finally {
        await phone.context.close();
      }
    },
    SLOW,
  );
});
