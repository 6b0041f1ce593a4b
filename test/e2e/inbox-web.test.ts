/// <reference lib="dom" />
// Today's reply cards end to end: the built `tactful serve` on a database where a pass over an
// in-memory mailbox (the IMAP adapter's own e2e runs against dovecot) matched Priya's reply.
// The card says who replied and when, the suggestion and why; Acme's follow-ups wait for it;
// confirming in one click logs the update and releases them. Axe-clean throughout.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInbox } from '../../src/app/inbox.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, openDatabase } from '../../src/storage/index.js';
import { InMemoryMailbox, mail, SEEKER, seedAcme } from '../inbox/fixture.js';
import {
  apiCall,
  DESKTOP,
  launchChromium,
  newPage,
  pageErrors,
  seriousViolations,
  startServer,
  type Server,
} from './harness.js';

let browser: Browser;
let server: Server;
let page: Page;

/** Priya's reply arrived two hours before the test runs (the server plans with the real clock). */
async function prepare(dbPath: string): Promise<void> {
  const database = await openDatabase({ sqlitePath: dbPath });
  try {
    const clock = { now: () => Date.now() };
    const uow = createUnitOfWork(database, 'local', clock);
    await seedAcme(uow, new BusinessCalendar(dateHolidays()), database);
    const box = new InMemoryMailbox();
    box.append(
      'INBOX',
      mail({
        date: new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString(),
        text: 'Hi Alex,\nThanks for your note. We expect to decide by 18 December.\nBest, Priya',
      }),
    );
    await checkInbox({ uow, mailbox: box, clock, seekerAddresses: SEEKER });
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer({ prepare })]);
  ({ page } = await newPage(browser, DESKTOP));
}, 120_000);

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

describe("Today's reply cards", () => {
  it('shows the reply and the held steps, and one click confirms it', async () => {
    await page.goto(`${server.url}/#/today`);
    const card = page.locator('.reply-card');
    await card.waitFor();
    expect(await card.locator('h3').innerText()).toBe('Priya Raman replied — 2 h ago');
    expect(await card.innerText()).toContain('Acme · Engineer');
    expect(await card.locator('.reply-excerpt').innerText()).toContain(
      'We expect to decide by 18 December.',
    );
    expect(await card.locator('.why').innerText()).toMatch(
      /^Looks like update: decision by .+18 Dec.*: it says "decide by 18 December"\. Acme's follow-ups wait until you confirm\.$/,
    );
    const held = page.locator('.held-step');
    expect(await held.count()).toBeGreaterThan(0);
    expect(await held.first().innerText()).toContain("waiting for you to read Priya Raman's reply");
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Change…' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Cancel' }).click();

    // The application's timeline shows the message with its subject and date.
    await page.goto(`${server.url}/#/applications/a1`);
    const row = page.locator('.tl-message');
    await row.waitFor();
    expect(await row.innerText()).toMatch(
      /E-mail from Priya Raman: Re: Thank you\s+\w{3} \d+ \w{3}, \d\d:\d\d/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/#/today`);
    await card.waitFor();
    await card.getByRole('button', { name: /^Confirm: update/ }).click();
    await page.locator('.reply-card').waitFor({ state: 'detached' });
    expect(await page.locator('.held-step').count()).toBe(0);
    const acme = await apiCall<{ interactions: { kind: string; summary: string }[] }>(
      server,
      'GET',
      '/applications/a1',
    );
    expect(acme.interactions.at(-1)).toMatchObject({
      kind: 'update',
      summary: 'E-mail: Re: Thank you',
    });
    expect(pageErrors(page)).toEqual([]);
  });
});
