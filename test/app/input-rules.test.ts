// Issue 8 §5 through the use cases, on SQLite and PostgreSQL: snooze must move a step later
// and never collides; one interview per round; one contact per e-mail address; dates that do
// not exist are named; a space between date and time is accepted.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addContact,
  addInterview,
  exportDocument,
  importDocument,
  planFor,
  recordStepAction,
  updateContact,
  updateInterview,
} from '../../src/app/index.js';
import { snoozeBounds } from '../../src/app/record-step-action.js';
import type { Clock, UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { DomainError, DuplicateContactError } from '../../src/core/errors.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from '../db/test-databases.js';

const calendar = new BusinessCalendar(dateHolidays());
const at = (iso: string): Clock => ({ now: () => Date.parse(iso) });

/**
 * Acme (US employer), seeker in America/New_York. Round 1 on Tue 1 Dec 2026, 10:00–11:00
 * local, with Ana (c1). The reflect step is due 2 business days later:
 *
 *        December 2026
 *   Mo Tu We Th Fr Sa Su
 *       1  2  3  4  5  6      interview Tue 1; reflect due Thu 3
 *    7  8  9 10 11 12 13
 */
const DOCUMENT = {
  format: 'tactful/v1',
  settings: { timezone: 'America/New_York', region: 'US' },
  contacts: [{ id: 'c1', name: 'Ana Lopez', email: 'ana@acme.example' }],
  applications: [
    {
      id: 'a1',
      organization: 'Acme',
      role: 'Dev',
      source: 'employer',
      interviews: [{ id: 'i1', round: 1, start: '2026-12-01T10:00', interviewers: ['c1'] }],
    },
  ],
};
const REFLECT = 'a1:reflect:i1';

describe.each(DIALECTS)('input rules on %s', (dialect) => {
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
    await importDocument(uow, calendar, DOCUMENT);
  });
  afterEach(async () => {
    await database.close();
    await site.destroy();
  });

  describe('snooze', () => {
    // Wed 2 Dec 2026, 15:00 in New York: the reflect step is due tomorrow, Thu 3 Dec.
    const wednesday = at('2026-12-02T20:00:00Z');

    it('refuses a date not later than the due date, naming that date, and stores nothing', async () => {
      const before = await exportDocument(uow);
      for (const until of ['2026-12-03', '2026-12-02', '2025-01-01']) {
        const error = await recordStepAction(uow, calendar, wednesday, {
          stepId: REFLECT,
          action: 'snooze',
          until,
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({
          field: 'until',
          message: "must be after the step's due date, Thu 3 Dec",
        });
      }
      expect(await exportDocument(uow)).toEqual(before);
    });

    it('refuses a date in the past for an overdue step, naming today', async () => {
      // Mon 7 Dec: the step (due Thu 3) is overdue; Fri 4 Dec is after the due date but past.
      const error = await recordStepAction(uow, calendar, at('2026-12-07T15:00:00Z'), {
        stepId: REFLECT,
        action: 'snooze',
        until: '2026-12-04',
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ field: 'until', message: 'must be after today, Mon 7 Dec' });
    });

    it('defaults to the next business day after the due date, the same the API offers', async () => {
      // Due Thu 3 Dec → Fri 4 Dec.
      expect(await snoozeBounds(uow, calendar, wednesday, REFLECT)).toMatchObject({
        after: '2026-12-03',
        suggested: '2026-12-04',
      });
      const first = await recordStepAction(uow, calendar, wednesday, {
        stepId: REFLECT,
        action: 'snooze',
      });
      expect(first.event.until).toBe('2026-12-04');
      // Now due Fri 4 Dec: the next default skips the weekend to Mon 7 Dec.
      expect((await snoozeBounds(uow, calendar, wednesday, REFLECT)).suggested).toBe('2026-12-07');
    });

    it('two snoozes in the same second are both stored, in order, and both count', async () => {
      const first = await recordStepAction(uow, calendar, wednesday, {
        stepId: REFLECT,
        action: 'snooze',
        until: '2026-12-08',
      });
      const second = await recordStepAction(uow, calendar, wednesday, {
        stepId: REFLECT,
        action: 'snooze',
        until: '2026-12-10',
      });
      expect(first.event.at).toBe('2026-12-02T20:00:00Z');
      expect(second.event.at).toBe('2026-12-02T20:00:00.001Z');
      const { stepEvents } = await exportDocument(uow);
      expect(stepEvents.map((e) => e.until)).toEqual(['2026-12-08', '2026-12-10']);
      const plan = await planFor(uow, calendar, Date.parse('2026-12-02T20:00:01Z'));
      expect(plan.steps.find((s) => s.id === REFLECT)?.due).toBe('2026-12-10');
      // The document with millisecond instants imports back unchanged.
      const document = await exportDocument(uow);
      await importDocument(uow, calendar, document);
      expect(await exportDocument(uow)).toEqual(document);
    });

    it('names a date that does not exist as such', async () => {
      await expect(
        recordStepAction(uow, calendar, wednesday, {
          stepId: REFLECT,
          action: 'snooze',
          until: '2026-02-30',
        }),
      ).rejects.toMatchObject({
        field: 'until',
        message: '2026-02-30 is not a date: February 2026 has 28 days',
      });
    });
  });

  describe('one interview per round', () => {
    it('refuses the same round twice and a second interview at the same time', async () => {
      const before = await exportDocument(uow);
      await expect(
        addInterview(uow, { application: 'a1', round: 1, start: '2026-12-08T10:00' }),
      ).rejects.toMatchObject({
        code: 'conflict',
        field: 'round',
        message: 'Acme already has a round 1 (i1, Tue 1 Dec at 10:00)',
      });
      await expect(
        addInterview(uow, { application: 'a1', round: 2, start: '2026-12-01T10:00' }),
      ).rejects.toMatchObject({
        code: 'conflict',
        field: 'start',
        message: 'Acme already has an interview at 2026-12-01 10:00 (round 1, i1)',
      });
      expect(await exportDocument(uow)).toEqual(before);
      // Round 2 at its own time is fine; an edit that keeps its round is fine too.
      const round2 = await addInterview(uow, {
        application: 'a1',
        round: 2,
        start: '2026-12-08 14:00',
      });
      expect(round2.start).toBe('2026-12-08T14:00');
      await updateInterview(uow, 'a1', round2.id, { chance: 'high' });
      await expect(updateInterview(uow, 'a1', round2.id, { round: 1 })).rejects.toMatchObject({
        field: 'round',
      });
    });
  });

  describe('contacts and e-mail addresses', () => {
    it('refuses an address already on file (any case), naming the contact that has it', async () => {
      const before = await exportDocument(uow);
      const error = await addContact(uow, { name: 'Ana L.', email: ' ANA@acme.example' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuplicateContactError);
      expect(error).toMatchObject({
        code: 'conflict',
        field: 'email',
        message: 'c1 Ana Lopez already has ana@acme.example',
      });
      expect((error as DuplicateContactError).existing.id).toBe('c1');
      expect(await exportDocument(uow)).toEqual(before);
      // Another contact cannot take it by an edit either; the owner may keep it.
      const bo = await addContact(uow, { name: 'Bo', email: 'bo@acme.example' });
      await expect(updateContact(uow, bo.id, { email: 'ana@acme.example' })).rejects.toBeInstanceOf(
        DuplicateContactError,
      );
      await updateContact(uow, 'c1', { email: 'ana@acme.example', title: 'CTO' });
    });

    it('refuses addresses that cannot be one, accepts ordinary ones', async () => {
      for (const email of [
        'notanemail',
        'bob@',
        '@x.example',
        'bob@x',
        'bob smith@x.example',
        'a..b@x.example',
      ]) {
        await expect(addContact(uow, { name: 'Bob', email })).rejects.toMatchObject({
          field: 'email',
          message: `"${email}" is not an e-mail address`,
        });
      }
      for (const email of ['bob.smith+jobs@x.example', 'josé@exämple.de', "o'neil@mail.co.uk"]) {
        await expect(addContact(uow, { name: 'Bob', email })).resolves.toMatchObject({ email });
      }
    });
  });

  it('validation errors name the field by its path, not in the message', async () => {
    const error = await addInterview(uow, {
      application: 'a1',
      round: 2,
      start: '2026-02-30 10:00',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      field: 'start',
      message: '2026-02-30 is not a date: February 2026 has 28 days',
    });
    await expect(addContact(uow, { email: 'x@y.example' })).rejects.toMatchObject({
      field: 'name',
      message: 'is required',
    });
  });
});
