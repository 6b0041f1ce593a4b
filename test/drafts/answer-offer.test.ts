// The two drafts of an answer_offer step (SPEC §3 "Answering an offer"): an acceptance and a
// graceful decline, by e-mail and by phone, each passed by the message checker; chosen with
// `variant` (core), `tactful draft --variant` (CLI, in-process) and `?variant=` (API, both dialects).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadConfig } from '../../src/config/config.js';
import { parseAsOf } from '../../src/core/calendar.js';
import { renderDraft, type Draft } from '../../src/core/drafts/index.js';
import { DomainError } from '../../src/core/errors.js';
import { plan, POLICIES } from '../../src/core/policy/index.js';
import { ANSWER_OFFER_VARIANTS, type Facts, type Step } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { cachedHolidays } from '../../src/main/holiday-cache.js';
import { openServices, sampleCommands } from '../../src/main/services.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { assertPostgresReachable, DIALECTS } from '../db/test-databases.js';
import { calendar, enc, openTestApi, type TestApi } from '../http/helpers.js';
import { BY_SOURCE, demoFacts } from './fixtures.js';
import { HIDDEN, hostile } from './hostile.js';

const templates = await loadTemplates();
const NOW = '2026-11-23T15:00:00Z';
// Harbor Bank's offer x2 came on Sat 21 Nov with a deadline of Tue 1 Dec: answer by Mon 30 Nov.
const STEP_ID = 'a5:answer_offer:x2';

function answerStep(facts: Facts, application: string, channel: 'email' | 'phone'): Step {
  const app = facts.applications.find((a) => a.id === application)!;
  const lead = app.agent ?? app.interviews[app.interviews.length - 1]!.interviewers[0]!;
  return {
    id: `${application}:answer_offer:x2`,
    application,
    kind: 'answer_offer',
    to: [lead],
    channel,
    earliest: '2026-11-30',
    due: '2026-11-30',
    dueAt: null,
    overdue: false,
    why: 'test',
  };
}

const errors = (d: Draft) => d.findings.filter((f) => f.severity === 'error');

describe('answer_offer drafts', () => {
  it('the plan of the demo-like facts holds the step the drafts are for', () => {
    const facts = demoFacts();
    const step = plan(facts, POLICIES, calendar, parseAsOf(NOW, 'UTC')).steps.find(
      (s) => s.kind === 'answer_offer',
    );
    expect(step).toMatchObject({ id: STEP_ID, to: ['c9'], channel: 'email', due: '2026-11-30' });
  });

  for (const [label, facts] of [
    ['demo', demoFacts()],
    ['hostile', hostile(demoFacts())],
  ] as const) {
    const cases = Object.entries(BY_SOURCE).flatMap(([source, app]) =>
      (['email', 'phone'] as const).flatMap((channel) =>
        ANSWER_OFFER_VARIANTS.map(
          (variant) => [`${source} · ${channel} · ${variant}`, app, channel, variant] as const,
        ),
      ),
    );
    it.each(cases)(
      `${label}: %s passes the checker and says what it means`,
      (_l, app, channel, variant) => {
        const draft = renderDraft(answerStep(facts, app, channel), facts, templates, { variant });
        expect(errors(draft), draft.body).toEqual([]);
        expect(draft.variant).toBe(variant);
        expect(draft.subject === null).toBe(channel === 'phone');
        // Hostile names carry "{{…}}" verbatim, as typed: only the demo must show no template residue.
        if (label === 'demo') expect(draft.body).not.toMatch(/\{\{|\}\}|undefined|null|\[object/);
        expect(draft.body).not.toMatch(HIDDEN);
        if (variant === 'accept') {
          expect(draft.body).toContain('I am delighted to accept');
          expect(draft.body).not.toMatch(/declin/i);
        } else {
          expect(draft.body).toContain('I have decided to decline the offer');
          expect(draft.body).toContain('I hope our paths cross again');
          expect(draft.body).not.toMatch(/delighted to accept|sorry|apolog/i);
        }
      },
    );
  }

  it('the default is the acceptance; other kinds refuse a variant; an unknown one is refused', () => {
    const facts = demoFacts();
    const step = answerStep(facts, 'a1', 'email');
    expect(renderDraft(step, facts, templates)).toMatchObject({ variant: 'accept' });
    const thankYou: Step = { ...step, id: 'a1:thank_you:i2:c1', kind: 'thank_you', to: ['c1'] };
    expect(renderDraft(thankYou, facts, templates).variant).toBeNull();
    expect(() => renderDraft(thankYou, facts, templates, { variant: 'decline' })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        field: 'variant',
        message:
          'a thank you step has one draft: the variant (accept or decline) is only for answering an offer',
      }) as DomainError,
    );
    expect(() => renderDraft(step, facts, templates, { variant: 'maybe' as 'accept' })).toThrow(
      'variant must be accept or decline, got "maybe"',
    );
  });
});

describe('tactful draft --variant (in-process CLI)', () => {
  let dir: string;
  async function tactful(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(['--db', join(dir, 'tactful.db'), ...argv], {
      version: 'test',
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      stdinIsTty: false,
      columns: undefined,
      loadConfig: (dbFlag) =>
        loadConfig({
          env: { XDG_CACHE_HOME: join(dir, 'cache') },
          dbFlag,
          homeDir: dir,
          cwd: dir,
          stdoutIsTty: false,
        }),
      openServices: (config, options) =>
        openServices(config, { now: () => Date.parse(NOW) }, options),
      sampleCommands: async (config) => sampleCommands(config, { now: () => Date.parse(NOW) }),
      readTextFile: (path) => readFile(path, 'utf8'),
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tactful-answer-offer-'));
    // From source, main/ cannot require() date-holidays on a cache miss: fill the cache first.
    const cache = cachedHolidays(join(dir, 'cache', 'tactful', 'holidays.json'), dateHolidays);
    for (let year = 2025; year <= 2028; year += 1) cache.lookup('US', year);
    cache.save();
    await writeFile(
      join(dir, 'doc.json'),
      JSON.stringify({ format: 'tactful/v1', ...demoFacts() }),
    );
    const imported = await tactful('import', join(dir, 'doc.json'));
    expect(imported.code, imported.err).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the acceptance by default and the decline with --variant decline; today names the step', async () => {
    const today = await tactful('today');
    expect(today.out).toContain('Answer the offer: accept, or decline gracefully');
    expect(today.out).toContain(STEP_ID);
    const accept = await tactful('draft', STEP_ID);
    expect(accept.code, accept.err).toBe(0);
    expect(accept.out).toContain(
      'Answer the offer: accept, or decline gracefully (accept) — email',
    );
    expect(accept.out).toContain('Subject: Accepting the offer — Backend Engineer role');
    const decline = await tactful('draft', STEP_ID, '--variant', 'decline', '--json');
    expect(decline.code, decline.err).toBe(0);
    const draft = JSON.parse(decline.out) as Draft;
    expect([draft.variant, draft.subject, errors(draft)]).toEqual([
      'decline',
      'The offer for the Backend Engineer role',
      [],
    ]);
    expect(draft.body).toContain('Hi Omar,');
  });

  it('refuses an unknown variant and a variant on another kind, in one line, exit 1', async () => {
    const bad = await tactful('draft', STEP_ID, '--variant', 'maybe');
    expect([bad.code, bad.err.trim().split('\n').length]).toEqual([1, 1]);
    expect(bad.err).toMatch(/--variant.*maybe.*accept, decline/);
    const other = await tactful(
      'draft',
      'a1:thank_you:i2:c1',
      '--variant',
      'decline',
      '--as-of',
      '2026-11-20T20:00:00Z',
    );
    expect(other.code).toBe(1);
    expect(other.err.trim()).toBe(
      'tactful: a thank you step has one draft: the variant (accept or decline) is only for answering an offer',
    );
  });
});

describe.each(DIALECTS)('GET /api/steps/:id/draft?variant= on %s', (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    if (dialect === 'postgres') await assertPostgresReachable();
    api = await openTestApi(dialect, NOW);
    const imported = await api.json('POST', '/api/import', {
      format: 'tactful/v1',
      ...demoFacts(),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  });
  afterEach(async () => {
    await api.close();
  });

  it('serves the acceptance by default, the decline on ?variant=decline (JSON and .eml), refuses others', async () => {
    const url = `/api/steps/${enc(STEP_ID)}/draft`;
    const accept = await api.json('GET', url);
    expect([accept.status, accept.body.variant, accept.body.subject]).toEqual([
      200,
      'accept',
      'Accepting the offer — Backend Engineer role',
    ]);
    const decline = await api.json('GET', `${url}?variant=decline&formal=true`);
    expect([decline.status, decline.body.variant, decline.body.body.split('\n')[0]]).toEqual([
      200,
      'decline',
      'Dear Omar Haddad,',
    ]);
    expect(
      decline.body.findings.filter((f: { severity: string }) => f.severity === 'error'),
    ).toEqual([]);
    const eml = await api.request('GET', `${url}.eml?variant=decline`);
    expect(eml.statusCode).toBe(200);
    expect(eml.body).toContain('Subject: The offer for the Backend Engineer role');
    const bad = await api.json('GET', `${url}?variant=maybe`);
    expect([bad.status, bad.body.field]).toEqual([400, 'variant']);
    const plan = await api.json('GET', '/api/plan');
    const thankYou = plan.body.steps.find(
      (s: Step) => s.kind !== 'answer_offer' && s.channel !== null,
    ) as Step;
    const other = await api.json('GET', `/api/steps/${enc(thankYou.id)}/draft?variant=decline`);
    expect([other.status, other.body.code, other.body.field]).toEqual([
      400,
      'invalid_input',
      'variant',
    ]);
  });
});
