/// <reference lib="dom" />
// The Mailbox card of Settings in Debian Chromium, against the built `tactful serve` and a real
// dovecot: connect (password write-only), "Test connection" counts the messages, a wrong
// password says so, Disconnect forgets the mailbox; axe finds nothing serious.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  apiCall,
  launchChromium,
  newPage,
  pageErrors,
  seriousViolations,
  startServer,
  type Server,
} from '../e2e/harness.js';
import { removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { alternative, threadedReply } from './messages.js';

const SLOW = 60_000;
let browser: Browser;
let server: Server;
let dovecot: Dovecot;
let page: Page;

beforeAll(async () => {
  [browser, server, dovecot] = await Promise.all([launchChromium(), startServer(), startDovecot()]);
  await dovecot.deliver(alternative);
  await dovecot.deliver(threadedReply);
  ({ page } = await newPage(browser, DESKTOP));
}, 120_000);
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
  await removeDovecot(dovecot);
});

describe('the Mailbox card', () => {
  it(
    'connects a mailbox, tests it, refuses a wrong password, disconnects',
    async () => {
      await page.goto(`${server.url}/#/settings`);
      const card = page.getByRole('form', { name: 'Mailbox (IMAP)' });
      await card.waitFor();
      expect(await card.getByRole('button', { name: 'Test connection' }).isDisabled()).toBe(true);
      await card.getByLabel('IMAP host').fill('127.0.0.1');
      await card.getByLabel('Port').fill(String(dovecot.port));
      await card.getByLabel('Encryption').selectOption('none');
      await card.getByLabel('User name').fill(dovecot.user);
      await card.getByLabel('Password', { exact: true }).fill(dovecot.password);
      await card.getByRole('button', { name: 'Save mailbox settings' }).click();
      await card.getByText(/^A password is saved/).waitFor();
      expect(await card.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      const stored = await apiCall<{ inbox: Record<string, unknown> }>(server, 'GET', '/inbox/settings');
      expect(stored.inbox).toMatchObject({ host: '127.0.0.1', port: dovecot.port, passwordSet: true, folders: ['INBOX'] });
      expect(JSON.stringify(stored)).not.toContain(dovecot.password);

      await card.getByRole('button', { name: 'Test connection' }).click();
      await card.getByText(`Connected to 127.0.0.1:${dovecot.port}: INBOX 2`).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await card.getByLabel('Password', { exact: true }).fill('not-it');
      await card.getByRole('button', { name: 'Save mailbox settings' }).click();
      await page.getByText('Mailbox settings saved').waitFor();
      await card.getByRole('button', { name: 'Test connection' }).click();
      await card.getByText(/^Test failed: .*refused the user name or password/).waitFor();

      // TLS none to another computer: refused, naming the field.
      await card.getByLabel('IMAP host').fill('imap.example.com');
      await card.getByRole('button', { name: 'Save mailbox settings' }).click();
      await card.getByText(/Encryption: TLS none \(unencrypted\) is allowed only/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await card.getByRole('button', { name: 'Disconnect…' }).click();
      await page.getByRole('dialog', { name: 'Disconnect the mailbox?' }).getByRole('button', { name: 'Disconnect' }).click();
      await page.getByText('Mailbox disconnected').waitFor();
      expect(await apiCall(server, 'GET', '/inbox/settings')).toEqual({ inbox: null });
      expect(await card.getByLabel('IMAP host').inputValue()).toBe('');
      expect(pageErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    },
    SLOW,
  );
});
