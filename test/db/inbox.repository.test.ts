// The inbox's storage on every dialect: one row per Message-ID per seeker, folder states, the
// seeker's verdict journaled (undo puts it back), holds in the facts, nothing of it exported.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportDocument } from '../../src/app/import-document.js';
import type { StoredInboxMessage } from '../../src/app/inbox-store.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import { seedAcme } from '../inbox/fixture.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from './test-databases.js';

const calendar = new BusinessCalendar(dateHolidays());
const AT = '2026-12-02T15:00:00Z';

function message(overrides: Partial<StoredInboxMessage> = {}): StoredInboxMessage {
  return {
    id: 'm1',
    key: '<r1@acme.example>',
    folder: 'INBOX',
    uidValidity: '1',
    uid: 7,
    fromAddress: 'priya@acme.example',
    fromName: 'Priya Raman',
    subject: 'Re: Thank you',
    receivedAt: '2026-12-02T14:00:00Z',
    excerpt: 'Thanks!',
    suggestion: 'reply',
    why: 'a person answered',
    details: {
      newDecisionDate: null,
      onHold: false,
      offerDeadline: null,
      unavailableUntil: null,
      invitations: [],
    },
    applicationId: 'a1',
    candidates: [],
    contactId: 'c1',
    matchedBy: 'contact',
    matchWhy: 'Priya Raman is a contact of this application',
    state: 'unconfirmed',
    interactionId: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('inbox repository on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;
  beforeEach(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    uow = createUnitOfWork(database);
    await seedAcme(uow, calendar, database);
  });
  afterEach(async () => {
    await database.close();
    await site.destroy();
  });

  it('stores a message once per Message-ID; a second sighting only moves it', async () => {
    expect(await uow.transaction((r) => r.inbox().insertMessage(message()))).toBe(true);
    const again = message({ id: 'm1', uidValidity: '9', uid: 501, subject: 'changed?' });
    expect(await uow.transaction((r) => r.inbox().insertMessage(again))).toBe(false);
    const stored = await uow.read((r) => r.inbox().getMessage('m1'));
    expect(stored).toEqual(message({ uidValidity: '9', uid: 501 }));
    // Another seeker has its own messages under the same key.
    const other = createUnitOfWork(database, 'seeker-2');
    expect(await other.transaction((r) => r.inbox().insertMessage(message()))).toBe(true);
    // Storing mail is not an activity of the seeker: nothing to undo.
    expect(await uow.read((r) => r.getActivity('latest'))).toMatchObject({ kind: 'import' });
  });

  it('keeps the folder state per folder', async () => {
    await uow.transaction((r) =>
      r.inbox().saveFolderState({ folder: 'INBOX', uidValidity: '1', lastUid: 5 }, AT),
    );
    await uow.transaction((r) =>
      r.inbox().saveFolderState({ folder: 'INBOX', uidValidity: '2', lastUid: 9 }, AT),
    );
    await uow.transaction((r) =>
      r.inbox().saveFolderState({ folder: 'Jobs', uidValidity: '1', lastUid: 3 }, AT),
    );
    expect(await uow.read((r) => r.inbox().folderState('INBOX'))).toEqual({
      folder: 'INBOX',
      uidValidity: '2',
      lastUid: 9,
    });
    expect(await uow.read((r) => r.inbox().folderState('Jobs'))).toEqual({
      folder: 'Jobs',
      uidValidity: '1',
      lastUid: 3,
    });
    expect(await uow.read((r) => r.inbox().folderState('Other'))).toBeUndefined();
  });

  it('loads unconfirmed person replies as holds, never auto-replies, and never exports mail', async () => {
    const before = await exportDocument(uow);
    await uow.transaction(async (r) => {
      await r.inbox().insertMessage(message());
      await r
        .inbox()
        .insertMessage(message({ id: 'm2', key: '<ooo@acme.example>', suggestion: 'auto_reply' }));
      await r
        .inbox()
        .insertMessage(
          message({
            id: 'm3',
            key: '<x@globex.example>',
            applicationId: null,
            candidates: ['a2', 'a3'],
          }),
        );
    });
    const facts = await uow.read((r) => r.loadFacts());
    expect(facts.holds).toEqual([{ application: 'a1', message: 'm1', at: '2026-12-02T14:00:00Z' }]);
    expect(await exportDocument(uow)).toEqual(before);
    expect(
      (await uow.read((r) => r.inbox().listMessages({ states: ['unconfirmed'], limit: 10 })))
        .map((m) => m.id)
        .sort(),
    ).toEqual(['m1', 'm2', 'm3']);
  });

  it("journals the seeker's verdict: undo puts the message back as it was", async () => {
    await uow.transaction((r) => r.inbox().insertMessage(message()));
    await uow.transaction(async (r) => {
      r.describeActivity({ kind: 'inbox', summary: 'Set aside' });
      await r.inbox().updateMessage('m1', { state: 'dismissed' }, AT);
    });
    expect((await uow.read((r) => r.loadFacts())).holds).toBeUndefined();
    const activity = (await uow.read((r) => r.getActivity('latest')))!;
    expect(activity).toMatchObject({ kind: 'inbox', summary: 'Set aside', rows: 1 });
    await uow.transaction((r) => r.undoActivity(activity.id));
    expect(await uow.read((r) => r.inbox().getMessage('m1'))).toEqual(message());
  });

  it('forgets everything of the mailbox, for this seeker only', async () => {
    const other = createUnitOfWork(database, 'seeker-2');
    await other.transaction((r) => r.inbox().insertMessage(message()));
    await uow.transaction(async (r) => {
      await r.inbox().insertMessage(message());
      await r.inbox().saveFolderState({ folder: 'INBOX', uidValidity: '1', lastUid: 7 }, AT);
    });
    await uow.transaction((r) => r.inbox().forget());
    expect(await uow.read((r) => r.inbox().listMessages({ limit: 10 }))).toEqual([]);
    expect(await uow.read((r) => r.inbox().folderState('INBOX'))).toBeUndefined();
    expect(await other.read((r) => r.inbox().listMessages({ limit: 10 }))).toHaveLength(1);
  });
});
