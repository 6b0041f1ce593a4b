// The built binary: `tactful inbox set|show|test|off` against a real dovecot on loopback; the
// password from stdin only, never printed, never in the database file in the clear.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, oneLineError, tactful, tempDir } from '../cli/helpers.js';
import { removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { alternative, threadedReply } from './messages.js';

let server: Dovecot;
let db: string;

beforeAll(async () => {
  ensureBuilt();
  server = await startDovecot();
  await server.deliver(alternative);
  await server.deliver(threadedReply);
  await server.createFolder('Applications');
  db = join(tempDir(), 'data', 'tactful.db');
}, 180_000);
afterAll(() => removeDovecot(server));

const set = (extra: string[], password?: string) =>
  tactful(
    [
      '--db', db, 'inbox', 'set',
      '--host', '127.0.0.1', '--port', String(server.port), '--tls', 'none',
      '--user', server.user,
      ...(password === undefined ? [] : ['--password-stdin']),
      ...extra,
    ],
    password === undefined ? {} : { input: `${password}\n` },
  );

describe('tactful inbox', () => {
  it('set reads the password from stdin, stores it sealed, never prints it; show says passwordSet', async () => {
    const saved = await set(['--folder', 'Applications', '--look-back', '14'], server.password);
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(
      `Mailbox saved: ${server.user} at 127.0.0.1:${server.port} (none); folders INBOX, Applications; first check looks back 14 days; password set.\n`,
    );
    const show = await tactful(['--db', db, 'inbox', 'show']);
    expect(JSON.parse(show.stdout)).toEqual({
      host: '127.0.0.1',
      port: server.port,
      tls: 'none',
      user: server.user,
      folders: ['INBOX', 'Applications'],
      lookBackDays: 14,
      passwordSet: true,
    });
    expect(show.stdout + saved.stdout).not.toContain(server.password);
    expect(readFileSync(db).includes(Buffer.from(server.password))).toBe(false);
  });

  it('test connects and counts the messages of each folder', async () => {
    const result = await tactful(['--db', db, 'inbox', 'test']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `Connected to 127.0.0.1:${server.port}: INBOX 2 messages, Applications 0 messages (new mail is noticed at once: IDLE).\n`,
    );
    // Read-only: nothing was marked read.
    expect(await server.maildirFlags()).toEqual(['', '']);
  });

  it('a wrong password: one clear line, exit 1, the password nowhere', async () => {
    expect((await set([], 'not-the-Password-42')).code).toBe(0);
    const result = await tactful(['--db', db, 'inbox', 'test']);
    expect(oneLineError(result)).toBe(
      `tactful: mailbox 127.0.0.1:${server.port}: the server refused the user name or password (an app password may be needed)`,
    );
    expect(result.stdout + result.stderr).not.toContain('not-the-Password-42');
  });

  it('changing the server forgets the password; TLS none only for this computer', async () => {
    const moved = await tactful(['--db', db, 'inbox', 'set', '--host', 'localhost', '--port', String(server.port), '--tls', 'none', '--user', server.user]);
    expect(moved.stdout).toContain('password not set (add --password-stdin)');
    const test = await tactful(['--db', db, 'inbox', 'test']);
    expect(oneLineError(test)).toMatch(/^tactful: .*the mailbox password is not set/);

    const remote = await tactful(['--db', db, 'inbox', 'set', '--host', 'imap.example.com', '--tls', 'none', '--user', 'me']);
    expect(oneLineError(remote)).toMatch(/^tactful: --tls: TLS none \(unencrypted\) is allowed only for a server on this computer/);
    const badDays = await tactful(['--db', db, 'inbox', 'set', '--host', 'imap.example.com', '--user', 'me', '--look-back', '0']);
    expect(oneLineError(badDays)).toMatch(/--look-back/);
    const sample = await tactful(['--db', db, '--sample', 'inbox', 'show']);
    expect(oneLineError(sample)).toMatch(/--sample cannot be used with `tactful inbox`/);
  });

  it('off asks for --yes when nobody is at the keyboard, then forgets the mailbox', async () => {
    const refused = await tactful(['--db', db, 'inbox', 'off']);
    expect(oneLineError(refused)).toBe('tactful: add --yes to disconnect the mailbox');
    const off = await tactful(['--db', db, 'inbox', 'off', '--yes']);
    expect(off.stdout).toBe('Mailbox disconnected: its settings and password are deleted.\n');
    const show = await tactful(['--db', db, 'inbox', 'show']);
    expect(show.stdout).toBe('No mailbox connected (tactful inbox set --help).\n');
    const test = await tactful(['--db', db, 'inbox', 'test']);
    expect(oneLineError(test)).toMatch(/connect a mailbox first/);
    const again = await tactful(['--db', db, 'inbox', 'off', '--yes']);
    expect(again.stdout).toBe('No mailbox was connected.\n');
  });
});
