// GET/PUT/DELETE /api/inbox/settings and POST /api/inbox/test through inject(), on SQLite and
// PostgreSQL, against a real dovecot: the password write-only, errors naming the field as
// the form labels it, "Test connection" reporting the server's answer.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxService, type InboxService } from '../../src/main/inbox.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { createInboxAccountStore } from '../../src/storage/inbox-account.store.js';
import { DIALECTS } from '../db/test-databases.js';
import { openTestApi, type TestApi } from '../http/helpers.js';
import { removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { alternative } from './messages.js';

let server: Dovecot;
beforeAll(async () => {
  server = await startDovecot();
  await server.deliver(alternative);
});
afterAll(() => removeDovecot(server));

describe.each(DIALECTS)('mailbox routes on %s', (dialect) => {
  let api: TestApi;
  let service: InboxService;

  beforeAll(async () => {
    api = await openTestApi(dialect, '2026-12-02T12:00:00Z', {
      inbox: {
        show: () => service.show(),
        save: (input) => service.save(input),
        off: () => service.off(),
        test: () => service.test(),
      },
    });
    service = inboxService({
      store: createInboxAccountStore(api.database, secretBox(randomBytes(32))),
      uow: api.uow,
      clock: api.clock,
      seekerId: 'local',
    });
  });
  afterAll(() => api.close());

  const settings = (password?: string) => ({
    host: '127.0.0.1',
    port: server.port,
    tls: 'none',
    user: server.user,
    ...(password === undefined ? {} : { password }),
    folders: [],
  });

  it('saves and shows the settings, never the password', async () => {
    expect((await api.json('GET', '/api/inbox/settings')).body).toEqual({ inbox: null });
    const saved = await api.request('PUT', '/api/inbox/settings', settings(server.password));
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(server.password);
    expect(saved.json()).toEqual({
      inbox: {
        host: '127.0.0.1',
        port: server.port,
        tls: 'none',
        user: server.user,
        folders: ['INBOX'],
        lookBackDays: 30,
        passwordSet: true,
      },
    });
    const read = await api.request('GET', '/api/inbox/settings');
    expect(read.json().inbox.passwordSet).toBe(true);
    expect(read.body).not.toContain(server.password);
  });

  it("tests the connection: folders and counts, or the server's refusal", async () => {
    const ok = await api.json('POST', '/api/inbox/test');
    expect(ok.body).toEqual({
      connected: true,
      detail: `Connected to 127.0.0.1:${server.port}: INBOX 1`,
      folders: [{ folder: 'INBOX', messages: 1 }],
      idle: true,
    });
    await api.request('PUT', '/api/inbox/settings', settings('wrong-Password-7'));
    const refused = await api.json('POST', '/api/inbox/test');
    expect(refused.body).toMatchObject({ connected: false });
    expect(refused.body.detail).toMatch(/refused the user name or password/);
    expect(JSON.stringify(refused.body)).not.toContain('wrong-Password-7');
  });

  it('refuses bad input naming the field as the form labels it, and changes nothing', async () => {
    const before = (await api.json('GET', '/api/inbox/settings')).body;
    const remote = await api.json('PUT', '/api/inbox/settings', {
      ...settings(),
      host: 'imap.example.com',
    });
    expect(remote.status).toBe(400);
    expect(remote.body).toMatchObject({ code: 'invalid_input', field: 'tls' });
    expect(remote.body.message).toMatch(/^Encryption: TLS none \(unencrypted\) is allowed only/);
    const badHost = await api.json('PUT', '/api/inbox/settings', {
      ...settings(),
      host: 'imap\r\nx',
    });
    expect(badHost.body).toMatchObject({ field: 'host' });
    expect(badHost.body.message).toMatch(/^Host: /);
    const days = await api.json('PUT', '/api/inbox/settings', { ...settings(), lookBackDays: 400 });
    expect(days.body).toMatchObject({ field: 'lookBackDays' });
    expect((await api.json('GET', '/api/inbox/settings')).body).toEqual(before);
  });

  it('DELETE disconnects and forgets what was read; the test then asks to connect first', async () => {
    await service.save(settings(server.password));
    await service.check();
    const folders = () => api.database.db.selectFrom('inbox_folders').select('folder').execute();
    expect((await folders()).map((f) => f.folder)).toEqual(['INBOX']);
    expect((await api.json('DELETE', '/api/inbox/settings')).body).toEqual({ removed: true });
    expect(await folders()).toEqual([]);
    expect((await api.json('GET', '/api/inbox/settings')).body).toEqual({ inbox: null });
    const test = await api.json('POST', '/api/inbox/test');
    expect(test.status).toBe(400);
    expect(test.body.message).toMatch(/connect a mailbox first/);
  });

  it('the routes are described in the OpenAPI document', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/inbox/settings',
        'PUT /api/inbox/settings',
        'DELETE /api/inbox/settings',
        'POST /api/inbox/test',
      ]),
    );
  });
});
