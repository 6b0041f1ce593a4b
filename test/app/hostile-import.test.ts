// The import validator against the hostile inputs of RELIABILITY.md that reach a document.
// Each row: the document is rejected with DomainError('invalid_input') naming the exact JSON
// path, and the database is unchanged (exports before and after are identical).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from '../../src/app/import-document.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { DomainError } from '../../src/core/errors.js';
import type { TactfulDocument } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, openDatabase, type Database } from '../../src/storage/index.js';
import { fullDocument } from '../db/full-document.js';

const calendar = new BusinessCalendar(dateHolidays());

// Loosely typed on purpose: hostile documents break the types.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh full document, edited by `edit`. */
function edited(edit: (doc: Loose) => void): unknown {
  const doc = fullDocument() as unknown as Loose;
  edit(doc);
  return doc;
}

const a0 = (d: Loose) => d.applications[0];
const i0 = (d: Loose) => d.applications[0].interviews[0];
const x0 = (d: Loose) => d.applications[0].interactions[0];
const c0 = (d: Loose) => d.contacts[0];

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

interface HostileCase {
  name: string;
  input: unknown;
  /** The JSON path the error must name; undefined for a document that is not an object at all. */
  field: string | undefined;
}

const I0 = 'applications[0].interviews[0]';
const X0 = 'applications[0].interactions[0]';

const HOSTILE: HostileCase[] = [
  // impossible or malformed dates
  {
    name: 'date 2026-02-30',
    input: edited((d) => (a0(d).createdOn = '2026-02-30')),
    field: 'applications[0].createdOn',
  },
  {
    name: 'date 2027-02-29 (not a leap year)',
    input: edited((d) => (i0(d).decisionExpectedBy = '2027-02-29')),
    field: `${I0}.decisionExpectedBy`,
  },
  {
    name: 'date 0000-01-01',
    input: edited((d) => (i0(d).unavailableUntil = '0000-01-01')),
    field: `${I0}.unavailableUntil`,
  },
  {
    name: 'date 10000-01-01',
    input: edited((d) => (d.applications[1].interactions[0].offerDeadline = '10000-01-01')),
    field: 'applications[1].interactions[0].offerDeadline',
  },
  {
    name: 'date 03/04/2026',
    input: edited((d) => (d.stepEvents[1].until = '03/04/2026')),
    field: 'stepEvents[1].until',
  },
  {
    name: 'date-time as a date',
    input: edited((d) => (a0(d).createdOn = '2026-12-01T00:00:00Z')),
    field: 'applications[0].createdOn',
  },
  // interview start: local date-time without an offset
  {
    name: 'start with an offset',
    input: edited((d) => (i0(d).start = '2026-12-23T14:00Z')),
    field: `${I0}.start`,
  },
  {
    // A space for the T is accepted (people type it); a space after the T is not.
    name: 'start with a space after the T',
    input: edited((d) => (i0(d).start = '2026-12-23T 14:00')),
    field: `${I0}.start`,
  },
  {
    name: 'start at 24:00',
    input: edited((d) => (i0(d).start = '2026-12-23T24:00')),
    field: `${I0}.start`,
  },
  {
    name: 'start on 2026-02-30',
    input: edited((d) => (i0(d).start = '2026-02-30T10:00')),
    field: `${I0}.start`,
  },
  {
    name: 'start as a number',
    input: edited((d) => (i0(d).start = 1766498400000)),
    field: `${I0}.start`,
  },
  // interaction and event instants: RFC 3339 with an offset
  {
    name: 'at without an offset',
    input: edited((d) => (x0(d).at = '2026-12-23T21:00:00')),
    field: `${X0}.at`,
  },
  { name: 'at as a bare date', input: edited((d) => (x0(d).at = '2026-12-23')), field: `${X0}.at` },
  {
    name: 'at with offset +25:00',
    input: edited((d) => (x0(d).at = '2026-12-23T21:00:00+25:00')),
    field: `${X0}.at`,
  },
  {
    name: 'step event at in month 13',
    input: edited((d) => (d.stepEvents[0].at = '2026-13-01T00:00:00Z')),
    field: 'stepEvents[0].at',
  },
  // time zones
  {
    name: 'zone Mars/Olympus',
    input: edited((d) => (i0(d).timezone = 'Mars/Olympus')),
    field: `${I0}.timezone`,
  },
  { name: 'zone ""', input: edited((d) => (d.settings.timezone = '')), field: 'settings.timezone' },
  {
    name: 'zone UTC+25',
    input: edited((d) => (i0(d).timezone = 'UTC+25')),
    field: `${I0}.timezone`,
  },
  {
    name: 'zone ../../etc/passwd',
    input: edited((d) => (d.settings.timezone = '../../etc/passwd')),
    field: 'settings.timezone',
  },
  {
    name: 'zone as a bare offset +05:00',
    input: edited((d) => (i0(d).timezone = '+05:00')),
    field: `${I0}.timezone`,
  },
  // holiday regions
  {
    name: 'region XX',
    input: edited((d) => (a0(d).region = 'XX')),
    field: 'applications[0].region',
  },
  {
    name: 'region US-ZZ',
    input: edited((d) => (a0(d).region = 'US-ZZ')),
    field: 'applications[0].region',
  },
  {
    name: 'settings region Narnia',
    input: edited((d) => (d.settings.region = 'Narnia')),
    field: 'settings.region',
  },
  // enums
  { name: 'format tactful/v2', input: edited((d) => (d.format = 'tactful/v2')), field: 'format' },
  {
    name: 'source headhunter',
    input: edited((d) => (a0(d).source = 'headhunter')),
    field: 'applications[0].source',
  },
  {
    name: 'status ghosted',
    input: edited((d) => (a0(d).status = 'ghosted')),
    field: 'applications[0].status',
  },
  {
    name: 'chance certain',
    input: edited((d) => (i0(d).chance = 'certain')),
    field: `${I0}.chance`,
  },
  {
    name: 'channel pigeon',
    input: edited((d) => (x0(d).channel = 'pigeon')),
    field: `${X0}.channel`,
  },
  {
    name: 'direction sideways',
    input: edited((d) => (x0(d).direction = 'sideways')),
    field: `${X0}.direction`,
  },
  { name: 'kind bribe', input: edited((d) => (x0(d).kind = 'bribe')), field: `${X0}.kind` },
  {
    name: 'preset aggressive',
    input: edited((d) => (d.settings.preset = 'aggressive')),
    field: 'settings.preset',
  },
  {
    name: 'application policy preset aggressive',
    input: edited((d) => (a0(d).policy = { preset: 'aggressive' })),
    field: 'applications[0].policy.preset',
  },
  {
    name: 'step action forget',
    input: edited((d) => (d.stepEvents[0].action = 'forget')),
    field: 'stepEvents[0].action',
  },
  // durations and numbers
  {
    name: 'duration 0',
    input: edited((d) => (i0(d).durationMinutes = 0)),
    field: `${I0}.durationMinutes`,
  },
  {
    name: 'duration -1',
    input: edited((d) => (i0(d).durationMinutes = -1)),
    field: `${I0}.durationMinutes`,
  },
  {
    name: 'duration 3.5',
    input: edited((d) => (i0(d).durationMinutes = 3.5)),
    field: `${I0}.durationMinutes`,
  },
  {
    name: 'duration NaN',
    input: edited((d) => (i0(d).durationMinutes = NaN)),
    field: `${I0}.durationMinutes`,
  },
  {
    name: 'duration "60"',
    input: edited((d) => (i0(d).durationMinutes = '60')),
    field: `${I0}.durationMinutes`,
  },
  {
    name: 'duration 1e9',
    input: edited((d) => (i0(d).durationMinutes = 1e9)),
    field: `${I0}.durationMinutes`,
  },
  {
    name: 'duration Infinity',
    input: edited((d) => (i0(d).durationMinutes = Infinity)),
    field: `${I0}.durationMinutes`,
  },
  { name: 'round 0', input: edited((d) => (i0(d).round = 0)), field: `${I0}.round` },
  { name: 'round 1.5', input: edited((d) => (i0(d).round = 1.5)), field: `${I0}.round` },
  {
    name: 'activeTarget -1',
    input: edited((d) => (d.settings.activeTarget = -1)),
    field: 'settings.activeTarget',
  },
  {
    name: 'isReference "yes"',
    input: edited((d) => (c0(d).isReference = 'yes')),
    field: 'contacts[0].isReference',
  },
  // payload fields only on their kinds; direction matches kind
  {
    name: 'newDecisionDate on an outbound thank_you',
    input: edited((d) => (x0(d).newDecisionDate = '2027-01-10')),
    field: `${X0}.newDecisionDate`,
  },
  {
    name: 'onHold on an inbound reply',
    input: edited((d) => Object.assign(d.applications[0].interactions[1], { kind: 'reply' })),
    field: 'applications[0].interactions[1].onHold',
  },
  {
    name: 'offerDeadline on an inbound update',
    input: edited((d) => (d.applications[0].interactions[1].offerDeadline = '2027-02-01')),
    field: 'applications[0].interactions[1].offerDeadline',
  },
  {
    name: 'newDecisionDate on an inbound offer',
    input: edited((d) => (d.applications[1].interactions[0].newDecisionDate = '2027-02-01')),
    field: 'applications[1].interactions[0].newDecisionDate',
  },
  {
    name: 'outbound kind with direction in',
    input: edited((d) => (x0(d).direction = 'in')),
    field: `${X0}.kind`,
  },
  {
    name: 'inbound kind with direction out',
    input: edited((d) => (d.applications[1].interactions[0].direction = 'out')),
    field: 'applications[1].interactions[0].kind',
  },
  // dangling references
  {
    name: 'interviewer c99',
    input: edited((d) => i0(d).interviewers.push('c99')),
    field: `${I0}.interviewers[2]`,
  },
  {
    name: 'agent c99',
    input: edited((d) => (d.applications[1].agent = 'c99')),
    field: 'applications[1].agent',
  },
  {
    name: 'reference c99',
    input: edited((d) => (a0(d).references = ['c99'])),
    field: 'applications[0].references[0]',
  },
  {
    name: 'interaction contact c99',
    input: edited((d) => (x0(d).contacts = ['c1', 'c99'])),
    field: `${X0}.contacts[1]`,
  },
  // duplicate ids within one document
  {
    name: 'duplicate contact id',
    input: edited((d) => d.contacts.push({ ...c0(d) })),
    field: 'contacts[4].id',
  },
  {
    name: 'duplicate application id',
    input: edited((d) => (d.applications[1].id = 'a1')),
    field: 'applications[1].id',
  },
  {
    name: 'duplicate interview id across applications',
    input: edited((d) => d.applications[1].interviews.push({ ...i0(d) })),
    field: 'applications[1].interviews[0].id',
  },
  {
    name: 'duplicate interaction id',
    input: edited((d) => (d.applications[1].interactions[0].id = 'x1')),
    field: 'applications[1].interactions[0].id',
  },
  // control characters, CR/LF header injection, NUL bytes
  {
    name: 'NUL in a name',
    input: edited((d) => (c0(d).name = 'Ana\u0000Müller')),
    field: 'contacts[0].name',
  },
  {
    name: 'CR/LF and Bcc: in a name',
    input: edited((d) => (c0(d).name = 'Ana\r\nBcc: all@evil.example')),
    field: 'contacts[0].name',
  },
  {
    name: 'CR/LF and Bcc: in an address',
    input: edited((d) => (c0(d).email = 'ana@acme.example\r\nBcc: all@evil.example')),
    field: 'contacts[0].email',
  },
  { name: 'NUL in an id', input: edited((d) => (c0(d).id = 'c1\u0000')), field: 'contacts[0].id' },
  {
    name: 'id with a space',
    input: edited((d) => (a0(d).id = 'a 1')),
    field: 'applications[0].id',
  },
  {
    name: 'id with a colon (would forge step ids)',
    input: edited((d) => (a0(d).id = 'a1:thank_you')),
    field: 'applications[0].id',
  },
  {
    name: 'NUL in notes',
    input: edited((d) => (c0(d).notes = 'ok\u0000not ok')),
    field: 'contacts[0].notes',
  },
  {
    name: 'escape sequence in a summary',
    input: edited((d) => (x0(d).summary = '\u001b[31mred')),
    field: `${X0}.summary`,
  },
  { name: 'blank name', input: edited((d) => (c0(d).name = '   ')), field: 'contacts[0].name' },
  // overlong text
  {
    name: 'a 10 MB note',
    input: edited((d) => (c0(d).notes = 'x'.repeat(10 * 1024 * 1024))),
    field: 'contacts[0].notes',
  },
  {
    name: 'a 501-character name',
    input: edited((d) => (c0(d).name = 'n'.repeat(501))),
    field: 'contacts[0].name',
  },
  {
    name: 'a 20,001-character summary',
    input: edited((d) => (x0(d).summary = 's'.repeat(20_001))),
    field: `${X0}.summary`,
  },
  {
    name: 'a 65-character id',
    input: edited((d) => (c0(d).id = 'c'.repeat(65))),
    field: 'contacts[0].id',
  },
  // unknown fields, prototype keys
  { name: 'unknown top-level field', input: edited((d) => (d.extra = 1)), field: 'extra' },
  {
    name: 'unknown contact field',
    input: edited((d) => (c0(d).age = 42)),
    field: 'contacts[0].age',
  },
  {
    name: 'unknown debrief notes field',
    input: edited((d) => (i0(d).notes.mood = 'good')),
    field: `${I0}.notes.mood`,
  },
  {
    name: 'unknown prosCons field',
    input: edited((d) => (a0(d).prosCons.salary = ['high'])),
    field: 'applications[0].prosCons.salary',
  },
  {
    name: '__proto__ key in a contact',
    input: edited(
      (d) =>
        (d.contacts[0] = JSON.parse(
          `{"__proto__":{"isAdmin":true},${JSON.stringify(c0(d)).slice(1)}`,
        )),
    ),
    field: 'contacts[0].__proto__',
  },
  {
    name: '__proto__ key in settings',
    input: edited((d) => (d.settings = JSON.parse('{"__proto__":{"timezone":"UTC"}}'))),
    field: 'settings.__proto__',
  },
  {
    name: 'constructor key at the top',
    input: edited((d) =>
      Object.defineProperty(d, 'constructor', { value: { prototype: {} }, enumerable: true }),
    ),
    field: 'constructor',
  },
  // structure
  {
    name: 'a 100,000-deep JSON value',
    input: edited((d) => (c0(d).notes = deepArray(100_000))),
    field: 'contacts[0].notes',
  },
  {
    name: 'applications as an object',
    input: edited((d) => (d.applications = { a1: a0(d) })),
    field: 'applications',
  },
  {
    name: 'interviews as a string',
    input: edited((d) => (a0(d).interviews = 'i1')),
    field: 'applications[0].interviews',
  },
  { name: 'document null', input: null, field: undefined },
  { name: 'document an array', input: [fullDocument()], field: undefined },
  { name: 'document a string', input: JSON.stringify(fullDocument()), field: undefined },
  // required fields
  { name: 'missing format', input: edited((d) => delete d.format), field: 'format' },
  { name: 'missing contact id', input: edited((d) => delete c0(d).id), field: 'contacts[0].id' },
  {
    name: 'missing application role',
    input: edited((d) => delete a0(d).role),
    field: 'applications[0].role',
  },
  {
    name: 'null application source',
    input: edited((d) => (a0(d).source = null)),
    field: 'applications[0].source',
  },
  {
    name: 'missing interview start',
    input: edited((d) => delete i0(d).start),
    field: `${I0}.start`,
  },
  {
    name: 'missing interaction kind',
    input: edited((d) => delete x0(d).kind),
    field: `${X0}.kind`,
  },
  // an id may not move to another application
  {
    name: 'interview i1 re-imported under another application',
    input: {
      format: 'tactful/v1',
      applications: [
        {
          id: 'a2',
          organization: 'Globex',
          role: 'SRE',
          source: 'recruiter',
          interviews: [{ id: 'i1', round: 1, start: '2026-12-23T14:00' }],
        },
      ],
    },
    field: 'applications[0].interviews[0].id',
  },
  // a payload kept from the stored record must still fit a changed kind
  {
    name: 'stored onHold kept while the kind changes to reply',
    input: {
      format: 'tactful/v1',
      applications: [
        {
          id: 'a1',
          organization: 'Acme  Corp',
          role: 'Staff Engineer — Platform',
          source: 'employer',
          interactions: [
            { id: 'x2', at: '2027-01-05T10:15:00+01:00', direction: 'in', kind: 'reply' },
          ],
        },
      ],
    },
    field: 'applications[0].interactions[0].onHold',
  },
];

// Accepted hostile-looking inputs: valid facts that must be stored and exported unchanged.
const ACCEPTED: { name: string; edit: (d: Loose) => void }[] = [
  {
    name: 'start in the DST gap (2027-03-28T01:30 Europe/London)',
    edit: (d) => Object.assign(i0(d), { start: '2027-03-28T01:30', timezone: 'Europe/London' }),
  },
  {
    name: 'start in the repeated hour (2027-10-31T01:30 Europe/London)',
    edit: (d) => Object.assign(i0(d), { start: '2027-10-31T01:30', timezone: 'Europe/London' }),
  },
  { name: 'legacy zone alias US/Pacific', edit: (d) => (i0(d).timezone = 'US/Pacific') },
  { name: 'legacy zone alias Europe/Kiev', edit: (d) => (d.settings.timezone = 'Europe/Kiev') },
  {
    name: 'quarter-hour offset zone Asia/Kathmandu',
    edit: (d) => (i0(d).timezone = 'Asia/Kathmandu'),
  },
  {
    name: 'script and image payloads in notes',
    edit: (d) => (c0(d).notes = '<script>alert(1)</script><img src=x onerror=alert(1)>'),
  },
  { name: 'javascript: link as LinkedIn', edit: (d) => (c0(d).linkedin = 'javascript:alert(1)') },
  { name: 'template syntax in names', edit: (d) => (c0(d).name = '{{signature}} ${process.env}') },
  {
    name: 'spreadsheet formulas in text',
    edit: (d) =>
      Object.assign(a0(d), {
        organization: '=HYPERLINK("http://evil")',
        role: "+cmd|' /C calc'!A0",
      }),
  },
  {
    name: 'right-to-left override and look-alike names',
    edit: (d) => (c0(d).name = 'Аna \u202eMüller'),
  },
  {
    name: 'a note of exactly 20,000 characters with line breaks',
    edit: (d) => (c0(d).notes = 'ab\r\n'.repeat(5_000)),
  },
];

describe('hostile documents on import', () => {
  let dir: string;
  let database: Database;
  let uow: UnitOfWork;
  let before: TactfulDocument;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tactful-hostile-'));
    database = await openDatabase({ sqlitePath: join(dir, 'tactful.db') });
    uow = createUnitOfWork(database);
    await importDocument(uow, calendar, fullDocument());
    before = await exportDocument(uow);
  });

  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`lists ${HOSTILE.length} hostile documents, each with a distinct name`, () => {
    expect(new Set(HOSTILE.map((c) => c.name)).size).toBe(HOSTILE.length);
    expect(HOSTILE.length).toBeGreaterThanOrEqual(90);
  });

  it.each(HOSTILE)('rejects $name at $field and changes nothing', async ({ input, field }) => {
    const error = await importDocument(uow, calendar, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_input', field });
    expect((error as DomainError).message.length).toBeLessThan(400);
    expect(await exportDocument(uow)).toEqual(before);
  });

  it.each(ACCEPTED)('accepts $name and exports it unchanged', async ({ edit }) => {
    const doc = edited(edit) as TactfulDocument;
    await importDocument(uow, calendar, doc);
    expect(await exportDocument(uow)).toEqual(doc);
    await importDocument(uow, calendar, fullDocument());
    expect(await exportDocument(uow)).toEqual(before);
  });
});
