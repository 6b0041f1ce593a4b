// End to end through the built binary on temporary SQLite files: the sample search, the agenda, the
// plan object, logging and step actions, export/import round trips, adding by flags.
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, TactfulDocument } from '../../src/core/types.js';
import { ensureBuilt, importSampleAsOwn, oneLineError, ROOT, tactful, tempDir, writeJson } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

/** The `today` the demo was dated on: its final Northwind round ended "yesterday". */
function demoToday(document: TactfulDocument): string {
  const start = document.applications.find((a) => a.id === 'northwind')!.interviews.find((i) => i.id === 'northwind-r2')!.start;
  const [y, m, d] = start.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

async function planJson(db: string, asOf?: string): Promise<Plan> {
  const result = await tactful(['--db', db, 'plan', '--json', ...(asOf ? ['--as-of', asOf] : [])]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

async function exportJson(db: string): Promise<string> {
  const result = await tactful(['--db', db, 'export']);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('demo, today and the plan', () => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  let today = '';

  it('imports the sample search as the seeker’s own data idempotently', async () => {
    const first = await importSampleAsOwn(db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Imported 11 contacts, 6 applications, 7 interviews, 11 interactions, 0 step events from /);
    const before = await exportJson(db);
    expect((await importSampleAsOwn(db)).code).toBe(0);
    expect(await exportJson(db)).toBe(before);
    today = demoToday(JSON.parse(before) as TactfulDocument);
  });

  it('prints the plan object exactly, with stable ids', async () => {
    const plan = await planJson(db, today);
    expect(Object.keys(plan)).toEqual(['asOf', 'steps', 'warnings']);
    expect(plan.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T0[45]:00:00Z$/); // 00:00 in New York, in UTC
    for (const step of plan.steps) {
      expect(Object.keys(step)).toEqual(['id', 'application', 'kind', 'to', 'channel', 'earliest', 'due', 'dueAt', 'overdue', 'why']);
    }
    const kinds = new Set(plan.steps.map((s) => s.kind));
    for (const kind of ['thank_you', 'status_check', 'offer_update', 'final_thanks', 'connect', 'references_heads_up', 'debrief', 'reflect']) {
      expect(kinds).toContain(kind);
    }
    expect(plan.steps.some((s) => s.overdue)).toBe(true);
    expect(plan.steps.some((s) => s.due === today)).toBe(true);
    expect(plan.steps.some((s) => s.due > today)).toBe(true);
    expect(plan.warnings.map((w) => w.kind)).toContain('late_thank_you');
    // Same facts, same ids: a second run and a fresh database with the same document agree.
    const raw = await tactful(['--db', db, 'plan', '--json', '--as-of', today]);
    expect(raw.stdout).toBe(`${JSON.stringify(plan, null, 2)}\n`);
    const copy = join(dir, 'copy.db');
    const file = writeJson(dir, 'demo.json', await exportJson(db));
    expect((await tactful(['--db', copy, 'import', file])).code).toBe(0);
    expect(await planJson(copy, today)).toEqual(plan);
  });

  it('shows the agenda: warnings, overdue, today and the next 7 days', async () => {
    const result = await tactful(['--db', db, 'today', '--as-of', today]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.indexOf('late thank-you')).toBeGreaterThan(0);
    expect(out.indexOf('late thank-you')).toBeLessThan(out.indexOf('Overdue ('));
    expect(out.indexOf('Overdue (')).toBeLessThan(out.indexOf('Today ('));
    expect(out.indexOf('Today (')).toBeLessThan(out.indexOf('Next 7 days ('));
    expect(out).toContain('Send a thank-you note');
    expect(out).toContain('Northwind Analytics · Senior Data Analyst');
    expect(out).toContain('to Priya Raman · e-mail');
    expect(out).toContain('id northwind:thank_you:northwind-r2:priya');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(out).not.toContain('\u001b');
  });

  it('log, done, skip and snooze change the plan', async () => {
    const before = await planJson(db);
    const ids = new Set(before.steps.map((s) => s.id));
    expect(ids).toContain('bluefin:status_check:bluefin-r1:1');

    const logged = await tactful(['--db', db, 'log', '--application', 'bluefin', '--kind', 'status_check', '--to', 'daniel', '--summary', 'Asked for news']);
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/^Logged outbound status_check x\d+ on bluefin\./);
    const afterLog = await planJson(db);
    expect(afterLog.steps.map((s) => s.id)).not.toContain('bluefin:status_check:bluefin-r1:1');
    expect(afterLog.steps.map((s) => s.id)).toContain('bluefin:status_check:bluefin-r1:2');

    const done = await tactful(['--db', db, 'done', 'northwind:thank_you:northwind-r2:priya']);
    expect(done.code).toBe(0);
    const skip = await tactful(['--db', db, 'skip', 'kestrel:debrief:kestrel-r1']);
    expect(skip.code).toBe(0);
    const snooze = await tactful(['--db', db, 'snooze', 'quillstone:connect:quillstone-x2:lucia', '--until', '2099-01-05']);
    expect(snooze.code).toBe(0);
    expect(snooze.stdout).toContain('Snoozed until 2099-01-05');

    const after = await planJson(db);
    const byId = new Map(after.steps.map((s) => [s.id, s]));
    expect(byId.has('northwind:thank_you:northwind-r2:priya')).toBe(false);
    expect(byId.has('northwind:thank_you:northwind-r2:sofia')).toBe(true);
    expect(byId.has('kestrel:debrief:kestrel-r1')).toBe(false);
    expect(byId.get('quillstone:connect:quillstone-x2:lucia')?.due).toBe('2099-01-05');

    const events = (JSON.parse(await exportJson(db)) as TactfulDocument).stepEvents;
    expect(events.map((e) => [e.stepId, e.action])).toEqual(
      expect.arrayContaining([
        ['northwind:thank_you:northwind-r2:priya', 'done'],
        ['kestrel:debrief:kestrel-r1', 'skip'],
        ['quillstone:connect:quillstone-x2:lucia', 'snooze'],
      ]),
    );
  });

  it('round-trips export → import → export identically, and exports CSV', async () => {
    const exported = await exportJson(db);
    const file = writeJson(dir, 'export.json', exported);
    const fresh = join(dir, 'fresh.db');
    const imported = await tactful(['--db', fresh, 'import', file]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 11 contacts, 6 applications, 7 interviews, 13 interactions, 3 step events from /);
    expect(imported.stdout, imported.stdout).toMatch(/: [1-9]\d* new, 0 updated, 0 unchanged\.\n$/);
    expect(await exportJson(fresh)).toBe(exported);
    // The same file again changes nothing.
    const again = await tactful(['--db', fresh, 'import', file]);
    expect(again.stdout).toMatch(/: 0 new, 0 updated, [1-9]\d* unchanged\.\n$/);
    expect(await exportJson(fresh)).toBe(exported);

    const csv = await tactful(['--db', fresh, 'export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^application,organization,role,/);
    expect(csv.stdout).toContain('Northwind Analytics');
  });

  it('backs up to a file that opens as the same data', async () => {
    const copy = join(dir, 'backup.db');
    const result = await tactful(['--db', db, 'backup', copy]);
    expect(result.code).toBe(0);
    expect(await exportJson(copy)).toBe(await exportJson(db));
  });
});

describe('add by flags', () => {
  it('adds a contact, an application and interviews, numbering rounds', async () => {
    const db = join(tempDir(), 'add.db');
    const contact = await tactful(['--db', db, 'add', 'contact', '--name', 'Ana Souza', '--email', 'ana@fjord.example', '--title', 'CTO', '--organization', 'Fjord Systems']);
    expect(contact).toMatchObject({ code: 0, stdout: 'Saved contact c1 (Ana Souza).\n' });
    const ref = await tactful(['--db', db, 'add', 'contact', '--id', 'ref-kim', '--name', 'Kim Lee', '--phone', '+1 555 0100', '--reference']);
    expect(ref.stdout).toBe('Saved contact ref-kim (Kim Lee).\n');
    const application = await tactful([
      '--db', db, 'add', 'application', '--organization', 'Fjord Systems', '--role', 'Data Analyst', '--source', 'employer',
      '--region', 'GB-ENG', '--created-on', '2026-11-02', '--references', 'ref-kim', '--pros', 'remote', 'small team', '--cons', 'pay',
    ]);
    expect(application).toMatchObject({ code: 0, stdout: 'Saved application a1 (Fjord Systems · Data Analyst).\n' });
    const first = await tactful([
      '--db', db, 'add', 'interview', '--application', 'a1', '--start', '2026-11-20T10:00', '--timezone', 'Europe/London',
      '--interviewers', 'c1', '--decision-by', '2026-11-27', '--chance', 'high', '--key-points', 'dbt migration', '--duration', '45',
    ]);
    expect(first).toMatchObject({ code: 0, stdout: 'Saved interview i1 (round 1 of a1).\n' });
    const second = await tactful(['--db', db, 'add', 'interview', '--application', 'a1', '--start', '2026-12-01T15:00', '--final']);
    expect(second.stdout).toBe('Saved interview i2 (round 2 of a1).\n');
    // Without --created-on the application is dated today (search health counts it as new).
    expect((await tactful(['--db', db, 'add', 'application', '--organization', 'Oak', '--role', 'Analyst', '--source', 'recruiter'])).code).toBe(0);

    const doc = JSON.parse((await tactful(['--db', db, 'export'])).stdout) as TactfulDocument;
    expect(doc.contacts.find((c) => c.id === 'ref-kim')).toMatchObject({ isReference: true, phone: '+1 555 0100' });
    const app = doc.applications[0]!;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: doc.settings.timezone }).format(Date.now());
    expect(doc.applications[1]).toMatchObject({ organization: 'Oak', createdOn: today });
    expect(app).toMatchObject({ region: 'GB-ENG', createdOn: '2026-11-02', references: ['ref-kim'], prosCons: { pros: ['remote', 'small team'], cons: ['pay'], strengths: [] } });
    expect(app.interviews[0]).toMatchObject({ round: 1, timezone: 'Europe/London', durationMinutes: 45, interviewers: ['c1'], decisionExpectedBy: '2026-11-27', chance: 'high', notes: { keyPoints: ['dbt migration'], forgot: [], promises: [] } });
    expect(app.interviews[1]).toMatchObject({ round: 2, final: true, durationMinutes: 60 });

    const plan = await planJson(db, '2026-11-21');
    expect(plan.steps.map((s) => s.id)).toContain('a1:thank_you:i1:c1');
  });

  it('names a missing required flag in one line when not interactive', async () => {
    const db = join(tempDir(), 'missing.db');
    expect(oneLineError(await tactful(['--db', db, 'add', 'contact']))).toBe('tactful: missing required flag --name (Name)');
    expect(oneLineError(await tactful(['--db', db, 'add', 'application', '--organization', 'X']))).toBe('tactful: missing required flag --role (Role)');
    expect(oneLineError(await tactful(['--db', db, 'add', 'application', '--organization', 'X', '--role', 'Y']))).toMatch(/--source/);
    expect(oneLineError(await tactful(['--db', db, 'add', 'interview', '--application', 'a1']))).toMatch(/--start/);
    expect(oneLineError(await tactful(['--db', db, 'log', '--kind', 'reply']))).toMatch(/--application/);
    expect(existsSync(db)).toBe(false);
  });
});

describe('tactful demo: the sample beside the seeker’s data, never in it', () => {
  it('loads, is seen with --sample, and leaves; the seeker’s export, settings and plan stay byte-identical', async () => {
    const dir = tempDir();
    const db = join(dir, 'mine.db');
    const sampleFile = join(dir, 'mine.sample.db');
    // The seeker's own search: their zone, region, signature and a reference who could be told.
    const own = {
      format: 'tactful/v1',
      settings: { timezone: 'Europe/London', region: 'GB-ENG', preset: 'gentle', signature: 'Sam Seeker' },
      contacts: [
        { id: 'c1', name: 'Dana Reyes', organization: 'Acme', email: 'dana@acme.example' },
        { id: 'r1', name: 'Robin Reference', email: 'robin@ref.example', isReference: true },
      ],
      applications: [
        {
          id: 'a1',
          organization: 'Acme',
          role: 'Engineer',
          source: 'employer',
          references: ['r1'],
          interviews: [{ id: 'i1', round: 1, start: '2026-11-30T10:00', interviewers: ['c1'], final: true, chance: 'high' }],
        },
      ],
    };
    expect((await tactful(['--db', db, 'import', writeJson(dir, 'own.json', own)])).code).toBe(0);
    const exported = await exportJson(db);
    const plan = (await tactful(['--db', db, 'plan', '--json', '--as-of', '2026-12-01'])).stdout;

    const demo = await tactful(['--db', db, 'demo']);
    expect(demo).toMatchObject({ code: 0, stderr: '' });
    expect(demo.stdout).toBe(
      [
        `Loaded the sample into ${sampleFile}: 11 contacts, 6 applications, 7 interviews, 11 interactions, 0 step events.`,
        'Your own data and settings are unchanged.',
        `Look at it with --sample on any command: tactful --db ${db} today --sample`,
        `In the web app (tactful --db ${db} serve) it shows under a "Sample data" band until you leave it.`,
        `Remove it with: tactful --db ${db} demo --leave`,
        '',
      ].join('\n'),
    );
    expect(existsSync(sampleFile)).toBe(true);
    expect(await exportJson(db)).toBe(exported);
    expect((await tactful(['--db', db, 'plan', '--json', '--as-of', '2026-12-01'])).stdout).toBe(plan);
    // No sample person is ever in the seeker's plan (the sample's references stay the sample's).
    const ownPlan = JSON.parse(plan) as Plan;
    expect(ownPlan.steps.flatMap((s) => s.to).sort()).toEqual(expect.arrayContaining(['r1']));
    for (const id of ['amara', 'james', 'priya', 'daniel']) expect(plan).not.toContain(`"${id}"`);

    const sampleToday = await tactful(['--db', db, '--sample', 'today']);
    expect(sampleToday.code).toBe(0);
    expect(sampleToday.stdout).toContain('America/New_York');
    expect(sampleToday.stdout).toContain('Northwind Analytics');
    expect((await tactful(['--db', db, 'today'])).stdout).not.toContain('Northwind');
    expect((await tactful(['--db', db, '--sample', 'add', 'contact', '--name', 'Played With'])).code).toBe(0);
    expect(await exportJson(db)).toBe(exported);
    // Mail never leaves the sample.
    expect(oneLineError(await tactful(['--db', db, '--sample', 'smtp', 'show']))).toBe(
      'tactful: --sample cannot be used with `tactful smtp`: mail is never sent from the sample data',
    );
    // A second `demo` is a fresh sample: what was played with is gone.
    expect((await tactful(['--db', db, 'demo'])).code).toBe(0);
    expect((await tactful(['--db', db, '--sample', 'export'])).stdout).not.toContain('Played With');

    expect(await tactful(['--db', db, 'demo', '--leave'])).toMatchObject({
      code: 0,
      stdout: `Removed the sample data (${sampleFile}). Your own data is unchanged.\n`,
    });
    expect(existsSync(sampleFile)).toBe(false);
    expect(existsSync(`${sampleFile}-wal`)).toBe(false);
    expect(await exportJson(db)).toBe(exported);
    expect((await tactful(['--db', db, 'plan', '--json', '--as-of', '2026-12-01'])).stdout).toBe(plan);
    expect(oneLineError(await tactful(['--db', db, '--sample', 'today']))).toBe(
      `tactful: there is no sample data (${sampleFile}): load it with \`tactful demo\``,
    );
    expect(await tactful(['--db', db, 'demo', '--leave'])).toMatchObject({
      code: 0,
      stdout: `There is no sample data to remove (${sampleFile}).\n`,
    });
  }, 300_000);
});

describe('help, version and startup', () => {
  it('prints help for every command without opening the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'never.db');
    const commands = [[], ['today'], ['plan'], ['add'], ['add', 'contact'], ['add', 'application'], ['add', 'interview'], ['log'], ['done'], ['skip'], ['snooze'], ['import'], ['export'], ['demo'], ['backup']];
    const results = await Promise.all(commands.map((c) => tactful(['--db', db, ...c, '--help'])));
    results.forEach((result, i) => {
      expect(result.code, commands[i]!.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: tactful/);
      expect(result.stderr).toBe('');
    });
    expect(existsSync(db)).toBe(false);
    const bare = await tactful([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Commands:');
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await tactful(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('uses TACTFUL_DB, then the XDG data dir, creating it on first use; the sample goes beside it', async () => {
    const dir = tempDir();
    expect((await tactful(['today'], { env: { TACTFUL_DB: join(dir, 'env.db') } })).code).toBe(0);
    expect(existsSync(join(dir, 'env.db'))).toBe(true);
    expect((await tactful(['demo'], { env: { TACTFUL_DB: join(dir, 'env.db') } })).code).toBe(0);
    expect(existsSync(join(dir, 'env.sample.db'))).toBe(true);
    // `demo` alone never creates the seeker's own file.
    expect((await tactful(['demo'], { env: { XDG_DATA_HOME: join(dir, 'xdg') } })).code).toBe(0);
    expect(existsSync(join(dir, 'xdg', 'tactful', 'tactful.sample.db'))).toBe(true);
    expect(existsSync(join(dir, 'xdg', 'tactful', 'tactful.db'))).toBe(false);
    expect((await tactful(['today'], { env: { HOME: join(dir, 'home') } })).code).toBe(0);
    expect(existsSync(join(dir, 'home', '.local', 'share', 'tactful', 'tactful.db'))).toBe(true);
  });

  it('makes a read-only database a one-line error and leaves it unchanged', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const db = join(dir, 'ro.db');
    expect((await importSampleAsOwn(db)).code).toBe(0);
    const before = readFileSync(db);
    chmodSync(db, 0o444);
    const result = await tactful(['--db', db, 'add', 'contact', '--name', 'Ana'], { unprivileged: true });
    expect(oneLineError(result)).toBe(`tactful: ${db} is read-only`);
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});
