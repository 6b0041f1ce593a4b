// The sample data beside the seeker's, through the API (inject) on SQLite and PostgreSQL, with
// the server's own wiring (SampleMode): loading and leaving the sample never changes the
// seeker's export (byte for byte), settings or plan; the facts cache, the mail routes and the
// calendar feed follow the switch; mail is refused while the sample is shown.
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from '../../src/app/import-document.js';
import { planFor } from '../../src/app/plan-for.js';
import { sampleDocument } from '../../src/app/sample.js';
import { buildApp } from '../../src/http/app.js';
import { sampleDatabaseOptions } from '../../src/main/open-storage.js';
import { SampleMode } from '../../src/main/sample-mode.js';
import { feedTokens } from '../../src/secrets/feed-token.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { sqliteHandleOf } from '../../src/storage/database.js';
import { createUnitOfWork, databaseExists, type Database } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { DIALECTS, testDatabaseSite, type TestDatabaseSite } from '../db/test-databases.js';
import { calendar, NOW, seekerDocument, testTemplates } from '../mail/fixture.js';

/** The seeker's own search: a final round and a reference, so heads-up steps are due. */
function ownDocument() {
  const doc = seekerDocument();
  return {
    ...doc,
    contacts: [
      ...doc.contacts,
      {
        id: 'ref1',
        name: 'Robin Reference',
        email: 'robin@ref.example',
        isReference: true,
      },
    ],
    applications: (doc.applications as { interviews: object[] }[]).map((a) => ({
      ...a,
      references: ['ref1'],
      interviews: a.interviews.map((i) => ({ ...i, final: true, chance: 'high' })),
    })),
  };
}

const SAMPLE_CONTACTS = new Set(sampleDocument({ now: () => NOW }).contacts.map((c) => c.id));

describe.each(DIALECTS)('the sample data on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let app: FastifyInstance;
  let mode: SampleMode;
  const clock = { ms: NOW, now: () => clock.ms };
  const box = secretBox(randomBytes(32));
  const own = () => createUnitOfWork(database);

  const request = (method: InjectOptions['method'], url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { host: 'localhost:4870' },
      ...(payload ? { payload } : {}),
    });
  const json = async (method: InjectOptions['method'], url: string, payload?: object) => {
    const res = await request(method, url, payload);
    return { status: res.statusCode, body: res.json() };
  };
  const sampleOptions = () => sampleDatabaseOptions(site.options);
  const sampleExists = () => databaseExists(sampleOptions());

  async function build(): Promise<void> {
    const sqlite = sqliteHandleOf(database);
    mode = new SampleMode({
      own: {
        uow: own(),
        dataVersion: sqlite ? () => String(sqlite.pragma('data_version', { simple: true })) : null,
      },
      ownOptions: site.options,
      mailStoreOf: (db) => createMailStore(db, box),
      calendar,
      clock,
    });
    await mode.start();
    app = await buildApp({
      uow: mode.uow,
      calendar,
      clock,
      templates: testTemplates,
      dataVersion: mode.dataVersion,
      webRoot: null,
      mail: mode.mailHttp({
        store: createMailStore(database, box),
        tokens: feedTokens,
        seekerId: 'local',
      }),
      sample: mode.http,
    });
  }

  beforeAll(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    await importDocument(own(), calendar, ownDocument());
    await build();
  });
  afterAll(async () => {
    await app?.close();
    await mode?.close();
    await database?.close();
    await site?.destroy();
  });

  it('loading and leaving leave the seeker’s export, settings, plan, SMTP and feed as they were', async () => {
    const exportBefore = (await request('GET', '/api/export')).body;
    const settingsBefore = (await request('GET', '/api/settings')).body;
    const planBefore = (await request('GET', '/api/plan')).body;
    expect(JSON.parse(planBefore).steps.length).toBeGreaterThan(0);
    const smtp = {
      host: '127.0.0.1',
      port: 2525,
      tls: 'none',
      username: null,
      fromAddress: 'sam@seeker.example',
      fromName: 'Sam Seeker',
    };
    expect((await request('PUT', '/api/smtp', smtp)).statusCode).toBe(200);
    const token = (await json('POST', '/api/calendar/token', {})).body.token as string;
    expect(await json('GET', '/api/sample')).toEqual({
      status: 200,
      body: { active: false, where: expect.any(String) },
    });

    const loaded = await json('POST', '/api/sample', {});
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ active: true, loaded: { applications: { created: 6 } } });
    expect(await sampleExists()).toBe(true);
    if (dialect === 'sqlite') expect(existsSync(sampleOptions().sqlitePath!)).toBe(true);

    // The API now shows the sample: its settings, its plan (the facts cache followed).
    const settings = (await json('GET', '/api/settings')).body;
    expect(settings.signature).toMatch(/^Jordan Alvarez/);
    const samplePlan = JSON.parse((await request('GET', '/api/plan')).body);
    expect(
      samplePlan.steps.some((s: { application: string }) => s.application === 'northwind'),
    ).toBe(true);
    expect((await json('GET', '/api/sample')).body.active).toBe(true);

    // A write while the sample is shown lands in the sample only.
    expect((await request('POST', '/api/contacts', { name: 'Played With' })).statusCode).toBe(201);

    // The seeker's own dataset meanwhile: unchanged, no sample contact in its plan.
    expect(JSON.stringify(await exportDocument(own()))).toBe(exportBefore);
    const ownPlan = await planFor(own(), calendar, clock.now());
    const named = ownPlan.steps.flatMap((s) => s.to);
    expect(named.filter((id) => SAMPLE_CONTACTS.has(id))).toEqual([]);
    expect(named).toContain('ref1');

    // Mail: the sample has none, and refuses any; the seeker's feed still serves their steps.
    expect((await json('GET', '/api/smtp')).body).toEqual({ smtp: null });
    const refused = await json('PUT', '/api/smtp', smtp);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/never sent from the sample/);
    expect((await json('POST', '/api/calendar/token', {})).status).toBe(409);
    expect((await json('GET', '/api/calendar')).body).toEqual({ subscribed: false });
    const send = await request(
      'POST',
      `/api/steps/${encodeURIComponent(samplePlan.steps[0].id)}/send`,
      {},
    );
    // The sample has no SMTP settings (and may get none), so nothing can be queued.
    expect(send.json()).toMatchObject({ code: 'invalid_input', field: 'smtp' });
    expect((await json('GET', '/api/outbox')).body).toEqual({ messages: [] });
    const feed = await request('GET', `/calendar/${token}.ics`);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Acme');
    expect(feed.body).not.toContain('Northwind');

    const left = await json('DELETE', '/api/sample');
    expect(left).toEqual({
      status: 200,
      body: { active: false, removed: true, where: expect.any(String) },
    });
    expect(await sampleExists()).toBe(false);
    expect((await request('GET', '/api/export')).body).toBe(exportBefore);
    expect((await request('GET', '/api/settings')).body).toBe(settingsBefore);
    expect((await request('GET', '/api/plan')).body).toBe(planBefore);
    expect((await json('GET', '/api/smtp')).body.smtp).toMatchObject({ host: '127.0.0.1' });
    expect((await json('GET', '/api/calendar')).body).toEqual({ subscribed: true });
    expect((await json('DELETE', '/api/sample')).body).toMatchObject({
      active: false,
      removed: false,
    });
  });

  it('a new load is a fresh sample; a restarted server shows the sample while it exists', async () => {
    await json('POST', '/api/sample', {});
    expect((await request('POST', '/api/contacts', { name: 'Played With' })).statusCode).toBe(201);
    const again = await json('POST', '/api/sample', {});
    expect(again.body.loaded.contacts).toEqual({ created: 11, updated: 0, unchanged: 0 });
    const names = (await json('GET', '/api/contacts')).body.map((c: { name: string }) => c.name);
    expect(names).not.toContain('Played With');

    await app.close();
    await mode.close();
    await build();
    expect((await json('GET', '/api/sample')).body.active).toBe(true);
    expect((await json('GET', '/api/settings')).body.signature).toMatch(/^Jordan Alvarez/);
    await json('DELETE', '/api/sample');
    expect((await json('GET', '/api/settings')).body.signature).toBe(
      'Sam Seeker\nsam@seeker.example',
    );
  });
});
