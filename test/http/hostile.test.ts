// The hostile inputs of RELIABILITY.md that reach the API, each sent to the routes that take
// it: never a 5xx, a rejected request changes nothing, an accepted one is stored verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { enc, openTestApi, type TestApi, importSampleAsOwn } from './helpers.js';

const NOW = '2026-11-23T15:00:00Z';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  /** An object is sent as JSON; a string is sent raw as application/json. */
  body?: unknown;
  /** 'reject': any 4xx; a number: exactly that status. */
  expect: 'reject' | number;
  field?: string;
}

const BAD_DATES = ['2026-02-30', '2027-02-29', '0000-01-01', '10000-01-01', '03/04/2026'];
const BAD_ZONES = ['Mars/Olympus', '', 'UTC+25', '../../etc/passwd'];
const BAD_DURATIONS: unknown[] = [0, -1, 3.5, '60', 1e9];
const TEXT_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{signature}}',
  '${process.env.HOME}',
  'Dana\u202Egnp.exe',
  'Dаna Reyes' /* Cyrillic а */,
];
const FORMULAS = [
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3',
];

function deepJson(depth: number): string {
  return `{"format":"tactful/v1","contacts":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

function cases(): Case[] {
  const list: Case[] = [];
  for (const d of BAD_DATES) {
    list.push({
      name: `createdOn ${d}`,
      method: 'POST',
      url: '/api/applications',
      body: { organization: 'O', role: 'R', source: 'employer', createdOn: d },
      expect: 400,
      field: 'createdOn',
    });
    list.push({
      name: `decisionExpectedBy ${d}`,
      method: 'PUT',
      url: '/api/applications/northwind/interviews/northwind-r2',
      body: { decisionExpectedBy: d },
      expect: 400,
      field: 'decisionExpectedBy',
    });
    list.push({
      name: `interview start ${d}`,
      method: 'POST',
      url: '/api/applications/kestrel/interviews',
      body: { start: `${d}T10:00` },
      expect: 400,
      field: 'start',
    });
    list.push({
      name: `newDecisionDate ${d}`,
      method: 'POST',
      url: '/api/applications/northwind/interactions',
      body: { direction: 'in', kind: 'reply', newDecisionDate: d },
      expect: 400,
      field: 'newDecisionDate',
    });
    list.push({
      name: `plan asOf ${d}`,
      method: 'GET',
      url: `/api/plan?asOf=${enc(d)}`,
      expect: 400,
      field: 'asOf',
    });
    list.push({
      name: `snooze until ${d}`,
      method: 'POST',
      url: `/api/steps/${enc('kestrel:debrief:kestrel-r1')}/snooze`,
      body: { until: d },
      expect: 400,
      field: 'until',
    });
  }
  for (const z of BAD_ZONES) {
    list.push({
      name: `settings timezone "${z}"`,
      method: 'PUT',
      url: '/api/settings',
      body: { timezone: z },
      expect: 400,
      field: 'timezone',
    });
    list.push({
      name: `interview timezone "${z}"`,
      method: 'POST',
      url: '/api/applications/kestrel/interviews',
      body: { start: '2026-12-01T10:00', timezone: z },
      expect: 400,
      field: 'timezone',
    });
  }
  // Legacy aliases and a 45-minute offset are real zones: accepted.
  for (const z of ['US/Pacific', 'Europe/Kiev', 'Asia/Kathmandu']) {
    list.push({
      name: `interview timezone ${z}`,
      method: 'POST',
      url: '/api/applications/kestrel/interviews',
      body: { start: '2026-12-01T10:00', timezone: z },
      expect: 201,
    });
  }
  // A local time that does not exist (moves forward) or happens twice (earlier offset): accepted.
  list.push({
    name: 'start in the London DST gap',
    method: 'POST',
    url: '/api/applications/kestrel/interviews',
    body: { start: '2027-03-28T01:30', timezone: 'Europe/London' },
    expect: 201,
  });
  list.push({
    name: 'start in the London DST overlap',
    method: 'POST',
    url: '/api/applications/kestrel/interviews',
    body: { start: '2027-10-31T01:30', timezone: 'Europe/London' },
    expect: 201,
  });
  for (const d of BAD_DURATIONS) {
    list.push({
      name: `durationMinutes ${JSON.stringify(d)}`,
      method: 'PUT',
      url: '/api/applications/kestrel/interviews/kestrel-r1',
      body: { durationMinutes: d },
      expect: 400,
      field: 'durationMinutes',
    });
  }
  list.push({
    name: 'durationMinutes NaN (not JSON)',
    method: 'PUT',
    url: '/api/applications/kestrel/interviews/kestrel-r1',
    body: '{"durationMinutes": NaN}',
    expect: 400,
  });
  // CR/LF, Bcc and NUL in one-line fields.
  list.push({
    name: 'CRLF Bcc in a name',
    method: 'POST',
    url: '/api/contacts',
    body: { name: 'Dana\r\nBcc: all@evil.example' },
    expect: 400,
    field: 'name',
  });
  list.push({
    name: 'CRLF Bcc in an address',
    method: 'POST',
    url: '/api/contacts',
    body: { name: 'Dana', email: 'dana@acme.example\r\nBcc: all@evil.example' },
    expect: 400,
    field: 'email',
  });
  list.push({
    name: 'CRLF in a step id',
    method: 'POST',
    url: `/api/steps/${enc('a\r\nb')}/skip`,
    body: {},
    expect: 404,
  });
  list.push({
    name: 'NUL in a name',
    method: 'POST',
    url: '/api/contacts',
    body: { name: 'Da\u0000na' },
    expect: 400,
    field: 'name',
  });
  list.push({
    name: 'NUL in notes',
    method: 'PUT',
    url: '/api/applications/kestrel/interviews/kestrel-r1',
    body: { notes: { keyPoints: ['a\u0000b'] } },
    expect: 400,
    field: 'notes.keyPoints[0]',
  });
  list.push({
    name: 'CRLF Bcc in a checked subject',
    method: 'POST',
    url: '/api/check',
    body: { applicationId: 'northwind', subject: 'Hi\r\nBcc: all@evil.example', body: 'Hello' },
    expect: 200,
  });
  // Sizes and shapes.
  list.push({
    name: '10 MB note on a contact',
    method: 'POST',
    url: '/api/contacts',
    body: { name: 'Big', notes: 'x'.repeat(10 * 1024 * 1024) },
    expect: 413,
  });
  list.push({
    name: '10 MB note in an import',
    method: 'POST',
    url: '/api/import',
    body: {
      format: 'tactful/v1',
      contacts: [{ id: 'big', name: 'Big', notes: 'x'.repeat(10 * 1024 * 1024) }],
    },
    expect: 400,
    field: 'contacts[0].notes',
  });
  list.push({
    name: '100,000-deep JSON import',
    method: 'POST',
    url: '/api/import',
    body: deepJson(100_000),
    expect: 'reject',
  });
  list.push({
    name: '100,000-deep JSON contact',
    method: 'POST',
    url: '/api/contacts',
    body: `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    expect: 'reject',
  });
  list.push({
    name: '__proto__ key',
    method: 'POST',
    url: '/api/contacts',
    body: '{"name":"P","__proto__":{"isReference":true}}',
    expect: 400,
  });
  list.push({
    name: 'constructor key',
    method: 'POST',
    url: '/api/contacts',
    body: '{"name":"P","constructor":{"prototype":{"isReference":true}}}',
    expect: 400,
  });
  list.push({
    name: '__proto__ in an import',
    method: 'POST',
    url: '/api/import',
    body: '{"format":"tactful/v1","__proto__":{"x":1}}',
    expect: 400,
  });
  list.push({
    name: 'unknown field',
    method: 'PATCH',
    url: '/api/applications/northwind',
    body: { salary: 1e6 },
    expect: 400,
    field: 'salary',
  });
  list.push({
    name: 'duplicate ids in one document',
    method: 'POST',
    url: '/api/import',
    body: {
      format: 'tactful/v1',
      contacts: [
        { id: 'd1', name: 'A' },
        { id: 'd1', name: 'B' },
      ],
    },
    expect: 400,
    field: 'contacts[1].id',
  });
  list.push({
    name: 'unknown id (another seeker’s)',
    method: 'PUT',
    url: '/api/contacts/someone-elses',
    body: { name: 'X' },
    expect: 404,
  });
  list.push({
    name: 'malformed JSON',
    method: 'POST',
    url: '/api/contacts',
    body: '{"name": "Dana",',
    expect: 400,
  });
  list.push({
    name: 'empty JSON body',
    method: 'PUT',
    url: '/api/settings',
    body: '',
    expect: 400,
  });
  list.push({
    name: 'array body',
    method: 'POST',
    url: '/api/contacts',
    body: [{ name: 'A' }],
    expect: 400,
  });
  list.push({ name: 'null body', method: 'PUT', url: '/api/settings', body: 'null', expect: 400 });
  list.push({
    name: 'number as a name',
    method: 'POST',
    url: '/api/contacts',
    body: { name: 42 },
    expect: 400,
    field: 'name',
  });
  list.push({
    name: 'id with a path',
    method: 'POST',
    url: '/api/contacts',
    body: { id: '../etc/passwd', name: 'P' },
    expect: 400,
    field: 'id',
  });
  list.push({
    name: 'encoded slashes in a step id',
    method: 'POST',
    url: `/api/steps/${enc('../../etc/passwd')}/done`,
    body: {},
    expect: 404,
  });
  list.push({
    name: 'a 1,900-character step id',
    method: 'GET',
    url: `/api/steps/${'a'.repeat(1_900)}/draft`,
    expect: 404,
  });
  list.push({
    name: 'a 5,000-character step id',
    method: 'GET',
    url: `/api/steps/${'a'.repeat(5_000)}/draft`,
    expect: 'reject',
  });
  list.push({
    name: 'an interaction for a missing contact',
    method: 'POST',
    url: '/api/applications/northwind/interactions',
    body: { direction: 'in', kind: 'reply', contacts: ['ghost'] },
    expect: 400,
    field: 'contacts[0]',
  });
  // Script, template and formula text is data: stored and returned verbatim.
  for (const text of [...TEXT_PAYLOADS, ...FORMULAS]) {
    list.push({
      name: `text ${JSON.stringify(text)}`,
      method: 'POST',
      url: '/api/contacts',
      body: { name: text, notes: text },
      expect: 201,
    });
  }
  return list;
}

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('hostile inputs through the API on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    await importSampleAsOwn(api);
  }, 60_000);
  afterAll(async () => api?.close());

  it('never answers 5xx; rejections name the field and change nothing; accepted text is verbatim', async () => {
    const all = cases();
    const outcomes: string[] = [];
    for (const c of all) {
      const before = await api.snapshot();
      const res = await api.request(
        c.method,
        c.url,
        c.body,
        c.body === undefined || typeof c.body === 'object'
          ? {}
          : { 'content-type': 'application/json' },
      );
      const label = `${c.name}: ${res.statusCode} ${res.body.slice(0, 160)}`;
      expect(res.statusCode, label).toBeLessThan(500);
      if (c.expect === 'reject') expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      else expect(res.statusCode, label).toBe(c.expect);
      if (res.statusCode >= 400) {
        const error = JSON.parse(res.body) as { code: string; message: string; field?: string };
        expect(typeof error.code, label).toBe('string');
        expect(error.message, label).not.toMatch(/\n\s+at /);
        if (c.field !== undefined) expect(error.field, label).toBe(c.field);
        expect(await api.snapshot(), `${c.name} changed data`).toBe(before);
      }
      if (c.expect === 201 && c.url === '/api/contacts') {
        const sent = c.body as { name: string; notes: string };
        expect(JSON.parse(res.body), label).toMatchObject({ name: sent.name, notes: sent.notes });
      }
      outcomes.push(`${res.statusCode}`);
    }
    const rejected = outcomes.filter((s) => s.startsWith('4')).length;
    console.log(
      `hostile API inputs on ${dialect}: ${all.length} sent, ${rejected} rejected with 4xx, ${all.length - rejected} accepted, 0 5xx`,
    );
    expect(all.length).toBeGreaterThanOrEqual(80);
  }, 120_000);

  it('defuses formulas in the CSV export', async () => {
    const csv = (await api.request('GET', '/api/export?format=csv')).body;
    const plan = JSON.parse((await api.request('GET', '/api/plan')).body) as {
      steps: { id: string }[];
    };
    expect(plan.steps.length).toBeGreaterThan(0);
    await api.request('PATCH', '/api/applications/northwind', { organization: FORMULAS[0] });
    const after = (await api.request('GET', '/api/export?format=csv')).body;
    expect(after).not.toBe(csv);
    expect(after).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(after).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('imports the same document twice with one effect', async () => {
    const doc = await api.snapshot();
    const first = JSON.parse(
      (await api.request('POST', '/api/import', doc, { 'content-type': 'application/json' })).body,
    );
    const second = JSON.parse(
      (await api.request('POST', '/api/import', doc, { 'content-type': 'application/json' })).body,
    );
    for (const summary of [first, second]) {
      for (const counts of Object.values(summary) as { created: number; updated: number }[]) {
        expect(counts.created + counts.updated).toBe(0);
      }
    }
    expect(await api.snapshot()).toBe(doc);
  });
});
