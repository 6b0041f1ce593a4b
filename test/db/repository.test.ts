// One repository suite, run on every dialect (SQLite temp file, PostgreSQL fresh schema).
// No mocks: the real database, the real migrations, the real business calendar.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from '../../src/app/import-document.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { Contact, TactfulDocument } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import {
  backupSqlite,
  createUnitOfWork,
  openDatabase,
  type Database,
} from '../../src/storage/index.js';
import { migrationProvider } from '../../src/storage/migrations/index.js';
import { fullDocument } from './full-document.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from './test-databases.js';

const calendar = new BusinessCalendar(dateHolidays());

const contact = (id: string, name: string): Contact => ({
  id,
  name,
  title: null,
  organization: null,
  email: null,
  phone: null,
  linkedin: null,
  isReference: false,
  notes: null,
});

describe.each(DIALECTS)('repository on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;

  // Checked before every test (memoised) so an unreachable server fails each test with
  // the fix in its message instead of skipping them.
  let reachable: Promise<void> | undefined;
  let opened = false;
  beforeEach(async () => {
    opened = false;
    if (dialect === 'postgres') await (reachable ??= assertPostgresReachable());
    site = testDatabaseSite(dialect);
    database = await site.open();
    opened = true;
  });

  afterEach(async () => {
    if (!opened) return;
    await database.close();
    await site.destroy();
  });

  it('reports its dialect', () => {
    expect(database.dialect).toBe(dialect);
  });

  it('round-trips a document with every field, Unicode included, byte for byte', async () => {
    const uow = createUnitOfWork(database);
    await importDocument(uow, calendar, fullDocument());
    const exported = await exportDocument(uow);
    expect(exported).toEqual(fullDocument());
    expect(JSON.stringify(exported)).toBe(JSON.stringify(fullDocument()));
  });

  it('keeps instants and local times as written (offsets, fractions, seconds)', async () => {
    const uow = createUnitOfWork(database);
    await importDocument(uow, calendar, fullDocument());
    const facts = await uow.transaction((repo) => repo.loadFacts());
    const a1 = facts.applications.find((a) => a.id === 'a1')!;
    expect(a1.interactions.map((x) => x.at)).toEqual([
      '2026-12-23T21:00:00Z',
      '2027-01-05T10:15:00+01:00',
    ]);
    expect(a1.interviews.map((v) => v.start)).toEqual(['2026-12-23T14:00', '2027-01-12T09:30:15']);
    expect(facts.stepEvents[1]!.at).toBe('2026-12-24T09:30:00.125-05:00');
  });

  it('is idempotent: the same document twice changes nothing the second time', async () => {
    const uow = createUnitOfWork(database);
    const first = await importDocument(uow, calendar, fullDocument());
    expect(first.contacts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(first.interactions.created).toBe(3);
    const before = await exportDocument(uow);
    const second = await importDocument(uow, calendar, fullDocument());
    expect(second.contacts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(second.applications).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.interviews).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.interactions).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(second.stepEvents).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.settings).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await exportDocument(uow)).toEqual(before);
  });

  it('upserts: omitted keeps, null resets to the default, lists replace, nothing is deleted', async () => {
    const uow = createUnitOfWork(database);
    await importDocument(uow, calendar, fullDocument());
    const summary = await importDocument(uow, calendar, {
      format: 'tactful/v1',
      settings: { preset: null, signature: 'New sig' },
      contacts: [{ id: 'c1', name: 'Ana Müller-Smith', title: null }],
      applications: [
        {
          id: 'a1',
          organization: 'Acme Corp',
          role: 'Staff Engineer — Platform',
          source: 'employer',
          references: [],
          policy: null,
          prosCons: { cons: [] },
          interviews: [
            {
              id: 'i1',
              round: 1,
              start: '2026-12-23T14:00',
              interviewers: ['c2'],
              chance: null,
              durationMinutes: null,
            },
          ],
          interactions: [
            {
              id: 'x2',
              at: '2027-01-05T10:15:00+01:00',
              direction: 'in',
              kind: 'update',
              onHold: null,
            },
          ],
        },
      ],
    });
    expect(summary.contacts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(summary.interviews).toEqual({ created: 0, updated: 1, unchanged: 0 });

    const doc = await exportDocument(uow);
    const full = fullDocument();
    // settings: null resets, given replaces, omitted keeps
    expect(doc.settings).toEqual({ ...full.settings, preset: 'standard', signature: 'New sig' });
    const c1 = doc.contacts.find((c) => c.id === 'c1')!;
    expect(c1).toEqual({ ...full.contacts[0], name: 'Ana Müller-Smith', title: null });
    // other contacts untouched, none deleted
    expect(doc.contacts.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c10']);
    const a1 = doc.applications.find((a) => a.id === 'a1')!;
    const fullA1 = full.applications[0]!;
    expect(a1.organization).toBe('Acme Corp');
    expect(a1.references).toEqual([]);
    expect(a1.policy).toBeNull();
    expect(a1.createdOn).toBe(fullA1.createdOn);
    expect(a1.prosCons).toEqual({ ...fullA1.prosCons, cons: [] });
    // i2 and x1 were not in the document: still there
    expect(a1.interviews.map((v) => v.id)).toEqual(['i1', 'i2']);
    expect(a1.interactions.map((x) => x.id)).toEqual(['x1', 'x2']);
    const i1 = a1.interviews[0]!;
    expect(i1.interviewers).toEqual(['c2']);
    expect(i1.chance).toBe('medium');
    expect(i1.durationMinutes).toBe(60);
    expect(i1.decisionExpectedBy).toBe('2027-01-08');
    expect(i1.notes).toEqual(fullA1.interviews[0]!.notes);
    const x2 = a1.interactions[1]!;
    expect(x2.onHold).toBe(false);
    expect(x2.newDecisionDate).toBe('2027-01-15');
    expect(doc.applications.find((a) => a.id === 'a2')).toEqual(full.applications[1]);
  });

  it('rolls back every write of a failing unit of work', async () => {
    const uow = createUnitOfWork(database);
    await expect(
      uow.transaction(async (repo) => {
        await repo.upsertContact(contact('c1', 'Written first'));
        // No application a9: the foreign key fails inside the same transaction.
        await repo.upsertInterview('a9', fullDocument().applications[0]!.interviews[0]!);
      }),
    ).rejects.toThrow();
    const facts = await uow.transaction((repo) => repo.loadFacts());
    expect(facts.contacts).toEqual([]);
    expect(facts.applications).toEqual([]);
  });

  it('rejects a bad document without writing any part of it', async () => {
    const uow = createUnitOfWork(database);
    const bad = fullDocument() as unknown as {
      applications: { interactions: { kind: string }[] }[];
    };
    bad.applications[1]!.interactions[0]!.kind = 'thank_you'; // inbound thank_you: invalid, last in the document
    await expect(importDocument(uow, calendar, bad)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'applications[1].interactions[0].kind',
    });
    const facts = await uow.transaction((repo) => repo.loadFacts());
    expect(facts.contacts).toEqual([]);
    expect(facts.applications).toEqual([]);
    expect(facts.stepEvents).toEqual([]);
  });

  it('runs migrations once: reopening keeps the data and the migration log', async () => {
    await importDocument(createUnitOfWork(database), calendar, fullDocument());
    // Two reopenings: the migrator must find nothing to do each time.
    database = await reopen(database, site);
    database = await reopen(database, site);
    expect(await exportDocument(createUnitOfWork(database))).toEqual(fullDocument());
    const migrations = await database.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    // Each migration of the static list exactly once, in order.
    const names = Object.keys(await migrationProvider.getMigrations());
    expect(names.slice(0, 8)).toEqual([
      '2026-11-23T06-00-00-initial',
      '2026-11-23T07-00-00-outbox',
      '2026-11-23T07-30-00-outbox-live-step',
      '2026-12-02T09-00-00-activity-journal',
      '2026-12-02T09-10-00-draft-edits',
      '2026-12-02T12-00-00-own-email-and-sequence',
      '2026-12-02T12-10-00-inbox',
      '2026-12-02T12-20-00-inbox-account',
    ]);
    expect(migrations).toEqual(names.map((name) => ({ name })));
  });

  it('keeps seekers apart: another seeker id sees nothing and writes its own rows', async () => {
    await importDocument(createUnitOfWork(database), calendar, fullDocument());
    const other = createUnitOfWork(database, 'seeker-2');
    const facts = await other.transaction((repo) => repo.loadFacts());
    expect(facts.contacts).toEqual([]);
    expect(facts.applications).toEqual([]);
    // Another seeker's contact id is not a valid reference.
    await expect(
      importDocument(other, calendar, {
        format: 'tactful/v1',
        applications: [
          { id: 'a9', organization: 'X', role: 'Y', source: 'recruiter', agent: 'c3' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'applications[0].agent' });
    await other.transaction((repo) => repo.upsertContact(contact('c1', 'Other seeker’s c1')));
    const mine = await createUnitOfWork(database).transaction((repo) => repo.getContact('c1'));
    expect(mine?.name).toBe('Ana Müller');
    expect((await other.transaction((repo) => repo.getContact('c1')))?.name).toBe(
      'Other seeker’s c1',
    );
  });

  it('loads facts in natural id order with children grouped by application', async () => {
    const uow = createUnitOfWork(database);
    await uow.transaction(async (repo) => {
      for (const id of ['c10', 'c3', 'c2', 'c1']) await repo.upsertContact(contact(id, id));
    });
    const doc = fullDocument();
    await importDocument(uow, calendar, {
      ...doc,
      contacts: undefined,
      stepEvents: undefined,
      settings: undefined,
    });
    const facts = await uow.transaction((repo) => repo.loadFacts());
    expect(facts.contacts.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c10']);
    expect(
      facts.applications.map((a) => [a.id, a.interviews.length, a.interactions.length]),
    ).toEqual([
      ['a1', 2, 2],
      ['a2', 0, 1],
    ]);
    const a1 = await uow.transaction((repo) => repo.getApplication('a1'));
    expect(a1).toEqual(facts.applications[0]);
    expect(await uow.transaction((repo) => repo.getApplication('nope'))).toBeUndefined();
  });

  it('inserts of a generated id never overwrite: two concurrent writers, one conflict', async () => {
    const uow = createUnitOfWork(database);
    const results = await Promise.allSettled(
      ['first', 'second'].map((name) =>
        uow.transaction(async (repo) => {
          await repo.listIds('contact');
          await repo.insertContact(contact('c1', name));
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict', field: 'id' });
    const stored = await uow.transaction((repo) => repo.loadFacts());
    expect(stored.contacts).toHaveLength(1);
  });

  it('upserts in bulk across statement chunks, then updates in bulk', async () => {
    const uow = createUnitOfWork(database);
    const template = fullDocument().applications[0]!;
    const { interviews: _v, interactions: _x, ...fields } = template;
    const n = 1_500; // several multi-row statements per table
    const batch = (role: string) => ({
      contacts: [contact('c1', 'Ana')],
      applications: Array.from({ length: n }, (_, i) => ({
        ...fields,
        id: `a${i + 1}`,
        role,
        references: [],
        agent: null,
      })),
      interviews: Array.from({ length: n }, (_, i) => ({
        applicationId: `a${i + 1}`,
        interview: { ...template.interviews[0]!, id: `i${i + 1}`, interviewers: ['c1'] },
      })),
      stepEvents: [
        { stepId: 's', action: 'skip' as const, at: '2026-12-01T00:00:00Z', until: null },
      ],
    });
    await uow.transaction((repo) => repo.upsertAll(batch('first')));
    await uow.transaction((repo) => repo.upsertAll(batch('second')));
    const facts = await uow.read((repo) => repo.loadFacts());
    expect(facts.applications).toHaveLength(n);
    expect(new Set(facts.applications.map((a) => a.role))).toEqual(new Set(['second']));
    expect(facts.applications[n - 1]!.id).toBe(`a${n}`);
    expect(facts.applications[n - 1]!.interviews).toEqual([
      { ...template.interviews[0]!, id: `i${n}`, interviewers: ['c1'] },
    ]);
    expect(facts.stepEvents).toHaveLength(1);
  });

  it('stores a step event once however often it is recorded', async () => {
    const uow = createUnitOfWork(database);
    const event = {
      stepId: 'a1:debrief:i1',
      action: 'done' as const,
      at: '2026-12-23T20:00:00Z',
      until: null,
    };
    await uow.transaction(async (repo) => {
      await repo.addStepEvent(event);
      await repo.addStepEvent(event);
    });
    expect((await uow.transaction((repo) => repo.loadFacts())).stepEvents).toEqual([event]);
  });

  it('lists ids per entity type', async () => {
    const uow = createUnitOfWork(database);
    await importDocument(uow, calendar, fullDocument());
    const ids = await uow.transaction(async (repo) => ({
      contact: (await repo.listIds('contact')).sort(),
      application: (await repo.listIds('application')).sort(),
      interview: (await repo.listIds('interview')).sort(),
      interaction: (await repo.listIds('interaction')).sort(),
    }));
    expect(ids).toEqual({
      contact: ['c1', 'c10', 'c2', 'c3'],
      application: ['a1', 'a2'],
      interview: ['i1', 'i2'],
      interaction: ['x1', 'x2', 'x3'],
    });
  });

  it('read-only units of work see one snapshot and refuse writes where the dialect can', async () => {
    const uow = createUnitOfWork(database);
    await importDocument(uow, calendar, fullDocument());
    expect(await uow.read((repo) => repo.getContact('c1'))).toMatchObject({ name: 'Ana Müller' });
    if (dialect === 'postgres') {
      await expect(uow.read((repo) => repo.upsertContact(contact('c99', 'x')))).rejects.toThrow(
        /read-only/,
      );
      expect(await uow.read((repo) => repo.getContact('c99'))).toBeUndefined();
    }
  });

  if (dialect === 'sqlite') {
    it('a write use case holds the write lock from its start: a second process waits, never the first', async () => {
      const uow = createUnitOfWork(database);
      // A second connection to the same file, as another process (CLI beside the server) would have.
      const second = await site.open({ busyTimeoutMs: 50 });
      const secondWithShortWait = createUnitOfWork(second);
      let secondError: unknown;
      try {
        await uow.transaction(async (repo) => {
          await repo.loadFacts();
          // The other connection tries to write while this use case is between read and write.
          await secondWithShortWait
            .transaction((r) => r.upsertContact(contact('c2', 'second')))
            .catch((e: unknown) => {
              secondError = e;
            });
          await repo.upsertContact(contact('c1', 'first'));
        });
      } finally {
        await second.close();
      }
      expect(secondError).toMatchObject({ code: 'SQLITE_BUSY' });
      const stored = await uow.read((repo) => repo.loadFacts());
      expect(stored.contacts.map((c) => c.name)).toEqual(['first']);
    }, 30_000);

    it('backs up a consistent snapshot that opens with the same data', async () => {
      const uow = createUnitOfWork(database);
      await importDocument(uow, calendar, fullDocument());
      const dir = mkdtempSync(join(tmpdir(), 'tactful-backup-'));
      try {
        // The folder must exist (a typo never grows a tree); an existing file needs overwrite.
        await expect(backupSqlite(database, join(dir, 'sub', 'backup.db'))).rejects.toThrow(
          /folder .*sub does not exist/,
        );
        expect(existsSync(join(dir, 'sub'))).toBe(false);
        const file = join(dir, 'backup.db');
        await backupSqlite(database, file);
        expect(existsSync(file)).toBe(true);
        await expect(backupSqlite(database, file)).rejects.toMatchObject({ code: 'conflict' });
        await backupSqlite(database, file, { overwrite: true });
        const copy = await openDatabase({ sqlitePath: file });
        try {
          expect(await exportDocument(createUnitOfWork(copy))).toEqual(fullDocument());
        } finally {
          await copy.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  } else {
    it('refuses a SQLite backup with a clear error', async () => {
      await expect(backupSqlite(database, '/tmp/never.db')).rejects.toThrow(/pg_dump/);
    });
  }
});

/** Opens the same site a second time (migrations run again and must be a no-op). */
async function reopen(database: Database, site: TestDatabaseSite): Promise<Database> {
  await database.close();
  return site.open();
}

describe('SQLite file handling', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates the parent directory and uses WAL with foreign keys on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-file-'));
    dirs.push(dir);
    const file = join(dir, 'a', 'b', 'tactful.db');
    const database = await openDatabase({ sqlitePath: file });
    try {
      expect(existsSync(file)).toBe(true);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
      expect(keys.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('opens a copy of a database file taken while closed (plain file copy is a valid backup too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-file-'));
    dirs.push(dir);
    const file = join(dir, 'one.db');
    const database = await openDatabase({ sqlitePath: file });
    await importDocument(createUnitOfWork(database), calendar, fullDocument());
    await database.close();
    copyFileSync(file, join(dir, 'two.db'));
    const copy = await openDatabase({ sqlitePath: join(dir, 'two.db') });
    try {
      const doc: TactfulDocument = await exportDocument(createUnitOfWork(copy));
      expect(doc.contacts).toHaveLength(4);
    } finally {
      await copy.close();
    }
  });
});
