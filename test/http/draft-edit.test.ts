// Issue 8 through inject() on every dialect: a draft edit saved by PUT is what the draft, the
// .eml and the mailto: link carry; older saves never win; DELETE goes back to the suggested
// text; PATCH status accepted plans the withdrawals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { enc, openTestApi, type TestApi } from './helpers.js';

// Tuesday 22 December 2026, 12:00 in New York: the day of both interviews.
const NOW = '2026-12-22T17:00:00Z';

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('draft edits and accept over HTTP on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    const imported = await api.request('POST', '/api/import', {
      format: 'tactful/v1',
      settings: { timezone: 'America/New_York', region: 'US', signature: 'Sam' },
      contacts: [
        { id: 'c1', name: 'Ana Ruiz', email: 'ana@acme.example' },
        { id: 'c2', name: 'Gil Ng', email: 'gil@globex.example' },
      ],
      applications: [
        {
          id: 'a1',
          organization: 'Acme',
          role: 'Dev',
          source: 'employer',
          createdOn: '2026-12-01',
          interviews: [{ id: 'i1', round: 1, start: '2026-12-22T09:00', interviewers: ['c1'] }],
        },
        {
          id: 'a2',
          organization: 'Globex',
          role: 'Ops',
          source: 'employer',
          createdOn: '2026-12-01',
          interviews: [{ id: 'i2', round: 1, start: '2026-12-21T10:00', interviewers: ['c2'] }],
        },
      ],
    });
    expect(imported.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => api?.close());

  const STEP = 'a1:thank_you:i1:c1';
  const url = (suffix: string) => `/api/steps/${enc(STEP)}/${suffix}`;

  it('an edit is what the draft, the .eml and the mailto: link carry, until DELETE', async () => {
    const suggested = await api.json('GET', url('draft'));
    expect(suggested.status).toBe(200);
    expect(suggested.body.edit).toMatchObject({ edited: false, revision: 0 });
    expect(suggested.body.body).toBe(suggested.body.suggested.body);
    const exportBefore = await api.snapshot();

    const put = await api.json('PUT', url('draft-edit'), {
      revision: 1_800_000_000_000,
      subject: 'Thanks from Sam',
      body: 'Dear Ana,\n\nMy own thanks for the talk about caching.\n\nSam',
    });
    expect(put).toMatchObject({ status: 200, body: { applied: true, edited: true } });

    const draft = await api.json('GET', url('draft'));
    expect(draft.body).toMatchObject({
      subject: 'Thanks from Sam',
      body: 'Dear Ana,\n\nMy own thanks for the talk about caching.\n\nSam',
      suggested: { body: suggested.body.body, subject: suggested.body.subject },
      edit: { edited: true, revision: 1_800_000_000_000 },
    });
    const eml = await api.request('GET', url('draft.eml'));
    expect(eml.body).toContain('Subject: Thanks from Sam');
    expect(eml.body).toContain('My own thanks for the talk about caching.');
    const mailto = await api.json('GET', url('mailto'));
    expect(decodeURIComponent(mailto.body.href)).toContain('My own thanks');
    // Not a fact: the export does not change.
    expect(await api.snapshot()).toBe(exportBefore);

    // A slower, older save arriving late changes nothing.
    const late = await api.json('PUT', url('draft-edit'), {
      revision: 1_799_999_999_000,
      body: 'an older text',
    });
    expect(late.body).toMatchObject({ applied: false, body: expect.stringContaining('My own') });

    const reset = await api.json('DELETE', `${url('draft-edit')}?revision=1800000000001`);
    expect(reset).toMatchObject({ status: 200, body: { applied: true, edited: false } });
    const back = await api.json('GET', url('draft'));
    expect(back.body.body).toBe(suggested.body.body);
    expect((await api.request('GET', url('draft.eml'))).body).not.toContain('My own thanks');
    // A save still in flight from before the reset does not bring the edit back.
    await api.json('PUT', url('draft-edit'), { revision: 1_800_000_000_000, body: 'stale' });
    expect((await api.json('GET', url('draft-edit'))).body).toMatchObject({ edited: false });
  });

  it('refuses a bad edit with 400 naming the field', async () => {
    expect(await api.json('PUT', url('draft-edit'), { revision: 0, body: 'x' })).toMatchObject({
      status: 400,
      body: { field: 'revision' },
    });
    expect(await api.json('PUT', url('draft-edit'), { revision: 5 })).toMatchObject({
      status: 400,
      body: { field: 'body' },
    });
    expect(await api.json('DELETE', `${url('draft-edit')}?revision=abc`)).toMatchObject({
      status: 400,
      body: { field: 'revision' },
    });
  });

  it('PATCH status accepted logs the accept and plans the withdrawal from the other', async () => {
    const before = await api.json('GET', '/api/plan');
    expect(before.body.steps.some((s: { kind: string }) => s.kind === 'withdraw')).toBe(false);
    const patched = await api.json('PATCH', '/api/applications/a1', { status: 'accepted' });
    expect(patched.status).toBe(200);
    expect(patched.body.interactions).toEqual([
      expect.objectContaining({ direction: 'out', kind: 'accept', at: '2026-12-22T17:00:00Z' }),
    ]);
    const after = await api.json('GET', '/api/plan');
    const withdrawals = after.body.steps.filter((s: { kind: string }) => s.kind === 'withdraw');
    expect(withdrawals).toEqual([
      expect.objectContaining({ application: 'a2', to: ['c2'], due: '2026-12-23' }),
    ]);
  });

  it('describes the draft-edit routes in the OpenAPI document', async () => {
    const doc = await api.json('GET', '/api/openapi.json');
    const path = doc.body.paths['/api/steps/{stepId}/draft-edit'];
    expect(Object.keys(path).sort()).toEqual(['delete', 'get', 'put']);
  });
});
