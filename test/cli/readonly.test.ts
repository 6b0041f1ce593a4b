// A database file the user cannot write: read commands work, writes fail in one line naming the
// file, and the file is never touched. Root ignores file modes, so the CLI runs as `nobody`.
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/errors.js';
import { DatabaseFileError } from '../../src/storage/open-mode.js';
import { scaled } from '../slowness.js';
import {
  cli,
  ensureBuilt,
  oneLineError,
  tactful,
  tempDir,
  writeJson,
  importSampleAsOwn,
} from './helpers.js';

// ensureBuilt also gives the build its own node_modules when the clone lies where `nobody`
// cannot read (a home folder of mode 700): these tests never depend on where the clone is.
beforeAll(() => ensureBuilt(), scaled(300_000));

const asNobody = { unprivileged: true } as const;

/** A database with the sample search as its own data, made by its owner, then made read-only; the folder is not writable by nobody either. */
async function readOnlyDemo(
  folderMode = 0o755,
): Promise<{ dir: string; db: string; exported: string; bytes: Buffer }> {
  const dir = tempDir();
  const db = join(dir, 'tactful.db');
  expect((await importSampleAsOwn(db)).code).toBe(0);
  // The owner's runs need no process of their own; nobody's do.
  const exported = (await cli(['--db', db, 'export'])).stdout;
  chmodSync(db, 0o444);
  chmodSync(dir, folderMode);
  return { dir, db, exported, bytes: readFileSync(db) };
}

/** Runs SQL on the file as its owner (root), with the sqlite3 module the product uses. */
function ownerSql(db: string, statement: string): void {
  execFileSync(
    'node',
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.exec(process.argv[2]);d.close()`,
      db,
      statement,
    ],
    {
      cwd: join(import.meta.dirname, '..', '..'),
    },
  );
}

describe('a read-only database file (read-only folder)', () => {
  it('serves today, plan and export exactly as the writable file did', async () => {
    const { db, exported, bytes } = await readOnlyDemo();
    const today = await tactful(['--db', db, 'today', '--as-of', '2026-11-23'], asNobody);
    expect(today).toMatchObject({ code: 0, stderr: '' });
    expect(today.stdout).toContain('Today');
    const plan = await tactful(['--db', db, 'plan', '--json', '--as-of', '2026-11-23'], asNobody);
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as { steps: unknown[] }).steps.length).toBeGreaterThan(0);
    const exportedReadOnly = await tactful(['--db', db, 'export'], asNobody);
    expect(exportedReadOnly).toMatchObject({ code: 0, stderr: '' });
    expect(exportedReadOnly.stdout).toBe(exported);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('refuses every write command in one line naming the file, and leaves it unchanged', async () => {
    const { dir, db, bytes } = await readOnlyDemo();
    const documents = tempDir();
    chmodSync(documents, 0o755);
    const document = writeJson(documents, 'one.json', {
      format: 'tactful/v1',
      contacts: [{ id: 'c900', name: 'Ana' }],
    });
    const writes = [
      ['add', 'contact', '--name', 'Ana'],
      ['import', document],
      ['log', '--kind', 'reply', '--application', 'a1', '--at', '2026-11-20T10:00:00Z'],
    ];
    for (const args of writes) {
      const result = await tactful(['--db', db, ...args], asNobody);
      expect(oneLineError(result), args.join(' ')).toBe(`tactful: ${db} is read-only`);
    }
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['tactful.db']);
  });

  it('says in one line that a file with pending migrations must be writable once', async () => {
    const dir = tempDir();
    const db = join(dir, 'old.db');
    expect((await importSampleAsOwn(db)).code).toBe(0);
    // An older tactful's file: the latest migration (the inbox account table) not applied yet.
    // (Only the latest: kysely refuses a file where an earlier one is missing.)
    ownerSql(
      db,
      "drop table inbox_accounts; delete from kysely_migration where name = '2026-12-02T12-20-00-inbox-account'",
    );
    chmodSync(db, 0o444);
    chmodSync(dir, 0o755);
    const bytes = readFileSync(db);
    for (const command of ['today', 'export']) {
      const line = oneLineError(await tactful(['--db', db, command], asNobody));
      expect(line).toBe(
        `tactful: ${db} is read-only and needs a one-time upgrade: make it (and its folder) writable and run tactful once`,
      );
    }
    expect(readFileSync(db).equals(bytes)).toBe(true);
    // Once writable, the next command upgrades it and the data is all there.
    chmodSync(db, 0o644);
    const upgraded = await cli(['--db', db, 'export']);
    expect(upgraded.code).toBe(0);
    expect(
      (JSON.parse(upgraded.stdout) as { applications: unknown[] }).applications.length,
    ).toBeGreaterThan(0);
  });
});

describe('a read-only database file in a writable folder', () => {
  it('reads through SQLite’s shared WAL index and still refuses writes', async () => {
    const { db, exported, bytes } = await readOnlyDemo(0o777);
    const result = await tactful(['--db', db, 'export'], asNobody);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(exported);
    expect(
      oneLineError(await tactful(['--db', db, 'add', 'contact', '--name', 'Ana'], asNobody)),
    ).toBe(`tactful: ${db} is read-only`);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });
});

describe('describeFailure for database file problems', () => {
  it('maps each problem to exit 1 and its one-line message', () => {
    expect(describeFailure(new DatabaseFileError('read_only', '/x/t.db'))).toEqual({
      exitCode: 1,
      message: '/x/t.db is read-only',
    });
    expect(describeFailure(new DatabaseFileError('disk_full', '/x/t.db'))).toEqual({
      exitCode: 1,
      message: 'disk full: /x/t.db is unchanged',
    });
  });
});
