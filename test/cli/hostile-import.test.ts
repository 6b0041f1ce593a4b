// RELIABILITY.md's hostile inputs that reach `tactful import`: each rejected document exits 1
// with one line naming the field and changes nothing; each legitimate-but-odd one imports and
// round-trips. A final `export` is compared with the one taken before: one partial write by
// any rejected import would show there. The built CLI runs in this process (`cli`): spawning
// ~50 processes proved nothing a process boundary adds; the last case spawns the binary.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../slowness.js';
import { cli, ensureBuilt, oneLineError, tactful, tempDir, writeJson, type RunResult } from './helpers.js';

beforeAll(() => ensureBuilt(), scaled(300_000));

type Doc = Record<string, unknown>;

/** A small valid document; each case changes one thing. */
function base(): Doc {
  return {
    format: 'tactful/v1',
    settings: { timezone: 'Europe/London', region: 'GB-ENG' },
    contacts: [
      { id: 'c1', name: 'Siobhan Murphy', email: 'siobhan@harbour.example' },
      { id: 'c2', name: 'Kwame Asante', isReference: true, phone: '+44 20 7946 0000' },
    ],
    applications: [
      {
        id: 'a1',
        organization: 'Harbour Labs',
        role: 'Platform Engineer',
        source: 'employer',
        createdOn: '2026-11-02',
        interviews: [{ id: 'i1', round: 1, start: '2026-11-16T10:00', interviewers: ['c1'], decisionExpectedBy: '2026-11-27' }],
        interactions: [{ id: 'x1', at: '2026-11-17T09:00:00Z', direction: 'out', kind: 'thank_you', contacts: ['c1'] }],
      },
    ],
    stepEvents: [],
  };
}

type Mutation = (doc: Doc) => void;
const app = (doc: Doc) => (doc.applications as Doc[])[0]!;
const interview = (doc: Doc) => (app(doc).interviews as Doc[])[0]!;
const interaction = (doc: Doc) => (app(doc).interactions as Doc[])[0]!;
const contact = (doc: Doc) => (doc.contacts as Doc[])[0]!;
const settings = (doc: Doc) => doc.settings as Doc;

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

/** [name, mutation, the field path the message must name] */
const rejected: [string, Mutation, string][] = [
  ...['2026-02-30', '2027-02-29', '0000-01-01', '10000-01-01', '03/04/2026', '', '2026-1-5'].map(
    (date): [string, Mutation, string] => [`date ${JSON.stringify(date)}`, (d) => void (interview(d).decisionExpectedBy = date), 'applications[0].interviews[0].decisionExpectedBy'],
  ),
  ['createdOn 2026-02-30', (d) => void (app(d).createdOn = '2026-02-30'), 'applications[0].createdOn'],
  ['start 2027-02-29T10:00', (d) => void (interview(d).start = '2027-02-29T10:00'), 'applications[0].interviews[0].start'],
  ['start with an offset', (d) => void (interview(d).start = '2026-11-16T10:00:00Z'), 'applications[0].interviews[0].start'],
  ['start 24:00', (d) => void (interview(d).start = '2026-11-16T24:00'), 'applications[0].interviews[0].start'],
  ['at without an offset', (d) => void (interaction(d).at = '2026-11-17T09:00:00'), 'applications[0].interactions[0].at'],
  ['at with offset +25:00', (d) => void (interaction(d).at = '2026-11-17T09:00:00+25:00'), 'applications[0].interactions[0].at'],
  ...['Mars/Olympus', '', 'UTC+25', '../../etc/passwd', 'America/New York', '+05:00'].map(
    (zone): [string, Mutation, string] => [`time zone ${JSON.stringify(zone)}`, (d) => void (interview(d).timezone = zone), 'applications[0].interviews[0].timezone'],
  ),
  ['settings time zone Mars/Olympus', (d) => void (settings(d).timezone = 'Mars/Olympus'), 'settings.timezone'],
  ['region XX', (d) => void (app(d).region = 'XX'), 'applications[0].region'],
  ['region ../etc', (d) => void (settings(d).region = '../etc'), 'settings.region'],
  ...[0, -1, 3.5, 'NaN', '60', 1e9, Number.MAX_SAFE_INTEGER + 2, true].map(
    (duration): [string, Mutation, string] => [`duration ${JSON.stringify(duration)}`, (d) => void (interview(d).durationMinutes = duration), 'applications[0].interviews[0].durationMinutes'],
  ),
  ['round 0', (d) => void (interview(d).round = 0), 'applications[0].interviews[0].round'],
  ['round "1"', (d) => void (interview(d).round = '1'), 'applications[0].interviews[0].round'],
  ['CR/LF and Bcc: in a name', (d) => void (contact(d).name = 'Siobhan\r\nBcc: all@example.com'), 'contacts[0].name'],
  ['CR/LF in an e-mail address', (d) => void (contact(d).email = 'siobhan@harbour.example\r\nBcc: x@example.com'), 'contacts[0].email'],
  ['LF in an organisation', (d) => void (app(d).organization = 'Harbour\nLabs'), 'applications[0].organization'],
  ['NUL byte in a name', (d) => void (contact(d).name = 'Siob\u0000han'), 'contacts[0].name'],
  ['NUL byte in notes', (d) => void (contact(d).notes = 'a\u0000b'), 'contacts[0].notes'],
  ['ESC in a summary', (d) => void (interaction(d).summary = '\u001b[2Jcleared'), 'applications[0].interactions[0].summary'],
  ['a 10 MB note', (d) => void (contact(d).notes = TEN_MB), 'contacts[0].notes'],
  ['a 10 MB name', (d) => void (contact(d).name = TEN_MB), 'contacts[0].name'],
  ['unknown top-level field', (d) => void (d.extra = 1), 'extra'],
  ['unknown contact field', (d) => void (contact(d).nickname = 'Shiv'), 'contacts[0].nickname'],
  ['unknown interview field', (d) => void (interview(d).room = '4B'), 'applications[0].interviews[0].room'],
  ['unknown notes field', (d) => void (interview(d).notes = { keyPoints: [], mood: 'good' }), 'applications[0].interviews[0].notes.mood'],
  ['__proto__ key', (d) => void Object.defineProperty(contact(d), '__proto__', { value: { isAdmin: true }, enumerable: true }), 'contacts[0].__proto__'],
  ['constructor key', (d) => void Object.defineProperty(app(d), 'constructor', { value: { prototype: {} }, enumerable: true }), 'applications[0].constructor'],
  ['duplicate contact ids', (d) => void (d.contacts as Doc[]).push({ id: 'c1', name: 'Someone Else' }), 'contacts[2].id'],
  ['duplicate application ids', (d) => void (d.applications as Doc[]).push({ ...app(d), interviews: [], interactions: [] }), 'applications[1].id'],
  ['duplicate interview ids across applications', (d) => void (d.applications as Doc[]).push({ id: 'a2', organization: 'B', role: 'C', source: 'agency', interviews: [{ id: 'i1', round: 1, start: '2026-11-18T10:00' }] }), 'applications[1].interviews[0].id'],
  ['unknown interviewer', (d) => void (interview(d).interviewers = ['ghost']), 'applications[0].interviews[0].interviewers[0]'],
  ['unknown agent', (d) => void (app(d).agent = 'ghost'), 'applications[0].agent'],
  ['id with a colon', (d) => void (contact(d).id = 'c:1'), 'contacts[0].id'],
  ['id with a space', (d) => void (app(d).id = 'a 1'), 'applications[0].id'],
  ['id of 65 characters', (d) => void (contact(d).id = 'c'.repeat(65)), 'contacts[0].id'],
  ['missing organisation', (d) => void delete app(d).organization, 'applications[0].organization'],
  ['missing interaction direction', (d) => void delete interaction(d).direction, 'applications[0].interactions[0].direction'],
  ['inbound kind sent out', (d) => void Object.assign(interaction(d), { kind: 'offer', direction: 'out' }), 'applications[0].interactions[0]'],
  ['offerDeadline on a reply', (d) => void Object.assign(interaction(d), { kind: 'reply', direction: 'in', offerDeadline: '2026-12-01' }), 'applications[0].interactions[0].offerDeadline'],
  ['source "friend"', (d) => void (app(d).source = 'friend'), 'applications[0].source'],
  ['status "ghosted"', (d) => void (app(d).status = 'ghosted'), 'applications[0].status'],
  ['format tactful/v2', (d) => void (d.format = 'tactful/v2'), 'format'],
  ['contacts is an object', (d) => void (d.contacts = { c1: { name: 'x' } }), 'contacts'],
  ['step event with a bad action', (d) => void (d.stepEvents = [{ stepId: 'a1:thank_you:i1:c1', action: 'postpone', at: '2026-11-17T09:00:00Z' }]), 'stepEvents[0].action'],
];

/** Whole files that are not a document at all: [name, file content, expected message]. */
const notDocuments: [string, string, RegExp][] = [
  ['100,000-deep JSON array', '['.repeat(100_000) + ']'.repeat(100_000), /^tactful: .*(deep|document|format|object|expected)/i],
  ['100,000-deep JSON object', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), /^tactful: .*(deep|a|format|unknown)/i],
  ['a JSON array', '[]', /^tactful: /],
  ['a JSON string', '"tactful/v1"', /^tactful: /],
  ['null', 'null', /^tactful: /],
  ['empty file', '', /^tactful: .*not valid JSON/],
  ['truncated JSON', '{"format":"tactful/v1","contacts":[{"id":"c1"', /^tactful: .*not valid JSON/],
  ['CSV instead of JSON', '\ufeffid;name\r\nc1;"unbalanced\r\n', /^tactful: .*not valid JSON/],
  ['NUL bytes', '\u0000\u0000\u0000', /^tactful: .*not valid JSON/],
];

/** Odd but legitimate: must import, and the text must come back byte for byte. */
const accepted: [string, Mutation, (doc: Doc) => void][] = [
  ['a local time inside the London DST gap', (d) => Object.assign(interview(d), { start: '2027-03-28T01:30', timezone: 'Europe/London' }), (d) => expect(interview(d).start).toBe('2027-03-28T01:30')],
  ['a local time London repeats', (d) => Object.assign(interview(d), { start: '2027-10-31T01:30', timezone: 'Europe/London' }), (d) => expect(interview(d).timezone).toBe('Europe/London')],
  ['Asia/Kathmandu (+05:45)', (d) => void (interview(d).timezone = 'Asia/Kathmandu'), (d) => expect(interview(d).timezone).toBe('Asia/Kathmandu')],
  ['legacy alias US/Pacific', (d) => void (interview(d).timezone = 'US/Pacific'), (d) => expect(interview(d).timezone).toBe('US/Pacific')],
  ['legacy alias Europe/Kiev', (d) => void (interview(d).timezone = 'Europe/Kiev'), (d) => expect(interview(d).timezone).toBe('Europe/Kiev')],
  ['script and template payloads in notes', (d) => void (contact(d).notes = '<script>alert(1)</script><img src=x onerror=alert(1)> javascript:alert(1) {{7*7}} ${7*7}'), (d) => expect(contact(d).notes).toContain('<script>')],
  ['formula payloads in text', (d) => Object.assign(app(d), { role: '=HYPERLINK("http://evil.example","x")', organization: '+cmd|\' /C calc\'!A0' }), (d) => expect(app(d).role).toMatch(/^=HYPERLINK/)],
  ['@SUM in a summary', (d) => void (interaction(d).summary = '@SUM(1+1)*cmd|\' /C calc\'!A0'), (d) => expect(interaction(d).summary).toMatch(/^@SUM/)],
  ['right-to-left override in a name', (d) => void (contact(d).name = 'Siobhan \u202Egnp.exe'), (d) => expect(contact(d).name).toContain('\u202E')],
  ['mixed-script look-alike name', (d) => void (contact(d).name = 'Ѕiobhаn Murphy'), (d) => expect(contact(d).name).toBe('Ѕiobhаn Murphy')],
  ['tabs and line breaks in notes', (d) => void (contact(d).notes = 'line 1\nline 2\r\n\tindented'), (d) => expect(contact(d).notes).toBe('line 1\nline 2\r\n\tindented')],
];

function documentFor(mutation: Mutation): Doc {
  const doc = base();
  mutation(doc);
  return doc;
}

/** One after another: in one process, a second writer would wait on SQLite's lock synchronously. */
async function inTurn<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

describe('hostile imports', () => {
  const dir = tempDir();
  const db = join(dir, 'hostile.db');
  let before = '';

  beforeAll(async () => {
    const seed = await cli(['--db', db, 'import', writeJson(dir, 'base.json', base())]);
    expect(seed.code).toBe(0);
    before = (await cli(['--db', db, 'export'])).stdout;
  });

  it(`rejects ${rejected.length + notDocuments.length} hostile documents in one line naming the field, changing nothing`, async () => {
    const files = [
      ...rejected.map(([name, mutation, field], i) => ({ name, file: writeJson(dir, `rejected-${i}.json`, documentFor(mutation)), expected: field })),
      ...notDocuments.map(([name, content, expected], i) => ({ name, file: writeJson(dir, `raw-${i}.json`, content), expected })),
    ];
    const results = await inTurn(files, (f) => cli(['--db', db, 'import', f.file]));
    const problems: string[] = [];
    results.forEach((result: RunResult, i) => {
      const { name, expected } = files[i]!;
      try {
        const line = oneLineError(result);
        if (typeof expected === 'string' ? !line.includes(expected) : !expected.test(line)) {
          problems.push(`${name}: message does not name ${String(expected)}: ${line}`);
        }
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
    });
    expect(problems).toEqual([]);
    expect((await cli(['--db', db, 'export'])).stdout).toBe(before);
    const integrity = execFileSync('node', ['-e', `const D=require('better-sqlite3');console.log(new D(process.argv[1],{readonly:true}).pragma('integrity_check',{simple:true}))`, db]);
    expect(integrity.toString().trim()).toBe('ok');
  });

  it(`imports ${accepted.length} odd-but-legitimate documents and round-trips their text`, async () => {
    for (const [name, mutation, check] of accepted) {
      const target = join(dir, `accepted-${name.replace(/\W+/g, '-')}.db`);
      const doc = documentFor(mutation);
      const result = await cli(['--db', target, 'import', writeJson(dir, 'accepted.json', doc)]);
      expect(result, name).toMatchObject({ code: 0, stderr: '' });
      const exported = JSON.parse((await cli(['--db', target, 'export'])).stdout) as Doc;
      check(exported);
      const today = await cli(['--db', target, 'today', '--as-of', '2026-11-18']);
      expect(today.code, `${name}: ${today.stderr}`).toBe(0);
      // Terminal control and bidi override characters never reach the screen.
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(today.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/);
    }
  });

  it('imports the same file twice with one effect (the spawned binary: exit codes, empty stderr)', async () => {
    const target = join(dir, 'twice.db');
    const file = writeJson(dir, 'twice.json', base());
    expect(await tactful(['--db', target, 'import', file])).toMatchObject({ code: 0, stderr: '' });
    const once = (await tactful(['--db', target, 'export'])).stdout;
    expect(await tactful(['--db', target, 'import', file])).toMatchObject({ code: 0, stderr: '' });
    expect((await tactful(['--db', target, 'export'])).stdout).toBe(once);
  });
});

export const HOSTILE_INPUT_COUNT = rejected.length + notDocuments.length + accepted.length + 1;
