// /api/inbox on SQLite and PostgreSQL: matched messages listed, confirm / dismiss / assign as
// one undoable activity each, held steps in the plan and on Today, and a message stored by
// another process (the worker) seen by the cached plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInbox } from '../../src/app/inbox.js';
import { createUnitOfWork } from '../../src/storage/index.js';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { InMemoryMailbox, mail, SEEKER, seedAcme } from '../inbox/fixture.js';
import { calendar, openTestApi, type TestApi } from './helpers.js';

// Wed 2 Dec 2026, 15:00Z; Acme's status check (Thu 3 Dec) is upcoming.
const NOW = '2026-12-02T15:00:00Z';

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('the inbox over HTTP on %s', (dialect) => {
  let api: TestApi;
  const box = new InMemoryMailbox();
  /** A pass by another process (the worker), on its own connection. */
  const workerPass = async () => {
    const database = await api.openAnother();
    try {
      return await checkInbox({
        uow: createUnitOfWork(database, 'local', api.clock),
        mailbox: box,
        clock: api.clock,
        seekerAddresses: SEEKER,
      });
    } finally {
      await database.close();
    }
  };
  const statusCheck = async () =>
    (await api.json('GET', '/api/plan')).body.steps.find(
      (s: { kind: string; application: string }) =>
        s.kind === 'status_check' && s.application === 'a1',
    );

  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    await seedAcme(api.uow, calendar, api.database);
  });
  afterAll(async () => api?.close());

  it('a message stored by the worker holds the steps in the cached plan and shows on Today', async () => {
    expect((await statusCheck()).heldBy).toBeUndefined();
    box.append('INBOX', mail({ text: 'Thanks! We expect to decide by 18 December.' }));
    const report = await workerPass();
    const id = report.matched[0]!.id;
    expect(await statusCheck()).toMatchObject({ due: '2026-12-03', heldBy: id, overdue: false });
    const today = (await api.json('GET', '/api/today')).body;
    expect(today.held.map((s: { heldBy: string }) => s.heldBy)).toContain(id);
    expect(
      [...today.overdue, ...today.today, ...today.upcoming].some(
        (s: { application: string; to: string[] }) => s.application === 'a1' && s.to.length > 0,
      ),
    ).toBe(false);
    const list = await api.json('GET', '/api/inbox');
    expect(list.status).toBe(200);
    expect(list.body.messages).toEqual([
      expect.objectContaining({
        id,
        applicationId: 'a1',
        from: 'Priya Raman',
        subject: 'Re: Thank you',
        suggestion: 'update',
        why: 'it says "decide by 18 December"',
        newDecisionDate: '2026-12-18',
        state: 'unconfirmed',
      }),
    ]);
    expect((await api.json('GET', '/api/inbox?application=a2')).body.messages).toEqual([]);
  });

  it('confirm logs the update, releases the hold and is undone as one activity', async () => {
    const [m] = (await api.json('GET', '/api/inbox?state=unconfirmed')).body.messages;
    const res = await api.request('POST', `/api/inbox/${m.id}/confirm`, {
      classification: 'update',
      newDecisionDate: '2026-12-18',
    });
    expect(res.statusCode).toBe(200);
    const activity = res.headers['tactful-activity'];
    expect(Number(activity)).toBeGreaterThan(0);
    expect(JSON.parse(res.body)).toMatchObject({
      message: { state: 'confirmed' },
      interviewId: null,
    });
    expect(await statusCheck()).toMatchObject({ due: '2026-12-21' });
    expect((await statusCheck()).heldBy).toBeUndefined();
    // The timeline's interaction names the message's subject and date.
    const app = (await api.json('GET', '/api/applications/a1')).body;
    expect(app.interactions.at(-1)).toMatchObject({
      kind: 'update',
      summary: 'E-mail: Re: Thank you',
      at: '2026-12-02T14:00:00Z',
    });

    expect(
      await api.json('POST', `/api/inbox/${m.id}/confirm`, { classification: 'reply' }),
    ).toMatchObject({
      status: 409,
      body: { code: 'conflict' },
    });
    expect((await api.json('POST', `/api/activity/${activity}/undo`, {})).status).toBe(200);
    expect((await statusCheck()).heldBy).toBe(m.id);
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    const [m] = (await api.json('GET', '/api/inbox')).body.messages;
    const before = await api.snapshot();
    expect(
      await api.json('POST', `/api/inbox/${m.id}/confirm`, { classification: 'maybe' }),
    ).toMatchObject({
      status: 400,
      body: { field: 'classification' },
    });
    expect(
      await api.json('POST', `/api/inbox/${m.id}/confirm`, {
        classification: 'update',
        newDecisionDate: '2026-02-30',
      }),
    ).toMatchObject({
      status: 400,
      body: { field: 'newDecisionDate' },
    });
    expect(await api.json('POST', '/api/inbox/nope/dismiss', {})).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(
      await api.json('POST', `/api/inbox/${m.id}/assign`, { application: 'a9' }),
    ).toMatchObject({
      status: 404,
      body: { field: 'application' },
    });
    expect(await api.snapshot()).toBe(before);
  });

  it('dismiss and assign each release or move the hold', async () => {
    const [m] = (await api.json('GET', '/api/inbox')).body.messages;
    const moved = await api.json('POST', `/api/inbox/${m.id}/assign`, { application: 'a2' });
    expect(moved).toMatchObject({
      status: 200,
      body: { applicationId: 'a2', state: 'unconfirmed' },
    });
    expect((await statusCheck()).heldBy).toBeUndefined();
    const dismissed = await api.json('POST', `/api/inbox/${m.id}/dismiss`, {});
    expect(dismissed).toMatchObject({ status: 200, body: { state: 'dismissed' } });
    const plan = (await api.json('GET', '/api/plan')).body;
    expect(plan.steps.some((s: { heldBy?: string }) => s.heldBy !== undefined)).toBe(false);
    const history = (await api.json('GET', '/api/activity?limit=2')).body.activities;
    expect(history.map((a: { kind: string }) => a.kind)).toEqual(['inbox', 'inbox']);
    expect(history[1].summary).toBe(
      `Moved Priya Raman's message "Re: Thank you" to Globex (Engineer)`,
    );
  });
});
