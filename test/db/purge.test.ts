// Emptying the Trash, on every dialect: the records go for good with the journal's copies that
// could restore them and the draft edits of their steps; live records stop naming a purged
// contact; ids stay taken; no undo brings anything back, and each refusal says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDraftEdit, saveDraftEdit } from '../../src/app/draft-edits.js';
import {
  addApplication,
  addContact,
  deleteEntity,
  exportDocument,
  importDocument,
  listActivity,
  listTrash,
  planFor,
  previewPurge,
  purgeTrash,
  restore,
  undo,
  updateContact,
} from '../../src/app/index.js';
import type { Clock, UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import { fullDocument } from './full-document.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from './test-databases.js';

const calendar = new BusinessCalendar(dateHolidays());
const clock: Clock = { now: () => Date.parse('2026-12-24T15:00:00Z') };
const SOFT_DELETED = [
  'contacts',
  'applications',
  'interviews',
  'interactions',
  'step_events',
] as const;
let reachable: Promise<void> | undefined;

describe.each(DIALECTS)('emptying the Trash on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;
  let opened = false;

  beforeEach(async () => {
    opened = false;
    if (dialect === 'postgres') await (reachable ??= assertPostgresReachable());
    site = testDatabaseSite(dialect);
    database = await site.open();
    uow = createUnitOfWork(database, 'local', clock);
    opened = true;
    await importDocument(uow, calendar, fullDocument());
  });

  afterEach(async () => {
    if (!opened) return;
    await database.close();
    await site.destroy();
  });

  async function latest() {
    return (await listActivity(uow, { limit: 1 }))[0]!;
  }

  it('deletes the Trash for good: rows, journal copies and draft edits; live records stop naming the contact', async () => {
    await saveDraftEdit(uow, clock, 'a2:status_check', { body: 'My words to Globex' });
    await saveDraftEdit(uow, clock, 'a1:thank_you:i1:c2', { body: 'Kept: a1 stays' });
    await updateContact(uow, 'c1', { title: 'Head of Platform' });
    const edited = await latest();
    await deleteEntity(uow, 'c1');
    const deletedContact = await latest();
    await deleteEntity(uow, 'a2');

    const preview = await previewPurge(uow);
    expect(preview).toEqual({
      counts: { contacts: 1, applications: 1, interviews: 0, interactions: 1 },
      question:
        'Delete 1 application, 1 interaction and 1 contact in the Trash for good? This cannot be undone.',
    });
    const result = await purgeTrash(uow);
    expect(result.summary).toBe(
      'Emptied the Trash: 1 application, 1 interaction and 1 contact deleted for good',
    );
    expect(result.purged).toMatchObject({ contacts: 1, applications: 1, interactions: 1 });
    const purge = await latest();
    expect(purge).toMatchObject({ id: result.activityId, kind: 'purge', undoneAt: null });

    expect(await listTrash(uow)).toEqual([]);
    for (const table of SOFT_DELETED) {
      const left = await database.db
        .selectFrom(table)
        .select('deleted_in')
        .where('deleted_in', 'is not', null)
        .execute();
      expect(left, table).toEqual([]);
    }
    expect(
      await database.db.selectFrom('contacts').select('id').where('id', '=', 'c1').execute(),
    ).toEqual([]);
    expect(
      await database.db.selectFrom('applications').select('id').where('id', '=', 'a2').execute(),
    ).toEqual([]);
    // Nothing in the journal could bring Ana Müller or Globex back.
    const journal = await database.db.selectFrom('activity_rows').select('before_json').execute();
    const copies = journal.map((r) => r.before_json ?? '').join('\n');
    expect(copies).not.toContain('Ana Müller');
    expect(copies).not.toContain('Globex');
    // The interview and interaction she was named in stay, without her, in the stored rows.
    const i1 = await database.db
      .selectFrom('interviews')
      .select('interviewers_json')
      .where('id', '=', 'i1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(i1.interviewers_json)).toEqual(['c2']);
    const x1 = await database.db
      .selectFrom('interactions')
      .select('contacts_json')
      .where('id', '=', 'x1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(x1.contacts_json)).toEqual([]);
    const plan = await planFor(uow, calendar, clock.now());
    expect(plan.steps.some((s) => s.to.includes('c1') || s.application === 'a2')).toBe(false);
    expect(JSON.stringify(await exportDocument(uow))).not.toContain('"c1"');
    // The draft edit of the purged application's step went; the other stays.
    expect(await getDraftEdit(uow, 'a2:status_check')).toMatchObject({ edited: false });
    expect(await getDraftEdit(uow, 'a1:thank_you:i1:c2')).toMatchObject({ edited: true });

    // No undo brings anything back, and each refusal says why.
    const before = JSON.stringify(await exportDocument(uow));
    await expect(undo(uow)).rejects.toMatchObject({
      code: 'conflict',
      message: `activity ${purge.id} "${purge.summary}" cannot be undone: what it deleted is gone for good`,
    });
    await expect(undo(uow, deletedContact.id)).rejects.toMatchObject({
      code: 'conflict',
      message: `activity ${deletedContact.id} "Deleted Ana Müller" can no longer be undone: records it changed were deleted for good when the Trash was emptied (activity ${purge.id})`,
    });
    await expect(undo(uow, edited.id)).rejects.toThrow(
      /can no longer be undone: records it changed were deleted for good/,
    );
    await expect(restore(uow, 'c1')).rejects.toMatchObject({ code: 'not_found' });
    expect(JSON.stringify(await exportDocument(uow))).toBe(before);
  });

  it('never gives a purged id to a new record', async () => {
    await deleteEntity(uow, 'c10');
    await deleteEntity(uow, 'a2');
    await purgeTrash(uow);
    // c10 and a2 were the highest ids: the next ones are c11 and a3, even with the rows gone.
    expect((await addContact(uow, { name: 'Next' })).id).toBe('c11');
    const app = await addApplication(uow, calendar, {
      organization: 'Initech',
      role: 'QA',
      source: 'employer',
    });
    expect(app.id).toBe('a3');
    // Undoing what came after the purge still works as ever.
    expect((await undo(uow)).summary).toBe('Added application Initech — QA');
  });

  it('an empty Trash: nothing deleted, nothing recorded', async () => {
    const before = await listActivity(uow);
    expect((await previewPurge(uow)).question).toBe('The Trash is empty.');
    expect(await purgeTrash(uow)).toEqual({
      activityId: null,
      purged: { contacts: 0, applications: 0, interviews: 0, interactions: 0, stepEvents: 0 },
      summary: 'The Trash is already empty',
    });
    expect(await listActivity(uow)).toEqual(before);
  });
});
