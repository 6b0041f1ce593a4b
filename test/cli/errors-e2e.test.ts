// User errors through the built binary: exit 1 and exactly one `tactful: …` line on stderr,
// no stack trace (unless TACTFUL_DEBUG=1), no ANSI codes when not on a terminal.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, oneLineError, tactful, tempDir, writeJson, importSampleAsOwn } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const dir = tempDir();
const db = join(dir, 'errors.db');
const valid = { format: 'tactful/v1', contacts: [{ id: 'c1', name: 'Ana Souza' }] };

describe('user errors', () => {
  beforeAll(async () => {
    expect((await importSampleAsOwn(db)).code).toBe(0);
  });

  const cases: [string, string[], RegExp][] = [
    ['unknown command', ['frobnicate'], /^tactful: unknown command 'frobnicate'/],
    ['unknown option', ['today', '--tomorrow'], /^tactful: unknown option '--tomorrow'/],
    ['missing argument', ['import'], /^tactful: missing required argument 'file'/],
    ['bad --format', ['export', '--format', 'xml'], /--format.*xml.*json, csv/],
    ['bad --as-of', ['plan', '--as-of', '2026-02-30'], /^tactful: --as-of: 2026-02-30 is not a date: February 2026 has 28 days$/],
    ['bad --as-of text', ['today', '--as-of', 'tomorrow'], /--as-of/],
    ['bad --until', ['snooze', 'x', '--until', '03/04/2026'], /^tactful: --until must be a date YYYY-MM-DD/],
    ['bad --kind', ['log', '--application', 'bluefin', '--kind', 'gift'], /^tactful: --kind must be one of/],
    ['kind/direction mismatch', ['log', '--application', 'bluefin', '--kind', 'reply', '--direction', 'out'], /--direction out does not fit --kind reply/],
    ['bad --at', ['log', '--application', 'bluefin', '--kind', 'reply', '--at', '2026-11-20T25:00'], /^tactful: --at must be a date \(2026-12-24\), a date and time/],
    ['bad --channel', ['log', '--application', 'bluefin', '--kind', 'reply', '--channel', 'pigeon'], /--channel/],
    ['unknown application', ['log', '--application', 'nope', '--kind', 'reply'], /application.*nope/],
    ['unknown contact', ['log', '--application', 'bluefin', '--kind', 'reply', '--to', 'ghost'], /ghost/],
    ['payload on the wrong kind', ['log', '--application', 'bluefin', '--kind', 'reply', '--offer-deadline', '2026-12-01'], /^tactful: --offer-deadline: only an inbound offer/],
    ['bad --duration', ['add', 'interview', '--application', 'bluefin', '--start', '2026-12-01T10:00', '--duration', '3.5'], /--duration must be a whole number/],
    ['bad --start', ['add', 'interview', '--application', 'bluefin', '--start', '2026-12-01T10:00:00Z'], /--start must be a local date and time without an offset/],
    ['bad --timezone', ['add', 'interview', '--application', 'bluefin', '--start', '2026-12-01T10:00', '--timezone', 'Mars/Olympus'], /timezone/],
    ['bad --source', ['add', 'application', '--organization', 'X', '--role', 'Y', '--source', 'friend'], /--source must be one of employer, recruiter, agency/],
    ['bad --region', ['add', 'application', '--organization', 'X', '--role', 'Y', '--source', 'employer', '--region', 'XX-YY'], /region/],
    ['unknown agent', ['add', 'application', '--organization', 'X', '--role', 'Y', '--source', 'agency', '--agent', 'ghost'], /agent/],
    ['duplicate id', ['add', 'contact', '--id', 'priya', '--name', 'Priya Two'], /already exists/],
    ['bad id', ['add', 'contact', '--id', 'a b', '--name', 'X'], /id/],
    ['CR/LF in a name', ['add', 'contact', '--name', 'Eve\r\nBcc: x@example.com'], /name.*control characters/],
    ['unknown step id', ['done', 'nope:thank_you:x'], /no open step with id "nope:thank_you:x"/],
    ['missing file', ['import', join(dir, 'missing.json')], /missing\.json: no such file/],
    ['a directory', ['import', dir], /is a directory/],
    ['bad JSON', ['import', writeJson(dir, 'bad.json', '{"format": "tactful/v1",')], /bad\.json: not valid JSON/],
    ['unknown field', ['import', writeJson(dir, 'unknown.json', { ...valid, contacts: [{ id: 'c1', name: 'A', nickname: 'B' }] })], /contacts\[0\]\.nickname|nickname/],
    ['wrong format', ['import', writeJson(dir, 'format.json', { format: 'tactful/v2' })], /format/],
    ['backup to a directory path that is a file', ['backup', join(dir, 'bad.json', 'x.db')], /bad\.json/],
    ['serve on every interface without sign-in', ['serve', '--host', '0.0.0.0', '--port', '0'], /^tactful: --host 0\.0\.0\.0: without sign-in, tactful serves only this computer/],
    ['serve on a LAN address without sign-in', ['serve', '--host', '192.168.1.20', '--port', '0'], /only this computer \(127\.0\.0\.1 or ::1\)/],
  ];

  it.each(cases)('%s', async (_name, args, expected) => {
    const result = await tactful(['--db', db, ...args]);
    expect(oneLineError(result)).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('prints a stack trace only with TACTFUL_DEBUG=1', async () => {
    const args = ['--db', db, 'import', join(dir, 'bad.json')];
    const plain = await tactful(args);
    expect(plain.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const debug = await tactful(args, { env: { TACTFUL_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('names the variable of a bad configuration', async () => {
    expect(oneLineError(await tactful(['today'], { env: { DATABASE_URL: 'mysql://x/y' } }))).toMatch(/DATABASE_URL/);
    expect(oneLineError(await tactful(['today', '--db', db], { env: { TACTFUL_DEBUG: 'verbose' } }))).toMatch(/TACTFUL_DEBUG/);
  });

  it('reports an unreachable PostgreSQL in one line', async () => {
    const result = await tactful(['today'], { env: { DATABASE_URL: 'postgres://root@127.0.0.1:1/test' } });
    expect(oneLineError(result)).toMatch(/^tactful: cannot use PostgreSQL: connect ECONNREFUSED 127.0.0.1:1 \(check DATABASE_URL\)$/);
  });

  it('reports a file that is not a database', async () => {
    const notDb = writeJson(dir, 'not-a.db', 'just text, not SQLite, long enough to have a header '.repeat(20));
    expect(oneLineError(await tactful(['--db', notDb, 'today']))).toMatch(/not a tactful \(SQLite\) database/);
  });
});

describe('colour', () => {
  // `script` gives the child a real pseudo-terminal, so stdout.isTTY is true.
  function onTerminal(env: Record<string, string>): string {
    const command = `node ${BIN} --db ${db} today`;
    return execFileSync('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } }).toString();
  }

  it('colours a terminal, but not with NO_COLOR and never a pipe', async () => {
    expect(onTerminal({})).toContain('\u001b[');
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
    const piped = await tactful(['--db', db, 'today']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('\u001b');
  });
});
