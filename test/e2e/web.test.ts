/// <reference lib="dom" />
// The web app end to end: the built `tactful serve` on a fresh SQLite database, driven in
// Debian Chromium. Covers the first run, the debrief → thank-you → done flow, a rejection,
// script payloads rendered as text, axe-core on every page and the README screenshots.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  apiCall,
  importDemoAsOwnData,
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

beforeAll(async () => {
  browser = await launchChromium();
}, SLOW);

afterAll(async () => {
  await browser?.close();
});

/** YYYY-MM-DDTHH:mm in UTC (the seeker's zone in these tests), `hours` from now. */
function utcLocal(hoursFromNow: number): string {
  return new Date(Date.now() + hoursFromNow * 3_600_000).toISOString().slice(0, 16);
}

function utcDate(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function stepRows(page: Page): Promise<{ id: string; kind: string; text: string }[]> {
  return page.$$eval('li.step', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-step-id') ?? '',
      kind: r.querySelector('.kind')?.textContent ?? '',
      text: r.textContent ?? '',
    })),
  );
}

function thankYouRow(page: Page, name: string) {
  return page
    .locator('li.step', { hasText: name })
    .filter({ has: page.locator('.kind', { hasText: 'Thank-you' }) });
}

describe('first run, sample data, Today', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ({ page } = await newPage(browser, DESKTOP));
  }, SLOW);
  afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  it(
    'offers the sample or a first interview, then shows Today with drafts',
    async () => {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Welcome to tactful' }).waitFor();
      await expect(
        page.getByRole('link', { name: 'Add your first interview' }).isVisible(),
      ).resolves.toBe(true);
      await expectAccessible(page, 'first run');
      await screenshot(page, 'first-run-desktop');

      await page.getByRole('button', { name: 'Load sample data' }).click();
      await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
      await page.locator('li.step[data-step-id]').first().waitFor();
      const rows = await stepRows(page);
      // Today lists the plan's steps that are overdue or due within 7 days, and counts the rest.
      const plan = await apiCall<{ steps: { id: string; due: string; overdue: boolean }[] }>(
        server,
        'GET',
        '/plan',
      );
      const { asOfDate } = await apiCall<{ asOfDate: string }>(server, 'GET', '/today');
      const horizon = new Date(Date.parse(`${asOfDate}T00:00:00Z`) + 7 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const window = plan.steps.filter((s) => s.overdue || s.due <= horizon);
      expect(rows.map((r) => r.id).sort()).toEqual(window.map((s) => s.id).sort());
      const rest = plan.steps.length - window.length;
      if (rest > 0)
        await expect(page.locator('.later-count').textContent()).resolves.toContain(
          `Later: ${rest} more`,
        );
      expect(await page.locator('.group-title').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Today/)]),
      );
      // The first actionable step is selected and its draft is on screen.
      await page.locator('.draft textarea').waitFor();
      expect((await page.locator('.draft textarea').inputValue()).length).toBeGreaterThan(40);
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'moves with j/k, copies the draft with c, marks done with d',
    async () => {
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const selected = (): Promise<string | null> =>
        page.locator('li.step.selected').getAttribute('data-step-id');
      const rows = await stepRows(page);
      await page.locator('li.step.selected button').focus();
      expect(await selected()).toBe(rows[0]?.id);
      await page.keyboard.press('j');
      expect(await selected()).toBe(rows[1]?.id);
      await page.keyboard.press('k');
      expect(await selected()).toBe(rows[0]?.id);
      await page.locator('.draft textarea').waitFor();
      const body = await page.locator('.draft textarea').inputValue();
      await page.keyboard.press('c');
      await page.getByText('Draft copied').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(body.trim().split('\n')[0]);

      // d marks the selected step done: it settles in place and the selection moves on.
      const first = rows[0]!.id;
      await page.keyboard.press('d');
      await page.locator(`li.step[data-step-id="${first}"].settled`).waitFor();
      expect(await selected()).toBe(rows[1]?.id);
      const plan = await apiCall<{ steps: { id: string }[] }>(server, 'GET', '/plan');
      expect(plan.steps.map((s) => s.id)).not.toContain(first);
    },
    SLOW,
  );

  it(
    'draft actions: mailto carries the recipients and the edited words; .eml downloads',
    async () => {
      await thankYouRow(page, 'Priya Raman').getByRole('button').click();
      const area = page.locator('.draft textarea');
      await area.waitFor();
      const mail = page.getByRole('link', { name: 'Open in mail client' });
      const priya = (
        await apiCall<{ id: string; email: string | null }[]>(server, 'GET', '/contacts')
      ).find((c) => c.id === 'priya');
      expect(await mail.getAttribute('href')).toMatch(
        new RegExp(
          `^mailto:${encodeURIComponent(priya?.email ?? 'missing').replace(/\./g, '\\.')}\\?subject=`,
        ),
      );
      await area.fill('Hi Priya,\n\nThank you for the walkthrough today.\n\nJordan');
      expect(decodeURIComponent((await mail.getAttribute('href')) ?? '')).toContain(
        'Thank you for the walkthrough today.',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download .eml' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.eml$/);
      const eml = readFileSync((await download.path())!, 'utf8');
      expect(eml).toMatch(/^Subject: /m);
      expect(eml).toContain(priya?.email ?? 'missing');
    },
    SLOW,
  );

  it(
    'skip and snooze settle the step in place; skipped leaves the plan, snoozed waits',
    async () => {
      const rows = await stepRows(page);
      const open = rows.filter((r) => !r.text.includes('Done'));
      const [toSkip, toSnooze] = [open[open.length - 1]!, open[open.length - 2]!];
      await page.locator(`li.step[data-step-id="${toSkip.id}"] button`).click();
      await page.locator('.draft').getByRole('button', { name: 'Skip' }).click();
      await page.locator(`li.step[data-step-id="${toSkip.id}"].settled`).waitFor();

      await page.locator(`li.step[data-step-id="${toSnooze.id}"] button`).click();
      const until = utcDate(400);
      await page.getByLabel('Snooze until').fill(until);
      await page.locator('.draft').getByRole('button', { name: 'Snooze' }).click();
      await page.locator(`li.step[data-step-id="${toSnooze.id}"].settled`).waitFor();
      expect(await page.locator(`li.step[data-step-id="${toSnooze.id}"]`).textContent()).toContain(
        'Snoozed until',
      );
      // Skipped: gone. Snoozed: still planned, due on the chosen day (SPEC 3.1).
      const plan = await apiCall<{ steps: { id: string; due: string }[] }>(server, 'GET', '/plan');
      expect(plan.steps.map((s) => s.id)).not.toContain(toSkip.id);
      const snoozed = plan.steps.find((s) => s.id === toSnooze.id);
      expect(snoozed?.due).toBe(until);
    },
    SLOW,
  );

  it(
    'a debrief step opens the form; recording the interviewer replaces it with a thank-you',
    async () => {
      const debrief = page
        .locator('li.step')
        .filter({ has: page.locator('.kind', { hasText: 'Debrief' }) });
      const application = await debrief.first().textContent();
      expect(application).toContain('Kestrel Robotics');
      await debrief.first().getByRole('button').click();
      await page.getByRole('link', { name: 'Open the debrief form' }).click();
      await page.getByRole('heading', { level: 1, name: 'Debrief: Kestrel Robotics' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Noor Haddad');
      await page.getByLabel('E-mail').fill('noor@kestrel.example');
      await page.getByRole('button', { name: 'Add interviewer' }).click();
      await expect(page.getByRole('checkbox', { name: /Noor Haddad/ }).isChecked()).resolves.toBe(
        true,
      );
      await page.getByRole('button', { name: 'Save debrief' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kestrel Robotics' }).waitFor();
      const kinds = await page
        .locator('.plan li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
      expect(kinds).not.toContain('debrief');
      expect(await page.locator('.timeline').textContent()).toContain('Noor Haddad');
    },
    SLOW,
  );

  it(
    'a setting the server refuses shows its message and changes nothing',
    async () => {
      const before = await apiCall<{ timezone: string }>(server, 'GET', '/settings');
      await page.goto(`${server.url}/#/settings`);
      // The zone is picked from a list: an unknown one cannot even be chosen.
      const zone = page.getByRole('combobox', { name: 'Time zone' });
      const saved = await zone.inputValue();
      await zone.fill('Mars/Olympus');
      await page.getByRole('option', { name: /Nothing matches/ }).waitFor();
      await zone.blur();
      await expect(zone.inputValue()).resolves.toBe(saved);
      // What only the server refuses shows beside its field (and at the top, by its label).
      await page.getByLabel('Signature').fill('x'.repeat(20_001));
      await page.getByRole('button', { name: 'Save settings' }).click();
      const alert = page.locator('main [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('“Signature”');
      await expect(page.locator('.field-error').textContent()).resolves.toBe(
        'Signature must be at most 20000 characters',
      );
      expect(await apiCall<{ timezone: string }>(server, 'GET', '/settings')).toEqual(before);
    },
    SLOW,
  );

  it(
    'close as no response moves the card to Closed and drops its steps',
    async () => {
      // The refused settings are still typed in: leaving asks first (issue 8), and we leave.
      const asked = new Promise<string>((resolve) =>
        page.once('dialog', (d) => void d.accept().then(() => resolve(d.message()))),
      );
      await page.goto(`${server.url}/#/applications`);
      expect(await asked).toMatch(/unsaved changes/);
      const active = page.locator('.column-active .card', { hasText: 'Helio Renewables' });
      await active.getByRole('button', { name: /Close as no response/ }).click();
      await page.locator('.column-closed .card', { hasText: 'Helio Renewables' }).waitFor();
      expect(await active.count()).toBe(0);
      const plan = await apiCall<{ steps: { application: string }[] }>(server, 'GET', '/plan');
      expect(plan.steps.filter((s) => s.application === 'helio')).toEqual([]);
    },
    SLOW,
  );
});

describe('debrief → thank-you drafts → done → rejection', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ({ page } = await newPage(browser, DESKTOP));
  }, SLOW);
  afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  it(
    'a debrief creates one thank-you per interviewer, each with its draft',
    async () => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Add your first interview' }).click();
      await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
      await page.getByLabel('Organisation').fill('Acme Robotics');
      await page.getByLabel('Role').fill('Platform Engineer');
      await page.getByLabel('Started at').fill(utcLocal(-3).slice(0, 14) + '00');
      await page.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
      for (const [name, title, email, linkedin] of [
        [
          'Dana Reyes',
          'Engineering Manager',
          'dana@acme.example',
          'https://www.linkedin.com/in/dana-reyes',
        ],
        ['Sam Okoro', 'Staff Engineer', 'sam@acme.example', ''],
      ] as const) {
        await page.getByLabel('Name', { exact: true }).fill(name);
        await page.getByLabel('Title', { exact: true }).fill(title);
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('LinkedIn URL').fill(linkedin);
        await page.getByRole('button', { name: 'Add interviewer' }).click();
        await expect(
          page.getByRole('checkbox', { name: new RegExp(name) }).isChecked(),
        ).resolves.toBe(true);
      }
      await page.getByLabel('Key points discussed').fill('Migrating the fleet to Kubernetes');
      await page
        .getByLabel('Promises you made')
        .fill('Send the link to my talk on canary releases');
      await page.getByLabel('They expect to decide by').fill(utcDate(10));
      await page.getByRole('button', { name: 'Save debrief' }).click();

      await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
      await expect(page.locator('.plan li[data-kind="thank_you"]').count()).resolves.toBe(2);
      await expect(page.locator('.plan').textContent()).resolves.toContain('within 24 hours');

      await page.getByRole('link', { name: 'Today' }).click();
      await page.locator('li.step[data-step-id]').first().waitFor();
      const thanks = (await stepRows(page)).filter((r) => r.kind === 'Thank-you');
      expect(thanks.map((r) => r.text)).toEqual([
        expect.stringContaining('Dana Reyes'),
        expect.stringContaining('Sam Okoro'),
      ]);
      await thankYouRow(page, 'Dana Reyes').getByRole('button').click();
      await page.locator('.draft textarea').waitFor();
      const draft = await page.locator('.draft textarea').inputValue();
      expect(draft).toContain('Dana');
      expect(draft).toContain('Kubernetes');
      await expect(page.locator('.draft input').first().inputValue()).resolves.toMatch(
        /Platform Engineer|Acme Robotics|Thank/,
      );
    },
    SLOW,
  );

  it(
    'editing the draft runs the checker inline',
    async () => {
      const area = page.locator('.draft textarea');
      await area.fill(`${await area.inputValue()}\nDid I get the job? I need an answer by Friday.`);
      await page.locator('.finding-error').first().waitFor();
      await expect(page.locator('.findings').textContent()).resolves.toMatch(
        /answer|ultimatum|pushy|did I get/i,
      );
    },
    SLOW,
  );

  it(
    'mark done: the row settles in place (no shift), leaves Today and shows on the timeline',
    async () => {
      const dana = thankYouRow(page, 'Dana Reyes');
      const sam = thankYouRow(page, 'Sam Okoro');
      const before = await sam.boundingBox();
      await page.locator('.draft').getByRole('button', { name: 'Mark done' }).click();
      await dana.locator('.step-when', { hasText: 'Done' }).waitFor();
      expect(await sam.boundingBox()).toEqual(before);

      await page.reload();
      await page.locator('li.step[data-step-id]').first().waitFor();
      const rows = await stepRows(page);
      expect(rows.some((r) => r.kind === 'Thank-you' && r.text.includes('Dana Reyes'))).toBe(false);
      expect(rows.some((r) => r.kind === 'Thank-you' && r.text.includes('Sam Okoro'))).toBe(true);

      await page.getByRole('link', { name: 'Applications' }).click();
      await page.getByRole('link', { name: 'Acme Robotics' }).click();
      const sent = page.locator('.timeline li[data-kind="thank_you"]');
      await sent.waitFor();
      await expect(sent.textContent()).resolves.toContain('Dana Reyes');
      await expect(page.locator('.plan li[data-kind="thank_you"]').count()).resolves.toBe(1);
    },
    SLOW,
  );

  it(
    'logging a rejection brings final thanks, connect and keep warm',
    async () => {
      await page.getByLabel('What happened').selectOption('rejection');
      await page.getByLabel('From').selectOption({ label: 'Dana Reyes' });
      await page.getByLabel('Summary').fill('They chose an internal candidate.');
      await page.getByRole('button', { name: 'Log it' }).click();
      await page.locator('.timeline li[data-kind="rejection"]').waitFor();
      await page.locator('.plan li[data-kind="keep_warm"]').waitFor();
      const kinds = await page
        .locator('.plan li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
      expect(kinds).toEqual(expect.arrayContaining(['final_thanks', 'connect', 'keep_warm']));
      await expect(page.locator('.plan li[data-kind="connect"]').textContent()).resolves.toContain(
        'Dana Reyes',
      );
      await expect(page.locator('.badge').textContent()).resolves.toBe('Rejected');

      // On Today the LinkedIn invitation links to the interviewer's profile.
      await page.getByRole('link', { name: 'Today' }).click();
      const connect = page
        .locator('li.step', { hasText: 'Dana Reyes' })
        .filter({ has: page.locator('.kind', { hasText: 'Connect' }) });
      await connect.getByRole('button').click();
      await page.locator('.draft textarea').waitFor();
      expect(
        await page.getByRole('link', { name: 'Open LinkedIn profile' }).getAttribute('href'),
      ).toBe('https://www.linkedin.com/in/dana-reyes');
    },
    SLOW,
  );

  it(
    'script payloads in names render as text and never run',
    async () => {
      const payload = '<img src=x onerror=window.__xss=1>';
      await page.goto(`${server.url}/#/contacts`);
      await page.getByRole('button', { name: 'New contact' }).click();
      await page.getByLabel('Name').fill(payload);
      await page.getByLabel('Organisation').fill('Acme Robotics');
      await page.getByRole('button', { name: 'Save' }).click();
      const name = page.locator('.contact-name', { hasText: 'onerror' });
      await name.waitFor();
      expect(await name.textContent()).toBe(payload);

      await apiCall(server, 'POST', '/applications', {
        organization: '<script>window.__xss=2</script>',
        role: '<img src=x onerror=window.__xss=3>',
        source: 'employer',
      });
      await page.goto(`${server.url}/#/applications`);
      const card = page.locator('.card', { hasText: '<script>' });
      await card.waitFor();
      expect(await card.locator('.card-title').textContent()).toBe(
        '<script>window.__xss=2</script>',
      );
      expect(await card.locator('.card-role').textContent()).toBe(
        '<img src=x onerror=window.__xss=3>',
      );

      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      ).toBeUndefined();
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );
});

// On the untouched sample, so the screenshots show what a new user sees.
describe('every page: axe-core, phone width, screenshots', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
    await importDemoAsOwnData(server);
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  });

  const PAGES: { name: string; hash: string; heading: RegExp }[] = [
    { name: 'today', hash: '#/today', heading: /^Today$/ },
    { name: 'applications', hash: '#/applications', heading: /^Applications$/ },
    { name: 'application', hash: '#/applications/northwind', heading: /^Northwind Analytics$/ },
    { name: 'debrief', hash: '#/debrief', heading: /^Debrief/ },
    { name: 'contacts', hash: '#/contacts', heading: /^Contacts$/ },
    { name: 'insights', hash: '#/insights', heading: /^Insights$/ },
    { name: 'settings', hash: '#/settings', heading: /^Settings$/ },
  ];

  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(
      `every page passes axe-core and is screenshotted at ${width} width`,
      async () => {
        const { page: p } = await newPage(browser, viewport);
        try {
          for (const target of PAGES) {
            await p.goto(`${server.url}/${target.hash}`);
            await p.getByRole('heading', { level: 1, name: target.heading }).waitFor();
            await p.waitForLoadState('networkidle');
            await expectAccessible(p, `${target.name} at ${width}`);
            // Nothing wider than the screen: usable at 390 px.
            const overflow = await p.evaluate(
              () => document.documentElement.scrollWidth - window.innerWidth,
            );
            expect(overflow, `${target.name} scrolls sideways at ${width}`).toBeLessThanOrEqual(0);
            await screenshot(p, `${target.name}-${width}`);
          }
          expect(pageErrors(p)).toEqual([]);
        } finally {
          await p.context().close();
        }
      },
      SLOW,
    );
  }
});
