// The issue-5 routes through buildApp on SQLite and PostgreSQL: SMTP settings (the password
// write-only and sealed at rest), the private calendar feed (hashed, revocable token) and
// Send with Idempotency-Key and the pacing guard, delivering to a real SMTP peer.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInteraction } from '../../src/app/log-interaction.js';
import { buildApp } from '../../src/http/app.js';
import { feedTokens } from '../../src/secrets/feed-token.js';
import { mailDb } from '../../src/storage/outbox.table.js';
import { runWorkerOnce } from '../../src/worker/worker.js';
import { DIALECTS } from '../db/test-databases.js';
import { calendar, openMailFixture, testTemplates, type MailFixture } from './fixture.js';
import { PEER_PASSWORD, PEER_USER, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
  peer.script(['accept']);
});
afterAll(() => peer.close());

describe.each(DIALECTS)('mail routes on %s', (dialect) => {
  let fixture: MailFixture;
  let app: FastifyInstance;

  beforeAll(async () => {
    fixture = await openMailFixture(dialect);
    const deps = fixture.workerDeps({ digests: false });
    app = await buildApp({
      uow: fixture.uow,
      calendar,
      clock: fixture.clock,
      templates: testTemplates,
      webRoot: null,
      mail: {
        store: fixture.store,
        tokens: feedTokens,
        seekerId: 'local',
        deliverNow: async () => void (await runWorkerOnce(deps)),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await fixture.close();
  });

  const request = (
    method: InjectOptions['method'],
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { host: 'localhost:4870', ...headers },
      ...(payload ? { payload } : {}),
    });

  it('SMTP settings: saved, the password never returned and sealed at rest', async () => {
    expect((await request('GET', '/api/smtp')).json()).toEqual({ smtp: null });
    const saved = await request('PUT', '/api/smtp', {
      host: '127.0.0.1',
      port: peer.port,
      tls: 'none',
      username: PEER_USER,
      password: PEER_PASSWORD,
      fromAddress: 'sam@seeker.example',
      fromName: 'Sam Seeker',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().smtp).toMatchObject({ host: '127.0.0.1', passwordSet: true });
    expect(saved.body).not.toContain(PEER_PASSWORD);
    const read = await request('GET', '/api/smtp');
    expect(read.body).not.toContain(PEER_PASSWORD);
    expect(read.json().smtp.passwordSet).toBe(true);
    const row = await mailDb(fixture.database.db)
      .selectFrom('smtp_settings')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.password_secret).not.toContain(PEER_PASSWORD);
    expect(row.password_secret).toMatch(/^v1:/);
    // Omitting the password keeps it.
    const again = await request('PUT', '/api/smtp', {
      host: '127.0.0.1',
      port: peer.port,
      tls: 'none',
      username: PEER_USER,
      fromAddress: 'sam@seeker.example',
    });
    expect(again.json().smtp.passwordSet).toBe(true);
  });

  it.each([
    [{ port: 0 }, 'port'],
    [{ host: 'smtp.example\r\nBcc: x@y.example' }, 'host'],
    [{ fromAddress: 'sam@seeker.example\r\nBcc: x@y.example' }, 'fromAddress'],
    [{ tls: 'sometimes' }, 'tls'],
  ])('SMTP settings: %j is refused naming %s', async (patch, field) => {
    const res = await request('PUT', '/api/smtp', {
      host: '127.0.0.1',
      port: 25,
      tls: 'none',
      fromAddress: 'sam@seeker.example',
      ...patch,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it('SMTP settings: a new host, port, TLS mode or user clears the stored password', async () => {
    const base = {
      host: '127.0.0.1',
      port: peer.port,
      tls: 'none',
      username: PEER_USER,
      fromAddress: 'sam@seeker.example',
      fromName: 'Sam Seeker',
    };
    const set = (body: object) => request('PUT', '/api/smtp', body);
    expect((await set({ ...base, password: PEER_PASSWORD })).json().smtp.passwordSet).toBe(true);
    // The same server, password omitted: kept.
    expect((await set(base)).json().smtp.passwordSet).toBe(true);
    for (const change of [
      { host: 'smtp.elsewhere.example' },
      { port: peer.port + 1 },
      { tls: 'starttls' },
      { username: 'someone-else' },
    ]) {
      expect((await set({ ...base, password: PEER_PASSWORD })).statusCode).toBe(200);
      const moved = (await set({ ...base, ...change })).json();
      expect(moved.smtp, JSON.stringify(change)).toMatchObject({ ...change, passwordSet: false });
      const row = await mailDb(fixture.database.db)
        .selectFrom('smtp_settings')
        .select('password_secret')
        .executeTakeFirstOrThrow();
      expect(row.password_secret).toBeNull();
    }
    expect((await set({ ...base, password: PEER_PASSWORD })).json().smtp.passwordSet).toBe(true);
  });

  it('the routes are described in the OpenAPI document', async () => {
    const paths = Object.keys((await request('GET', '/api/openapi.json')).json().paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/steps/{stepId}/send',
        '/api/outbox',
        '/api/outbox/{id}/resolve',
        '/api/smtp',
        '/api/smtp/test',
        '/api/calendar',
        '/api/calendar/token',
      ]),
    );
  });

  it('SMTP test message reaches the peer', async () => {
    const before = peer.messages.length;
    const res = await request('POST', '/api/smtp/test');
    expect(res.json()).toMatchObject({ sent: true });
    expect(peer.messages.length).toBe(before + 1);
  });

  it('calendar feed: hashed token, no Accept needed, no-store, regenerating revokes the old URL', async () => {
    expect((await request('GET', '/api/calendar')).json()).toEqual({ subscribed: false });
    const first = (await request('POST', '/api/calendar/token')).json() as {
      token: string;
      path: string;
    };
    expect(Buffer.from(first.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const feed = await request('GET', first.path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('no-store');
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(feed.body).toContain('BEGIN:VEVENT');
    const stored = await mailDb(fixture.database.db)
      .selectFrom('feed_tokens')
      .selectAll()
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(first.token);

    const second = (await request('POST', '/api/calendar/token')).json() as { path: string };
    expect((await request('GET', first.path)).statusCode).toBe(404);
    expect((await request('GET', second.path)).statusCode).toBe(200);
    expect(
      (await request('GET', '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'))
        .statusCode,
    ).toBe(404);
    expect((await request('GET', '/calendar/' + second.path.slice(10, -4))).statusCode).toBe(404);
    expect((await request('GET', '/api/calendar')).json()).toEqual({ subscribed: true });
  });

  it('Send: the pacing guard refuses a second message to the organisation today unless forced', async () => {
    const step = await fixture.thankYou();
    await logInteraction(fixture.uow, calendar, fixture.clock, {
      application: 'a1',
      direction: 'out',
      kind: 'other',
      channel: 'phone',
      contacts: ['c2'],
    });
    const url = `/api/steps/${encodeURIComponent(step.id)}/send`;
    const refused = await request('POST', url, {}, { 'idempotency-key': 'k-refused' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().field).toBe('force');
    expect((await request('GET', '/api/outbox')).json().messages).toHaveLength(0);

    const before = peer.messages.length;
    const sent = await request(
      'POST',
      url,
      { force: true, subject: 'Thank you, Dana', body: 'Dear Dana,\n\nThank you.\n\nSam' },
      { 'idempotency-key': 'k-1' },
    );
    expect(sent.statusCode).toBe(200);
    const body = sent.json() as {
      created: boolean;
      message: { id: string; state: string; subject: string };
    };
    expect(body).toMatchObject({
      created: true,
      message: { state: 'sent', subject: 'Thank you, Dana' },
    });
    expect(peer.messages.length).toBe(before + 1);
    expect(peer.messages.at(-1)).toContain('Dear Dana,');

    // A double click (same key): the same row, nothing sent again.
    const repeat = await request('POST', url, { force: true }, { 'idempotency-key': 'k-1' });
    expect(repeat.json()).toMatchObject({
      created: false,
      message: { id: body.message.id, state: 'sent' },
    });
    expect(peer.messages.length).toBe(before + 1);

    // A new key for the same (now done) step: no such open step.
    expect(
      (await request('POST', url, { force: true }, { 'idempotency-key': 'k-2' })).statusCode,
    ).toBe(404);

    const outbox = (await request('GET', '/api/outbox')).json().messages as {
      id: string;
      state: string;
    }[];
    expect(outbox.map((m) => [m.id, m.state])).toEqual([[body.message.id, 'sent']]);
    const resolve = await request('POST', `/api/outbox/${body.message.id}/resolve`, {
      resolution: 'send_again',
    });
    expect(resolve.statusCode).toBe(409);
  });

  it('Send: 20 clicks at once with one Idempotency-Key make one message, every answer the first', async () => {
    // A second round this morning with Lee: a thank-you to send.
    const added = await request('POST', '/api/applications/a1/interviews', {
      start: '2026-12-01T11:30',
      timezone: 'America/New_York',
      interviewers: ['c2'],
    });
    expect(added.statusCode, added.body).toBe(201);
    const facts = await fixture.uow.read((repo) => repo.loadFacts());
    const { planOf } = await import('../../src/app/plan-for.js');
    const step = planOf(facts, calendar, fixture.clock.now()).steps.find(
      (s) => s.kind === 'thank_you' && s.to.includes('c2'),
    );
    expect(step, 'an open e-mail thank-you in the fixture').toBeDefined();
    const before = peer.messages.length;
    const url = `/api/steps/${encodeURIComponent(step!.id)}/send`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        request('POST', url, { force: true }, { 'idempotency-key': 'k-parallel' }),
      ),
    );
    expect(
      answers.map((a) => a.statusCode),
      answers[0]!.body,
    ).toEqual(Array(20).fill(200));
    const bodies = answers.map((a) => a.json() as { created: boolean; message: { id: string } });
    expect(bodies.filter((b) => b.created)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.message.id)).size).toBe(1);
    expect(peer.messages.length).toBe(before + 1);
  });
});
