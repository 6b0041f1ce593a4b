// Every route through inject(), on SQLite and on PostgreSQL: happy paths, 4xx naming the
// field, 404 for unknown ids, and the debrief → thank-you → done flow of the web app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFor } from '../../src/app/plan-for.js';
import { sampleDocument } from '../../src/app/sample.js';
import { parseAsOf } from '../../src/core/calendar.js';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { calendar, enc, openTestApi, type TestApi } from './helpers.js';

// Monday 23 November 2026, 10:00 in New York.
const NOW = '2026-11-23T15:00:00Z';

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('HTTP API on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, NOW);
  }, 60_000);
  afterAll(async () => api?.close());

  it('answers health and settings; a partial PUT keeps the other fields', async () => {
    expect(await api.json('GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
    const put = await api.json('PUT', '/api/settings', {
      timezone: 'America/New_York',
      region: 'US',
      signature: 'Sam Seeker\nsam@example.com',
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      timezone: 'America/New_York',
      region: 'US',
      preset: 'standard',
      activeTarget: 5,
      signature: 'Sam Seeker\nsam@example.com',
      email: null,
    });
    const again = await api.json('PUT', '/api/settings', { activeTarget: 3 });
    expect(again.body).toMatchObject({ timezone: 'America/New_York', activeTarget: 3 });
    expect((await api.json('GET', '/api/settings')).body).toEqual(again.body);
  });

  it('rejects bad settings with 400 naming the field, and changes nothing', async () => {
    const before = await api.snapshot();
    expect(await api.json('PUT', '/api/settings', { timezone: 'Mars/Olympus' })).toMatchObject({
      status: 400,
      body: { code: 'invalid_input', field: 'timezone' },
    });
    expect(await api.json('PUT', '/api/settings', { region: 'XX-NOPE' })).toMatchObject({
      status: 400,
      body: { field: 'region' },
    });
    expect(await api.json('PUT', '/api/settings', { preset: 'pushy' })).toMatchObject({
      status: 400,
      body: { field: 'preset' },
    });
    expect(await api.json('PUT', '/api/settings', { colour: 'red' })).toMatchObject({
      status: 400,
      body: { code: 'invalid_input', field: 'colour', message: 'unknown field "colour"' },
    });
    expect(await api.snapshot()).toBe(before);
  });

  it('creates, lists and updates contacts; unknown ids 404, duplicates 409', async () => {
    const dana = await api.json('POST', '/api/contacts', {
      id: 'dana',
      name: 'Dana Reyes',
      title: 'Engineering Manager',
      email: 'dana@acme.example',
      linkedin: 'https://www.linkedin.com/in/dana',
    });
    expect(dana.status).toBe(201);
    expect(dana.body).toMatchObject({
      id: 'dana',
      name: 'Dana Reyes',
      isReference: false,
      phone: null,
    });
    const generated = await api.json('POST', '/api/contacts', {
      name: 'Ravi Patel',
      isReference: true,
      email: 'ravi@example.com',
    });
    expect(generated.status).toBe(201);
    expect(generated.body.id).toMatch(/^c\d+$/);
    expect(
      (await api.json('POST', '/api/contacts', { id: 'dana', name: 'Someone Else' })).status,
    ).toBe(409);
    expect(await api.json('POST', '/api/contacts', { title: 'no name' })).toMatchObject({
      status: 400,
      body: { field: 'name' },
    });

    const put = await api.json('PUT', '/api/contacts/dana', { phone: '+1 555 0100', title: null });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id: 'dana',
      name: 'Dana Reyes',
      phone: '+1 555 0100',
      title: null,
      email: 'dana@acme.example',
    });
    expect(await api.json('PUT', '/api/contacts/nobody', { phone: '1' })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await api.json('PUT', '/api/contacts/dana', { name: '' })).toMatchObject({
      status: 400,
      body: { field: 'name' },
    });

    const list = await api.json('GET', '/api/contacts');
    expect(list.body.map((c: { id: string }) => c.id).sort()).toEqual(
      ['dana', generated.body.id].sort(),
    );
  });

  it('creates an application, patches it, and 404s unknown ones', async () => {
    const created = await api.json('POST', '/api/applications', {
      id: 'acme',
      organization: 'Acme Corp',
      role: 'Backend Engineer',
      source: 'employer',
      createdOn: '2026-11-16',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'acme',
      status: 'active',
      interviews: [],
      interactions: [],
      region: null,
    });
    expect(
      await api.json('POST', '/api/applications', {
        organization: 'X',
        role: 'Y',
        source: 'friend',
      }),
    ).toMatchObject({ status: 400, body: { field: 'source' } });
    expect(
      await api.json('POST', '/api/applications', {
        organization: 'X',
        role: 'Y',
        source: 'employer',
        agent: 'ghost',
      }),
    ).toMatchObject({ status: 400, body: { field: 'agent[0]' } });

    const patched = await api.json('PATCH', '/api/applications/acme', {
      prosCons: { pros: ['Remote'] },
      region: 'US',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      organization: 'Acme Corp',
      region: 'US',
      prosCons: { pros: ['Remote'], cons: [], strengths: [] },
    });
    expect(await api.json('PATCH', '/api/applications/acme', { status: 'dreaming' })).toMatchObject(
      { status: 400, body: { field: 'status' } },
    );
    expect(await api.json('PATCH', '/api/applications/acme', { interviews: [] })).toMatchObject({
      status: 400,
      body: { field: 'interviews' },
    });
    expect(await api.json('PATCH', '/api/applications/nope', { role: 'Z' })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect((await api.json('GET', '/api/applications/nope')).status).toBe(404);
  });

  it('debrief → thank-you steps with drafts → done leaves the plan and shows in the timeline', async () => {
    // Friday 20 November 2026, 10:00–11:00 in New York (15:00–16:00 UTC), no interviewers yet.
    const interview = await api.json('POST', '/api/applications/acme/interviews', {
      start: '2026-11-20T10:00',
      timezone: 'America/New_York',
    });
    expect(interview.status).toBe(201);
    expect(interview.body).toMatchObject({ round: 1, durationMinutes: 60, interviewers: [] });
    const iv = interview.body.id as string;
    api.clock.ms = Date.parse('2026-11-20T17:00:00Z');
    let plan = (await api.json('GET', '/api/plan')).body;
    expect(
      plan.steps
        .filter((s: { application: string }) => s.application === 'acme')
        .map((s: { id: string }) => s.id),
    ).toContain(`acme:debrief:${iv}`);
    // A note to yourself has no message.
    const seekerDraft = await api.json('GET', `/api/steps/${enc(`acme:debrief:${iv}`)}/draft`);
    expect(seekerDraft).toMatchObject({
      status: 400,
      body: { code: 'invalid_input', field: 'step' },
    });

    const debrief = await api.json('PUT', `/api/applications/acme/interviews/${iv}`, {
      interviewers: ['dana'],
      decisionExpectedBy: '2026-12-01',
      chance: 'high',
      notes: { keyPoints: ['Event sourcing at scale'], promises: ['send my portfolio link'] },
    });
    expect(debrief.status).toBe(200);
    expect(debrief.body).toMatchObject({
      interviewers: ['dana'],
      start: '2026-11-20T10:00',
      round: 1,
      notes: {
        keyPoints: ['Event sourcing at scale'],
        forgot: [],
        promises: ['send my portfolio link'],
      },
    });
    expect(
      await api.json('PUT', `/api/applications/acme/interviews/${iv}`, { interviewers: ['ghost'] }),
    ).toMatchObject({ status: 400, body: { field: 'interviewers[0]' } });
    expect(
      await api.json('PUT', `/api/applications/acme/interviews/i999`, { final: true }),
    ).toMatchObject({ status: 404, body: { field: 'interviewId' } });
    expect(
      await api.json('PUT', `/api/applications/acme/interviews/${iv}`, { durationMinutes: 0 }),
    ).toMatchObject({ status: 400, body: { field: 'durationMinutes' } });

    plan = (await api.json('GET', '/api/plan')).body;
    const thankYou = plan.steps.find(
      (s: { kind: string; application: string }) =>
        s.kind === 'thank_you' && s.application === 'acme',
    );
    expect(thankYou).toMatchObject({
      id: `acme:thank_you:${iv}:dana`,
      to: ['dana'],
      channel: 'email',
      dueAt: '2026-11-21T16:00:00Z',
    });
    expect(plan.steps.map((s: { id: string }) => s.id)).not.toContain(`acme:debrief:${iv}`);

    const detail = await api.json('GET', '/api/applications/acme');
    expect(detail.body.effectiveStatus).toBe('active');
    expect(detail.body.steps.map((s: { id: string }) => s.id)).toContain(thankYou.id);

    const draft = await api.json('GET', `/api/steps/${enc(thankYou.id)}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      kind: 'thank_you',
      channel: 'email',
      to: [{ id: 'dana', name: 'Dana Reyes', email: 'dana@acme.example' }],
    });
    expect(draft.body.body).toContain('Dana');
    expect(Array.isArray(draft.body.findings)).toBe(true);
    const formal = await api.json('GET', `/api/steps/${enc(thankYou.id)}/draft?formal=true`);
    expect(formal.body.body).toContain('Dana Reyes');
    expect(
      await api.json('GET', `/api/steps/${enc(thankYou.id)}/draft?formal=maybe`),
    ).toMatchObject({ status: 400, body: { field: 'formal' } });

    const mailto = await api.json('GET', `/api/steps/${enc(thankYou.id)}/mailto`);
    expect(mailto.body.href).toMatch(/^mailto:dana@acme\.example\?subject=.+&body=.+/);
    const eml = await api.request('GET', `/api/steps/${enc(thankYou.id)}/draft.eml`);
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toBe('message/rfc822');
    expect(eml.headers['content-disposition']).toMatch(
      /^attachment; filename="acme_thank_you_.+_dana\.eml"$/,
    );
    expect(eml.body).toMatch(/^To: Dana Reyes <dana@acme\.example>$/m);
    expect(eml.body).toMatch(/^From: Sam Seeker <sam@example\.com>$/m);

    api.clock.ms = Date.parse('2026-11-20T20:00:00Z');
    const done = await api.json('POST', `/api/steps/${enc(thankYou.id)}/done`, {});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      ok: true,
      action: 'done',
      step: { id: thankYou.id },
      interaction: {
        direction: 'out',
        kind: 'thank_you',
        contacts: ['dana'],
        at: '2026-11-20T20:00:00Z',
      },
    });
    plan = (await api.json('GET', '/api/plan')).body;
    expect(plan.steps.map((s: { id: string }) => s.id)).not.toContain(thankYou.id);
    const timeline = (await api.json('GET', '/api/applications/acme')).body.interactions;
    expect(timeline).toEqual([
      expect.objectContaining({ kind: 'thank_you', direction: 'out', at: '2026-11-20T20:00:00Z' }),
    ]);
    // Done again (a double click, a retry): the first answer, and nothing more is logged.
    const again = await api.json('POST', `/api/steps/${enc(thankYou.id)}/done`, {});
    expect(again).toMatchObject({
      status: 200,
      body: { action: 'done', step: { id: thankYou.id } },
    });
    expect((await api.json('GET', '/api/applications/acme')).body.interactions).toHaveLength(1);
    // Skip of a step that was done is not a repeat: there is no such open step.
    expect(await api.json('POST', `/api/steps/${enc(thankYou.id)}/skip`, {})).toMatchObject({
      status: 404,
      body: { code: 'not_found', field: 'stepId' },
    });
  });

  it('skip and snooze; bad snooze dates are 400 and unknown steps 404', async () => {
    const plan = (await api.json('GET', '/api/plan')).body;
    // Decision expected Tuesday 1 December: the status check is due Wednesday 2 December.
    const check = plan.steps.find((s: { kind: string }) => s.kind === 'status_check');
    expect(check).toMatchObject({ application: 'acme', due: '2026-12-02' });
    expect(
      await api.json('POST', `/api/steps/${enc(check.id)}/snooze`, { until: '2026-02-30' }),
    ).toMatchObject({ status: 400, body: { field: 'until' } });
    const snoozed = await api.json('POST', `/api/steps/${enc(check.id)}/snooze`, {
      until: '2026-12-04',
    });
    expect(snoozed).toMatchObject({
      status: 200,
      body: { ok: true, action: 'snooze', until: '2026-12-04' },
    });
    const after = (await api.json('GET', '/api/plan')).body.steps.find(
      (s: { id: string }) => s.id === check.id,
    );
    expect(after.due).toBe('2026-12-04');
    // chance: high → the reference gets a heads-up; skipping needs no body at all.
    const headsUp = plan.steps.find((s: { kind: string }) => s.kind === 'references_heads_up');
    expect(headsUp).toBeDefined();
    const skipped = await api.request('POST', `/api/steps/${enc(headsUp.id)}/skip`);
    expect(skipped.statusCode).toBe(200);
    expect(
      (await api.json('GET', '/api/plan')).body.steps.map((s: { id: string }) => s.id),
    ).not.toContain(headsUp.id);
    expect(
      await api.json('POST', `/api/steps/${enc('acme:thank_you:nope')}/skip`, {}),
    ).toMatchObject({ status: 404 });
    expect(
      await api.json('POST', `/api/steps/x/snooze`, { until: '2026-12-01', extra: 1 }),
    ).toMatchObject({ status: 400, body: { field: 'extra' } });
  });

  it('logs interactions with pacing warnings; bad kinds and unknown applications are refused', async () => {
    api.clock.ms = Date.parse('2026-11-24T15:00:00Z');
    const first = await api.json('POST', '/api/applications/acme/interactions', {
      direction: 'out',
      kind: 'other',
      channel: 'email',
      contacts: ['dana'],
      summary: 'sent the portfolio link',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      interaction: { kind: 'other', at: '2026-11-24T15:00:00Z' },
      warnings: [],
    });
    const second = await api.json('POST', '/api/applications/acme/interactions', {
      direction: 'out',
      kind: 'status_check',
      channel: 'email',
      contacts: ['dana'],
    });
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([
      expect.objectContaining({ kind: 'pacing', application: 'acme' }),
    ]);
    expect(
      await api.json('POST', '/api/applications/acme/interactions', {
        direction: 'in',
        kind: 'thank_you',
      }),
    ).toMatchObject({ status: 400, body: { field: 'kind' } });
    expect(
      await api.json('POST', '/api/applications/acme/interactions', {
        direction: 'out',
        kind: 'other',
        onHold: true,
      }),
    ).toMatchObject({ status: 400, body: { field: 'onHold' } });
    expect(
      await api.json('POST', '/api/applications/nope/interactions', {
        direction: 'in',
        kind: 'reply',
      }),
    ).toMatchObject({ status: 404 });
    expect(
      await api.json('POST', '/api/applications/acme/interactions', {
        direction: 'in',
        kind: 'reply',
        at: '2026-11-24 10:00',
      }),
    ).toMatchObject({ status: 400, body: { field: 'at' } });
  });

  it('a rejection brings final thanks, connect and keep warm', async () => {
    api.clock.ms = Date.parse('2026-11-25T15:00:00Z');
    const rejected = await api.json('POST', '/api/applications/acme/interactions', {
      direction: 'in',
      kind: 'rejection',
      channel: 'email',
      contacts: ['dana'],
    });
    expect(rejected.status).toBe(201);
    const detail = (await api.json('GET', '/api/applications/acme')).body;
    expect(detail.effectiveStatus).toBe('rejected');
    expect(detail.status).toBe('active');
    expect(detail.steps.map((s: { kind: string }) => s.kind).sort()).toEqual([
      'connect',
      'final_thanks',
      'keep_warm',
    ]);
  });

  it('runs the message checker on the seeker’s own text', async () => {
    const checked = await api.json('POST', '/api/check', {
      applicationId: 'acme',
      kind: 'status_check',
      channel: 'email',
      subject: 'Update?',
      body: 'Hi Dana,\n\nDid I get the job? I need an answer by Friday.\n\nSam',
      to: ['dana'],
    });
    expect(checked.status).toBe(200);
    const rules = checked.body.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('outcome_question');
    expect(rules).toContain('pushy_wording');
    expect(
      await api.json('POST', '/api/check', { applicationId: 'nope', body: 'Hi' }),
    ).toMatchObject({ status: 404 });
    expect(await api.json('POST', '/api/check', { applicationId: 'acme' })).toMatchObject({
      status: 400,
      body: { field: 'body' },
    });
  });

  it('computes insights from the facts', async () => {
    const insights = await api.json('GET', '/api/insights?asOf=2026-11-26');
    expect(insights.status).toBe(200);
    expect(insights.body).toEqual({
      pipeline: { active: 0, offer: 0, accepted: 0, rejected: 1, withdrawn: 0, closed: 0 },
      bySource: [
        // First outbound 2026-11-20T20:00Z, first inbound after it 2026-11-25T15:00Z: 4.8 days.
        {
          source: 'employer',
          applications: 1,
          responded: 1,
          responseRate: 1,
          medianResponseDays: 4.8,
        },
        {
          source: 'recruiter',
          applications: 0,
          responded: 0,
          responseRate: null,
          medianResponseDays: null,
        },
        {
          source: 'agency',
          applications: 0,
          responded: 0,
          responseRate: null,
          medianResponseDays: null,
        },
      ],
      // Thanked at 20:00Z, 4 h after the 16:00Z end.
      thankYouOnTimeRate: 1,
      activeCount: 0,
      activeTarget: 3,
    });
    expect(await api.json('GET', '/api/insights?asOf=yesterday')).toMatchObject({
      status: 400,
      body: { code: 'invalid_date', field: 'asOf' },
    });
  });

  it('GET /api/plan is byte for byte the plan the CLI prints (its use case, compact JSON)', async () => {
    for (const asOf of [
      '2026-11-20',
      '2026-11-21T15:59:59Z',
      '2026-11-21T16:00:01Z',
      '2026-12-24',
    ]) {
      const res = await api.request('GET', `/api/plan?asOf=${enc(asOf)}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const cli = await planFor(api.uow, calendar, parseAsOf(asOf, 'America/New_York', '--as-of'));
      expect(res.body).toBe(JSON.stringify(cli));
      // Asked again (served from the cache on SQLite): still the same bytes.
      expect((await api.request('GET', `/api/plan?asOf=${enc(asOf)}`)).body).toBe(res.body);
    }
    expect(await api.json('GET', '/api/plan?asOf=2026-02-30')).toMatchObject({
      status: 400,
      body: { code: 'invalid_date', field: 'asOf' },
    });
    expect(await api.json('GET', '/api/plan?as_of=2026-11-20')).toMatchObject({
      status: 400,
      body: { field: 'as_of' },
    });
  });

  it('imports a document (one transaction), exports it back, and imports the sample document idempotently', async () => {
    const before = await api.snapshot();
    const bad = await api.json('POST', '/api/import', {
      format: 'tactful/v1',
      contacts: [{ id: 'new1', name: 'New Person' }],
      applications: [
        {
          id: 'beta',
          organization: 'Beta',
          role: 'R',
          source: 'employer',
          interviews: [{ id: 'b1', round: 1, start: '2026-02-30T10:00' }],
        },
      ],
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'invalid_input', field: 'applications[0].interviews[0].start' },
    });
    expect(await api.snapshot()).toBe(before);

    const doc = JSON.parse(before);
    const reimport = await api.json('POST', '/api/import', doc);
    expect(reimport.status).toBe(200);
    expect(reimport.body.contacts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await api.snapshot()).toBe(before);

    const csv = await api.request('GET', '/api/export?format=csv&asOf=2026-11-26');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toMatch(/^application,organization,role,/);
    expect(await api.json('GET', '/api/export?format=xml')).toMatchObject({
      status: 400,
      body: { field: 'format' },
    });

    // The sample search as the seeker's own document (the web's sample stays apart: sample.test.ts).
    const demo = await api.json('POST', '/api/import', sampleDocument(api.clock));
    expect(demo.status).toBe(200);
    expect(demo.body.applications.created).toBe(6);
    const again = await api.json('POST', '/api/import', sampleDocument(api.clock));
    expect(again.body.applications).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(again.body.contacts.created).toBe(0);
  });

  it('lists applications with their effective status', async () => {
    const list = await api.json('GET', '/api/applications');
    const byId = new Map(
      list.body.map((a: { id: string; effectiveStatus: string }) => [a.id, a.effectiveStatus]),
    );
    expect(byId.get('acme')).toBe('rejected');
    expect(byId.get('quillstone')).toBe('rejected');
    expect(byId.get('arborway')).toBe('offer');
    expect(byId.get('northwind')).toBe('active');
  });

  it('describes every route in /api/openapi.json', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/settings',
        'PUT /api/settings',
        'GET /api/regions',
        'GET /api/plan',
        'GET /api/today',
        'GET /api/contacts',
        'POST /api/contacts',
        'PUT /api/contacts/{id}',
        'GET /api/applications',
        'GET /api/applications/board',
        'POST /api/applications',
        'GET /api/applications/{id}',
        'PATCH /api/applications/{id}',
        'POST /api/applications/{id}/interviews',
        'PUT /api/applications/{id}/interviews/{interviewId}',
        'POST /api/applications/{id}/interactions',
        'POST /api/steps/{stepId}/done',
        'POST /api/steps/{stepId}/skip',
        'POST /api/steps/{stepId}/snooze',
        'GET /api/steps/{stepId}/draft',
        'GET /api/steps/{stepId}/draft.eml',
        'GET /api/steps/{stepId}/mailto',
        'GET /api/steps/{stepId}/snooze',
        'GET /api/steps/{stepId}/draft-edit',
        'PUT /api/steps/{stepId}/draft-edit',
        'DELETE /api/steps/{stepId}/draft-edit',
        'POST /api/check',
        'POST /api/import',
        'POST /api/import/preview',
        'POST /api/import/file',
        'GET /api/export',
        'GET /api/insights',
        'GET /api/activity',
        'POST /api/activity/undo',
        'POST /api/activity/{id}/undo',
        'GET /api/delete-preview/{entity}/{id}',
        'DELETE /api/contacts/{id}',
        'DELETE /api/applications/{id}',
        'DELETE /api/applications/{id}/interviews/{interviewId}',
        'DELETE /api/applications/{id}/interactions/{interactionId}',
        'GET /api/trash',
        'DELETE /api/trash',
        'POST /api/trash/{entity}/{id}/restore',
        'GET /api/inbox',
        'POST /api/inbox/{id}/confirm',
        'POST /api/inbox/{id}/dismiss',
        'POST /api/inbox/{id}/assign',
      ].sort(),
    );
    const contactBody =
      doc.paths['/api/contacts'].post.requestBody.content['application/json'].schema;
    expect(contactBody.required).toEqual(['name']);
    expect(contactBody.additionalProperties).toBe(false);
  });
});
