// Issue 8 §5–§6 through the built binary: messages that name the flag and say what is wrong,
// snooze and duplicate rules, backup, `check` exit codes, settings/list/show, `npm start`
// signals and the interactive `add interview`.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TactfulDocument } from '../../src/core/types.js';
import { BIN, ensureBuilt, oneLineError, ROOT, tactful, tempDir, writeJson } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

/** A date `days` from today (UTC), for facts the real clock must see as past or future. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Acme (US employer, seeker in UTC), round 1 two days ago with Ana: thank-you and reflect open. */
async function seeded(): Promise<string> {
  const dir = tempDir();
  const db = join(dir, 'tactful.db');
  const file = writeJson(dir, 'doc.json', {
    format: 'tactful/v1',
    settings: { timezone: 'UTC', region: 'US' },
    contacts: [{ id: 'c1', name: 'Ana Lopez', email: 'ana@acme.example' }],
    applications: [
      {
        id: 'a1',
        organization: 'Acme',
        role: 'Dev',
        source: 'employer',
        interviews: [
          { id: 'i1', round: 1, start: `${daysFromToday(-2)}T10:00`, interviewers: ['c1'] },
        ],
      },
    ],
  });
  expect((await tactful(['--db', db, 'import', file])).code).toBe(0);
  return db;
}

async function exported(db: string): Promise<TactfulDocument> {
  return JSON.parse((await tactful(['--db', db, 'export'])).stdout) as TactfulDocument;
}

describe('messages name the flag and say what is wrong', () => {
  it('dates that do not exist, a space between date and time, no internal paths', async () => {
    const db = await seeded();
    const before = await exported(db);
    const cases: [string[], string][] = [
      [
        ['snooze', 'a1:reflect:i1', '--until', '2026-02-30'],
        'tactful: --until: 2026-02-30 is not a date: February 2026 has 28 days',
      ],
      [
        ['today', '--as-of', '2026-13-01'],
        'tactful: --as-of: 2026-13-01 is not a date: there is no month 13',
      ],
      [
        ['add', 'interview', '--application', 'a1', '--start', '2027-02-29 10:00'],
        'tactful: --start: 2027-02-29 is not a date: February 2027 has 28 days',
      ],
      [
        ['add', 'interview', '--application', 'a1', '--start', 'tomorrow'],
        'tactful: --start must be a date and time YYYY-MM-DD HH:mm, e.g. 2026-12-24 14:00 (got "tomorrow")',
      ],
      [
        ['log', '--application', 'a1', '--kind', 'reply', '--to', 'c9'],
        'tactful: --to: no contact with id "c9"',
      ],
      [
        ['log', '--application', 'zz', '--kind', 'reply'],
        'tactful: --application: no application with id "zz"',
      ],
      [
        [
          'add',
          'interview',
          '--application',
          'a1',
          '--start',
          '2026-12-08T10:00',
          '--interviewers',
          'c1',
          'c7',
        ],
        'tactful: --interviewers: no contact with id "c7"',
      ],
      [['snooze', 'a1:nope'], 'tactful: no open step with id "a1:nope"'],
      [
        ['add', 'contact', '--name', 'Bob', '--email', 'notanemail'],
        'tactful: --email: "notanemail" is not an e-mail address',
      ],
      [
        ['add', 'contact', '--name', 'Ana L.', '--email', 'ANA@acme.example'],
        'tactful: c1 Ana Lopez already has ana@acme.example; update it with `tactful edit contact c1`',
      ],
      [
        ['add', 'interview', '--application', 'a1', '--round', '1', '--start', '2026-12-08T10:00'],
        expect.stringMatching(
          /^tactful: --round: Acme already has a round 1 \(i1, \w{3} \d+ \w{3} at 10:00\)$/,
        ) as unknown as string,
      ],
    ];
    for (const [args, message] of cases) {
      const line = oneLineError(await tactful(['--db', db, ...args]));
      expect(line, args.join(' ')).toEqual(message);
      expect(line).not.toMatch(/stepId|contacts\[|interviewers\[/);
    }
    expect(await exported(db)).toEqual(before);

    // A space is accepted and stored as the document writes it; the same time again is refused.
    const added = await tactful([
      '--db',
      db,
      'add',
      'interview',
      '--application',
      'a1',
      '--start',
      '2026-12-08 14:00',
    ]);
    expect(added).toMatchObject({
      code: 0,
      stdout: 'Saved interview i2 (round 2 of a1). (undo: tactful undo)\n',
    });
    expect(
      oneLineError(
        await tactful([
          '--db',
          db,
          'add',
          'interview',
          '--application',
          'a1',
          '--start',
          '2026-12-08 14:00',
        ]),
      ),
    ).toBe('tactful: --start: Acme already has an interview at 2026-12-08 14:00 (round 2, i2)');
    expect((await exported(db)).applications[0]!.interviews.map((v) => v.start)).toEqual([
      `${daysFromToday(-2)}T10:00`,
      '2026-12-08T14:00',
    ]);
  }, 120_000);

  it('log --at takes a date, a local date and time in your zone, or an instant', async () => {
    const db = await seeded();
    expect(
      (await tactful(['--db', db, 'settings', 'set', '--timezone', 'America/New_York'])).code,
    ).toBe(0);
    const log = (at: string) =>
      tactful(['--db', db, 'log', '--application', 'a1', '--kind', 'update', '--at', at]);
    expect((await log('2026-11-30 09:30')).code).toBe(0);
    expect((await log('2026-11-27')).code).toBe(0);
    expect((await log('2026-11-25T09:00:00+01:00')).code).toBe(0);
    expect(oneLineError(await log('2026-11-31'))).toBe(
      'tactful: --at: 2026-11-31 is not a date: November 2026 has 30 days',
    );
    // 09:30 in New York is 14:30Z; a past date alone is its noon (17:00Z).
    expect((await exported(db)).applications[0]!.interactions.map((x) => x.at)).toEqual([
      '2026-11-25T08:00:00Z',
      '2026-11-27T17:00:00Z',
      '2026-11-30T14:30:00Z',
    ]);
  }, 60_000);

  it('snooze refuses a date not after the due date and reports the date it stored', async () => {
    const db = await seeded();
    const past = oneLineError(
      await tactful(['--db', db, 'snooze', 'a1:reflect:i1', '--until', '2025-01-01']),
    );
    expect(past).toMatch(
      /^tactful: --until must be after (the step's due date|today), \w{3} \d+ \w{3}$/,
    );
    const ok = await tactful(['--db', db, 'snooze', 'a1:reflect:i1']);
    expect(ok.code).toBe(0);
    const { stepEvents } = await exported(db);
    expect(ok.stdout).toBe(
      `Snoozed until ${stepEvents[0]!.until}: a1:reflect:i1 (undo: tactful undo)\n`,
    );
    expect(stepEvents[0]!.until! > daysFromToday(0)).toBe(true);
  }, 60_000);
});

describe('backup', () => {
  it('refuses a missing folder, asks before replacing (refuses without a terminal), --force replaces', async () => {
    const db = await seeded();
    const dir = tempDir();
    const nested = join(dir, 'no', 'such', 'x.db');
    expect(oneLineError(await tactful(['--db', db, 'backup', nested]))).toBe(
      `tactful: the folder ${dirname(nested)} does not exist`,
    );
    expect(existsSync(join(dir, 'no'))).toBe(false);

    const file = join(dir, 'x.db');
    writeFileSync(file, 'an older backup');
    expect(oneLineError(await tactful(['--db', db, 'backup', file]))).toBe(
      `tactful: ${file} already exists; add --force to replace it`,
    );
    expect(readFileSync(file, 'utf8')).toBe('an older backup');
    expect(await tactful(['--db', db, 'backup', file, '--force'])).toMatchObject({
      code: 0,
      stdout: `Backed up to ${file}.\n`,
    });
    expect(statSync(file).size).toBeGreaterThan(4096);
    expect((await exported(file)).contacts.map((c) => c.id)).toEqual(['c1']);
  }, 60_000);
});

describe('check exit codes', () => {
  it('3 when a finding is an error, 0 when none is, 1 for a user error', async () => {
    const db = await seeded();
    const dir = tempDir();
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'Hi Ana,\n\nDid I get the job?\n\nJordan\n');
    const good = join(dir, 'good.txt');
    writeFileSync(
      good,
      'Hi Ana,\n\nThank you for your time on the call. I enjoyed hearing about the team.\n\nJordan\n',
    );
    const flagged = await tactful(['--db', db, 'check', bad, '--application', 'a1', '--to', 'c1']);
    expect(flagged.code).toBe(3);
    expect(flagged.stdout).toMatch(/^error /m);
    expect((await tactful(['--db', db, 'check', bad, '--application', 'a1', '--json'])).code).toBe(
      3,
    );
    const clean = await tactful(['--db', db, 'check', good, '--application', 'a1', '--to', 'c1']);
    expect(clean.stdout).not.toMatch(/^error /m);
    expect(clean.code).toBe(0);
    expect(
      (await tactful(['--db', db, 'check', join(dir, 'missing.txt'), '--application', 'a1'])).code,
    ).toBe(1);
  }, 60_000);
});

describe('settings, list and show', () => {
  it('shows and sets settings, naming a bad zone or region with a suggestion', async () => {
    const db = await seeded();
    expect(oneLineError(await tactful(['--db', db, 'settings', 'set', '--region', 'UK']))).toBe(
      'tactful: --region: "UK" is not a holiday region: did you mean GB-ENG?',
    );
    expect(
      oneLineError(await tactful(['--db', db, 'settings', 'set', '--timezone', 'london'])),
    ).toBe('tactful: --timezone: "london" is not a time zone: did you mean Europe/London?');
    expect(oneLineError(await tactful(['--db', db, 'settings', 'set', '--preset', 'pushy']))).toBe(
      'tactful: --preset must be one of gentle, standard, persistent',
    );
    expect(oneLineError(await tactful(['--db', db, 'settings', 'set']))).toMatch(
      /^tactful: settings set what\?/,
    );
    expect(
      oneLineError(await tactful(['--db', db, 'settings', 'set', '--email', 'jordan at home'])),
    ).toBe('tactful: --email: "jordan at home" is not an e-mail address (e.g. you@example.com)');
    const set = await tactful([
      '--db',
      db,
      'settings',
      'set',
      '--region',
      'GB-ENG',
      '--timezone',
      'Europe/London',
      '--active-target',
      '8',
      '--signature',
      'Jordan\\n+44 20 7946 0000',
      '--email',
      'Jordan@Example.com',
    ]);
    expect(set.code).toBe(0);
    const shown = await tactful(['--db', db, 'settings']);
    expect(shown.stdout).toContain(
      'time zone        Europe/London\nholiday region   GB-ENG\nfollow-up pace   standard\nactive target    8 applications\nsignature        Jordan\n                 +44 20 7946 0000\nyour e-mail      Jordan@Example.com\n',
    );
    expect((await exported(db)).settings).toMatchObject({
      region: 'GB-ENG',
      timezone: 'Europe/London',
      activeTarget: 8,
      signature: 'Jordan\n+44 20 7946 0000',
      email: 'Jordan@Example.com',
    });
    expect((await tactful(['--db', db, 'settings', 'set', '--email', ''])).code).toBe(0);
    expect((await exported(db)).settings.email).toBeNull();
  }, 60_000);

  it('lists in 80 columns (or JSON) and shows any record by id', async () => {
    const db = await seeded();
    await tactful([
      '--db',
      db,
      'add',
      'contact',
      '--name',
      'Bartholomew Featherstonehaugh-Smythe',
      '--organization',
      'A Very Long Organisation Name Limited',
      '--email',
      'bartholomew.featherstonehaugh@averylongorganisation.example',
    ]);
    for (const what of ['applications', 'contacts', 'steps']) {
      const listed = await tactful(['--db', db, 'list', what]);
      expect(listed.code, what).toBe(0);
      for (const line of listed.stdout.trimEnd().split('\n'))
        expect(line.length, `${what}: ${line}`).toBeLessThanOrEqual(80);
    }
    const contacts = (await tactful(['--db', db, 'list', 'contacts'])).stdout.split('\n');
    expect(contacts[0]).toMatch(/^ID\s+NAME\s+ORGANISATION\s+E-MAIL$/);
    expect(contacts[1]).toMatch(/^c1\s+Ana Lopez\s+ana@acme\.example$/);
    const steps = (await tactful(['--db', db, 'list', 'steps'])).stdout;
    expect(steps).toContain('a1:thank_you:i1:c1');
    expect(
      JSON.parse((await tactful(['--db', db, 'list', 'applications', '--json'])).stdout),
    ).toEqual([expect.objectContaining({ id: 'a1', organization: 'Acme', status: 'active' })]);
    expect(oneLineError(await tactful(['--db', db, 'list', 'things']))).toBe(
      'tactful: list what? applications, contacts, steps (got "things")',
    );

    const app = (await tactful(['--db', db, 'show', 'a1'])).stdout;
    expect(app).toMatch(/^Application a1: Acme · Dev\n/);
    expect(app).toContain('Interviews:\n  round 1, ');
    expect(app).toContain('with Ana Lopez [i1]');
    expect(app).toMatch(
      /Open steps:\n(.|\n)*Send a thank-you note to Ana Lopez \[a1:thank_you:i1:c1\]/,
    );
    expect((await tactful(['--db', db, 'show', 'c1'])).stdout).toMatch(
      /^Contact c1: Ana Lopez\n {2}e-mail: ana@acme\.example\n(.|\n)*Applications:\n {2}Acme · Dev \[a1\]/,
    );
    expect((await tactful(['--db', db, 'show', 'i1'])).stdout).toMatch(
      /^Interview i1: Acme · Dev, round 1\n/,
    );
    expect((await tactful(['--db', db, 'show', 'a1:thank_you:i1:c1'])).stdout).toMatch(
      /^Step a1:thank_you:i1:c1: Send a thank-you note\n(.|\n)* {2}why: /,
    );
    expect(JSON.parse((await tactful(['--db', db, 'show', 'c1', '--json'])).stdout)).toMatchObject({
      kind: 'contact',
      contact: { id: 'c1' },
    });
    expect(oneLineError(await tactful(['--db', db, 'show', 'zz']))).toBe(
      'tactful: no application, contact, interview or open step has the id "zz"',
    );
  }, 120_000);

  it('edit contact changes a contact and refuses an address another contact has', async () => {
    const db = await seeded();
    await tactful(['--db', db, 'add', 'contact', '--name', 'Bo', '--email', 'bo@acme.example']);
    expect(await tactful(['--db', db, 'edit', 'contact', 'c2', '--title', 'CTO'])).toMatchObject({
      code: 0,
      stdout: 'Saved contact c2 (Bo). (undo: tactful undo)\n',
    });
    expect(
      oneLineError(
        await tactful(['--db', db, 'edit', 'contact', 'c2', '--email', 'ana@acme.example']),
      ),
    ).toBe(
      'tactful: c1 Ana Lopez already has ana@acme.example; update it with `tactful edit contact c1`',
    );
    expect((await exported(db)).contacts[1]).toMatchObject({
      id: 'c2',
      title: 'CTO',
      email: 'bo@acme.example',
    });
  }, 60_000);
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('SIGTERM to its process stops the server too: nothing is left on the port', async () => {
    // scripts/start.js beside the private build (its dist is current, so it builds nothing).
    const script = join(dirname(BIN), '..', 'scripts', 'start.js');
    mkdirSync(dirname(script), { recursive: true });
    copyFileSync(join(ROOT, 'scripts', 'start.js'), script);
    const port = await freePort();
    const dir = tempDir();
    const child = spawn('node', [script, '--port', String(port)], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        TACTFUL_DB: join(dir, 't.db'),
        XDG_CACHE_HOME: dir,
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let up = false;
    for (let i = 0; i < 600 && !up; i += 1) {
      up = await answers(port);
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up).toBe(true);
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    expect(await answers(port)).toBe(false);
  }, 120_000);
});

function answerPrompts(
  args: string[],
  steps: [RegExp, string][],
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    // A sized terminal, so that prompts do not wrap after every character.
    const command = ['stty cols 120 rows 40;', 'node', BIN, ...args].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: tempDir() },
    });
    let output = '';
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const pending = steps[next];
      // The pseudo-terminal has no size, so prompts wrap after every character: match without spaces.
      // eslint-disable-next-line no-control-regex -- terminal escapes are removed before matching
      const plain = output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\s/g, '');
      if (pending && pending[0].test(plain)) {
        next += 1;
        setTimeout(() => child.stdin.write(pending[1]), 50);
      }
    });
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('interactive add interview', () => {
  it('picks the application from a list, re-asks a bad start, picks and creates interviewers', async () => {
    const db = await seeded();
    await tactful([
      '--db',
      db,
      'add',
      'application',
      '--organization',
      'Birch',
      '--role',
      'Analyst',
      '--source',
      'recruiter',
    ]);
    const DOWN = '\u001b[B';
    const result = await answerPrompts(
      ['--db', db, 'add', 'interview'],
      [
        [/Whichapplication\?/, `${DOWN}\r`],
        [/Start\(YYYY-MM-DDHH:mm/, '2026-02-30 10:00\r'],
        [/February2026has28days/, `${'\u007f'.repeat(16)}2026-12-09 10:00\r`],
        [/Whointerviewedyou\?/, ` ${DOWN} \r`],
        [/Nameoftheinterviewer/, 'Cy Park\r'],
        [/e-mailaddress\(optional\)/, 'cy@birch.example\r'],
        [/Anothernewinterviewer\?/, '\r'],
      ],
    );
    expect(result.output.slice(-2000)).toContain('Saved interview i2 (round 1 of a2).');
    expect(result.code).toBe(0);
    const doc = await exported(db);
    expect(doc.contacts.map((c) => [c.id, c.name])).toEqual([
      ['c1', 'Ana Lopez'],
      ['c2', 'Cy Park'],
    ]);
    expect(doc.applications.find((a) => a.id === 'a2')!.interviews).toEqual([
      expect.objectContaining({
        id: 'i2',
        round: 1,
        start: '2026-12-09T10:00',
        interviewers: ['c1', 'c2'],
      }),
    ]);
  }, 120_000);
});
