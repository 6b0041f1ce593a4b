// The use cases end to end on a real SQLite file, a real holiday calendar and a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplication,
  addContact,
  addInterview,
  csvCell,
  exportCsv,
  exportDocument,
  getSettings,
  importDocument,
  logInteraction,
  planFor,
  recordStepAction,
  updateSettings,
} from '../../src/app/index.js';
import type { Clock, UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { DEFAULT_SETTINGS } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, openDatabase, type Database } from '../../src/storage/index.js';
import { fullDocument } from '../db/full-document.js';

const calendar = new BusinessCalendar(dateHolidays());

function fixedClock(iso: string): Clock {
  const ms = Date.parse(iso);
  return { now: () => ms };
}

let dir: string;
let database: Database;
let uow: UnitOfWork;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tactful-app-'));
  database = await openDatabase({ sqlitePath: join(dir, 'tactful.db') });
  uow = createUnitOfWork(database);
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Acme (employer, US) interviewed the seeker (America/New_York) on Tue 22 Dec 2026,
 * 10:00–11:00 local = 15:00–16:00Z, with Ana (c1, e-mail) and Bo (c2, e-mail).
 */
async function seedAcme(): Promise<void> {
  await importDocument(uow, calendar, {
    format: 'tactful/v1',
    settings: { timezone: 'America/New_York', region: 'US' },
    contacts: [
      { id: 'c1', name: 'Ana', email: 'ana@acme.example' },
      { id: 'c2', name: 'Bo', email: 'bo@acme.example' },
    ],
    applications: [
      {
        id: 'a1',
        organization: 'Acme Corp',
        role: 'Dev',
        source: 'employer',
        createdOn: '2026-12-20',
        interviews: [
          {
            id: 'i1',
            round: 1,
            start: '2026-12-22T10:00',
            timezone: 'America/New_York',
            interviewers: ['c1', 'c2'],
          },
        ],
      },
      { id: 'a2', organization: '  ACME   corp ', role: 'Ops', source: 'employer' },
    ],
  });
}

describe('adding entities', () => {
  it('generates the next free typable id and fills the §6 defaults', async () => {
    expect(await addContact(uow, { name: 'Ana' })).toEqual({
      id: 'c1',
      name: 'Ana',
      title: null,
      organization: null,
      email: null,
      phone: null,
      linkedin: null,
      isReference: false,
      notes: null,
    });
    await addContact(uow, { id: 'c9', name: 'Nine' });
    await addContact(uow, { id: 'bob', name: 'Bob' });
    expect((await addContact(uow, { name: 'Ten' })).id).toBe('c10');

    const app = await addApplication(uow, calendar, {
      organization: 'Acme',
      role: 'Dev',
      source: 'agency',
      agent: 'c9',
    });
    expect(app).toMatchObject({
      id: 'a1',
      status: 'active',
      region: null,
      agent: 'c9',
      references: [],
      interviews: [],
    });

    // With a clock, createdOn defaults to today in the seeker's zone (UTC by default here):
    // 2026-12-24T03:00Z is still the 24th in UTC.
    const dated = await addApplication(
      uow,
      calendar,
      { organization: 'Beta', role: 'Dev', source: 'employer' },
      fixedClock('2026-12-24T03:00:00Z'),
    );
    expect(dated).toMatchObject({ id: 'a2', createdOn: '2026-12-24' });
    await updateSettings(uow, calendar, { timezone: 'America/New_York' });
    const nyDated = await addApplication(
      uow,
      calendar,
      { organization: 'Gamma', role: 'Dev', source: 'employer' },
      fixedClock('2026-12-24T03:00:00Z'),
    );
    expect(nyDated.createdOn).toBe('2026-12-23');

    const interview = await addInterview(uow, {
      application: 'a1',
      round: 1,
      start: '2026-12-22T10:00',
      interviewers: ['c1'],
    });
    expect(interview).toMatchObject({
      id: 'i1',
      durationMinutes: 60,
      chance: 'medium',
      timezone: null,
      final: false,
    });
    const stored = await uow.transaction((repo) => repo.getApplication('a1'));
    expect(stored?.interviews).toEqual([interview]);
  });

  it('rejects bad input naming the field, and an existing id as a conflict', async () => {
    await addContact(uow, { id: 'c1', name: 'Ana' });
    await expect(addContact(uow, { id: 'c1', name: 'Again' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'id',
    });
    await expect(
      addContact(uow, { name: 'Eve', email: 'e@x\r\nBcc: all@x' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'email',
    });
    await expect(addContact(uow, { name: 'Eve', age: 3 })).rejects.toMatchObject({ field: 'age' });
    await expect(
      addApplication(uow, calendar, {
        organization: 'A',
        role: 'B',
        source: 'employer',
        region: 'XX',
      }),
    ).rejects.toMatchObject({ field: 'region' });
    await expect(
      addApplication(uow, calendar, {
        organization: 'A',
        role: 'B',
        source: 'employer',
        references: ['c1', 'c404'],
      }),
    ).rejects.toMatchObject({ field: 'references[1]' });
    await expect(
      addInterview(uow, { application: 'a404', round: 1, start: '2026-12-22T10:00' }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'application' });
    await addApplication(uow, calendar, { organization: 'A', role: 'B', source: 'employer' });
    await expect(
      addInterview(uow, {
        application: 'a1',
        round: 1,
        start: '2026-12-22T10:00',
        interviewers: ['c404'],
      }),
    ).rejects.toMatchObject({ field: 'interviewers[0]' });
    await expect(
      addInterview(uow, {
        application: 'a1',
        round: 1,
        start: '2026-12-22T10:00',
        durationMinutes: 0,
      }),
    ).rejects.toMatchObject({ field: 'durationMinutes' });
    // nothing of the failed calls was written
    const facts = await uow.transaction((repo) => repo.loadFacts());
    expect(facts.contacts.map((c) => c.id)).toEqual(['c1']);
    expect(facts.applications.map((a) => [a.id, a.interviews.length])).toEqual([['a1', 0]]);
  });
});

describe('logInteraction and the pacing guard', () => {
  const clock = fixedClock('2026-12-23T15:00:00Z');

  it('stores the fact with a generated id and `at` = now', async () => {
    await seedAcme();
    const { interaction, warnings } = await logInteraction(uow, calendar, clock, {
      application: 'a1',
      direction: 'out',
      kind: 'thank_you',
      channel: 'email',
      contacts: ['c1'],
    });
    expect(interaction).toMatchObject({
      id: 'x1',
      at: '2026-12-23T15:00:00Z',
      kind: 'thank_you',
      contacts: ['c1'],
    });
    expect(warnings).toEqual([]);
  });

  it('warns (and still stores) a second message to the same organisation on one day in the seeker zone', async () => {
    await seedAcme();
    await logInteraction(uow, calendar, clock, {
      application: 'a1',
      direction: 'out',
      kind: 'thank_you',
      contacts: ['c1'],
    });
    // Same kind, same application (the round's other thank-you): one message, no warning.
    const second = await logInteraction(uow, calendar, clock, {
      application: 'a1',
      direction: 'out',
      kind: 'thank_you',
      contacts: ['c2'],
      at: '2026-12-23T18:00:00Z',
    });
    expect(second.warnings).toEqual([]);
    // 04:00Z on the 24th is still 23:00 on the 23rd in New York: same day, other application of "acme corp".
    const third = await logInteraction(uow, calendar, clock, {
      application: 'a2',
      direction: 'out',
      kind: 'status_check',
      at: '2026-12-24T04:00:00Z',
    });
    expect(third.warnings).toHaveLength(1);
    expect(third.warnings[0]).toMatchObject({ kind: 'pacing', application: 'a2' });
    // 05:00Z on the 24th is midnight in New York: a new day.
    const fourth = await logInteraction(uow, calendar, clock, {
      application: 'a2',
      direction: 'out',
      kind: 'check_in',
      at: '2026-12-24T05:00:00Z',
    });
    expect(fourth.warnings).toEqual([]);
    // Inbound facts and the seeker's own steps never count.
    const inbound = await logInteraction(uow, calendar, clock, {
      application: 'a1',
      direction: 'in',
      kind: 'reply',
      at: '2026-12-24T06:00:00Z',
    });
    expect(inbound.warnings).toEqual([]);
    const facts = await uow.transaction((repo) => repo.loadFacts());
    expect(facts.applications.flatMap((a) => a.interactions.map((x) => x.id)).sort()).toEqual([
      'x1',
      'x2',
      'x3',
      'x4',
      'x5',
    ]);
  });

  it('rejects payloads on the wrong kind and unknown contacts', async () => {
    await seedAcme();
    await expect(
      logInteraction(uow, calendar, clock, {
        application: 'a1',
        direction: 'in',
        kind: 'reply',
        onHold: true,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'onHold' });
    await expect(
      logInteraction(uow, calendar, clock, { application: 'a1', direction: 'out', kind: 'reply' }),
    ).rejects.toMatchObject({ field: 'kind' });
    await expect(
      logInteraction(uow, calendar, clock, {
        application: 'a1',
        direction: 'out',
        kind: 'other',
        contacts: ['c7'],
      }),
    ).rejects.toMatchObject({ field: 'contacts[0]' });
    await expect(
      logInteraction(uow, calendar, clock, {
        application: 'a1',
        direction: 'out',
        kind: 'other',
        at: '2026-12-23T10:00',
      }),
    ).rejects.toMatchObject({ field: 'at' });
  });
});

describe('planFor and step actions', () => {
  // Thu 24 Dec 2026, 10:00 in New York. Fri 25 Dec is a US holiday; 26–27 the weekend.
  const clock = fixedClock('2026-12-24T15:00:00Z');

  it('plans from the stored facts', async () => {
    await seedAcme();
    const plan = await planFor(uow, calendar, clock.now());
    expect(plan.asOf).toBe('2026-12-24T15:00:00Z');
    expect(plan.steps.map((s) => s.id)).toContain('a1:thank_you:i1:c1');
  });

  it('done logs the outbound message now and closes the step', async () => {
    await seedAcme();
    const result = await recordStepAction(uow, calendar, clock, {
      stepId: 'a1:thank_you:i1:c1',
      action: 'done',
    });
    expect(result.event).toEqual({
      stepId: 'a1:thank_you:i1:c1',
      action: 'done',
      at: '2026-12-24T15:00:00Z',
      until: null,
    });
    expect(result.interaction).toMatchObject({
      direction: 'out',
      kind: 'thank_you',
      channel: 'email',
      contacts: ['c1'],
      at: '2026-12-24T15:00:00Z',
    });
    const after = await planFor(uow, calendar, clock.now());
    expect(after.steps.map((s) => s.id)).not.toContain('a1:thank_you:i1:c1');
    expect((await exportDocument(uow)).stepEvents).toEqual([result.event]);
  });

  it('skip ends a seeker step without logging a message', async () => {
    await seedAcme();
    const result = await recordStepAction(uow, calendar, clock, {
      stepId: 'a1:reflect:i1',
      action: 'skip',
    });
    expect(result.interaction).toBeNull();
    const after = await planFor(uow, calendar, clock.now());
    expect(after.steps.map((s) => s.id)).not.toContain('a1:reflect:i1');
  });

  it('snooze defaults to the next business day of the region (over Christmas and a weekend)', async () => {
    await seedAcme();
    const result = await recordStepAction(uow, calendar, clock, {
      stepId: 'a1:reflect:i1',
      action: 'snooze',
    });
    expect(result.event.until).toBe('2026-12-28');
    const explicit = await recordStepAction(uow, calendar, fixedClock('2026-12-24T15:00:01Z'), {
      stepId: 'a1:reflect:i1',
      action: 'snooze',
      until: '2027-01-05',
    });
    expect(explicit.event.until).toBe('2027-01-05');
  });

  it('rejects an unknown step, a bad action and a bad date, writing nothing', async () => {
    await seedAcme();
    const before = await exportDocument(uow);
    await expect(
      recordStepAction(uow, calendar, clock, { stepId: 'a1:nope', action: 'done' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      recordStepAction(uow, calendar, clock, { stepId: 'a1:reflect:i1', action: 'burn' as never }),
    ).rejects.toMatchObject({ field: 'action' });
    await expect(
      recordStepAction(uow, calendar, clock, {
        stepId: 'a1:reflect:i1',
        action: 'snooze',
        until: '2026-02-30',
      }),
    ).rejects.toMatchObject({ field: 'until' });
    expect(await exportDocument(uow)).toEqual(before);
  });

  it('done on move_on closes the application', async () => {
    // Interviewed in June, two check-ins logged and unanswered: move_on is due a month after the second.
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      settings: { timezone: 'America/New_York', region: 'US' },
      contacts: [{ id: 'c1', name: 'Ana', email: 'ana@acme.example' }],
      applications: [
        {
          id: 'a1',
          organization: 'Acme',
          role: 'Dev',
          source: 'employer',
          interviews: [
            {
              id: 'i1',
              round: 1,
              start: '2026-06-01T10:00',
              timezone: 'America/New_York',
              interviewers: ['c1'],
              notes: { keyPoints: ['x'] },
            },
          ],
          prosCons: { pros: ['p'] },
          interactions: [
            {
              id: 'x1',
              at: '2026-06-01T20:00:00Z',
              direction: 'out',
              kind: 'thank_you',
              contacts: ['c1'],
            },
            {
              id: 'x2',
              at: '2026-06-04T15:00:00Z',
              direction: 'out',
              kind: 'status_check',
              contacts: ['c1'],
            },
            {
              id: 'x3',
              at: '2026-06-09T15:00:00Z',
              direction: 'out',
              kind: 'status_check',
              contacts: ['c1'],
            },
            {
              id: 'x4',
              at: '2026-07-09T15:00:00Z',
              direction: 'out',
              kind: 'check_in',
              contacts: ['c1'],
            },
            {
              id: 'x5',
              at: '2026-08-10T15:00:00Z',
              direction: 'out',
              kind: 'check_in',
              contacts: ['c1'],
            },
          ],
        },
      ],
    });
    const moveOn = (await planFor(uow, calendar, clock.now())).steps.find(
      (s) => s.kind === 'move_on',
    );
    expect(moveOn).toBeDefined();
    const result = await recordStepAction(uow, calendar, clock, {
      stepId: moveOn!.id,
      action: 'done',
    });
    expect(result.interaction).toBeNull();
    const stored = await uow.transaction((repo) => repo.getApplication('a1'));
    expect(stored?.status).toBe('closed');
  });
});

describe('settings', () => {
  it('returns the defaults, validates updates, and null resets a field', async () => {
    expect(await getSettings(uow)).toEqual(DEFAULT_SETTINGS);
    const updated = await updateSettings(uow, calendar, {
      timezone: 'Europe/Dublin',
      region: 'IE',
      signature: 'Zoë',
    });
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      timezone: 'Europe/Dublin',
      region: 'IE',
      signature: 'Zoë',
    });
    expect(await getSettings(uow)).toEqual(updated);
    expect(await updateSettings(uow, calendar, { region: null })).toEqual({
      ...updated,
      region: 'US',
    });
    // The seeker's own address: trimmed, kept as typed; null forgets it.
    expect(await updateSettings(uow, calendar, { email: ' Me@Example.com ' })).toMatchObject({
      email: 'Me@Example.com',
    });
    expect((await getSettings(uow)).email).toBe('Me@Example.com');
    expect((await updateSettings(uow, calendar, { email: null })).email).toBeNull();
    for (const [input, field] of [
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ region: 'XX' }, 'region'],
      [{ preset: 'pushy' }, 'preset'],
      [{ activeTarget: 2.5 }, 'activeTarget'],
      [{ signature: 'a\u0000b' }, 'signature'],
      [{ smtp: {} }, 'smtp'],
      [{ email: 'me at example.com' }, 'email'],
    ] as const) {
      await expect(updateSettings(uow, calendar, input)).rejects.toMatchObject({
        code: 'invalid_input',
        field,
      });
    }
  });
});

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(quoted).toBe(false);
  expect(cell).toBe('');
  return rows;
}

describe('exportCsv', () => {
  it('writes one row per open step, RFC 4180 quoted, formulas defused', async () => {
    await seedAcme();
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      applications: [
        {
          id: 'a3',
          organization: '=HYPERLINK("http://evil.example","x")',
          role: "+cmd|' /C calc'!A0",
          source: 'employer',
        },
        { id: 'a4', organization: '@SUM(1+1)', role: '-2+3', source: 'employer' },
        { id: 'a5', organization: 'Quote "Co", Ltd', role: '  =1+1', source: 'employer' },
      ],
    });
    const csv = await exportCsv(uow, calendar, Date.parse('2026-12-23T15:00:00Z'));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['application', 'organization', 'role']);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const byApp = (id: string) => rows.filter((r) => r[0] === id);
    expect(byApp('a3')[0]!.slice(1, 3)).toEqual([
      '\'=HYPERLINK("http://evil.example","x")',
      "'+cmd|' /C calc'!A0",
    ]);
    expect(byApp('a4')[0]!.slice(1, 3)).toEqual(["'@SUM(1+1)", "'-2+3"]);
    expect(byApp('a5')[0]!.slice(1, 3)).toEqual(['Quote "Co", Ltd', '  =1+1']);
    // no cell of the whole file starts a formula
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const steps = byApp('a1').map((r) => r[header.indexOf('step')]);
    expect(steps).toContain('a1:thank_you:i1:c1');
    const thankYou = byApp('a1').find((r) => r[header.indexOf('step')] === 'a1:thank_you:i1:c1')!;
    expect(thankYou[header.indexOf('toNames')]).toBe('Ana');
    expect(thankYou[header.indexOf('dueAt')]).toBe('2026-12-23T16:00:00Z');
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('export → import → export', () => {
  it('is identical on a fresh database', async () => {
    await importDocument(uow, calendar, fullDocument());
    await recordStepAction(uow, calendar, fixedClock('2027-01-07T15:00:00Z'), {
      stepId: (await planFor(uow, calendar, Date.parse('2027-01-07T15:00:00Z'))).steps[0]!.id,
      action: 'skip',
    });
    const first = await exportDocument(uow);
    const otherDir = mkdtempSync(join(tmpdir(), 'tactful-app-'));
    const other = await openDatabase({ sqlitePath: join(otherDir, 'copy.db') });
    try {
      const otherUow = createUnitOfWork(other);
      await importDocument(otherUow, calendar, JSON.parse(JSON.stringify(first)));
      const second = await exportDocument(otherUow);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
