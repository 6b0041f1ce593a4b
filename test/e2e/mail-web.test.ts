/// <reference lib="dom" />
// The mail side of the web app end to end: the built `tactful serve` (with its in-process
// worker) and a real SMTP server on 127.0.0.1, driven in Debian Chromium. SMTP is set up and
// tested through Settings, a thank-you is sent from Today after confirming, a double click on
// the confirmation still sends once, the pacing guard is overridden on purpose, the Outbox shows
// the states (an unconfirmed send is resolved by the seeker), and the private calendar URL
// answers with a calendar.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_PASSWORD, PEER_USER, startSmtpPeer, type SmtpPeer } from '../mail/smtp-peer.js';
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

const SLOW = 60_000;
const FROM = 'jordan.seeker@example.org';
const PRIYA = 'priya.raman@northwind-analytics.example';
const SOFIA = 'sofia.lindqvist@northwind-analytics.example';

let browser: Browser;
let server: Server;
let peer: SmtpPeer;
let page: Page;

beforeAll(async () => {
  [browser, server, peer] = await Promise.all([launchChromium(), startServer(), startSmtpPeer()]);
  ({ page } = await newPage(browser, DESKTOP));
}, 120_000);

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
  await peer?.close();
});

async function received(): Promise<ParsedMail[]> {
  return Promise.all(peer.messages.map((raw) => simpleParser(raw)));
}

/** Messages the peer kept that were addressed to `address`. */
async function receivedBy(address: string): Promise<ParsedMail[]> {
  const all = await received();
  const to = (m: ParsedMail): string[] =>
    [m.to]
      .flat()
      .flatMap((a) => a?.value ?? [])
      .map((v) => v.address ?? '');
  return all.filter((m) => to(m).includes(address));
}

async function expectAccessible(label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Console errors, less the 409 the pacing test provokes on purpose. */
function unexpectedErrors(): string[] {
  return pageErrors(page).filter((e) => !/status of 409/.test(e));
}

function stepRow(id: string) {
  return page.locator(`li.step[data-step-id="${id}"]`);
}

async function openStep(id: string): Promise<void> {
  await stepRow(id).getByRole('button').first().click();
  await page.locator('.draft textarea').waitFor();
}

describe('mail in the web app', () => {
  it(
    'Send… is off with a hint until SMTP is set up',
    async () => {
      await importDemoAsOwnData(server);
      await page.goto(server.url);
      await openStep('northwind:thank_you:northwind-r2:priya');
      const send = page.locator('.draft').getByRole('button', { name: 'Send…' });
      expect(await send.isDisabled()).toBe(true);
      const hint = await send.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${hint}"]`).textContent()).toMatch(/set up e-mail/i);
    },
    SLOW,
  );

  it(
    'Settings saves SMTP (password write-only) and sends a test message that arrives',
    async () => {
      await page.goto(`${server.url}/#/settings`);
      await page.getByRole('heading', { name: 'E-mail (SMTP)' }).waitFor();
      // The SMTP card's own fields (the mailbox card below has a port, a password… too).
      const smtp = page.getByRole('form', { name: 'E-mail (SMTP)' });
      await smtp.getByLabel('SMTP host').fill('127.0.0.1');
      await smtp.getByLabel('Port').fill(String(peer.port));
      await smtp.getByLabel('Encryption').selectOption('none');
      await smtp.getByLabel('User name').fill(PEER_USER);
      await smtp.getByLabel('Password', { exact: true }).fill(PEER_PASSWORD);
      await smtp.getByLabel('From address').fill(FROM);
      await smtp.getByLabel('From name').fill('Jordan Seeker');
      await page.getByRole('button', { name: 'Save e-mail settings' }).click();
      await page.getByText('A password is saved. Leave this empty to keep it.').waitFor();
      expect(await smtp.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      const stored = await apiCall<{ smtp: Record<string, unknown> }>(server, 'GET', '/smtp');
      expect(stored.smtp).toMatchObject({ host: '127.0.0.1', port: peer.port, passwordSet: true });
      expect(JSON.stringify(stored)).not.toContain(PEER_PASSWORD);

      await page.getByRole('button', { name: 'Send a test message' }).click();
      await page.getByText(/^Test message sent/).waitFor();
      const tests = await receivedBy(FROM);
      expect(tests).toHaveLength(1);
      expect(tests[0]?.from?.value[0]?.address).toBe(FROM);

      // Saving again with the password field empty keeps the password: the test still logs in.
      await smtp.getByLabel('From name').fill('Jordan S.');
      await page.getByRole('button', { name: 'Save e-mail settings' }).click();
      await page.getByText('E-mail settings saved').waitFor();
      await page.getByRole('button', { name: 'Send a test message' }).click();
      await expect(
        page.getByText(/^Test message sent/).waitFor({ state: 'visible' }),
      ).resolves.toBeUndefined();
      expect(await receivedBy(FROM)).toHaveLength(2);
      await expectAccessible('settings');
      await page.getByRole('heading', { name: 'E-mail (SMTP)' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-mail-desktop');
      expect(pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'sends the edited thank-you from Today after confirming: one message, the step leaves Today',
    async () => {
      const id = 'northwind:thank_you:northwind-r2:priya';
      await page.goto(server.url);
      await openStep(id);
      const words = 'Hi Priya,\n\nThank you for the whiteboard session this morning.\n\nJordan';
      await page.locator('.draft textarea').fill(words);
      const subject = await page.locator('.draft').getByLabel('Subject').inputValue();

      const opener = page.locator('.draft').getByRole('button', { name: 'Send…' });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Send this e-mail now?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(PRIYA);
      expect(await dialog.textContent()).toContain(subject);
      // Escape closes it without sending and gives the focus back to "Send…".
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await receivedBy(PRIYA)).toHaveLength(0);

      await opener.click();
      await dialog.waitFor();
      // Today's "d" (mark done) must not act behind the modal: the send below would then fail.
      await page.keyboard.press('d');
      await expectAccessible('send dialog');
      await screenshot(page, 'send-dialog-desktop');
      await dialog.getByRole('button', { name: 'Send now' }).click();
      await stepRow(id).locator('.step-when', { hasText: 'Sent' }).waitFor();

      const mails = await receivedBy(PRIYA);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe(subject);
      expect(mails[0]?.text?.replace(/\r\n/g, '\n')).toContain(
        'Thank you for the whiteboard session this morning.',
      );
      const plan = await apiCall<{ steps: { id: string }[] }>(server, 'GET', '/plan');
      expect(plan.steps.map((s) => s.id)).not.toContain(id);
      await page.reload();
      await page.locator('li.step[data-step-id]').first().waitFor();
      expect(await stepRow(id).count()).toBe(0);
    },
    SLOW,
  );

  it(
    'a double click on the confirmation still sends one message',
    async () => {
      const id = 'northwind:thank_you:northwind-r2:sofia';
      await openStep(id);
      await page.locator('.draft').getByRole('button', { name: 'Send…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send this e-mail now?' });
      await dialog.getByRole('button', { name: 'Send now' }).dblclick();
      await stepRow(id).locator('.step-when', { hasText: 'Sent' }).waitFor();
      // The in-process worker has finished by the time the answer comes; give a stray
      // second request time to land before counting.
      await page.waitForTimeout(500);
      expect(await receivedBy(SOFIA)).toHaveLength(1);
      const outbox = await apiCall<{ messages: { stepId: string | null }[] }>(
        server,
        'GET',
        '/outbox',
      );
      expect(outbox.messages.filter((m) => m.stepId === id)).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'the pacing guard refuses a second subject to the same organisation today; Send anyway overrides',
    async () => {
      const id = 'northwind:offer_update:arborway-x3';
      await openStep(id);
      await page.locator('.draft').getByRole('button', { name: 'Send…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send this e-mail now?' });
      await dialog.getByRole('button', { name: 'Send now' }).click();
      await dialog.getByRole('alert').waitFor();
      expect(await dialog.getByRole('alert').textContent()).toMatch(/already contacted/);
      expect(unexpectedErrors()).toEqual([]);
      const before = (await receivedBy(PRIYA)).length;
      // The confirmation button became "Send anyway" and kept the focus.
      const anyway = dialog.getByRole('button', { name: 'Send anyway' });
      expect(await anyway.evaluate((el) => el === document.activeElement)).toBe(true);
      await anyway.click();
      await stepRow(id).locator('.step-when', { hasText: 'Sent' }).waitFor();
      expect(await receivedBy(PRIYA)).toHaveLength(before + 1);
    },
    SLOW,
  );

  it(
    'the Outbox lists the messages with their states',
    async () => {
      await page.goto(`${server.url}/#/outbox`);
      await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
      const items = page.locator('.outbox-item');
      await items.first().waitFor();
      const outbox = await apiCall<{ messages: { state: string; kind: string }[] }>(
        server,
        'GET',
        '/outbox',
      );
      const followUps = outbox.messages.filter((m) => m.kind === 'follow_up');
      expect(followUps).toHaveLength(3);
      expect(followUps.every((m) => m.state === 'sent')).toBe(true);
      expect(await items.count()).toBe(outbox.messages.length);
      const priya = items.filter({ hasText: PRIYA }).first();
      expect(await priya.locator('.state').textContent()).toBe('Sent');
      expect(unexpectedErrors()).toEqual([]);
    },
    SLOW,
  );

  it(
    'a send whose reply was lost is uncertain: the Outbox explains it, and "It was sent" settles it',
    async () => {
      const id = 'quillstone:final_thanks:quillstone-x2';
      const lucia = 'lucia.fernandez@quillstone.example';
      // The server keeps the message but drops the connection before its "250".
      peer.script(['drop-after-dot', 'accept']);
      await page.goto(server.url);
      await openStep(id);
      await page.locator('.draft').getByRole('button', { name: 'Send…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send this e-mail now?' });
      await dialog.getByRole('button', { name: 'Send now' }).click();
      await stepRow(id).locator('.step-when', { hasText: 'Delivery unconfirmed' }).waitFor();
      expect(await receivedBy(lucia)).toHaveLength(1);

      await page.goto(`${server.url}/#/outbox`);
      const item = page.locator('.outbox-item', { hasText: lucia });
      await item.waitFor();
      expect(await item.locator('.state').textContent()).toBe('Uncertain');
      expect(await item.textContent()).toContain(
        'We could not confirm delivery; check your Sent folder before sending again.',
      );
      await expectAccessible('outbox with an uncertain message');
      await screenshot(page, 'outbox-desktop');

      await item.getByRole('button', { name: 'It was sent' }).click();
      await expect.poll(() => item.locator('.state').textContent()).toBe('Sent');
      expect(await receivedBy(lucia)).toHaveLength(1);
      const plan = await apiCall<{ steps: { id: string }[] }>(server, 'GET', '/plan');
      expect(plan.steps.map((s) => s.id)).not.toContain(id);
      expect(unexpectedErrors()).toEqual([]);
    },
    SLOW,
  );

  it(
    '"Send again…" on an uncertain message asks first, then resends it under the same Message-ID',
    async () => {
      const id = 'bluefin:offer_update:arborway-x3';
      const daniel = 'daniel.kim@talentbridge.example';
      peer.script(['drop-after-dot', 'accept']);
      await page.goto(server.url);
      await openStep(id);
      await page.locator('.draft').getByRole('button', { name: 'Send…' }).click();
      await page
        .getByRole('dialog', { name: 'Send this e-mail now?' })
        .getByRole('button', { name: 'Send now' })
        .click();
      await stepRow(id).locator('.step-when', { hasText: 'Delivery unconfirmed' }).waitFor();

      await page.goto(`${server.url}/#/outbox`);
      const item = page.locator('.outbox-item', { hasText: daniel });
      await item.getByRole('button', { name: 'Send again…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Send this message again?' });
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'hidden' });
      expect(await receivedBy(daniel)).toHaveLength(1);
      await item.getByRole('button', { name: 'Send again…' }).click();
      await confirm.getByRole('button', { name: 'Send again' }).click();
      await expect.poll(() => item.locator('.state').textContent()).toBe('Sent');
      const copies = await receivedBy(daniel);
      expect(copies).toHaveLength(2);
      expect(copies[1]?.messageId).toBe(copies[0]?.messageId);
    },
    SLOW,
  );

  it(
    '"Drop it" gives an uncertain message up: failed, and the step is open again on Today',
    async () => {
      const id = 'helio:offer_update:arborway-x3';
      const grace = 'grace.mbeki@summit-search.example';
      peer.script(['drop-after-dot', 'accept']);
      await page.goto(server.url);
      await openStep(id);
      await page.locator('.draft').getByRole('button', { name: 'Send…' }).click();
      await page
        .getByRole('dialog', { name: 'Send this e-mail now?' })
        .getByRole('button', { name: 'Send now' })
        .click();
      await stepRow(id).locator('.step-when', { hasText: 'Delivery unconfirmed' }).waitFor();

      await page.goto(`${server.url}/#/outbox`);
      const item = page.locator('.outbox-item', { hasText: grace });
      await item.getByRole('button', { name: 'Drop it' }).click();
      await expect.poll(() => item.locator('.state').textContent()).toBe('Failed');
      expect(await item.textContent()).toContain('dropped by you');
      expect(await receivedBy(grace)).toHaveLength(1);
      await page.goto(server.url);
      await stepRow(id).waitFor();
      expect(await stepRow(id).locator('.step-when').textContent()).toMatch(/^due /);
    },
    SLOW,
  );

  it(
    'creates the private calendar URL, which answers with text/calendar',
    async () => {
      await page.goto(`${server.url}/#/settings`);
      await page.getByRole('button', { name: 'Create calendar URL' }).click();
      const field = page.getByLabel('Your private calendar URL');
      await field.waitFor();
      const url = await field.inputValue();
      expect(url).toMatch(new RegExp(`^${server.url}/calendar/[^/]+\\.ics$`));
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);

      // Regenerating asks first; the old URL then stops working.
      await page.getByRole('button', { name: 'Regenerate URL…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Regenerate the calendar URL?' });
      await dialog.getByRole('button', { name: 'Regenerate' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => field.inputValue()).not.toBe(url);
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(await field.inputValue())).status).toBe(200);
      await expectAccessible('settings with a feed URL');
    },
    SLOW,
  );

  it(
    'Settings and Outbox at phone width',
    async () => {
      const { context, page: phone } = await newPage(browser, PHONE);
      try {
        for (const [hash, heading, name] of [
          ['settings', 'E-mail (SMTP)', 'settings-mail-phone'],
          ['outbox', 'Outbox', 'outbox-phone'],
        ] as const) {
          await phone.goto(`${server.url}/#/${hash}`);
          await phone.getByRole('heading', { name: heading }).first().waitFor();
          const overflow = await phone.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${hash} scrolls sideways`).toBeLessThanOrEqual(0);
          if (hash === 'settings')
            await phone.getByRole('heading', { name: heading }).scrollIntoViewIfNeeded();
          await screenshot(phone, name);
        }
        expect(pageErrors(phone)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );
});
