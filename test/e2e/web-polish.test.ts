/// <reference lib="dom" />
// Issue 8 §8 in Chromium: the zone and region pickers (typing "UK" picks GB-ENG and saves),
// every form error beside its field, readable timeline entries after "Mark done", and the
// board and Insights agreeing on what "active" counts — at desktop and phone width, axe-clean.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  apiCall,
  launchChromium,
  newPage,
  pageErrors,
  seriousViolations,
  startServer,
  type Server,
} from './harness.js';

const SLOW = 120_000;
/** Throwaway screenshots to look at (never in git): $TMPDIR/tactful-webpolish. */
const LOOK = join(tmpdir(), 'tactful-webpolish');
let browser: Browser;
let server: Server;

beforeAll(async () => {
  mkdirSync(LOOK, { recursive: true });
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
}, SLOW);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectClean(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

const look = (page: Page, name: string) =>
  page.screenshot({ path: join(LOOK, `${name}.png`), fullPage: true });

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('web polish at %s width', (width, viewport) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(browser, viewport));
  });
  afterAll(async () => page?.context().close());

  it(
    'the region picker finds GB-ENG for "UK", the zone picker New York by name; both save',
    async () => {
      await apiCall(server, 'PUT', '/settings', { region: 'US', timezone: 'UTC' });
      await page.goto(`${server.url}/#/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

      const region = page.getByRole('combobox', { name: 'Holiday region' });
      // The region names arrive from the server: the stored code shows as its name.
      await expect.poll(() => region.inputValue()).toBe('United States of America (US)');
      await region.fill('UK');
      const first = page
        .getByRole('listbox', { name: 'Holiday region' })
        .getByRole('option')
        .first();
      await expect(first.textContent()).resolves.toBe('United Kingdom — England (GB-ENG)');
      await expectClean(page, `settings with the region list open at ${width}`);
      await look(page, `settings-region-${width}`);
      await region.press('Enter');
      await expect(region.inputValue()).resolves.toBe('United Kingdom — England (GB-ENG)');

      const zone = page.getByRole('combobox', { name: 'Time zone' });
      await zone.fill('new york');
      await page
        .getByRole('option', { name: /^New York \(America\/New_York\), UTC[−+]0[45]:00$/ })
        .click();
      await expect(zone.inputValue()).resolves.toMatch(/^New York \(America\/New_York\)/);

      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.locator('.toast', { hasText: 'Settings saved' }).waitFor();
      await expect(apiCall(server, 'GET', '/settings')).resolves.toMatchObject({
        region: 'GB-ENG',
        timezone: 'America/New_York',
      });

      // Typing "United Kingdom" finds it too; leaving the field unpicked keeps the saved value.
      await region.fill('United Kingdom');
      await expect(first.textContent()).resolves.toBe('United Kingdom — England (GB-ENG)');
      await region.press('Escape');
      await region.blur();
      await expect(region.inputValue()).resolves.toBe('United Kingdom — England (GB-ENG)');
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'shows every error beside its field at once, named by its label',
    async () => {
      await page.goto(`${server.url}/#/applications`);
      await page.getByRole('button', { name: 'New application' }).click();
      const form = page.getByRole('form', { name: 'New application' });
      await form.getByRole('button', { name: 'Add application' }).click();

      const organisation = form.getByLabel('Organisation');
      const role = form.getByLabel('Role');
      for (const [field, message] of [
        [organisation, 'The organisation is required'],
        [role, 'The role is required'],
      ] as const) {
        await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
        const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
        const described = await Promise.all(
          ids.map((id) => page.locator(`[id="${id}"]`).textContent()),
        );
        expect(described).toContain(message);
      }
      await expect(form.locator('.error-summary').textContent()).resolves.toBe(
        'Please check these 2 fields: “Organisation” and “Role”.',
      );
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')),
      ).resolves.toBe('true');
      await expectClean(page, `application form with errors at ${width}`);
      await look(page, `form-errors-${width}`);

      // What only the server can tell lands beside its field too, without the API's field name.
      await organisation.fill('A'.repeat(501));
      await role.fill('Analyst');
      await form.getByRole('button', { name: 'Add application' }).click();
      const beside = form.locator('.field-error', { hasText: 'Must be at most 500 characters' });
      await beside.waitFor();
      await expect(form.locator('.field-error').count()).resolves.toBe(1);
      expect(await organisation.getAttribute('aria-describedby')).toBe(
        await beside.getAttribute('id'),
      );
      await expect(role.getAttribute('aria-invalid')).resolves.toBeNull();
      expect(pageErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    },
    SLOW,
  );
});

describe('timeline and counts', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(browser, DESKTOP));
  });
  afterAll(async () => page?.context().close());

  it(
    'after "Mark done" the timeline reads "Thank-you sent to Priya Raman by e-mail"',
    async () => {
      await apiCall(server, 'PUT', '/settings', { timezone: 'UTC' });
      await apiCall(server, 'POST', '/contacts', {
        id: 'priya',
        name: 'Priya Raman',
        email: 'priya@initech.example',
      });
      await apiCall(server, 'POST', '/applications', {
        id: 'initech',
        organization: 'Initech',
        role: 'Data Engineer',
        source: 'employer',
      });
      const start = new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 14) + '00';
      await apiCall(server, 'POST', '/applications/initech/interviews', {
        start,
        timezone: 'UTC',
        interviewers: ['priya'],
      });

      await page.goto(`${server.url}/#/today`);
      const row = page
        .locator('li.step', { hasText: 'Priya Raman' })
        .filter({ has: page.locator('.kind', { hasText: 'Thank-you' }) });
      await row.getByRole('button').click();
      await page.locator('.draft').getByRole('button', { name: 'Mark done' }).click();
      await row.locator('.step-when', { hasText: 'Done' }).waitFor();

      await page.goto(`${server.url}/#/applications/initech`);
      const entry = page.locator('.timeline li[data-kind="thank_you"]');
      await entry.waitFor();
      await expect(entry.locator('strong').textContent()).resolves.toBe(
        '→ Thank-you sent to Priya Raman by e-mail',
      );
      const text = (await entry.textContent()) ?? '';
      expect(text).not.toMatch(/initech:|thank_you|done:/);
      expect(text).toContain('Marked done in tactful');
      // One date format: "Tue 1 Dec, 14:00" (no year in the current year).
      await expect(entry.locator('time').textContent()).resolves.toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d$/,
      );
      await expect(page.locator('.timeline li.tl-interview time').textContent()).resolves.toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, \d\d:00$/,
      );
      await expectClean(page, 'application timeline');
      await look(page, 'timeline-desktop');
    },
    SLOW,
  );

  it(
    'Insights counts "active" as the board does: its summary and bars match the columns',
    async () => {
      for (const id of ['globex', 'umbrella', 'hooli']) {
        await apiCall(server, 'POST', '/applications', {
          id,
          organization: id,
          role: 'Engineer',
          source: 'employer',
        });
      }
      // Stored active, an inbound offer: effectively `offer`.
      await apiCall(server, 'POST', '/applications/umbrella/interactions', {
        direction: 'in',
        kind: 'offer',
        channel: 'email',
        contacts: [],
      });
      await apiCall(server, 'PATCH', '/applications/hooli', { status: 'closed' });

      await page.goto(`${server.url}/#/applications`);
      await page.locator('.board').waitFor();
      const boardSummary = await page.getByTestId('active-summary').textContent();
      const columns = await page
        .locator('.board .column')
        .evaluateAll((cols) =>
          Object.fromEntries(
            cols.map((c) => [
              c.querySelector('h2')?.firstChild?.textContent?.trim(),
              c.querySelectorAll('li.card').length,
            ]),
          ),
        );
      // initech and globex in progress, umbrella with an offer, hooli closed.
      expect(columns).toMatchObject({ 'In progress': 2, Offer: 1, Closed: 1 });
      expect(boardSummary).toBe('3 active: 2 in progress, 1 with an offer');

      await page.goto(`${server.url}/#/insights`);
      const summary = page.getByTestId('active-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toBe(`${boardSummary} · target 5`);
      const bars = await page
        .locator('table.bars')
        .first()
        .locator('tr')
        .evaluateAll((rows) =>
          Object.fromEntries(
            rows.map((r) => [
              r.querySelector('th')?.textContent,
              Number(r.querySelector('.bar-value')?.textContent),
            ]),
          ),
        );
      for (const [status, count] of Object.entries(columns)) expect(bars[status!]).toBe(count);
      await look(page, 'insights-desktop');
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );
});
