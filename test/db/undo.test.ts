// Undo is exact (RELIABILITY): every action undone gives back the same export byte for byte
// and the same stored rows; delete → restore likewise. On every dialect.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplication,
  addContact,
  addInterview,
  deleteEntity,
  exportDocument,
  importDocument,
  listActivity,
  listTrash,
  logInteraction,
  planFor,
  previewDelete,
  recordStepAction,
  restore,
  undo,
  updateApplication,
  updateContact,
  updateInterview,
  updateSettings,
} from '../../src/app/index.js';
import type { Clock, UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { TactfulDocument } from '../../src/core/types.js';
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
// Thu 24 Dec 2026, 15:00Z: a1's round 1 (23 Dec) has open follow-ups.
const clock: Clock = { now: () => Date.parse('2026-12-24T15:00:00Z') };

const FACT_TABLES = [
  'settings',
  'contacts',
  'applications',
  'interviews',
  'interactions',
  'step_events',
] as const;

describe.each(DIALECTS)('undo and the Trash on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;
  let reachable: Promise<void> | undefined;
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

  /** Every stored fact row (the Trash included), in a stable order, as text. */
  async function rows(): Promise<string> {
    const dump: Record<string, string[]> = {};
    for (const table of FACT_TABLES) {
      const found = await database.db.selectFrom(table).selectAll().execute();
      dump[table] = found.map((r) => JSON.stringify(r)).sort();
    }
    return JSON.stringify(dump);
  }

  async function snapshot(): Promise<{ exported: string; rows: string }> {
    return { exported: JSON.stringify(await exportDocument(uow)), rows: await rows() };
  }

  async function latestSummary(): Promise<string> {
    return (await listActivity(uow, { limit: 1 }))[0]!.summary;
  }

  const actions: [string, () => Promise<unknown>, RegExp][] = [
    [
      'done',
      async () => {
        const step = (await planFor(uow, calendar, clock.now())).steps.find(
          (s) => s.kind === 'thank_you',
        )!;
        return recordStepAction(uow, calendar, clock, { stepId: step.id, action: 'done' });
      },
      /^Marked done: thank-you to .+ \(Acme Corp\)$/,
    ],
    [
      'skip',
      async () => {
        const step = (await planFor(uow, calendar, clock.now())).steps[0]!;
        return recordStepAction(uow, calendar, clock, { stepId: step.id, action: 'skip' });
      },
      /^Skipped: /,
    ],
    [
      'snooze',
      async () => {
        const step = (await planFor(uow, calendar, clock.now())).steps[0]!;
        return recordStepAction(uow, calendar, clock, {
          stepId: step.id,
          action: 'snooze',
          until: '2027-02-01',
        });
      },
      /^Snoozed until 2027-02-01: /,
    ],
    [
      'close as no response',
      () => updateApplication(uow, calendar, clock, 'a1', { status: 'closed' }),
      /^Closed as no response: Acme Corp — /,
    ],
    [
      'log',
      () =>
        logInteraction(uow, calendar, clock, {
          application: 'a1',
          direction: 'in',
          kind: 'reply',
          channel: 'email',
          contacts: ['c1'],
        }),
      /^Logged reply from Ana Müller \(Acme Corp\)$/,
    ],
    ['add contact', () => addContact(uow, { name: 'Zed' }), /^Added contact Zed$/],
    [
      'add application',
      () =>
        addApplication(
          uow,
          calendar,
          { organization: 'Initech', role: 'QA', source: 'employer' },
          clock,
        ),
      /^Added application Initech — QA$/,
    ],
    [
      'add interview',
      () => addInterview(uow, { application: 'a1', round: 3, start: '2027-01-20T10:00' }),
      /^Added interview round 3 at Acme Corp — /,
    ],
    [
      'edit contact',
      () => updateContact(uow, 'c1', { title: 'CTO', notes: null }),
      /^Edited contact Ana Müller$/,
    ],
    [
      'edit application',
      () => updateApplication(uow, calendar, clock, 'a1', { role: 'Staff Dev', references: [] }),
      /^Edited Acme Corp — Staff Engineer — Platform$/,
    ],
    [
      'edit interview (debrief)',
      () => updateInterview(uow, 'a1', 'i1', { interviewers: ['c1'], chance: 'high' }),
      /^Edited interview round 1 at Acme Corp — Staff Engineer — Platform$/,
    ],
    [
      'settings',
      () => updateSettings(uow, calendar, { timezone: 'Europe/London', signature: 'Z' }),
      /^Changed settings: time zone, signature$/,
    ],
    [
      'import',
      () =>
        importDocument(uow, calendar, {
          format: 'tactful/v1',
          contacts: [
            { id: 'c1', name: 'Ana M.' },
            { id: 'n1', name: 'New' },
          ],
          applications: [{ id: 'a9', organization: 'Globex', role: 'Dev', source: 'recruiter' }],
        }),
      /^Imported 1 application and 2 contacts$/,
    ],
    [
      'delete application',
      () => deleteEntity(uow, 'a1'),
      /^Deleted Acme Corp — Staff Engineer — Platform with 2 interviews and 2 interactions$/,
    ],
    ['delete contact', () => deleteEntity(uow, 'c1'), /^Deleted Ana Müller$/],
    [
      'delete interview',
      () => deleteEntity(uow, 'i2'),
      /^Deleted round 2 at Acme Corp — Staff Engineer — Platform$/,
    ],
    ['delete interaction', () => deleteEntity(uow, 'x1'), /^Deleted /],
  ];

  it.each(actions)(
    '%s, undone, leaves the export and every row as before',
    async (_, act, summary) => {
      const before = await snapshot();
      await act();
      expect(await latestSummary()).toMatch(summary);
      expect((await snapshot()).exported).not.toBe(before.exported);
      const undone = await undo(uow);
      expect(undone.summary).toMatch(summary);
      expect(await snapshot()).toEqual(before);
      // Nothing left to undo but the import that seeded the test.
      expect((await listActivity(uow)).filter((a) => a.undoneAt === null)).toHaveLength(1);
    },
  );

  it('delete → Trash → restore gives back the application with its interviews, interactions and step events', async () => {
    const before = await snapshot();
    const preview = await previewDelete(uow, 'a1');
    expect(preview.question).toBe(
      'Delete Acme Corp — Staff Engineer — Platform with 2 interviews and 2 interactions?',
    );
    expect(preview.goesWith).toEqual({ interviews: 2, interactions: 2, stepEvents: 2 });
    await deleteEntity(uow, 'a1');
    const exported = await exportDocument(uow);
    expect(exported.applications.map((a) => a.id)).toEqual(['a2']);
    expect(exported.stepEvents).toEqual([]);
    const trash = await listTrash(uow);
    expect(trash).toHaveLength(1);
    expect(trash[0]!.items.map((i) => `${i.entity}:${i.id}`).sort()).toEqual([
      'application:a1',
      'interaction:x1',
      'interaction:x2',
      'interview:i1',
      'interview:i2',
    ]);
    // Restoring a record that went with its application brings the whole application back.
    await restore(uow, 'i2');
    expect(await snapshot()).toEqual(before);
    expect(await listTrash(uow)).toEqual([]);
  });

  it('never reuses the id of a record in the Trash, and refuses to write over it', async () => {
    await deleteEntity(uow, 'c10');
    // c10 was the highest contact id: the next one is c11, not c10 again.
    expect((await addContact(uow, { name: 'Next' })).id).toBe('c11');
    await expect(addContact(uow, { id: 'c10', name: 'Again' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      importDocument(uow, calendar, {
        format: 'tactful/v1',
        contacts: [{ id: 'c10', name: 'Overwrite' }],
      }),
    ).rejects.toThrow('contact "c10" is in the Trash: restore it first (tactful restore c10)');
  });

  it('a deleted contact leaves no step pointing at them, and comes back in every list on restore', async () => {
    const before = await snapshot();
    const preview = await previewDelete(uow, 'c1');
    expect(preview.question).toBe(
      'Delete Ana Müller? They are named in 1 interview and 1 interaction, which stay without them.',
    );
    await deleteEntity(uow, 'c1');
    const plan = await planFor(uow, calendar, clock.now());
    expect(plan.steps.some((s) => s.to.includes('c1'))).toBe(false);
    const doc = await exportDocument(uow);
    expect(JSON.stringify(doc)).not.toContain('"c1"');
    await restore(uow, 'c1');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to undo an older activity while a later one changed the same records', async () => {
    const start = await snapshot();
    await updateApplication(uow, calendar, clock, 'a1', { role: 'First' });
    const [first] = await listActivity(uow, { limit: 1 });
    await updateApplication(uow, calendar, clock, 'a1', { role: 'Second' });
    const [second] = await listActivity(uow, { limit: 1 });
    const middle = await snapshot();
    await expect(undo(uow, first!.id)).rejects.toMatchObject({
      code: 'conflict',
      message: `undo activity ${second!.id} "Edited Acme Corp — First" first: it changed the same records later`,
    });
    expect(await snapshot()).toEqual(middle);
    await undo(uow, second!.id);
    await undo(uow, first!.id);
    expect(await snapshot()).toEqual(start);
    await expect(undo(uow, first!.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(undo(uow, 9999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to undo the creation of a record a later activity depends on', async () => {
    const app = await addApplication(uow, calendar, {
      organization: 'Initech',
      role: 'QA',
      source: 'employer',
    });
    const [added] = await listActivity(uow, { limit: 1 });
    await logInteraction(uow, calendar, clock, {
      application: app.id,
      direction: 'in',
      kind: 'invitation',
      channel: 'email',
      contacts: [],
    });
    await expect(undo(uow, added!.id)).rejects.toThrow(
      /^undo activity \d+ "Logged invitation \(Initech\)" first/,
    );

    const contact = await addContact(uow, { name: 'Zed' });
    const [contactAdded] = await listActivity(uow, { limit: 1 });
    await updateInterview(uow, 'a1', 'i1', { interviewers: ['c1', contact.id] });
    await expect(undo(uow, contactAdded!.id)).rejects.toThrow(
      /^undo activity \d+ "Edited interview round 1 at Acme Corp — Staff Engineer — Platform" first/,
    );
  });

  it('undoes an import of a few thousand rows in one go', async () => {
    const before = await snapshot();
    const many: TactfulDocument = {
      format: 'tactful/v1',
      settings: fullDocument().settings,
      contacts: Array.from({ length: 500 }, (_, i) => ({
        ...fullDocument().contacts[1]!,
        id: `bulk-c${i}`,
        name: `Person ${i}`,
      })),
      applications: Array.from({ length: 2500 }, (_, i) => ({
        id: `bulk-a${i}`,
        organization: `Org ${i}`,
        role: 'Dev',
        source: 'employer' as const,
        region: null,
        status: 'active' as const,
        createdOn: '2026-12-01',
        agent: null,
        references: [`bulk-c${i % 500}`],
        policy: null,
        prosCons: { pros: [], cons: [], strengths: [] },
        interviews: [],
        interactions: [
          {
            id: `bulk-x${i}`,
            at: '2026-12-02T10:00:00Z',
            direction: 'out' as const,
            kind: 'other' as const,
            channel: 'email' as const,
            contacts: [`bulk-c${i % 500}`],
            summary: null,
            newDecisionDate: null,
            onHold: false,
            offerDeadline: null,
          },
        ],
      })),
      stepEvents: [],
    };
    // Also updates an existing record: its before-image must come back too.
    many.contacts.push({ ...fullDocument().contacts[0]!, name: 'Ana Renamed' });
    await importDocument(uow, calendar, many);
    const [imported] = await listActivity(uow, { limit: 1 });
    expect(imported!.summary).toBe(
      'Imported 2500 applications, 501 contacts and 2500 interactions',
    );
    expect(imported!.rows).toBe(5501);
    await undo(uow);
    expect(await snapshot()).toEqual(before);
  });

  it('a transaction that changes nothing records no activity', async () => {
    const count = (await listActivity(uow)).length;
    await importDocument(uow, calendar, fullDocument());
    await uow.transaction((repo) => repo.loadFacts());
    expect(await listActivity(uow)).toHaveLength(count);
  });
});
