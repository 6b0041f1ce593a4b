// Per-interviewer debrief notes (`notes.byInterviewer`): stored, replaced on re-import,
// exported losslessly, refused when they name no stored contact; through the API, the
// document importer and the repository, on SQLite and on PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from '../../src/app/import-document.js';
import { parseDocument } from '../../src/core/document/index.js';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { calendar, openTestApi, type TestApi } from './helpers.js';

const NOW = '2026-11-23T15:00:00Z';

const doc = (notes: unknown) => ({
  format: 'tactful/v1',
  contacts: [
    { id: 'dana', name: 'Dana Reyes', email: 'dana@acme.example' },
    { id: 'sam', name: 'Sam Okafor', email: 'sam@acme.example' },
  ],
  applications: [
    {
      id: 'acme',
      organization: 'Acme',
      role: 'Engineer',
      source: 'employer',
      interviews: [
        { id: 'i1', round: 1, start: '2026-11-20T10:00', interviewers: ['dana', 'sam'], notes },
      ],
    },
  ],
});

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe('the document reader', () => {
  it('accepts byInterviewer as optional and names a dangling contact by its path', () => {
    expect(parseDocument(doc({ keyPoints: ['x'] }), calendar).applications).toHaveLength(1);
    expect(() =>
      parseDocument(doc({ byInterviewer: [{ contact: 'ghost', keyPoints: ['x'] }] }), calendar),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        field: 'applications[0].interviews[0].notes.byInterviewer[0].contact',
      }),
    );
    expect(() =>
      parseDocument(doc({ byInterviewer: [{ contact: 'dana', points: ['x'] }] }), calendar),
    ).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe.each(DIALECTS)('per-interviewer notes on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    await importDocument(api.uow, calendar, doc({ keyPoints: ['the roadmap'] }));
  }, 60_000);
  afterAll(async () => api?.close());

  const url = '/api/applications/acme/interviews/i1';

  it('a record without them reads as [] in the API and in the export', async () => {
    const app = await api.json('GET', '/api/applications/acme');
    expect(app.body.interviews[0].notes.byInterviewer).toEqual([]);
    const exported = await exportDocument(api.uow);
    expect(exported.applications[0]!.interviews[0]!.notes.byInterviewer).toEqual([]);
  });

  it('the debrief stores them, other note lists untouched', async () => {
    const put = await api.json('PUT', url, {
      notes: {
        byInterviewer: [
          { contact: 'dana', keyPoints: ['Peak season staffing.'] },
          { contact: 'sam', keyPoints: ['the Kafka migration', 'SQL on-call runbooks'] },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.notes).toEqual({
      keyPoints: ['the roadmap'],
      forgot: [],
      promises: [],
      byInterviewer: [
        { contact: 'dana', keyPoints: ['Peak season staffing.'] },
        { contact: 'sam', keyPoints: ['the Kafka migration', 'SQL on-call runbooks'] },
      ],
    });
  });

  it('refuses a contact that is not stored, naming the field, and changes nothing', async () => {
    const before = await api.snapshot();
    const put = await api.json('PUT', url, {
      notes: { byInterviewer: [{ contact: 'ghost', keyPoints: ['x'] }] },
    });
    expect(put).toMatchObject({
      status: 400,
      body: {
        code: 'invalid_input',
        field: 'notes.byInterviewer[0].contact',
        message: 'Key points per interviewer: no contact with id "ghost"',
      },
    });
    const post = await api.json('POST', '/api/applications/acme/interviews', {
      start: '2026-11-27T10:00',
      notes: { byInterviewer: [{ contact: 'ghost', keyPoints: [] }] },
    });
    expect(post).toMatchObject({
      status: 400,
      body: { field: 'notes.byInterviewer[0].contact' },
    });
    expect(await api.snapshot()).toBe(before);
  });

  it('re-import replaces the list, omitted keeps it, null empties it; export is lossless', async () => {
    await importDocument(
      api.uow,
      calendar,
      doc({ byInterviewer: [{ contact: 'sam', keyPoints: ['only this'] }] }),
    );
    let notes = (await exportDocument(api.uow)).applications[0]!.interviews[0]!.notes;
    expect(notes.byInterviewer).toEqual([{ contact: 'sam', keyPoints: ['only this'] }]);
    expect(notes.keyPoints).toEqual(['the roadmap']);

    await importDocument(api.uow, calendar, doc({ forgot: ['my OSS work'] }));
    notes = (await exportDocument(api.uow)).applications[0]!.interviews[0]!.notes;
    expect(notes.byInterviewer).toEqual([{ contact: 'sam', keyPoints: ['only this'] }]);

    const exported = await exportDocument(api.uow);
    await importDocument(api.uow, calendar, exported);
    expect(await exportDocument(api.uow)).toEqual(exported);

    await importDocument(api.uow, calendar, doc({ byInterviewer: null }));
    notes = (await exportDocument(api.uow)).applications[0]!.interviews[0]!.notes;
    expect(notes.byInterviewer).toEqual([]);
  });

  it('a row written before byInterviewer existed reads as []', async () => {
    await sql`update interviews set notes_json = ${JSON.stringify({
      keyPoints: ['old'],
      forgot: [],
      promises: [],
    })} where id = 'i1'`.execute(api.database.db);
    const notes = (await exportDocument(api.uow)).applications[0]!.interviews[0]!.notes;
    expect(notes).toEqual({ keyPoints: ['old'], forgot: [], promises: [], byInterviewer: [] });
  });
});
