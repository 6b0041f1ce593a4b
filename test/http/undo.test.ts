// Undo, delete and the Trash through inject(), on SQLite and PostgreSQL: every write answer
// names its activity in the Tactful-Activity header; undo by id puts back the same export;
// a conflict is a 409 naming the later activity; delete previews what goes with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullDocument } from '../db/full-document.js';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { enc, openTestApi, type TestApi } from './helpers.js';

// Thu 24 Dec 2026, 15:00Z: a1's round 1 (23 Dec) has open follow-ups.
const NOW = '2026-12-24T15:00:00Z';

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('undo and the Trash over HTTP on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    expect((await api.json('POST', '/api/import', fullDocument())).status).toBe(200);
  }, 60_000);
  afterAll(async () => api?.close());

  it('done answers with its activity; undoing it by id brings the step back', async () => {
    const before = await api.snapshot();
    const plan = (await api.json('GET', '/api/plan')).body;
    const step = plan.steps.find((s: { kind: string }) => s.kind === 'thank_you');
    const done = await api.request('POST', `/api/steps/${enc(step.id)}/done`, {});
    expect(done.statusCode).toBe(200);
    const activity = Number(done.headers['tactful-activity']);
    expect(activity).toBeGreaterThan(0);
    const history = (await api.json('GET', '/api/activity?limit=1')).body.activities;
    expect(history[0]).toMatchObject({ id: activity, kind: 'done', undoneAt: null });
    expect(history[0].summary).toMatch(/^Marked done: thank-you to /);

    const undone = await api.json('POST', `/api/activity/${activity}/undo`, {});
    expect(undone.status).toBe(200);
    expect(undone.body.undone).toMatchObject({ id: activity, summary: history[0].summary });
    expect(await api.snapshot()).toBe(before);
    const again = (await api.json('GET', '/api/plan')).body;
    expect(again.steps.map((s: { id: string }) => s.id)).toContain(step.id);
    // Undone twice: a conflict, nothing changes.
    expect(await api.json('POST', `/api/activity/${activity}/undo`, {})).toMatchObject({
      status: 409,
      body: { code: 'conflict' },
    });
  });

  it('reads and failed writes carry no activity header', async () => {
    expect((await api.request('GET', '/api/plan')).headers['tactful-activity']).toBeUndefined();
    const bad = await api.request('PUT', '/api/settings', { timezone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['tactful-activity']).toBeUndefined();
  });

  it('refuses with 409 to undo an edit a later edit built on, naming that one', async () => {
    const first = await api.request('PATCH', '/api/applications/a2', { role: 'One' });
    const second = await api.request('PATCH', '/api/applications/a2', { role: 'Two' });
    const a = first.headers['tactful-activity'];
    const b = second.headers['tactful-activity'];
    const refused = await api.json('POST', `/api/activity/${a}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(new RegExp(`^undo activity ${b} "Edited .* — One" first`));
    expect((await api.json('POST', '/api/activity/undo', {})).body.undone.id).toBe(Number(b));
    expect((await api.json('POST', `/api/activity/${a}/undo`, {})).status).toBe(200);
    expect(await api.json('POST', '/api/activity/99999/undo', {})).toMatchObject({ status: 404 });
    expect(await api.json('POST', '/api/activity/abc/undo', {})).toMatchObject({ status: 400 });
  });

  it('previews, deletes into the Trash and restores an application byte for byte', async () => {
    const before = await api.snapshot();
    const preview = await api.json('GET', '/api/delete-preview/application/a1');
    expect(preview.status).toBe(200);
    expect(preview.body.question).toBe(
      'Delete Acme Corp — Staff Engineer — Platform with 2 interviews and 2 interactions?',
    );
    const deleted = await api.request('DELETE', '/api/applications/a1');
    expect(deleted.statusCode).toBe(200);
    expect(deleted.headers['tactful-activity']).toBe(String(JSON.parse(deleted.body).activityId));
    expect((await api.json('GET', '/api/applications/a1')).status).toBe(404);
    const trash = (await api.json('GET', '/api/trash')).body.entries;
    expect(trash).toHaveLength(1);
    expect(trash[0].items.map((i: { id: string }) => i.id).sort()).toEqual([
      'a1',
      'i1',
      'i2',
      'x1',
      'x2',
    ]);
    const restored = await api.json('POST', '/api/trash/application/a1/restore', {});
    expect(restored.status).toBe(200);
    expect(await api.snapshot()).toBe(before);
    expect((await api.json('GET', '/api/trash')).body.entries).toEqual([]);
    expect((await api.json('POST', '/api/trash/application/a1/restore', {})).status).toBe(404);
  });

  it('deletes an interview only through its own application', async () => {
    expect((await api.json('DELETE', '/api/applications/a2/interviews/i1')).status).toBe(404);
    const deleted = await api.json('DELETE', '/api/applications/a1/interviews/i2');
    expect(deleted.status).toBe(200);
    expect(deleted.body.summary).toBe('Deleted round 2 at Acme Corp — Staff Engineer — Platform');
    expect((await api.json('DELETE', '/api/contacts/c2')).status).toBe(200);
    expect((await api.json('DELETE', '/api/applications/a1/interactions/x1')).status).toBe(200);
    expect((await api.json('GET', '/api/trash')).body.entries).toHaveLength(3);
    for (const [entity, id] of [
      ['interaction', 'x1'],
      ['contact', 'c2'],
      ['interview', 'i2'],
    ]) {
      expect((await api.json('POST', `/api/trash/${entity}/${id}/restore`, {})).status).toBe(200);
    }
    expect((await api.json('GET', '/api/trash')).body.entries).toEqual([]);
  });

  it('empties the Trash for good; undoing that, or the delete, is a 409 saying why', async () => {
    const deleted = await api.request('DELETE', '/api/applications/a2');
    const deletedIn = deleted.headers['tactful-activity'];
    const before = await api.snapshot();
    const emptied = await api.request('DELETE', '/api/trash');
    expect(emptied.statusCode).toBe(200);
    const body = JSON.parse(emptied.body);
    expect(body).toMatchObject({
      purged: { applications: 1, interactions: 1, contacts: 0, interviews: 0 },
      summary: 'Emptied the Trash: 1 application and 1 interaction deleted for good',
    });
    expect(emptied.headers['tactful-activity']).toBe(String(body.activityId));
    expect((await api.json('GET', '/api/trash')).body.entries).toEqual([]);
    expect(await api.snapshot()).toBe(before);
    const history = (await api.json('GET', '/api/activity?limit=1')).body.activities;
    expect(history[0]).toMatchObject({ id: body.activityId, kind: 'purge' });

    const again = await api.json('POST', `/api/activity/${body.activityId}/undo`, {});
    expect(again).toMatchObject({ status: 409, body: { code: 'conflict' } });
    expect(again.body.message).toMatch(/cannot be undone: what it deleted is gone for good$/);
    const restoreDelete = await api.json('POST', `/api/activity/${deletedIn}/undo`, {});
    expect(restoreDelete.status).toBe(409);
    expect(restoreDelete.body.message).toMatch(
      new RegExp(`deleted for good when the Trash was emptied \\(activity ${body.activityId}\\)$`),
    );
    expect((await api.json('POST', '/api/trash/application/a2/restore', {})).status).toBe(404);
    // An empty Trash: nothing to do, no activity.
    const empty = await api.request('DELETE', '/api/trash');
    expect(JSON.parse(empty.body)).toMatchObject({ activityId: null });
    expect(empty.headers['tactful-activity']).toBeUndefined();
    expect(await api.snapshot()).toBe(before);
  });

  it('answers hostile ids on every new route with a 4xx, never a 5xx', async () => {
    const before = await api.snapshot();
    for (const id of ['%00', 'a%00b', '%ED%A0%80', '..%2F..%2Fetc', '__proto__', 'x'.repeat(65)]) {
      for (const [method, url] of [
        ['GET', `/api/delete-preview/contact/${id}`],
        ['DELETE', `/api/contacts/${id}`],
        ['DELETE', `/api/applications/${id}`],
        ['DELETE', `/api/applications/a1/interviews/${id}`],
        ['DELETE', `/api/applications/${id}/interactions/x1`],
        ['POST', `/api/trash/application/${id}/restore`],
        ['POST', `/api/activity/${id}/undo`],
      ] as const) {
        const res = await api.request(method, url, method === 'POST' ? {} : undefined);
        expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      }
    }
    expect(await api.snapshot()).toBe(before);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    for (const path of [
      '/api/activity',
      '/api/activity/{id}/undo',
      '/api/trash',
      '/api/trash/{entity}/{id}/restore',
      '/api/delete-preview/{entity}/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/applications/{id}'].delete).toBeDefined();
  });
});
