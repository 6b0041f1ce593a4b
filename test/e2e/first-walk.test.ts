/// <reference lib="dom" />
// Issue 8's "Done means" walk, as a new seeker does it in Debian Chromium against the built
// `tactful serve`: first visit → Load sample data → the sample band → Leave the sample → their
// own first application and interview through the web forms → a debrief whose interviewer is
// typed but not "Added" (kept, and thanked) → the thank-you draft edited on Today → reload →
// the edit is still there → Mark done → Undo → the step is back. Each stage is checked on the
// screen and in the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  apiCall,
  launchChromium,
  newPage,
  pageErrors,
  screenshot,
  seriousViolations,
  startServer,
  type Server,
} from './harness.js';

/** One long walk on a busy 2-core machine. */
const WALK = 300_000;
let browser: Browser;
let server: Server;

interface PlanStep {
  id: string;
  kind: string;
  application: string;
  to: string[];
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
}, WALK);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** "YYYY-MM-DDTHH:00", UTC, `hours` from now: what a datetime-local field takes. */
function utcHour(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 14) + '00';
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

function band(page: Page) {
  return page.getByRole('region', { name: 'Sample data' });
}

describe('a new seeker’s first walk', () => {
  it(
    'sample → leave → own interview → debrief with a typed interviewer → edit → reload → done → undo',
    async () => {
      const { page } = await newPage(browser, DESKTOP);
      try {
        // First visit: nothing yet.
        await page.goto(server.url);
        await page.getByRole('heading', { level: 1, name: 'Welcome to tactful' }).waitFor();
        expect(await band(page).count()).toBe(0);

        // The sample, apart, with its band.
        await page.getByRole('button', { name: 'Load sample data' }).click();
        await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        await band(page).waitFor();
        await page.locator('li.step[data-step-id]').first().waitFor();
        expect(await apiCall(server, 'GET', '/sample')).toMatchObject({ active: true });

        // Leave it: the seeker's own (empty) data again.
        await band(page).getByRole('button', { name: 'Leave the sample' }).click();
        await page.getByRole('heading', { level: 1, name: 'Welcome to tactful' }).waitFor();
        await page.getByText('You left the sample: this is your own data.').waitFor();
        expect(await band(page).count()).toBe(0);
        expect(await apiCall(server, 'GET', '/sample')).toMatchObject({ active: false });
        expect(await apiCall<unknown[]>(server, 'GET', '/applications')).toEqual([]);
        expect(await apiCall<unknown[]>(server, 'GET', '/contacts')).toEqual([]);

        // Their own first application, through the New application form.
        await page.goto(`${server.url}/#/applications`);
        await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
        await page.getByRole('button', { name: 'New application' }).click();
        const form = page.getByRole('form', { name: 'New application' });
        await form.getByLabel('Organisation').fill('Lumen Health');
        await form.getByLabel('Role').fill('Data Engineer');
        await form.getByRole('button', { name: 'Add application' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lumen Health' }).waitFor();
        const apps = await apiCall<{ id: string; organization: string; role: string }[]>(
          server,
          'GET',
          '/applications',
        );
        expect(apps).toEqual([
          expect.objectContaining({ organization: 'Lumen Health', role: 'Data Engineer' }),
        ]);
        const appId = apps[0]!.id;

        // Its first interview, debriefed: the interviewer's name and e-mail are typed, never
        // "Added"; saving keeps her and plans her thank-you (not a debrief).
        await page.getByRole('link', { name: 'Add an interview' }).click();
        await page.getByRole('heading', { level: 1, name: 'Debrief: Lumen Health' }).waitFor();
        await page.getByLabel('Started at').fill(utcHour(-3));
        const zone = page.getByRole('combobox', { name: 'Time zone' });
        await zone.fill('utc');
        await page.getByRole('option', { name: /^UTC, UTC/ }).click();
        expect(await zone.inputValue()).toMatch(/^UTC, UTC/);
        await page.getByLabel('Name', { exact: true }).fill('Maya Lindqvist');
        await page.getByLabel('E-mail').fill('maya@lumen.example');
        await page.getByLabel('What you discussed with them').fill('The streaming pipeline');
        await expectAccessible(page, 'debrief with a typed interviewer');
        await page.getByRole('button', { name: 'Save debrief' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lumen Health' }).waitFor();
        await page.getByText('Debrief saved: thank-you note to Maya Lindqvist planned').waitFor();

        const contacts = await apiCall<{ id: string; name: string; email: string | null }[]>(
          server,
          'GET',
          '/contacts',
        );
        expect(contacts).toEqual([
          expect.objectContaining({ name: 'Maya Lindqvist', email: 'maya@lumen.example' }),
        ]);
        const detail = await apiCall<{
          interviews: { timezone: string; interviewers: string[] }[];
        }>(server, 'GET', `/applications/${appId}`);
        expect(detail.interviews).toEqual([
          expect.objectContaining({ timezone: 'UTC', interviewers: [contacts[0]!.id] }),
        ]);
        const plan = await apiCall<{ steps: PlanStep[] }>(server, 'GET', '/plan');
        const thanks = plan.steps.filter((s) => s.kind === 'thank_you');
        expect(thanks.map((s) => s.to)).toEqual([[contacts[0]!.id]]);
        expect(plan.steps.some((s) => s.kind === 'debrief')).toBe(false);
        const stepId = thanks[0]!.id;

        // Today: open the thank-you, edit it.
        await page.getByRole('link', { name: 'Today' }).click();
        await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        const row = page.locator(`li.step[data-step-id="${stepId}"]`);
        await row.getByRole('button').first().click();
        const area = page.locator('.draft textarea');
        await area.waitFor();
        const suggested = await area.inputValue();
        expect(suggested).toContain('Maya');
        const mine =
          'Hi Maya,\n\nThank you for this afternoon: the streaming pipeline is exactly the work I hoped for.\n\nBest,\nSam';
        await area.fill(mine);
        await page.locator('.draft .badge-edited').waitFor();
        await page.locator('.draft .save-state', { hasText: 'Saved' }).waitFor();

        // Reload: the edit is still there, marked, and the server holds it.
        await page.reload();
        await row.waitFor();
        await row.getByRole('button').first().click();
        await area.waitFor();
        expect(await area.inputValue()).toBe(mine);
        expect(await page.locator('.draft .badge-edited').textContent()).toBe('Edited');
        expect(
          await apiCall(server, 'GET', `/steps/${encodeURIComponent(stepId)}/draft-edit`),
        ).toMatchObject({ edited: true, body: mine });

        // Mark done, then Undo from its notice: the step is open again, the edit with it.
        await page.locator('.draft').getByRole('button', { name: 'Mark done' }).click();
        await page.locator(`li.step[data-step-id="${stepId}"].settled`).waitFor();
        const afterDone = await apiCall<{ steps: PlanStep[] }>(server, 'GET', '/plan');
        expect(afterDone.steps.map((s) => s.id)).not.toContain(stepId);
        const toast = page.locator('.toast');
        await toast.getByRole('button', { name: 'Undo' }).click();
        await toast.getByText(/^Undone: /).waitFor();
        await page.locator(`li.step[data-step-id="${stepId}"]:not(.settled)`).waitFor();
        const afterUndo = await apiCall<{ steps: PlanStep[] }>(server, 'GET', '/plan');
        expect(afterUndo.steps.map((s) => s.id)).toContain(stepId);
        await row.getByRole('button').first().click();
        await area.waitFor();
        expect(await area.inputValue()).toBe(mine);

        await expectAccessible(page, 'Today after the undo');
        await screenshot(page, 'first-walk');
        expect(pageErrors(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    WALK,
  );
});
