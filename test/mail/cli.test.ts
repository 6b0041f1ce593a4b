// The built binary: `tactful smtp set|show|test`, `tactful worker --once` and
// `tactful export --format ics`, on a temporary SQLite database and a real SMTP peer.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdOf } from '../../src/app/outbox.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { openDatabase } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { ensureBuilt, oneLineError, tactful, tempDir, writeJson } from '../cli/helpers.js';
import { seekerDocument } from './fixture.js';
import { PEER_PASSWORD, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

let peer: SmtpPeer;
let dir: string;
let db: string;

beforeAll(async () => {
  ensureBuilt();
  peer = await startSmtpPeer();
  peer.script(['accept']);
  dir = tempDir();
  db = join(dir, 'data', 'tactful.db');
  const imported = await tactful([
    '--db',
    db,
    'import',
    writeJson(dir, 'doc.json', seekerDocument()),
  ]);
  expect(imported.code).toBe(0);
}, 120_000);
afterAll(() => peer.close());

describe('tactful smtp', () => {
  it('set reads the password from stdin, stores it sealed under a 0600 key file, never prints it', async () => {
    const set = await tactful(
      [
        '--db',
        db,
        'smtp',
        'set',
        '--host',
        '127.0.0.1',
        '--port',
        String(peer.port),
        '--tls',
        'none',
        '--user',
        'seeker',
        '--from',
        'sam@seeker.example',
        '--password-stdin',
      ],
      { input: `${PEER_PASSWORD}\n` },
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('password set');
    expect(set.stdout + set.stderr).not.toContain(PEER_PASSWORD);
    const show = await tactful(['--db', db, 'smtp', 'show']);
    expect(JSON.parse(show.stdout)).toMatchObject({
      host: '127.0.0.1',
      port: peer.port,
      passwordSet: true,
    });
    expect(show.stdout).not.toContain(PEER_PASSWORD);
    expect(statSync(join(dir, 'data', 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(db).includes(Buffer.from(PEER_PASSWORD))).toBe(false);
    const exported = await tactful(['--db', db, 'export']);
    expect(exported.stdout).not.toContain(PEER_PASSWORD);
  });

  it('test sends a message to your own address', async () => {
    const before = peer.messages.length;
    const result = await tactful(['--db', db, 'smtp', 'test']);
    expect(result.code).toBe(0);
    expect(peer.messages.length).toBe(before + 1);
    expect(peer.messages.at(-1)).toMatch(/^To: sam@seeker\.example/m);
  });

  it('refuses a bad port and a bad TACTFUL_SECRET_KEY with one line naming them', async () => {
    expect(
      oneLineError(
        await tactful([
          '--db',
          db,
          'smtp',
          'set',
          '--host',
          'h',
          '--port',
          '0',
          '--from',
          'a@b.example',
        ]),
      ),
    ).toMatch(/port/);
    const badKey = await tactful(['--db', db, 'smtp', 'show'], {
      env: { TACTFUL_SECRET_KEY: 'c2hvcnQ=' },
    });
    expect(oneLineError(badKey)).toMatch(/TACTFUL_SECRET_KEY/);
  });
});

describe('tactful worker --once', () => {
  it('sends a queued follow-up once, and not again', async () => {
    const database = await openDatabase({ sqlitePath: db });
    const key = Buffer.from(readFileSync(join(dir, 'data', 'secret.key'), 'utf8').trim(), 'base64');
    const { message } = await createMailStore(database, secretBox(key)).transaction('local', (tx) =>
      tx.outbox.insert({
        kind: 'follow_up',
        idempotencyKey: 'cli-1',
        stepId: null,
        applicationId: null,
        organizationKey: null,
        interactionKind: null,
        contacts: [],
        localDate: '2026-12-01',
        to: ['dana@acme.example'],
        subject: 'Thank you',
        body: 'Thank you, Dana.',
        nextAttemptAt: '2026-01-01T00:00:00Z',
        createdAt: '2026-01-01T00:00:00Z',
      }),
    );
    await database.close();
    const first = await tactful(['--db', db, 'worker', '--once']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/sent [1-9]/);
    const second = await tactful(['--db', db, 'worker', '--once']);
    expect(second.code).toBe(0);
    expect(peer.deliveries.get(messageIdOf(message.id))).toBe(1);
  });
});

describe('tactful export --format ics', () => {
  it('writes the feed of the plan: one event per open step', async () => {
    const plan = JSON.parse(
      (await tactful(['--db', db, 'plan', '--json', '--as-of', '2026-12-01T18:00:00Z'])).stdout,
    ) as { steps: { id: string; due: string; kind: string }[] };
    const ics = await tactful([
      '--db',
      db,
      'export',
      '--format',
      'ics',
      '--as-of',
      '2026-12-01T18:00:00Z',
    ]);
    expect(ics.code).toBe(0);
    expect(ics.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const uids = [...ics.stdout.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
    expect(uids.sort()).toEqual(plan.steps.map((s) => `${s.id}@tactful`).sort());
    expect(ics.stdout).toContain('DTSTAMP:20261201T180000Z');
  });
});
