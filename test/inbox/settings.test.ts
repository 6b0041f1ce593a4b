// The mailbox settings on SQLite and PostgreSQL: the password write-only and sealed at rest,
// forgotten when the server or the user changes; INBOX always first; TLS none only to this
// computer; `off` removes the account. Bad input changes nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteInboxSettings,
  getInboxSettings,
  inboxAccountForReading,
  isLoopbackHost,
  saveInboxSettings,
} from '../../src/app/inbox-settings.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { createInboxAccountStore } from '../../src/storage/inbox-account.store.js';
import { inboxAccountDb } from '../../src/storage/inbox-account.table.js';
import type { Database } from '../../src/storage/index.js';
import { DIALECTS, testDatabaseSite, type TestDatabaseSite } from '../db/test-databases.js';

const clock = { now: () => Date.parse('2026-12-02T12:00:00Z') };
const SEEKER = 'local';

const input = {
  host: 'imap.mail.example',
  port: 993,
  tls: 'implicit' as const,
  user: 'seeker@mail.example',
  password: 'app-password-1',
};

describe.each(DIALECTS)('mailbox settings on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let store: ReturnType<typeof createInboxAccountStore>;

  beforeAll(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    store = createInboxAccountStore(database, secretBox(randomBytes(32)));
  });
  afterAll(async () => {
    await database.close();
    await site.destroy();
  });

  const rawRow = () =>
    inboxAccountDb(database.db)
      .selectFrom('inbox_accounts')
      .selectAll()
      .where('seeker_id', '=', SEEKER)
      .executeTakeFirst();

  it('saves, shows only passwordSet, seals the password at rest', async () => {
    expect(await getInboxSettings(store, SEEKER)).toBeNull();
    const view = await saveInboxSettings(store, clock, SEEKER, {
      ...input,
      folders: ['Applications', 'inbox', 'Applications'],
    });
    expect(view).toEqual({
      host: 'imap.mail.example',
      port: 993,
      tls: 'implicit',
      user: 'seeker@mail.example',
      folders: ['INBOX', 'Applications'],
      lookBackDays: 30,
      passwordSet: true,
    });
    expect(JSON.stringify(view)).not.toContain('app-password-1');
    const row = await rawRow();
    expect(row?.password_secret).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('app-password-1');
    expect((await inboxAccountForReading(store, SEEKER)).password).toBe('app-password-1');
    expect(await store.seekersWithInbox()).toEqual([SEEKER]);
  });

  it('keeps the password when only folders or look-back change', async () => {
    const { password: _, ...withoutPassword } = input;
    const view = await saveInboxSettings(store, clock, SEEKER, {
      ...withoutPassword,
      lookBackDays: 7,
    });
    expect(view).toMatchObject({ passwordSet: true, lookBackDays: 7, folders: ['INBOX', 'Applications'] });
  });

  it('forgets the password when the host, port, TLS or user changes', async () => {
    const { password: _, ...withoutPassword } = input;
    for (const change of [{ host: 'imap.other.example' }, { port: 143, tls: 'starttls' }, { user: 'me@other.example' }]) {
      await saveInboxSettings(store, clock, SEEKER, input);
      const view = await saveInboxSettings(store, clock, SEEKER, { ...withoutPassword, ...change });
      expect(view.passwordSet).toBe(false);
      expect((await rawRow())?.password_secret).toBeNull();
    }
    await expect(inboxAccountForReading(store, SEEKER)).rejects.toThrow(/password is not set/);
    // A password given with the change is kept.
    const view = await saveInboxSettings(store, clock, SEEKER, { ...input, host: 'imap.third.example' });
    expect(view.passwordSet).toBe(true);
  });

  it('refuses bad input, naming the field, and changes nothing', async () => {
    const before = await getInboxSettings(store, SEEKER);
    await expect(
      saveInboxSettings(store, clock, SEEKER, { ...input, tls: 'none' }),
    ).rejects.toMatchObject({ field: 'tls', message: expect.stringMatching(/only for a server on this computer/) });
    await expect(saveInboxSettings(store, clock, SEEKER, { ...input, port: 0 })).rejects.toMatchObject({ field: 'port' });
    await expect(saveInboxSettings(store, clock, SEEKER, { ...input, user: '' })).rejects.toMatchObject({ field: 'user' });
    await expect(saveInboxSettings(store, clock, SEEKER, { ...input, lookBackDays: 0 })).rejects.toMatchObject({ field: 'lookBackDays' });
    await expect(saveInboxSettings(store, clock, SEEKER, { ...input, host: 'a b' })).rejects.toMatchObject({ field: 'host' });
    expect(await getInboxSettings(store, SEEKER)).toEqual(before);
    // TLS none is fine to this computer.
    const local = await saveInboxSettings(store, clock, 'seeker-2', { ...input, host: '127.0.0.1', port: 1143, tls: 'none' });
    expect(local.tls).toBe('none');
    expect(await deleteInboxSettings(store, 'seeker-2')).toBe(true);
  });

  it('off removes the account and its password', async () => {
    expect(await deleteInboxSettings(store, SEEKER)).toBe(true);
    expect(await rawRow()).toBeUndefined();
    expect(await getInboxSettings(store, SEEKER)).toBeNull();
    expect(await deleteInboxSettings(store, SEEKER)).toBe(false);
    await expect(inboxAccountForReading(store, SEEKER)).rejects.toThrow(/connect a mailbox first/);
  });
});

describe('isLoopbackHost', () => {
  it('accepts this computer only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'imap.localhost']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['imap.example.com', '10.0.0.1', '127.0.0.1.evil.example', 'localhost.example']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
