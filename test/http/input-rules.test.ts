// Issue 8 §5 through the API, on SQLite and PostgreSQL: messages name the form label (the
// `field` stays for machines), snooze must move a step later and defaults to the next
// business day (GET …/snooze gives the web the same default), duplicates are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { enc, openTestApi, type TestApi } from './helpers.js';

/**
 * Fri 4 Dec 2026, 15:00 in New York. Acme (US employer) interviewed the seeker on Wed 2 Dec
 * 10:00 with Ana (c1); the reflect step is due 2 business days later, Fri 4 Dec:
 *
 *        December 2026
 *   Mo Tu We Th Fr Sa Su
 *       1  2  3  4  5  6      interview Wed 2; reflect due Fri 4 (today)
 *    7  8  9 10 11 12 13      the next business day: Mon 7
 */
const NOW = '2026-12-04T20:00:00Z';
const REFLECT = enc('a1:reflect:i1');

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('input rules through the API on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    const imported = await api.json('POST', '/api/import', {
      format: 'tactful/v1',
      settings: { timezone: 'America/New_York', region: 'US' },
      contacts: [{ id: 'c1', name: 'Ana Lopez', email: 'ana@acme.example' }],
      applications: [
        {
          id: 'a1',
          organization: 'Acme',
          role: 'Dev',
          source: 'employer',
          interviews: [{ id: 'i1', round: 1, start: '2026-12-02T10:00', interviewers: ['c1'] }],
        },
      ],
    });
    expect(imported.status).toBe(200);
  }, 60_000);
  afterAll(async () => api?.close());

  it('snooze: the default is the next business day (not a Saturday), earlier dates are refused', async () => {
    expect(await api.json('GET', `/api/steps/${REFLECT}/snooze`)).toEqual({
      status: 200,
      body: { after: '2026-12-04', suggested: '2026-12-07' },
    });
    const before = await api.snapshot();
    expect(await api.json('POST', `/api/steps/${REFLECT}/snooze`, { until: '2026-12-04' })).toEqual(
      {
        status: 400,
        body: {
          code: 'invalid_input',
          field: 'until',
          message: "Snooze until must be after the step's due date, Fri 4 Dec",
        },
      },
    );
    expect(
      await api.json('POST', `/api/steps/${REFLECT}/snooze`, { until: '2026-02-30' }),
    ).toMatchObject({
      status: 400,
      body: {
        field: 'until',
        message: 'Snooze until: 2026-02-30 is not a date: February 2026 has 28 days',
      },
    });
    expect(await api.snapshot()).toBe(before);
    const snoozed = await api.json('POST', `/api/steps/${REFLECT}/snooze`, {});
    expect(snoozed).toMatchObject({ status: 200, body: { until: '2026-12-07' } });
    // A second snooze in the same second is stored too, and wins.
    const again = await api.json('POST', `/api/steps/${REFLECT}/snooze`, { until: '2026-12-09' });
    expect(again).toMatchObject({ status: 200, body: { until: '2026-12-09' } });
    const doc = (await api.json('GET', '/api/export')).body as { stepEvents: { until: string }[] };
    expect(doc.stepEvents.map((e) => e.until)).toEqual(['2026-12-07', '2026-12-09']);
  });

  it('refuses the same round twice and an e-mail address already on file, naming the labels', async () => {
    const before = await api.snapshot();
    expect(
      await api.json('POST', '/api/applications/a1/interviews', {
        round: 1,
        start: '2026-12-10T10:00',
      }),
    ).toEqual({
      status: 409,
      body: {
        code: 'conflict',
        field: 'round',
        message: 'Round: Acme already has a round 1 (i1, Wed 2 Dec at 10:00)',
      },
    });
    expect(
      await api.json('POST', '/api/applications/a1/interviews', { start: '2026-12-02 10:00' }),
    ).toMatchObject({
      status: 409,
      body: {
        field: 'start',
        message: 'Started at: Acme already has an interview at 2026-12-02 10:00 (round 1, i1)',
      },
    });
    expect(
      await api.json('POST', '/api/contacts', { name: 'Ana L.', email: 'Ana@Acme.example' }),
    ).toEqual({
      status: 409,
      body: {
        code: 'conflict',
        field: 'email',
        existing: 'c1',
        message: 'c1 Ana Lopez already has ana@acme.example: edit that contact in Contacts instead',
      },
    });
    expect(
      await api.json('POST', '/api/contacts', { name: 'Bob', email: 'notanemail' }),
    ).toMatchObject({
      status: 400,
      body: { field: 'email', message: 'E-mail: "notanemail" is not an e-mail address' },
    });
    expect(await api.json('POST', '/api/contacts', { email: 'bob@x.example' })).toMatchObject({
      status: 400,
      body: { field: 'name', message: 'Name is required' },
    });
    expect(await api.json('PUT', '/api/settings', { region: 'UK' })).toMatchObject({
      status: 400,
      body: {
        field: 'region',
        message: 'Holiday region: "UK" is not a holiday region: did you mean GB-ENG?',
      },
    });
    expect(await api.snapshot()).toBe(before);
    // A space between date and time is accepted, stored with the T.
    const round2 = await api.json('POST', '/api/applications/a1/interviews', {
      start: '2026-12-10 14:00',
    });
    expect(round2).toMatchObject({ status: 201, body: { round: 2, start: '2026-12-10T14:00' } });
  });

  it('an imported document keeps naming fields by their path', async () => {
    const res = await api.json('POST', '/api/import', {
      format: 'tactful/v1',
      applications: [{ id: 'a9', organization: 'X', role: 'Y', source: 'boss' }],
    });
    expect(res).toEqual({
      status: 400,
      body: {
        code: 'invalid_input',
        field: 'applications[0].source',
        message: 'applications[0].source must be one of employer, recruiter, agency',
      },
    });
  });
});
