// `tactful draft` and `tactful check`, run in-process through the real CLI wiring (SQLite in a
// temp dir, the real policy engine and holidays) on the demo data at several dates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadConfig } from '../../src/config/config.js';
import { addDays } from '../../src/core/calendar.js';
import type { Draft } from '../../src/core/drafts/index.js';
import type { Plan } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { cachedHolidays } from '../../src/main/holiday-cache.js';
import { openServices, sampleCommands } from '../../src/main/services.js';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // Monday; the demo is dated relative to it
let dir: string;

async function tactful(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // The demo data is the sample, beside the (empty) seeker's database: every command looks at it.
  const code = await runCli(['--db', join(dir, 'tactful.db'), '--sample', ...argv], {
    version: 'test',
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
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
    openServices: (config, options) => openServices(config, { now: () => NOW }, options),
    sampleCommands: async (config) => sampleCommands(config, { now: () => NOW }),
    readTextFile: (path) => readFile(path, 'utf8'),
  });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tactful-drafts-cli-'));
  // main/ loads the holiday adapter with require() on a cache miss, which only works from the
  // build; running from source, fill its cache file with the real date-holidays sets first.
  const cache = cachedHolidays(join(dir, 'cache', 'tactful', 'holidays.json'), dateHolidays);
  for (const region of ['US', 'GB-ENG', 'IE', 'DE-BY', 'CA-ON']) {
    for (let year = 2025; year <= 2028; year += 1) cache.lookup(region, year);
  }
  cache.save();
  const demo = await tactful('demo');
  expect(demo.code, demo.err).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tactful draft on the demo data', () => {
  it('every outbound step of the plan, over four months, drafts with no error finding', async () => {
    const kinds = new Set<string>();
    let drafted = 0;
    for (const days of [0, 4, 10, 21, 35, 50, 70, 95, 120]) {
      const asOf = addDays('2026-11-23', days);
      const plan = JSON.parse((await tactful('plan', '--json', '--as-of', asOf)).out) as Plan;
      for (const step of plan.steps.filter((s) => s.channel !== null)) {
        const run = await tactful('draft', step.id, '--json', '--as-of', asOf);
        expect(run.code, run.err).toBe(0);
        const draft = JSON.parse(run.out) as Draft;
        expect(Object.keys(draft)).toEqual([
          'kind',
          'channel',
          'to',
          'subject',
          'body',
          'findings',
          'variant',
          'edited',
        ]);
        expect(
          draft.findings.filter((f) => f.severity === 'error'),
          `${step.id}\n${draft.body}`,
        ).toEqual([]);
        expect(draft.to.map((r) => r.id)).toEqual(step.to);
        kinds.add(`${step.kind}.${step.channel}`);
        drafted += 1;
      }
    }
    expect(drafted).toBeGreaterThan(20);
    // The demo exercises most kinds; the rest are covered by render.test.ts.
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  });

  it('text: a header, the message and the checker verdict', async () => {
    const run = await tactful(
      'draft',
      'northwind:thank_you:northwind-r2:priya',
      '--as-of',
      '2026-11-23',
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^Send a thank-you note — email\nTo: Priya Raman <priya\.raman@northwind-analytics\.example>\nSubject: Thank you — Senior Data Analyst interview\n\nHi Priya,\n/,
    );
    expect(run.out).toContain(
      'As promised, here is my portfolio link: https://portfolio.example.com/jordan-alvarez',
    );
    expect(run.out.trimEnd().endsWith('Checker: no problems found.')).toBe(true);
    const formal = await tactful(
      'draft',
      'northwind:thank_you:northwind-r2:priya',
      '--as-of',
      '2026-11-23',
      '--formal',
    );
    expect(formal.out).toContain('\nDear Priya Raman,\n');
  });

  it('--format eml is a message mailparser reads back', async () => {
    const run = await tactful(
      'draft',
      'northwind:thank_you:northwind-r2:priya',
      '--format',
      'eml',
      '--as-of',
      '2026-11-23',
    );
    expect(run.code).toBe(0);
    const mail = await simpleParser(run.out);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { name: 'Priya Raman', address: 'priya.raman@northwind-analytics.example' },
    ]);
    expect(mail.from?.value).toEqual([
      { name: 'Jordan Alvarez', address: 'jordan.alvarez@example.com' },
    ]);
    expect(mail.subject).toBe('Thank you — Senior Data Analyst interview');
    expect(mail.messageId).toBe('<northwind.thank_you.northwind-r2.priya@tactful.invalid>');
    expect(mail.text).toContain('Hi Priya,');
  });

  it('--format mailto prints one link', async () => {
    const run = await tactful(
      'draft',
      'northwind:thank_you:northwind-r2:priya',
      '--format',
      'mailto',
      '--as-of',
      '2026-11-23',
    );
    expect(run.out).toMatch(
      /^mailto:priya\.raman@northwind-analytics\.example\?subject=Thank%20you%20%E2%80%94%20Senior%20Data%20Analyst%20interview&body=Hi%20Priya%2C%0D%0A%0D%0A[^\s]+\n$/,
    );
  });

  it('user errors exit 1 with one line', async () => {
    for (const argv of [
      ['draft', 'nope:thank_you:x'],
      ['draft', 'kestrel:debrief:kestrel-r1', '--as-of', '2026-11-23'],
      [
        'draft',
        'quillstone:connect:quillstone-x2:lucia',
        '--format',
        'eml',
        '--as-of',
        '2026-11-23',
      ],
      ['draft', 'northwind:thank_you:northwind-r2:priya', '--locale', '../../etc'],
      ['draft', 'northwind:thank_you:northwind-r2:priya', '--format', 'pdf'],
    ]) {
      const run = await tactful(...argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.err).toMatch(/^tactful: [^\n]+\n$/);
    }
  });

  it('a template in templates/en beside the database overrides the built-in one', async () => {
    const folder = join(dir, 'templates', 'en');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(
      join(folder, 'connect.linkedin.mustache'),
      '{{greeting}} great to meet you. {{seekerName}}',
    );
    const run = await tactful(
      'draft',
      'quillstone:connect:quillstone-x2:lucia',
      '--as-of',
      '2026-11-23',
    );
    await rm(join(dir, 'templates'), { recursive: true });
    expect(run.out).toContain('\nHi Lucía, great to meet you. Jordan Alvarez\n');
  });
});

describe('tactful check', () => {
  it('flags the mistakes in a hand-written message, with positions', async () => {
    const file = join(dir, 'message.txt');
    await writeFile(
      file,
      'Subject: Did I get the job?\n\nHi Daniel,\n\nI need an answer by Friday, otherwise I will accept another offer.\nI sent some muffins to the Helio Renewables team. Regards, {{name}}\n',
    );
    const run = await tactful('check', file, '--application', 'northwind', '--to', 'priya');
    // SPEC §5: 3 when a finding is an error (1 stays the user-error code).
    expect(run.code).toBe(3);
    const lines = run.out.trimEnd().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'error subject outcome_question',
      'error line 1, col 4 greeting_mismatch',
      'error line 3, col 1 pushy_wording',
      'error line 3, col 29 pushy_wording',
      'error line 4, col 13 gift',
      'error line 4, col 28 wrong_organization',
      'error line 4, col 60 unfilled_placeholder',
      '7 error(s), 0 other finding(s).',
    ]);
  });

  it('a BOM and CRLF line endings are read as an editor meant them', async () => {
    const file = join(dir, 'windows.txt');
    await writeFile(
      file,
      '\uFEFFSubject: Following up\r\n\r\nHi Priya,\r\n\r\nWhere does the process stand?\r\n\r\nJordan\r\n',
    );
    const run = await tactful(
      'check',
      file,
      '--application',
      'northwind',
      '--to',
      'priya',
      '--json',
    );
    expect(JSON.parse(run.out)).toEqual({
      application: 'northwind',
      subject: 'Following up',
      findings: [],
    });
  });

  it('--json, and a clean message has no findings', async () => {
    const file = join(dir, 'clean.txt');
    await writeFile(
      file,
      'Hi Priya,\n\nCould you let me know where the process stands?\n\nJordan\njordan.alvarez@example.com\n',
    );
    const run = await tactful(
      'check',
      file,
      '--application',
      'northwind',
      '--to',
      'priya',
      '--kind',
      'status_check',
      '--json',
    );
    expect(JSON.parse(run.out)).toEqual({ application: 'northwind', subject: null, findings: [] });
  });

  it('an unknown application, a missing file or a missing flag is a one-line user error', async () => {
    const file = join(dir, 'clean.txt');
    for (const argv of [
      ['check', file, '--application', 'zz'],
      ['check', join(dir, 'missing.txt'), '--application', 'northwind'],
      ['check', file],
    ]) {
      const run = await tactful(...argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.err).toMatch(/^tactful: [^\n]+\n$/);
    }
  });
});

describe('tactful add interview --note-for', () => {
  it('stores key points per interviewer, and each thank-you quotes its own', async () => {
    const add = await tactful(
      'add',
      'interview',
      '--application',
      'northwind',
      '--round',
      '9',
      '--start',
      '2027-01-12T10:00',
      '--interviewers',
      'priya',
      'sofia',
      '--note-for',
      'priya=Peak season staffing.',
      'sofia=How the team runs incident reviews',
      '--note-for',
      'sofia=the SQL on-call runbooks',
    );
    expect(add.code, add.err).toBe(0);
    const id = /Saved interview (\S+)/.exec(add.out)![1]!;
    const exported = JSON.parse((await tactful('export')).out);
    const round = exported.applications
      .find((a: { id: string }) => a.id === 'northwind')
      .interviews.find((i: { id: string }) => i.id === id);
    expect(round.notes.byInterviewer).toEqual([
      { contact: 'priya', keyPoints: ['Peak season staffing.'] },
      {
        contact: 'sofia',
        keyPoints: ['How the team runs incident reviews', 'the SQL on-call runbooks'],
      },
    ]);
    const draft = async (to: string) => {
      const run = await tactful(
        'draft',
        `northwind:thank_you:${id}:${to}`,
        '--as-of',
        '2027-01-13',
      );
      expect(run.code, run.err).toBe(0);
      return run.out;
    };
    expect(await draft('priya')).toContain('especially discussing peak season staffing.');
    expect(await draft('sofia')).toContain(
      'how the team runs incident reviews and the SQL on-call runbooks.',
    );
  });

  it('refuses a malformed value or a contact that is not stored, in one line', async () => {
    const base = ['add', 'interview', '--application', 'northwind', '--start', '2027-02-01T10:00'];
    const malformed = await tactful(...base, '--note-for', 'priya');
    expect(malformed.code).toBe(1);
    expect(malformed.err).toMatch(/^tactful: --note-for takes CONTACT=TEXT[^\n]*\n$/);
    const ghost = await tactful(...base, '--note-for', 'ghost=the roadmap');
    expect(ghost.code).toBe(1);
    expect(ghost.err).toMatch(/no contact with id "ghost"/);
    expect(ghost.err).toMatch(/^tactful: [^\n]+\n$/);
  });
});
