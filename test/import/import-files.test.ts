// Importing the files seekers already have, on real databases (SQLite and PostgreSQL): each
// fixture is written from its format's documentation (the column names of the tracker's
// export, RFC 6350 cards, RFC 5545 invitations as Outlook and Google send them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from '../../src/app/import-document.js';
import {
  commitImport,
  previewImport,
  refusedRows,
  type ImportOptions,
  type ImportPreview,
} from '../../src/app/import-file.js';
import { exportVcf, tableCsv } from '../../src/app/export-tables.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { Application, Contact, TactfulDocument } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { loadImportFile, type LoadOptions } from '../../src/import/index.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from '../db/test-databases.js';

const calendar = new BusinessCalendar(dateHolidays());
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const ME = 'alex.seeker@gmail.example';
const scratch = mkdtempSync(join(tmpdir(), 'tactful-import-'));
let written = 0;
/** A file in a temp dir (bytes exactly as given). */
function file(content: string | Buffer, name = `f${(written += 1)}.csv`): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

async function sourceOf(path: string, options: LoadOptions = {}) {
  const loaded = await loadImportFile(path, options);
  if (loaded.kind !== 'records') throw new Error(`${path} was read as a JSON document`);
  return loaded.source;
}

const changed = (p: ImportPreview) =>
  Object.entries(p.counts).reduce(
    (n, [key, c]) =>
      n +
      (key === 'removedInterviews'
        ? (c as number)
        : (c as { created: number; updated: number }).created + (c as { updated: number }).updated),
    0,
  );

describe.each(DIALECTS)('importing files (%s)', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;

  beforeAll(async () => {
    if (dialect === 'postgres') await assertPostgresReachable();
  });
  beforeEach(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    uow = createUnitOfWork(database);
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      settings: { timezone: 'Europe/Berlin', region: 'DE-BE' },
    });
    return async () => {
      await database.close();
      await site.destroy();
    };
  });

  async function load(path: string, options: ImportOptions = {}, loadOptions: LoadOptions = {}) {
    return commitImport(uow, calendar, await sourceOf(path, loadOptions), {
      ownEmails: [ME],
      ...options,
    });
  }
  const facts = () => exportDocument(uow);
  const app = (doc: TactfulDocument, organization: string): Application => {
    const found = doc.applications.find((a) => a.organization === organization);
    if (!found) throw new Error(`no application at ${organization}`);
    return found;
  };
  const person = (doc: TactfulDocument, name: string): Contact => {
    const found = doc.contacts.find((c) => c.name === name);
    if (!found) throw new Error(`no contact ${name}`);
    return found;
  };

  it('reads a spreadsheet of applications: any header spelling, statuses, day-first dates, contacts and interviews', async () => {
    const source = await sourceOf(fixture('applications.csv'));
    expect(source.format).toBe('csv');
    const preview = await previewImport(uow, calendar, source);
    expect(preview.written).toBe(false);
    expect((await facts()).applications).toEqual([]);
    expect(preview.counts.applications).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(preview.skipped).toEqual([
      { row: 6, column: 'Status', reason: '"Wishlist": not applied yet' },
    ]);
    expect(preview.columns?.find((c) => c.header === 'Date Applied')).toMatchObject({
      field: 'createdOn',
      samples: ['25/11/2026', '03/11/2026', '12/10/2026'],
    });

    const done = await load(fixture('applications.csv'));
    expect(done.written).toBe(true);
    const doc = await facts();
    const northwind = app(doc, 'Northwind Analytics');
    // 25/11/2026 can only be day-first, so the whole file is read day-first (02/12 = 2 December).
    expect(northwind).toMatchObject({
      role: 'Data Engineer',
      status: 'active',
      source: 'employer',
      createdOn: '2026-11-25',
    });
    expect(northwind.interviews).toMatchObject([
      { round: 1, start: '2026-12-02T14:30', interviewers: [person(doc, 'Maya Chen').id] },
    ]);
    expect(app(doc, 'Contoso')).toMatchObject({ createdOn: '2026-11-03', status: 'active' });
    expect(app(doc, 'Fabrikam')).toMatchObject({
      source: 'recruiter',
      status: 'closed',
      agent: person(doc, 'Tom Baker').id,
    });
    expect(app(doc, 'Globex').status).toBe('rejected');
    expect(app(doc, 'Umbrella Corp')).toMatchObject({
      source: 'agency',
      status: 'offer',
      agent: person(doc, 'Priya Nair').id,
    });
    expect(doc.applications.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('imports the same file twice with one effect', async () => {
    await load(fixture('applications.csv'));
    const once = await facts();
    const again = await load(fixture('applications.csv'));
    expect(changed(again)).toBe(0);
    expect(again.counts.applications).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await facts()).toEqual(once);
  });

  it('reads a Huntr board export (listName is the status; Wishlist cards are not applications)', async () => {
    const source = await sourceOf(fixture('huntr-export.csv'));
    expect(source.format).toBe('huntr');
    const result = await load(fixture('huntr-export.csv'));
    expect(result.skipped.map((s) => s.row)).toEqual([5]);
    const doc = await facts();
    expect(doc.applications.map((a) => [a.organization, a.role, a.status, a.createdOn])).toEqual([
      ['Tailspin Toys', 'Senior Frontend Engineer', 'active', '2026-10-26'],
      ['Wingtip', 'Product Engineer', 'rejected', '2026-10-27'],
      ['Litware', 'Mobile Engineer', 'active', '2026-10-28'],
    ]);
  });

  it('reads a Teal job tracker export (month-first dates, its status words)', async () => {
    expect((await sourceOf(fixture('teal-export.csv'))).format).toBe('teal');
    await load(fixture('teal-export.csv'));
    const doc = await facts();
    expect(doc.applications.map((a) => [a.organization, a.status, a.createdOn])).toEqual([
      ['Adventure Works', 'active', '2026-11-03'],
      ['Blue Yonder Airlines', 'active', '2026-10-30'],
      ['Lucerne Publishing', 'rejected', '2026-10-02'],
      ["Margie's Travel", 'withdrawn', '2026-10-15'],
      ['Trey Research', 'closed', '2026-09-21'],
    ]);
  });

  it('reads LinkedIn Connections.csv after its preamble, and never duplicates a person on file', async () => {
    await load(fixture('applications.csv'));
    const source = await sourceOf(fixture('Connections.csv'));
    expect(source.format).toBe('linkedin');
    const result = await load(fixture('Connections.csv'));
    expect(result.counts.contacts).toEqual({ created: 2, updated: 1, unchanged: 0 });
    const doc = await facts();
    expect(doc.contacts.filter((c) => c.email === 'maya.chen@northwind.example')).toHaveLength(1);
    expect(person(doc, 'Maya Chen')).toMatchObject({
      title: 'Engineering Manager',
      linkedin: 'https://www.linkedin.com/in/mayachen',
    });
    expect(person(doc, 'Siobhán O’Neill')).toMatchObject({
      email: null,
      organization: 'Fabrikam',
      title: 'Director, Platform',
    });
    expect(changed(await load(fixture('Connections.csv')))).toBe(0);
  });

  it('reads vCards 2.1, 3.0 and 4.0: folded lines, quoted-printable, several e-mails and phones', async () => {
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      contacts: [{ id: 'c1', name: 'Maya C.', email: 'maya@gmail.example' }],
    });
    const result = await load(fixture('contacts.vcf'));
    expect(result.counts.contacts).toEqual({ created: 2, updated: 1, unchanged: 0 });
    const doc = await facts();
    // Known under her second address: the same person, and the address on file is kept.
    expect(person(doc, 'Maya Chen')).toMatchObject({
      id: 'c1',
      email: 'maya@gmail.example',
      phone: '+1 555 0100',
      organization: 'Northwind Analytics',
      title: 'Engineering Manager of the Data Platform and Analytics Infrastructure Team',
      notes: 'Met at the meetup, liked our talk.\nFollow up in January.',
    });
    expect(person(doc, 'Jonas Weber')).toMatchObject({
      email: 'jonas.weber@litware.example',
      linkedin: 'https://www.linkedin.com/in/jonasweber',
    });
    expect(person(doc, 'Jürgen Müller, Personalabteilung der Litware GmbH')).toMatchObject({
      email: 'juergen.mueller@litware.example',
      phone: '+49 30 1234567',
    });
    expect(changed(await load(fixture('contacts.vcf')))).toBe(0);
  });

  it('turns an invitation into an interview, updates it on a later SEQUENCE and removes it on CANCEL', async () => {
    await load(fixture('applications.csv'));
    const invite = await load(fixture('invite.ics'));
    expect(invite.counts.interviews).toEqual({ created: 1, updated: 0, unchanged: 0 });
    let doc = await facts();
    const northwind = app(doc, 'Northwind Analytics');
    const round2 = northwind.interviews.find((v) => v.id.startsWith('ics-'))!;
    // 14:00 "W. Europe Standard Time" (its VTIMEZONE: UTC+1 in December) = 13:00Z = 14:00 Berlin.
    expect(round2).toMatchObject({
      round: 2,
      start: '2026-12-15T14:00',
      timezone: 'Europe/Berlin',
      durationMinutes: 60,
      format: 'video',
    });
    // The organiser and an attendee; never the seeker, never the meeting room.
    expect(
      round2.interviewers
        .map((id) => person(doc, doc.contacts.find((c) => c.id === id)!.name).email)
        .sort(),
    ).toEqual(['lars.holm@northwind.example', 'maya.chen@northwind.example']);
    expect(doc.contacts.some((c) => c.email === ME || c.name === 'Room Oslo')).toBe(false);
    expect(person(doc, 'Lars Holm').organization).toBe('Northwind Analytics');

    const update = await load(fixture('invite-update.ics'));
    expect(update.counts.interviews).toEqual({ created: 0, updated: 1, unchanged: 0 });
    doc = await facts();
    expect(
      app(doc, 'Northwind Analytics').interviews.find((v) => v.id === round2.id),
    ).toMatchObject({
      round: 2,
      start: '2026-12-16T10:00',
      durationMinutes: 90,
    });
    expect(changed(await load(fixture('invite-update.ics')))).toBe(0);
    // The first invitation (SEQUENCE 0) found again in an old e-mail: the newer one stays.
    const stale = await load(fixture('invite.ics'));
    expect(changed(stale)).toBe(0);
    expect(stale.skipped).toEqual([
      {
        row: 1,
        column: 'SEQUENCE',
        reason: 'an older version (SEQUENCE 0) of an invitation already imported at SEQUENCE 1',
      },
    ]);
    expect(
      (await facts()).applications.flatMap((a) => a.interviews).find((v) => v.id === round2.id),
    ).toMatchObject({ start: '2026-12-16T10:00', durationMinutes: 90 });

    const cancel = await load(fixture('invite-cancel.ics'));
    expect(cancel.counts.removedInterviews).toBe(1);
    doc = await facts();
    expect(app(doc, 'Northwind Analytics').interviews.map((v) => v.id)).toEqual(['i1']);
    expect(changed(await load(fixture('invite-cancel.ics')))).toBe(0);
  });

  it("leaves the seeker's own address (the settings' email, any case) out of the interviewers", async () => {
    await load(fixture('applications.csv'));
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      settings: { email: 'Alex.Seeker@Gmail.Example' },
    });
    // No --me: the settings alone say who the seeker is.
    await commitImport(uow, calendar, await sourceOf(fixture('invite.ics')));
    const doc = await facts();
    const round2 = app(doc, 'Northwind Analytics').interviews.find((v) => v.id.startsWith('ics-'))!;
    const emails = round2.interviewers.map((id) => doc.contacts.find((c) => c.id === id)!.email);
    expect(emails.sort()).toEqual(['lars.holm@northwind.example', 'maya.chen@northwind.example']);
    expect(doc.contacts.some((c) => c.email?.toLowerCase() === ME)).toBe(false);
    expect(doc.settings.email).toBe('Alex.Seeker@Gmail.Example');
  });

  it('matches a plain Google Calendar event by the organiser domain, or by --application', async () => {
    const none = await previewImport(uow, calendar, await sourceOf(fixture('plain-event.ics')), {
      ownEmails: [ME],
    });
    expect(none.refused).toEqual([
      {
        row: 1,
        column: 'ORGANIZER',
        reason: 'no application matches contoso.example; choose one with --application ID',
      },
    ]);
    await load(fixture('applications.csv'));
    await load(fixture('plain-event.ics'));
    const contoso = app(await facts(), 'Contoso');
    expect(contoso.interviews).toMatchObject([
      { start: '2026-12-18T09:30', timezone: 'America/New_York', durationMinutes: 30 },
    ]);
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      applications: [{ id: 'other', organization: 'Somewhere', role: 'Else', source: 'employer' }],
    });
    const chosen = await previewImport(uow, calendar, await sourceOf(fixture('plain-event.ics')), {
      applicationId: 'nope',
    });
    expect(chosen.refused).toEqual([
      { row: 0, column: '--application', reason: 'no application "nope"' },
    ]);
  });

  it('round-trips its own CSV tables and vCards: export → import changes nothing', async () => {
    await load(fixture('applications.csv'));
    await load(fixture('Connections.csv'));
    await load(fixture('contacts.vcf'));
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      contacts: [
        {
          id: 'c90',
          name: '=HYPERLINK("http://evil.example")',
          notes: 'line one\nline two, "quoted"; semi \\ slash',
          organization: 'Acme; Co, Ltd',
          title: 'Head, of; things',
          isReference: true,
        },
      ],
      applications: [
        {
          id: 'a1',
          organization: 'Northwind Analytics',
          role: 'Data Engineer',
          source: 'employer',
          region: 'GB-ENG',
          policy: { preset: 'gentle' },
          prosCons: { pros: ['team', '+growth'], cons: ['commute'], strengths: [] },
          interactions: [
            {
              id: 'x1',
              at: '2026-12-03T09:00:00Z',
              direction: 'out',
              kind: 'thank_you',
              channel: 'email',
              contacts: ['c1'],
              summary: '@SUM(1)',
            },
            {
              id: 'x2',
              at: '2026-12-08T15:00:00Z',
              direction: 'in',
              kind: 'update',
              onHold: true,
              newDecisionDate: '2026-12-20',
            },
          ],
        },
      ],
    });
    const before = await facts();
    for (const what of ['applications', 'contacts', 'interactions'] as const) {
      const csv = tableCsv(before, what);
      const result = await load(file('\ufeff' + csv), {}, {});
      expect(result.refused, what).toEqual([]);
      expect(changed(result), `${what}: ${JSON.stringify(result.counts)}`).toBe(0);
    }
    const cards = await exportVcf(uow);
    expect(changed(await load(file(cards, 'all.vcf')))).toBe(0);
    expect(await facts()).toEqual(before);
  });

  it('imports a CSV table export into an empty database with the same facts', async () => {
    await load(fixture('applications.csv'));
    const before = await facts();
    const contacts = file(tableCsv(before, 'contacts'));
    const applications = file(tableCsv(before, 'applications'));
    const other = testDatabaseSite(dialect);
    const db2 = await other.open();
    try {
      const uow2 = createUnitOfWork(db2);
      for (const path of [contacts, applications])
        await commitImport(uow2, calendar, await sourceOf(path), {});
      const after = await exportDocument(uow2);
      const strip = (d: TactfulDocument) =>
        d.applications.map(({ interviews: _v, interactions: _x, ...a }) => a);
      expect(strip(after)).toEqual(strip(before));
      expect(after.contacts).toEqual(before.contacts);
    } finally {
      await db2.close();
      await other.destroy();
    }
  });
});

describe.each(DIALECTS)('hostile and awkward files (%s)', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;
  beforeEach(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    uow = createUnitOfWork(database);
    return async () => {
      await database.close();
      await site.destroy();
    };
  });
  const preview = async (
    path: string,
    options: ImportOptions = {},
    loadOptions: LoadOptions = {},
  ) => previewImport(uow, calendar, await sourceOf(path, loadOptions), options);

  it('keeps Windows-1252 and UTF-16 names intact, and refuses bytes it cannot read', async () => {
    const text =
      'Company,Role,Contact,Contact Email\r\nSociété Générale,Analyst,Jürgen Müller,jm@sg.example\r\n';
    for (const [name, bytes] of [
      ['windows-1252', iconv.encode(text, 'win1252')],
      [
        'utf-16le with BOM',
        Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
      ],
      ['utf-16le without BOM', iconv.encode(text, 'utf16le')],
      [
        'utf-16be with BOM',
        Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]),
      ],
      ['utf-8 with BOM', Buffer.from('\ufeff' + text)],
    ] as const) {
      const path = file(bytes);
      const result = await commitImport(uow, calendar, await sourceOf(path), {});
      expect(result.refused, name).toEqual([]);
      const doc = await exportDocument(uow);
      expect(
        doc.applications.map((a) => a.organization),
        name,
      ).toEqual(['Société Générale']);
      expect(
        doc.contacts.map((c) => c.name),
        name,
      ).toEqual(['Jürgen Müller']);
    }
    const mixed = Buffer.concat([
      Buffer.from('Company,Role\r\nSociété,A\r\n'),
      iconv.encode('Müller,B\r\n', 'latin1'),
    ]);
    await expect(sourceOf(file(mixed))).rejects.toThrow(/mixes UTF-8 with another encoding/);
  });

  it('keeps formula-looking text as typed (the export defuses it again) and reads defused cells back', async () => {
    const path = file(
      `Company,Role,Status\r\n"=HYPERLINK(""http://evil.example"",""x"")",+cmd|' /C calc'!A0,applied\r\n'@SUM(1+1),'-2+3,applied\r\n`,
    );
    const result = await commitImport(uow, calendar, await sourceOf(path), {});
    expect(result.refused).toEqual([]);
    const doc = await exportDocument(uow);
    expect(doc.applications.map((a) => [a.organization, a.role])).toEqual([
      ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0"],
      ['@SUM(1+1)', '-2+3'],
    ]);
    const csv = tableCsv(doc, 'applications');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(
      csv
        .split('\r\n')
        .flatMap((line) => line.split(','))
        .filter((cell) => /^[=+\-@]/.test(cell)),
    ).toEqual([]);
  });

  it('refuses a 10 MB cell in one line, naming the line', async () => {
    const path = file(`Company,Role,Notes\r\nA,B,"${'x'.repeat(10 * 1024 * 1024)}"\r\n`);
    await expect(sourceOf(path)).rejects.toThrow(
      /a cell at line 2 is longer than 100,000 characters/,
    );
  });

  it('reads 1,000 columns (using the ones it knows), duplicated headers (the first wins) and quotes across lines', async () => {
    const headers = ['Company', 'Role', ...Array.from({ length: 998 }, (_, i) => `Extra ${i}`)];
    const row = ['Wide Co', 'Engineer', ...Array.from({ length: 998 }, (_, i) => `v${i}`)];
    const wide = await preview(file(`${headers.join(',')}\r\n${row.join(',')}\r\n`));
    expect(wide.counts.applications.created).toBe(1);
    expect(wide.columns).toHaveLength(1000);

    const dup = await preview(
      file('Company,Role,Company,Employer\r\nFirst Co,Engineer,Second Co,Third Co\r\n'),
    );
    expect(dup.notes).toContain(
      'Columns "Company" and "Company" both name Organisation: "Company" is used.',
    );
    const result = await commitImport(
      uow,
      calendar,
      await sourceOf(file('Company,Role,Company\r\nFirst Co,Engineer,Second Co\r\n')),
      {},
    );
    expect(result.refused).toEqual([]);
    expect((await exportDocument(uow)).applications.map((a) => a.organization)).toEqual([
      'First Co',
    ]);

    const multi = file(
      'Name,Email,Notes\r\n"Ada ""the"" Lovelace",ada@example.com,"first line\r\nsecond, line"\r\nBob,bob@example.com,x\r\n',
    );
    const people = await commitImport(uow, calendar, await sourceOf(multi), {});
    expect(people.refused).toEqual([]);
    const ada = (await exportDocument(uow)).contacts.find((c) => c.email === 'ada@example.com');
    expect(ada).toMatchObject({ name: 'Ada "the" Lovelace', notes: 'first line\r\nsecond, line' });
  });

  it('refuses an unclosed quote with the line it starts on', async () => {
    await expect(sourceOf(file('Company,Role\r\nA,"B\r\nC,D\r\n'))).rejects.toThrow(
      /a quoted cell is never closed/,
    );
  });

  it('reports bad rows by row and column; writes nothing unless the bad rows are skipped', async () => {
    const path = file(
      [
        'Company,Role,Status,Applied,Contact Email,Contact',
        'Good Co,Engineer,applied,2026-11-02,,',
        ',Engineer,applied,2026-11-02,,',
        'Odd Co,Engineer,on the moon,2026-11-02,,',
        'Late Co,Engineer,applied,2026-02-30,,',
        'Ctrl Co,Engineer,applied,2026-11-02,x@y.example,"Bad\u0007Name"',
        'Ambiguous Co,Engineer,applied,03/04/2026,,',
      ].join('\r\n') + '\r\n',
    );
    const seen = await preview(path);
    expect(seen.refused).toEqual([
      { row: 3, column: 'Organisation', reason: 'is empty' },
      {
        row: 4,
        column: 'Status',
        reason: expect.stringMatching(/^"on the moon" is not a status tactful knows/),
      },
      { row: 5, column: 'Applied', reason: '"2026-02-30" is not a real date' },
      { row: 6, column: 'Contact', reason: 'must not contain control characters' },
      {
        row: 7,
        column: 'Applied',
        reason:
          '"03/04/2026" could be 2026-04-03 or 2026-03-04; say which with --date-order dmy or --date-order mdy',
      },
    ]);
    expect(seen.counts.applications.created).toBe(1);
    const refused = await commitImport(uow, calendar, await sourceOf(path), {});
    expect(refused.written).toBe(false);
    expect(refusedRows(refused.refused)).toBe('5 rows');
    expect((await exportDocument(uow)).applications).toEqual([]);

    const done = await commitImport(uow, calendar, await sourceOf(path), {
      skipBadRows: true,
      dateOrder: 'dmy',
    });
    expect(done.refused.map((p) => p.row)).toEqual([3, 4, 5, 6]);
    expect(
      (await exportDocument(uow)).applications.map((a) => [a.organization, a.createdOn]),
    ).toEqual([
      ['Good Co', '2026-11-02'],
      ['Ambiguous Co', '2026-04-03'],
    ]);
  });

  it('lets the seeker map an unknown column', async () => {
    const path = file('Firma,Stelle,Beworben am\r\nGlobex,Analyst,24.11.2026\r\n');
    const before = await preview(path);
    expect(before.table).toBe('contacts');
    const mapped = await preview(
      path,
      {},
      { overrides: { Firma: 'organization', Stelle: 'role', 'Beworben am': 'createdOn' } },
    );
    expect(mapped.table).toBe('applications');
    expect(mapped.counts.applications.created).toBe(1);
    expect(mapped.columns?.map((c) => c.field)).toEqual(['organization', 'role', 'createdOn']);
  });

  it('reads vCards with a 10 MB photo, and refuses one cut short', async () => {
    const photo = 'A'.repeat(10 * 1024 * 1024);
    const big = file(
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nEMAIL:big@example.com\r\nPHOTO;ENCODING=b;TYPE=JPEG:${photo}\r\nEND:VCARD\r\n`,
      'big.vcf',
    );
    expect((await preview(big)).counts.contacts.created).toBe(1);
    const cut = file('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n', 'cut.vcf');
    await expect(sourceOf(cut)).rejects.toThrow(/not a readable vCard file|no END:VCARD/);
  });
});

afterAll(() => undefined);
