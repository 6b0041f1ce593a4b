// `tactful import FILE` on the built binary, as a seeker runs it from a script or a pipe:
// the preview, --yes, --dry-run [--json], --skip-bad-rows, saved mappings, refusals of files
// that are not files to import, and the exports that import back.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, oneLineError, tactful, tempDir } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const FIXTURES = join(import.meta.dirname, '..', 'import', 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);

async function exportJson(db: string): Promise<string> {
  const result = await tactful(['--db', db, 'export']);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('tactful import (spreadsheets, cards, invitations)', () => {
  const dir = tempDir();
  const env = { XDG_CONFIG_HOME: join(dir, 'config') };

  it('previews without a terminal and writes nothing unless --yes', async () => {
    const db = join(dir, 'preview.db');
    const empty = await exportJson(db);
    const preview = await tactful(['--db', db, 'import', fixture('applications.csv')]);
    expect(oneLineError(preview)).toBe(
      'tactful: nothing imported: add --yes to import 5 applications, 3 contacts, 1 interview without a terminal (or --dry-run to only preview)',
    );
    expect(preview.stdout).toContain('applications.csv: spreadsheet (UTF-8)');
    expect(preview.stdout).toMatch(/applications\s+5\s+0\s+0/);
    expect(preview.stdout).toContain('row 6, Status: "Wishlist": not applied yet');
    expect(await exportJson(db)).toBe(empty);

    const yes = await tactful(['--db', db, 'import', fixture('applications.csv'), '--yes']);
    expect(yes).toMatchObject({ code: 0, stderr: '' });
    expect(yes.stdout).toMatch(
      /Imported 5 applications, 3 contacts, 1 interview from .*applications\.csv\.\n$/,
    );
    const once = await exportJson(db);

    const again = await tactful(['--db', db, 'import', fixture('applications.csv'), '--yes']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('Nothing to import: everything in the file is already on file.');
    expect(await exportJson(db)).toBe(once);
  }, 180_000);

  it('--dry-run --json prints the preview as JSON and writes nothing', async () => {
    const db = join(dir, 'dry.db');
    const result = await tactful([
      '--db',
      db,
      'import',
      fixture('teal-export.csv'),
      '--dry-run',
      '--json',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const preview = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(preview).toMatchObject({
      format: 'teal',
      encoding: 'UTF-8',
      table: 'applications',
      written: false,
      counts: { applications: { created: 5, updated: 0, unchanged: 0 } },
      skipped: [{ row: 4, column: 'Status', reason: '"Bookmarked": not applied yet' }],
      refused: [],
    });
    expect(JSON.parse(await exportJson(db)).applications).toEqual([]);
  }, 180_000);

  it('refuses bad rows (exit 1, row and column on stdout) unless --skip-bad-rows', async () => {
    const db = join(dir, 'bad.db');
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'Company,Role,Status\r\nGood Co,Engineer,applied\r\nBad Co,Engineer,on the moon\r\n',
    );
    const refused = await tactful(['--db', db, 'import', file, '--yes']);
    expect(oneLineError(refused)).toBe(
      'tactful: nothing imported: 1 row refused; fix them or import the rest with --skip-bad-rows',
    );
    expect(refused.stdout).toContain('row 3, Status: "on the moon" is not a status tactful knows');
    expect(JSON.parse(await exportJson(db)).applications).toEqual([]);
    const skipped = await tactful(['--db', db, 'import', file, '--yes', '--skip-bad-rows']);
    expect(skipped).toMatchObject({ code: 0, stderr: '' });
    expect(
      JSON.parse(await exportJson(db)).applications.map(
        (a: { organization: string }) => a.organization,
      ),
    ).toEqual(['Good Co']);
  }, 180_000);

  it('maps columns with --column, saves the mapping by name and reuses it', async () => {
    const db = join(dir, 'mapping.db');
    const file = join(dir, 'german.csv');
    writeFileSync(file, 'Firma,Stelle,Beworben am\r\nGlobex,Analyst,03.04.2026\r\n');
    const saved = await tactful(
      [
        '--db',
        db,
        'import',
        file,
        '--dry-run',
        '--column',
        'Firma=organization',
        'Stelle=role',
        'Beworben am=createdOn',
        '--date-order',
        'dmy',
        '--save-mapping',
        'german',
      ],
      { env },
    );
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/^Mapping saved as "german" \(.*mappings\/german\.json\)\.\n$/);
    const reused = await tactful(['--db', db, 'import', file, '--mapping', 'german', '--yes'], {
      env,
    });
    expect(reused).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(await exportJson(db)).applications).toMatchObject([
      { organization: 'Globex', role: 'Analyst', createdOn: '2026-04-03' },
    ]);
    expect(
      oneLineError(await tactful(['--db', db, 'import', file, '--mapping', 'nope'], { env })),
    ).toBe('tactful: --mapping: no saved mapping "nope" (save one with --save-mapping nope)');
    expect(
      oneLineError(await tactful(['--db', db, 'import', file, '--column', 'Firma=company'])),
    ).toMatch(/^tactful: --column: "company" is not a field/);
  }, 180_000);

  it('imports invitations: --me is never an interviewer; a cancellation removes the interview', async () => {
    const db = join(dir, 'ics.db');
    expect((await tactful(['--db', db, 'import', fixture('applications.csv'), '--yes'])).code).toBe(
      0,
    );
    const invite = await tactful([
      '--db',
      db,
      'import',
      fixture('invite.ics'),
      '--yes',
      '--me',
      'alex.seeker@gmail.example',
    ]);
    expect(invite).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(await exportJson(db));
    expect(doc.contacts.map((c: { email: string }) => c.email)).not.toContain(
      'alex.seeker@gmail.example',
    );
    const cancel = await tactful(['--db', db, 'import', fixture('invite-cancel.ics'), '--yes']);
    expect(cancel.stdout).toMatch(/Imported 1 cancellation \(removing 1 interview\) from /);
    expect(JSON.parse(await exportJson(db)).applications[0].interviews).toHaveLength(1);
  }, 180_000);

  it('keeps importing the JSON document at once, without --yes (scripts and restores rely on it)', async () => {
    const source = join(dir, 'source.db');
    // (`demo` has its own database: seed with a spreadsheet instead.)
    expect(
      (await tactful(['--db', source, 'import', fixture('applications.csv'), '--yes'])).code,
    ).toBe(0);
    const file = join(dir, 'doc.json');
    writeFileSync(file, await exportJson(source));
    const db = join(dir, 'json.db');
    const dry = await tactful(['--db', db, 'import', file, '--dry-run']);
    expect(dry.stdout).toMatch(
      /^Would import .* new, 0 updated, 0 unchanged\. Nothing written \(--dry-run\)\.\n$/,
    );
    expect(JSON.parse(await exportJson(db)).applications).toEqual([]);
    const result = await tactful(['--db', db, 'import', file]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Imported 3 contacts, 5 applications, 1 interview, /);
    // Named otherwise, the document is still recognised by its content.
    const renamed = join(dir, 'backup.txt');
    writeFileSync(renamed, readFileSync(file));
    expect((await tactful(['--db', db, 'import', renamed])).stdout).toMatch(
      / 0 new, 0 updated, \d+ unchanged\.\n$/,
    );
  }, 180_000);

  it('refuses what is not a file to import in one line, exit 1', async () => {
    const db = join(dir, 'refuse.db');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const big = join(dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 65 * 1024 * 1024);
    closeSync(fd);
    const png = join(dir, 'photo.csv');
    writeFileSync(
      png,
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
    );
    const xlsx = join(dir, 'book.xlsx');
    writeFileSync(xlsx, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
    const prose = join(dir, 'letter.txt');
    writeFileSync(prose, 'Dear hiring manager\nI am writing to\n');
    const cases: [string, RegExp][] = [
      ['/dev/zero', /^tactful: \/dev\/zero: is a device; import a saved file$/],
      [fifo, /: is a pipe \(FIFO\); import a saved file$/],
      [big, /big\.csv: is 65 MB, more than the 64 MB an import may be$/],
      [png, /photo\.csv: is a binary file, not a spreadsheet, vCard or calendar$/],
      [
        xlsx,
        /book\.xlsx: is a zip archive \(an Excel \.xlsx workbook\?\); save it as CSV first, not a file tactful can import$/,
      ],
      [prose, /letter\.txt: is not a format tactful can import/],
      [join(dir, 'missing.csv'), /missing\.csv: no such file$/],
    ];
    for (const [path, expected] of cases) {
      const result = await tactful(['--db', db, 'import', path]);
      expect(oneLineError(result), path).toMatch(expected);
    }
  }, 180_000);

  it('exports CSV tables (UTF-8 with BOM) and vCards that import back with no change', async () => {
    const db = join(dir, 'export.db');
    for (const name of ['applications.csv', 'Connections.csv', 'contacts.vcf', 'invite.ics']) {
      expect(
        (
          await tactful([
            '--db',
            db,
            'import',
            fixture(name),
            '--yes',
            '--me',
            'alex.seeker@gmail.example',
          ])
        ).code,
        name,
      ).toBe(0);
    }
    const before = await exportJson(db);
    for (const what of ['contacts', 'applications', 'interactions']) {
      const csv = await tactful(['--db', db, 'export', '--format', 'csv', '--what', what]);
      expect(csv.code).toBe(0);
      expect(csv.stdout.startsWith('\ufeff')).toBe(true);
      const file = join(dir, `${what}.csv`);
      writeFileSync(file, csv.stdout);
      const again = await tactful(['--db', db, 'import', file, '--yes']);
      expect(again, what).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout, what).toContain('Nothing to import');
    }
    const vcf = await tactful(['--db', db, 'export', '--format', 'vcf']);
    expect(vcf.stdout).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    const cards = join(dir, 'contacts.vcf');
    writeFileSync(cards, vcf.stdout);
    expect((await tactful(['--db', db, 'import', cards, '--yes'])).stdout).toContain(
      'Nothing to import',
    );
    expect(await exportJson(db)).toBe(before);
    expect(
      oneLineError(await tactful(['--db', db, 'export', '--format', 'json', '--what', 'contacts'])),
    ).toBe('tactful: --what goes with --format csv (got --format json)');
  }, 180_000);
});
