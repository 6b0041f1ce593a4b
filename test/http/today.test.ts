// GET /api/today: the agenda window of the plan (SPEC §3.1 "today") with only the names it shows,
// checked against the full plan and the export on both dialects, at a real seeker's scale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda } from '../../src/core/agenda.js';
import { addDays } from '../../src/core/calendar.js';
import type { Plan, TactfulDocument } from '../../src/core/types.js';
import { writeFacts } from '../bench/write-facts.js';
import { DIALECTS } from '../db/test-databases.js';
import { GENERATED_TODAY, generateFacts } from '../fixtures/generate.js';
import { openTestApi, type TestApi } from './helpers.js';

const AS_OF = `${GENERATED_TODAY}T15:00:00Z`;

describe.each(DIALECTS)('GET /api/today on %s, 1,000 applications', (dialect) => {
  let api: TestApi;
  let plan: Plan;
  let today: Agenda;
  let todayBytes: number;
  beforeAll(async () => {
    api = await openTestApi(dialect, AS_OF);
    await writeFacts(api.uow, generateFacts(11, 1_000));
    plan = (await api.json<Plan>('GET', '/api/plan')).body;
    const res = await api.request('GET', '/api/today');
    expect(res.statusCode).toBe(200);
    today = JSON.parse(res.body) as Agenda;
    todayBytes = res.rawPayload.length;
  }, 120_000);
  afterAll(async () => api?.close());

  it('groups every open step exactly as the plan dates it', () => {
    expect(today.asOf).toBe(plan.asOf);
    const horizon = addDays(today.asOfDate, 7);
    const expected = {
      overdue: plan.steps.filter((s) => s.overdue),
      today: plan.steps.filter((s) => !s.overdue && s.due <= today.asOfDate),
      upcoming: plan.steps.filter((s) => !s.overdue && s.due > today.asOfDate && s.due <= horizon),
    };
    expect(today.overdue).toEqual(expected.overdue);
    expect(today.today).toEqual(expected.today);
    expect(today.upcoming).toEqual(expected.upcoming);
    const later = plan.steps.filter((s) => !s.overdue && s.due > horizon);
    expect(today.later).toEqual({ count: later.length, next: later[0] ?? null });
    expect(today.warnings).toEqual(plan.warnings);
    expect(today.overdue.length + today.today.length + today.upcoming.length).toBeGreaterThan(0);
    expect(today.later.count).toBeGreaterThan(0);
  });

  it('names exactly the applications and contacts it shows', async () => {
    const doc = (await api.json<TactfulDocument>('GET', '/api/export')).body;
    const shown = [
      ...today.overdue,
      ...today.today,
      ...today.upcoming,
      ...(today.later.next ? [today.later.next] : []),
    ];
    const appIds = new Set([
      ...shown.map((s) => s.application),
      ...plan.warnings.flatMap((w) => (w.application ? [w.application] : [])),
    ]);
    const contactIds = new Set(shown.flatMap((s) => s.to));
    expect(today.applications.map((a) => a.id).sort()).toEqual([...appIds].sort());
    expect(today.contacts.map((c) => c.id).sort()).toEqual([...contactIds].sort());
    for (const a of today.applications) {
      const stored = doc.applications.find((x) => x.id === a.id)!;
      expect(a).toEqual({ id: a.id, organization: stored.organization, role: stored.role });
    }
    expect(today.applicationCount).toBe(doc.applications.length);
  });

  it('is a fraction of what the page used to download (plan + applications + contacts)', async () => {
    const identity = { 'accept-encoding': 'identity' };
    let before = 0;
    for (const url of ['/api/plan', '/api/applications', '/api/contacts'])
      before += (await api.request('GET', url, undefined, identity)).rawPayload.length;
    console.log(
      `Today at 1,000 applications: ${todayBytes} bytes vs ${before} before (uncompressed)`,
    );
    expect(todayBytes).toBeLessThan(before / 2);
  });

  it('answers 304 while nothing changed, and a new tag when a name it shows changes', async () => {
    const first = await api.request('GET', '/api/today');
    const tag = first.headers.etag as string;
    expect(
      (await api.request('GET', '/api/today', undefined, { 'if-none-match': tag })).statusCode,
    ).toBe(304);
    const contact = today.contacts[0]!;
    const renamed = await api.request('PUT', `/api/contacts/${encodeURIComponent(contact.id)}`, {
      name: `${contact.name} Jr`,
    });
    expect(renamed.statusCode).toBe(200);
    const after = await api.request('GET', '/api/today', undefined, { 'if-none-match': tag });
    expect(after.statusCode).toBe(200);
    expect((JSON.parse(after.body) as Agenda).contacts.find((c) => c.id === contact.id)?.name).toBe(
      `${contact.name} Jr`,
    );
  });
});
