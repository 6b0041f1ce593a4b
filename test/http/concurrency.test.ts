// 50 parallel requests per write route, on SQLite and PostgreSQL (a pool of real connections):
// no 5xx, no 409 where the requests do not really clash, no duplicate ids, rounds or facts.
// A double click on Done, Skip or Snooze is one fact; NUL and lone surrogates are a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../db/test-databases.js';
import { enc, importSampleAsOwn, openTestApi, type TestApi } from './helpers.js';

const N = 50;
const NOW = '2026-12-02T15:00:00Z';

async function parallel(
  api: TestApi,
  make: (i: number) => [method: 'POST' | 'PUT', url: string, body: unknown],
): Promise<{ status: number; body: Record<string, unknown> }[]> {
  const answers = await Promise.all(
    Array.from({ length: N }, (_, i) => {
      const [method, url, body] = make(i);
      return api.request(method, url, body);
    }),
  );
  return answers.map((a) => ({ status: a.statusCode, body: a.json() as Record<string, unknown> }));
}

function statuses(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

describe.each(DIALECTS)('%d parallel writes on %s'.replace('%d', String(N)), (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
    await importSampleAsOwn(api);
  });
  afterAll(() => api.close());

  it('new contacts without an id: all created, every id different', async () => {
    const answers = await parallel(api, (i) => [
      'POST',
      '/api/contacts',
      { name: `Parallel Person ${i}`, email: `person${i}@parallel.example` },
    ]);
    expect(statuses(answers)).toEqual({ 201: N });
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(N);
  });

  it('new applications without an id: all created, every id different', async () => {
    const answers = await parallel(api, (i) => [
      'POST',
      '/api/applications',
      { organization: `Parallel Org ${i}`, role: 'Analyst', source: 'employer' },
    ]);
    expect(statuses(answers)).toEqual({ 201: N });
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(N);
  });

  it('interviews without a round on one application: 50 different rounds', async () => {
    const created = await api.json('POST', '/api/applications', {
      organization: 'Roundrobin Ltd',
      role: 'Planner',
      source: 'employer',
    });
    const id = String(created.body.id);
    const answers = await parallel(api, (i) => [
      'POST',
      `/api/applications/${id}/interviews`,
      { start: `2026-11-${String(1 + (i % 25)).padStart(2, '0')}T${i < 25 ? '10' : '15'}:00` },
    ]);
    expect(statuses(answers)).toEqual({ 201: N });
    const rounds = answers.map((a) => a.body.round as number).sort((a, b) => a - b);
    expect(rounds).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });

  it('interactions logged without an id: all stored, every id different', async () => {
    const answers = await parallel(api, (i) => [
      'POST',
      '/api/applications/a1/interactions',
      { direction: 'in', kind: 'reply', summary: `Reply ${i}` },
    ]);
    expect(statuses(answers)).toEqual({ 201: N });
    const ids = answers.map((a) => (a.body.interaction as { id: string }).id);
    expect(new Set(ids).size).toBe(N);
  });

  it('Done, Skip and Snooze clicked 50 times at once: one fact each, the same answer', async () => {
    const plan = await api.json('GET', '/api/plan');
    // Steps that send a message: Done logs it (the seeker's own steps log nothing).
    const steps = (plan.body.steps as { id: string; kind: string; due: string }[]).filter(
      (s) => !['keep_searching', 'debrief', 'reflect', 'move_on'].includes(s.kind),
    );
    const [doneStep, skipStep, snoozeStep] = steps;
    expect(snoozeStep).toBeDefined();
    const until = '2027-01-15';
    for (const [step, action, body] of [
      [doneStep!, 'done', {}],
      [skipStep!, 'skip', {}],
      [snoozeStep!, 'snooze', { until }],
    ] as const) {
      const answers = await parallel(api, () => [
        'POST',
        `/api/steps/${enc(step.id)}/${action}`,
        body,
      ]);
      expect(statuses(answers), `${action} ${step.id}`).toEqual({ 200: N });
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    }
    const document = JSON.parse(await api.snapshot()) as {
      stepEvents: { stepId: string; action: string }[];
      applications: { interactions: { summary: string | null; at: string }[] }[];
    };
    for (const [step, action] of [
      [doneStep!, 'done'],
      [skipStep!, 'skip'],
      [snoozeStep!, 'snooze'],
    ] as const) {
      const events = document.stepEvents.filter((e) => e.stepId === step.id);
      expect(events.map((e) => e.action)).toEqual([action]);
    }
    const logged = document.applications
      .flatMap((a) => a.interactions)
      .filter((x) => x.summary === 'Marked done in tactful' && x.at.startsWith('2026-12-02'));
    expect(logged).toHaveLength(1);
  });

  it('a draft edit saved 50 times at once with rising revisions keeps the newest', async () => {
    const plan = await api.json('GET', '/api/plan');
    const step = (plan.body.steps as { id: string }[])[0]!;
    const answers = await parallel(api, (i) => [
      'PUT',
      `/api/steps/${enc(step.id)}/draft-edit`,
      { subject: `Subject ${i + 1}`, body: `Body ${i + 1}`, revision: i + 1 },
    ]);
    expect(Object.keys(statuses(answers))).toEqual(['200']);
    const stored = await api.json('GET', `/api/steps/${enc(step.id)}/draft-edit`);
    expect(stored.body).toMatchObject({ revision: N, body: `Body ${N}` });
  });

  it('NUL bytes and lone surrogates: 400 naming the field, nothing stored', async () => {
    const before = await api.snapshot();
    const nul = await api.json('POST', '/api/contacts', { name: 'Bad\u0000Name' });
    expect(nul.status).toBe(400);
    expect(nul.body.field).toBe('name');
    const surrogate = await api.request('POST', '/api/contacts', '{"name":"Broken \\ud800 name"}', {
      'content-type': 'application/json',
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().field).toBe('name');
    const pathNul = await api.request('GET', '/api/contacts/c%00x');
    expect(pathNul.statusCode).toBe(400);
    const sendNul = await api.request('POST', `/api/steps/x%00y/done`, {});
    expect(sendNul.statusCode).toBe(400);
    const nested = await api.json('POST', '/api/applications/a1/interactions', {
      direction: 'in',
      kind: 'reply',
      summary: 'fine',
      contacts: ['c1\u0000'],
    });
    expect(nested.status).toBe(400);
    expect(nested.body.field).toBe('contacts[0]');
    expect(await api.snapshot()).toBe(before);
  });
});
