// The API behind the web polish of issue 8 §8: the holiday regions with their names and the
// "did you mean" for a code tactful does not know; the board and Insights counting from one
// definition of the effective status; "Mark done" logging words, not a step id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { calendar, enc, openTestApi, type TestApi } from './helpers.js';

// Monday 23 November 2026, 10:00 in New York.
const NOW = '2026-11-23T15:00:00Z';

interface Region {
  code: string;
  country: string;
  subdivision: string | null;
}

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('web polish API on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
  }, 60_000);
  afterAll(async () => api?.close());

  it('lists every holiday region with its names, each one a code the server accepts', async () => {
    const res = await api.request('GET', '/api/regions');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    const { regions } = JSON.parse(res.body) as { regions: Region[] };
    expect(regions.length).toBeGreaterThan(500);
    expect(regions).toEqual(
      expect.arrayContaining([
        { code: 'GB-ENG', country: 'United Kingdom', subdivision: 'England' },
        { code: 'US', country: 'United States of America', subdivision: null },
        { code: 'DE-BY', country: 'Germany', subdivision: 'Bayern' },
        { code: 'IE', country: 'Ireland', subdivision: null },
      ]),
    );
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    // Every 25th (computing each region's holidays costs ~30 ms): all are accepted codes.
    for (const r of regions.filter((_, i) => i % 25 === 0))
      expect(() => calendar.assertRegion(r.code), r.code).not.toThrow();
  });

  it('refuses "UK" and "United Kingdom" suggesting GB-ENG, and changes nothing', async () => {
    const before = await api.snapshot();
    for (const region of ['UK', 'United Kingdom', 'gb-eng']) {
      expect(await api.json('PUT', '/api/settings', { region })).toEqual({
        status: 400,
        body: {
          code: 'invalid_input',
          field: 'region',
          message: `Holiday region: "${region}" is not a holiday region: did you mean GB-ENG?`,
        },
      });
    }
    const created = await api.json('POST', '/api/applications', {
      organization: 'Globex',
      role: 'Analyst',
      source: 'employer',
      region: 'Bavaria',
    });
    expect(created).toMatchObject({ status: 400, body: { field: 'region' } });
    expect(created.body.message).toContain('did you mean DE-BY?');
    expect(await api.snapshot()).toBe(before);

    const saved = await api.json('PUT', '/api/settings', {
      region: 'GB-ENG',
      timezone: 'America/New_York',
    });
    expect(saved).toMatchObject({ status: 200, body: { region: 'GB-ENG' } });
  });

  it('counts the board and Insights from the same effective status', async () => {
    const add = async (id: string, extra: object = {}) =>
      expect(
        (
          await api.json('POST', '/api/applications', {
            id,
            organization: `Org ${id}`,
            role: 'Engineer',
            source: 'employer',
            ...extra,
          })
        ).status,
      ).toBe(201);
    const log = async (id: string, body: object) =>
      expect(
        (
          await api.json('POST', `/api/applications/${id}/interactions`, {
            channel: 'email',
            contacts: [],
            ...body,
          })
        ).status,
      ).toBe(201);
    await add('waiting');
    await add('offered'); // stored active, an inbound offer makes it `offer`
    await log('offered', { direction: 'in', kind: 'offer', at: '2026-11-20T15:00:00Z' });
    await add('turned-down'); // an inbound rejection makes it `rejected`
    await log('turned-down', { direction: 'in', kind: 'rejection', at: '2026-11-19T15:00:00Z' });
    await add('silent', { status: 'closed' });
    await add('later'); // an offer dated after now does not count yet
    await log('later', { direction: 'in', kind: 'offer', at: '2026-11-30T15:00:00Z' });

    const board = (await api.json('GET', '/api/applications')).body as {
      id: string;
      effectiveStatus: string;
    }[];
    const column = (status: string) => board.filter((a) => a.effectiveStatus === status).length;
    const insights = (await api.json('GET', '/api/insights')).body;
    for (const status of Object.keys(insights.pipeline))
      expect(insights.pipeline[status], status).toBe(column(status));
    expect(insights.activeCount).toBe(column('active') + column('offer'));
    expect(insights.pipeline).toEqual({
      active: 2,
      offer: 1,
      accepted: 0,
      rejected: 1,
      withdrawn: 0,
      closed: 1,
    });
    expect(insights.activeCount).toBe(3);
  });

  it('"Mark done" logs the message with a summary in words, not the step id', async () => {
    expect(
      (
        await api.json('POST', '/api/contacts', {
          id: 'priya',
          name: 'Priya Raman',
          email: 'priya@globex.example',
        })
      ).status,
    ).toBe(201);
    const iv = await api.json('POST', '/api/applications/waiting/interviews', {
      start: '2026-11-23T08:00',
      timezone: 'America/New_York',
      interviewers: ['priya'],
    });
    expect(iv.status).toBe(201);
    const plan = (await api.json('GET', '/api/plan')).body;
    const thanks = plan.steps.find(
      (s: { kind: string; application: string }) =>
        s.kind === 'thank_you' && s.application === 'waiting',
    );
    expect(thanks).toBeDefined();
    const done = await api.json('POST', `/api/steps/${enc(thanks.id)}/done`, {});
    expect(done.status).toBe(200);
    expect(done.body.interaction.summary).toBe('Marked done in tactful');
    const detail = (await api.json('GET', '/api/applications/waiting')).body;
    expect(JSON.stringify(detail.interactions)).not.toContain(thanks.id);
  });
});
