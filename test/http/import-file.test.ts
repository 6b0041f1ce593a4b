// The Import page's API on SQLite and PostgreSQL: a preview writes nothing; the seeker's
// mapping is honoured; refused rows are listed by row and column and block the import until
// the seeker says to skip them; the import is one undoable activity; importing the same file
// again changes nothing; bad input is a 400 naming the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { openTestApi, type TestApi } from './helpers.js';

const NOW = '2026-12-03T15:00:00Z';

// "Firma" is no header tactful knows: the seeker maps it to the organisation.
const CSV = [
  'Firma,Position,Status,Date Applied,Contact Email,Interview Date',
  'Northwind Analytics,Data Engineer,Interviewing,2026-11-20,maya@northwind.example,2026-12-02 14:30',
  'Contoso,Platform Engineer,Applied,2026-12-02,,',
  'Globex,Site Reliability Engineer,Applied,someday,,',
].join('\r\n');

const body = (text: string | Buffer, extra: Record<string, unknown> = {}) => ({
  name: 'applications.csv',
  content: Buffer.from(text).toString('base64'),
  ...extra,
});
const MAPPED = { columns: { Firma: 'organization' } };

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('importing a file over HTTP on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    const settings = await api.json('PUT', '/api/settings', {
      timezone: 'Europe/Berlin',
      region: 'DE-BE',
    });
    expect(settings.status).toBe(200);
  }, 60_000);
  afterAll(async () => api?.close());

  it('previews without writing: columns with their first values, the field each feeds', async () => {
    const before = await api.snapshot();
    const res = await api.json('POST', '/api/import/preview', body(CSV));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'applications.csv', format: 'csv', encoding: 'UTF-8' });
    expect(res.body.written).toBe(false);
    // The choices of the select: every field, with its label.
    expect(res.body.fields).toContainEqual({ field: 'organization', label: 'Organisation' });
    const firma = res.body.columns.find((c: { header: string }) => c.header === 'Firma');
    expect(firma).toEqual({
      header: 'Firma',
      field: null,
      label: 'Ignored',
      samples: ['Northwind Analytics', 'Contoso', 'Globex'],
    });
    expect(res.body.columns.find((c: { header: string }) => c.header === 'Position')).toMatchObject(
      { field: 'role' },
    );
    expect(await api.snapshot()).toBe(before);
  });

  it("honours the seeker's mapping and lists a refused row by row and column", async () => {
    const before = await api.snapshot();
    const res = await api.json('POST', '/api/import/preview', body(CSV, MAPPED));
    expect(res.status).toBe(200);
    expect(res.body.table).toBe('applications');
    expect(res.body.columns[0]).toMatchObject({ header: 'Firma', field: 'organization' });
    expect(res.body.counts.applications).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(res.body.refused).toHaveLength(1);
    expect(res.body.refused[0]).toMatchObject({ row: 4, column: 'Date Applied' });
    expect(res.body.refused[0].reason).toMatch(/someday/);
    expect(await api.snapshot()).toBe(before);
  });

  it('refuses to import with refused rows until told to skip them; nothing is written', async () => {
    const before = await api.snapshot();
    const res = await api.request('POST', '/api/import/file', body(CSV, MAPPED));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      code: 'invalid_input',
      field: 'skipBadRows',
      message: expect.stringMatching(/^nothing imported: 1 row refused/),
    });
    expect(res.headers['tactful-activity']).toBeUndefined();
    expect(await api.snapshot()).toBe(before);
  });

  it('imports in one undoable activity; the same file again changes nothing', async () => {
    const before = await api.snapshot();
    const input = body(CSV, { ...MAPPED, skipBadRows: true });
    const res = await api.request('POST', '/api/import/file', input);
    expect(res.statusCode).toBe(200);
    const done = JSON.parse(res.body);
    expect(done.written).toBe(true);
    expect(done.counts.applications).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(done.counts.contacts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const activity = Number(res.headers['tactful-activity']);
    expect(activity).toBeGreaterThan(0);
    const apps = (await api.json('GET', '/api/applications')).body;
    expect(apps.map((a: { organization: string }) => a.organization).sort()).toEqual([
      'Contoso',
      'Northwind Analytics',
    ]);
    // The interview of 2 December is on the plan: a thank-you to Maya.
    const plan = (await api.json('GET', '/api/plan')).body;
    expect(plan.steps.map((s: { kind: string }) => s.kind)).toContain('thank_you');

    const after = await api.snapshot();
    const again = await api.request('POST', '/api/import/file', input);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body).counts.applications).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(again.headers['tactful-activity']).toBeUndefined();
    expect(await api.snapshot()).toBe(after);

    const undone = await api.json('POST', `/api/activity/${activity}/undo`, {});
    expect(undone.status).toBe(200);
    expect(await api.snapshot()).toBe(before);
  });

  it('reads a Windows-1252 file as the CLI does, and answers a bad file with a 400 naming it', async () => {
    const latin = Buffer.from('Name,Email\r\nJürgen Müller,jm@litware.example\r\n', 'latin1');
    const res = await api.json('POST', '/api/import/preview', body(latin));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', encoding: 'Windows-1252', table: 'contacts' });
    expect(res.body.columns[0].samples).toEqual(['Jürgen Müller']);

    const before = await api.snapshot();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [body('%PDF-1.7 binary'), 'content', /^applications\.csv: is a PDF file/],
      [body(''), 'content', /^applications\.csv: is empty/],
      [{ ...body(CSV), content: 'not base64!' }, 'content', /base64/],
      [body(CSV, { columns: { Firma: 'company' } }), 'columns.Firma', /must be one of id, /],
      [body(CSV, { from: 'xml' }), 'from', /.+/],
      [{ content: body(CSV).content }, 'name', /.+/],
      [body('{"format":"tactful/v1"}'), 'content', /JSON document/],
    ];
    for (const [input, field, message] of cases) {
      for (const url of ['/api/import/preview', '/api/import/file']) {
        const bad = await api.json('POST', url, input);
        expect(bad.status, `${url} ${JSON.stringify(input).slice(0, 80)}`).toBe(400);
        expect(bad.body.field).toBe(field);
        expect(bad.body.message).toMatch(message);
      }
    }
    expect(await api.snapshot()).toBe(before);
  });

  it('refuses a settings e-mail that is not an address, naming the field as the form does', async () => {
    const bad = await api.json('PUT', '/api/settings', { email: 'me at home' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_input', field: 'email' });
    expect(bad.body.message).toMatch(/^E-mail: "me at home" is not an e-mail address/);
    const ok = await api.json('PUT', '/api/settings', { email: 'me@example.com' });
    expect(ok.body.email).toBe('me@example.com');
    expect((await api.json('PUT', '/api/settings', { email: null })).body.email).toBeNull();
  });

  it('takes the application an invitation belongs to when its organiser matches none', async () => {
    const ics = readFileSync(join(import.meta.dirname, '../import/fixtures/plain-event.ics'));
    const input = { name: 'invite.ics', content: ics.toString('base64') };
    const unmatched = await api.json('POST', '/api/import/preview', input);
    expect(unmatched.status).toBe(200);
    expect(unmatched.body.format).toBe('ics');
    expect(unmatched.body.refused).toMatchObject([{ row: 1, column: 'ORGANIZER' }]);
    const doc = await api.json('POST', '/api/import', {
      format: 'tactful/v1',
      applications: [{ id: 'other', organization: 'Somewhere', role: 'Else', source: 'employer' }],
    });
    expect(doc.status).toBe(200);
    const chosen = await api.json('POST', '/api/import/file', { ...input, application: 'other' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.refused).toEqual([]);
    expect(chosen.body.counts.interviews).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const app = (await api.json('GET', '/api/applications/other')).body;
    expect(app.interviews).toHaveLength(1);
  });
});
