/// <reference lib="dom" />
// Issue 8 in the browser: nothing typed is lost (draft edits saved on the server across step
// switches and reloads; the debrief keeps a typed interviewer; leaving a dirty form asks) and
// the whole decision in the web app (logging "I accepted the offer" plans the withdrawals).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
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

const SLOW = 120_000;
/** Starting a server and loading the sample on a busy 2-core machine. */
const SETUP = 300_000;
/** Throwaway screenshots to look at (never committed). */
const LOOK = join(tmpdir(), 'tactful-webtrust-shots');
let browser: Browser;

interface PlanStep {
  id: string;
  kind: string;
  application: string;
  channel: string | null;
  to: string[];
}

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(LOOK, { recursive: true });
}, SLOW);
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Answers the next dialog and resolves with it (what it asked, and of which type). */
function nextDialog(page: Page, answer: 'accept' | 'dismiss'): Promise<Dialog> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog) => {
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss()).then(() => resolve(dialog));
    });
  });
}

function utcLocal(hoursFromNow: number): string {
  return new Date(Date.now() + hoursFromNow * 3_600_000).toISOString().slice(0, 16);
}

describe('draft edits are kept on the server', () => {
  let server: Server;
  let page: Page;
  let first: PlanStep;
  let second: PlanStep;

  beforeAll(async () => {
    server = await startServer();
    await importDemoAsOwnData(server);
    const plan = await apiCall<{ steps: PlanStep[] }>(server, 'GET', '/plan');
    const email = plan.steps.filter((s) => s.channel === 'email');
    first = email[0]!;
    second = email.find((s) => s.id !== first.id)!;
    ({ page } = await newPage(browser, DESKTOP));
  }, SETUP);
  afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  const open = async (step: PlanStep) => {
    await page.locator(`li.step[data-step-id="${step.id}"] button`).first().click();
    await page.locator('.draft textarea').waitFor();
  };

  it(
    'edit → another step → back → reload: the edit is there; Back to the suggested text',
    async () => {
      await page.goto(server.url);
      await page.locator('li.step[data-step-id]').first().waitFor();
      await open(first);
      const area = page.locator('.draft textarea');
      const suggested = await area.inputValue();
      expect(await page.locator('.draft .badge-edited').count()).toBe(0);

      const mine =
        'Hi,\n\nThank you for the time today: the roadmap talk stayed with me.\n\nJordan';
      await area.fill(mine);
      await page.locator('.draft .badge-edited').waitFor();
      // Switching at once (before the debounce) must not lose it: leaving the step saves.
      await open(second);
      expect(await page.locator('.draft textarea').inputValue()).not.toBe(mine);
      await open(first);
      expect(await page.locator('.draft textarea').inputValue()).toBe(mine);
      await expect(page.locator('.draft .badge-edited').textContent()).resolves.toBe('Edited');

      // Typing and reloading straight away: the pagehide save carries it.
      const more = `${mine}\nP.S. The article I mentioned is attached.`;
      await area.fill(more);
      await page.reload();
      await page.locator('li.step[data-step-id]').first().waitFor();
      await open(first);
      expect(await page.locator('.draft textarea').inputValue()).toBe(more);
      await page.locator('.draft .save-state', { hasText: 'Saved' }).waitFor();
      const stored = await apiCall<{ edited: boolean; body: string }>(
        server,
        'GET',
        `/steps/${encodeURIComponent(first.id)}/draft-edit`,
      );
      expect(stored).toMatchObject({ edited: true, body: more });
      // The .eml the server makes carries the edit.
      const eml = await fetch(
        `${server.url}/api/steps/${encodeURIComponent(first.id)}/draft.eml`,
      ).then((r) => r.text());
      expect(eml).toContain('The article I mentioned is attached.');

      await expectAccessible(page, 'Today with an edited draft');
      await page.screenshot({ path: join(LOOK, 'today-edited-desktop.png') });

      await page.getByRole('button', { name: 'Back to the suggested text' }).click();
      // The edit mark goes once the server has forgotten the edit.
      await page.locator('.draft .badge-edited').waitFor({ state: 'detached' });
      expect(await area.inputValue()).toBe(suggested);
      await page.reload();
      await page.locator('li.step[data-step-id]').first().waitFor();
      await open(first);
      expect(await page.locator('.draft textarea').inputValue()).toBe(suggested);
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'at 390 px the edited draft and its way back fit the screen',
    async () => {
      const { page: phone } = await newPage(browser, PHONE);
      try {
        await phone.goto(server.url);
        await phone.locator(`li.step[data-step-id="${second.id}"] button`).first().click();
        await phone.locator('.draft textarea').fill('Hi,\n\nThanks again.\n\nJordan');
        await phone.locator('.draft .badge-edited').waitFor();
        await phone.locator('.draft .save-state', { hasText: 'Saved' }).waitFor();
        await phone.locator('.draft .edit-state').scrollIntoViewIfNeeded();
        await expectAccessible(phone, 'edited draft at 390 px');
        const overflow = await phone.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await phone.screenshot({ path: join(LOOK, 'today-edited-phone.png') });
      } finally {
        await phone.context().close();
      }
    },
    SLOW,
  );
});

describe('the debrief keeps what was typed; leaving a dirty form asks', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ({ page } = await newPage(browser, DESKTOP));
  }, SETUP);
  afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  async function startDebrief(): Promise<void> {
    // From Today, so that Back stays inside the app.
    await page.goto(`${server.url}/#/today`);
    await page.getByRole('heading', { level: 1, name: /Welcome|Today/ }).waitFor();
    await page.goto(`${server.url}/#/debrief`);
    await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
    await page.getByLabel('Organisation').fill('Acme Robotics');
    await page.getByLabel('Role').fill('Platform Engineer');
    await page.getByLabel('Started at').fill(utcLocal(-3).slice(0, 14) + '00');
    await page.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  }

  it(
    'leaving with unsaved input asks; staying keeps it, leaving goes',
    async () => {
      await startDebrief();
      // In-app link: "stay" keeps the page and what was typed.
      const asked = nextDialog(page, 'dismiss');
      await page.getByRole('link', { name: 'Today' }).click();
      expect((await asked).message()).toMatch(/unsaved changes/);
      expect(page.url()).toContain('#/debrief');
      expect(await page.getByLabel('Organisation').inputValue()).toBe('Acme Robotics');

      // Back button: staying puts the address back.
      const back = nextDialog(page, 'dismiss');
      void page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
      await back;
      await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
      expect(await page.getByLabel('Organisation').inputValue()).toBe('Acme Robotics');

      // A reload asks through the browser's own beforeunload question.
      const unload = nextDialog(page, 'dismiss');
      void page.reload().catch(() => undefined);
      expect((await unload).type()).toBe('beforeunload');
      expect(await page.getByLabel('Organisation').inputValue()).toBe('Acme Robotics');

      // "Leave": Today, and nothing was saved.
      const leave = nextDialog(page, 'accept');
      await page.getByRole('link', { name: 'Today' }).click();
      await leave;
      await page.getByRole('heading', { level: 1, name: /Welcome|Today/ }).waitFor();
      expect(page.url()).toMatch(/#\/today$/);
      expect(await apiCall<unknown[]>(server, 'GET', '/applications')).toEqual([]);
    },
    SLOW,
  );

  it(
    'a typed interviewer without a name is refused beside the field; nothing is saved',
    async () => {
      await startDebrief();
      await page.getByLabel('E-mail').fill('noor@acme.example');
      await page.getByRole('button', { name: 'Save debrief' }).click();
      const reason = page.locator('.new-contact .field-error');
      await reason.waitFor();
      expect(await reason.textContent()).toMatch(/^Name: enter the interviewer’s name/);
      expect(await apiCall<unknown[]>(server, 'GET', '/applications')).toEqual([]);
      expect(await apiCall<unknown[]>(server, 'GET', '/contacts')).toEqual([]);
      await expectAccessible(page, 'debrief refused');
    },
    SLOW,
  );

  it(
    'a typed-but-not-added interviewer is added on save and gets a thank-you',
    async () => {
      await page.getByLabel('Name', { exact: true }).fill('Noor Haddad');
      await page.getByLabel('What you discussed with them').fill('The on-call rota');
      await page.screenshot({ path: join(LOOK, 'debrief-typed-desktop.png'), fullPage: true });
      await page.getByRole('button', { name: 'Save debrief' }).click();
      await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
      await page.getByText('Debrief saved: thank-you note to Noor Haddad planned').waitFor();

      const contacts = await apiCall<{ id: string; name: string; email: string | null }[]>(
        server,
        'GET',
        '/contacts',
      );
      expect(contacts).toEqual([
        expect.objectContaining({ name: 'Noor Haddad', email: 'noor@acme.example' }),
      ]);
      const plan = await apiCall<{ steps: PlanStep[] }>(server, 'GET', '/plan');
      expect(plan.steps.filter((s) => s.kind === 'thank_you').map((s) => s.to)).toEqual([
        [contacts[0]!.id],
      ]);
      expect(plan.steps.some((s) => s.kind === 'debrief')).toBe(false);
      // What was discussed with Noor is stored under her (notes.byInterviewer).
      const apps = await apiCall<{ interviews: { notes: { byInterviewer: unknown } }[] }[]>(
        server,
        'GET',
        '/applications',
      );
      expect(apps[0]!.interviews[0]!.notes.byInterviewer).toEqual([
        { contact: contacts[0]!.id, keyPoints: ['The on-call rota'] },
      ]);
    },
    SLOW,
  );

  it(
    'a debrief without interviewers says so instead of "ready"',
    async () => {
      await page.goto(`${server.url}/#/debrief`);
      await page
        .getByLabel('Which application')
        .selectOption({ label: 'Acme Robotics · Platform Engineer' });
      await page.getByLabel('Started at').fill(utcLocal(-1).slice(0, 14) + '00');
      await page.getByRole('button', { name: 'Save debrief' }).click();
      await page.getByText(/no interviewer is recorded: no thank-you planned yet/).waitFor();
    },
    SLOW,
  );
});

describe('the whole decision in the web app', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    await importDemoAsOwnData(server);
    ({ page } = await newPage(browser, DESKTOP));
  }, SETUP);
  afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  it(
    'logging "I accepted the offer" plans a withdrawal from every other active application',
    async () => {
      const apps = await apiCall<{ id: string; organization: string; effectiveStatus: string }[]>(
        server,
        'GET',
        '/applications',
      );
      const active = apps.filter((a) => ['active', 'offer'].includes(a.effectiveStatus));
      expect(active.length).toBeGreaterThan(1);
      const chosen = active.find((a) => a.effectiveStatus === 'offer') ?? active[0]!;
      const before = await apiCall<{ steps: PlanStep[] }>(server, 'GET', '/plan');
      expect(before.steps.filter((s) => s.kind === 'withdraw')).toEqual([]);

      await page.goto(`${server.url}/#/applications/${chosen.id}`);
      await page.getByRole('heading', { level: 1, name: chosen.organization }).waitFor();
      await page
        .getByLabel('What happened', { exact: true })
        .selectOption({ label: 'I accepted the offer' });
      await page.getByLabel('By').selectOption({ label: 'Phone call' });
      await expectAccessible(page, 'log form, outbound');
      await page.screenshot({ path: join(LOOK, 'log-accept-desktop.png'), fullPage: true });
      await page.getByRole('button', { name: 'Log it' }).click();
      await page.getByText(/I accepted the offer: logged — a polite withdrawal from/).waitFor();
      await page.locator('.page-head .badge', { hasText: 'Accepted' }).waitFor();

      const after = await apiCall<{
        steps: PlanStep[];
        warnings: { application: string | null }[];
      }>(server, 'GET', '/plan');
      const withdrawn = after.steps.filter((s) => s.kind === 'withdraw').map((s) => s.application);
      const others = active.filter((a) => a.id !== chosen.id).map((a) => a.id);
      expect(withdrawn.length).toBeGreaterThan(1);
      // Each other active application: a withdrawal, or (no contact on record) a warning saying so.
      for (const id of others) {
        const planned = withdrawn.includes(id) || after.warnings.some((w) => w.application === id);
        expect(planned, id).toBe(true);
      }
      expect(withdrawn.filter((id) => !others.includes(id))).toEqual([]);
      const detail = await apiCall<{
        interactions: { direction: string; kind: string; channel: string }[];
      }>(server, 'GET', `/applications/${chosen.id}`);
      expect(detail.interactions.at(-1)).toMatchObject({
        direction: 'out',
        kind: 'accept',
        channel: 'phone',
      });
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'at 390 px the log form fits the screen',
    async () => {
      const { page: phone } = await newPage(browser, PHONE);
      try {
        const apps = await apiCall<{ id: string; organization: string }[]>(
          server,
          'GET',
          '/applications',
        );
        await phone.goto(`${server.url}/#/applications/${apps[0]!.id}`);
        await phone
          .getByLabel('What happened', { exact: true })
          .selectOption({ label: 'I called' });
        await phone.getByLabel('What happened', { exact: true }).scrollIntoViewIfNeeded();
        await expectAccessible(phone, 'log form at 390 px');
        const overflow = await phone.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await phone.screenshot({ path: join(LOOK, 'log-call-phone.png'), fullPage: true });
      } finally {
        await phone.context().close();
      }
    },
    SLOW,
  );
});
