// Issue 8 §2 and §4 on every dialect: draft edits survive, older saves never win, and setting
// an application to Accepted is the accept fact that plans the withdrawals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getDraftEdit,
  resetDraftEdit,
  saveDraftEdit,
  withDraftEdit,
} from '../../src/app/draft-edits.js';
import { importDocument, planFor, updateApplication } from '../../src/app/index.js';
import { requestSend } from '../../src/app/send.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { Plan, Step } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from '../db/test-databases.js';
import { openMailFixture, saveSmtp, testTemplates, type MailFixture } from '../mail/fixture.js';

const calendar = new BusinessCalendar(dateHolidays());
const STEP = 'a1:thank_you:i1:c1';
let reachable: Promise<void> | undefined;

describe.each(DIALECTS)('draft edits and accept on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;
  const clock = { ms: Date.parse('2026-12-22T17:00:00Z'), now: () => clock.ms };

  beforeEach(async () => {
    if (dialect === 'postgres') await (reachable ??= assertPostgresReachable());
    site = testDatabaseSite(dialect);
    database = await site.open();
    uow = createUnitOfWork(database);
  });

  afterEach(async () => {
    await database.close();
    await site.destroy();
  });

  it('saves an edit, reads it back after reopening, and forgets it on reset', async () => {
    expect(await getDraftEdit(uow, STEP)).toMatchObject({ edited: false, revision: 0 });
    const saved = await saveDraftEdit(uow, clock, STEP, {
      revision: 1_700_000_000_001,
      subject: 'Thank you, Ana',
      body: 'My own words',
    });
    expect(saved).toMatchObject({ applied: true, edited: true, body: 'My own words' });

    await database.close();
    database = await site.open();
    uow = createUnitOfWork(database);
    expect(await getDraftEdit(uow, STEP)).toMatchObject({
      edited: true,
      subject: 'Thank you, Ana',
      body: 'My own words',
      revision: 1_700_000_000_001,
      updatedAt: '2026-12-22T17:00:00Z',
    });

    const reset = await resetDraftEdit(uow, clock, STEP, { revision: 1_700_000_000_002 });
    expect(reset).toMatchObject({ applied: true, edited: false, body: null, subject: null });
    expect(await getDraftEdit(uow, STEP)).toMatchObject({ edited: false });
  });

  it('never lets an older save overwrite a newer one, nor bring back a reset edit', async () => {
    await saveDraftEdit(uow, clock, STEP, { revision: 20, body: 'newer' });
    const late = await saveDraftEdit(uow, clock, STEP, { revision: 10, body: 'older' });
    expect(late).toMatchObject({ applied: false, body: 'newer', revision: 20 });
    // The same request twice: the second changes nothing.
    const again = await saveDraftEdit(uow, clock, STEP, { revision: 20, body: 'newer' });
    expect(again).toMatchObject({ applied: false, body: 'newer' });

    await resetDraftEdit(uow, clock, STEP, { revision: 30 });
    const stale = await saveDraftEdit(uow, clock, STEP, { revision: 25, body: 'in flight' });
    expect(stale).toMatchObject({ applied: false, edited: false });
    expect(await getDraftEdit(uow, STEP)).toMatchObject({ edited: false, revision: 30 });

    // After a reset the seeker can edit again.
    const next = await saveDraftEdit(uow, clock, STEP, { revision: 31, body: 'again' });
    expect(next).toMatchObject({ applied: true, edited: true, body: 'again' });
  });

  it('keeps the newer of concurrent saves whatever order they commit in', async () => {
    const saves = Array.from({ length: 12 }, (_, i) =>
      saveDraftEdit(uow, clock, STEP, { revision: 100 + ((i * 7) % 12), body: `r${(i * 7) % 12}` }),
    );
    await Promise.all(saves);
    expect(await getDraftEdit(uow, STEP)).toMatchObject({ revision: 111, body: 'r11' });
  });

  it('without a revision uses the clock, and always above the stored one', async () => {
    await saveDraftEdit(uow, clock, STEP, { revision: 9_000_000_000_000, body: 'future' });
    const after = await saveDraftEdit(uow, clock, STEP, { body: 'now' });
    expect(after).toMatchObject({ applied: true, body: 'now', revision: 9_000_000_000_001 });
  });

  it('refuses a bad edit naming the field, and stores nothing', async () => {
    await expect(
      saveDraftEdit(uow, clock, STEP, { revision: -1, body: 'x' }),
    ).rejects.toMatchObject({ field: 'revision' });
    await expect(saveDraftEdit(uow, clock, STEP, { revision: 1 })).rejects.toMatchObject({
      field: 'body',
    });
    expect(await getDraftEdit(uow, STEP)).toMatchObject({ edited: false });
  });

  it('withDraftEdit puts the edit over the suggested text and checks it again', async () => {
    await seed();
    const facts = await uow.read((repo) => repo.loadFacts());
    const plan = planOf(await planFor(uow, calendar, clock.now()));
    const step = plan.find((s) => s.id === STEP)!;
    const suggested = {
      kind: step.kind,
      channel: 'email' as const,
      to: [],
      subject: 'Thank you',
      body: 'Suggested',
      findings: [],
      variant: null,
    };
    const edit = await saveDraftEdit(uow, clock, STEP, {
      revision: 1,
      subject: 'Mine',
      body: 'Did I get the job?',
    });
    const out = withDraftEdit(suggested, edit, step, facts);
    expect(out).toMatchObject({ subject: 'Mine', body: 'Did I get the job?' });
    expect(out.findings.length).toBeGreaterThan(0);
    const back = await resetDraftEdit(uow, clock, STEP, { revision: 2 });
    expect(withDraftEdit(suggested, back, step, facts)).toBe(suggested);
  });

  it('setting the status to Accepted logs the accept and plans withdrawals elsewhere', async () => {
    await seed();
    const before = planOf(await planFor(uow, calendar, clock.now()));
    expect(before.some((s) => s.kind === 'withdraw')).toBe(false);

    const saved = await updateApplication(uow, calendar, clock, 'a1', { status: 'accepted' });
    expect(saved.status).toBe('accepted');
    expect(saved.interactions).toEqual([
      expect.objectContaining({ direction: 'out', kind: 'accept', at: '2026-12-22T17:00:00Z' }),
    ]);
    const after = planOf(await planFor(uow, calendar, clock.now()));
    const withdrawals = after.filter((s) => s.kind === 'withdraw');
    expect(withdrawals.map((s) => s.application)).toEqual(['a2']);
    // The accept on Tue 22 Dec 2026 (US): withdraw 1 business day later.
    expect(withdrawals[0]!.due).toBe('2026-12-23');

    // Saving the form again (status unchanged) logs no second accept.
    const again = await updateApplication(uow, calendar, clock, 'a1', { status: 'accepted' });
    expect(again.interactions.filter((x) => x.kind === 'accept')).toHaveLength(1);
  });

  it('a status of Withdrawn is stored without inventing a message', async () => {
    await seed();
    const saved = await updateApplication(uow, calendar, clock, 'a2', { status: 'withdrawn' });
    expect(saved.interactions).toEqual([]);
    const plan = planOf(await planFor(uow, calendar, clock.now()));
    expect(plan.filter((s) => s.application === 'a2')).toEqual([]);
  });

  /** Acme (a1) and Globex (a2) each interviewed the seeker on Mon 21 Dec 2026 (US). */
  async function seed(): Promise<void> {
    await importDocument(uow, calendar, {
      format: 'tactful/v1',
      settings: { timezone: 'America/New_York', region: 'US' },
      contacts: [
        { id: 'c1', name: 'Ana', email: 'ana@acme.example' },
        { id: 'c2', name: 'Gil', email: 'gil@globex.example' },
      ],
      applications: [
        {
          id: 'a1',
          organization: 'Acme',
          role: 'Dev',
          source: 'employer',
          createdOn: '2026-12-01',
          interviews: [{ id: 'i1', round: 1, start: '2026-12-22T10:00', interviewers: ['c1'] }],
        },
        {
          id: 'a2',
          organization: 'Globex',
          role: 'Ops',
          source: 'employer',
          createdOn: '2026-12-01',
          interviews: [{ id: 'i2', round: 1, start: '2026-12-21T10:00', interviewers: ['c2'] }],
        },
      ],
    });
  }
});

function planOf(plan: Plan): Step[] {
  return plan.steps;
}

describe.each(DIALECTS)('Send uses the saved edit on %s', (dialect) => {
  let fixture: MailFixture;
  beforeEach(async () => {
    if (dialect === 'postgres') await (reachable ??= assertPostgresReachable());
    fixture = await openMailFixture(dialect);
    await saveSmtp(fixture, 2525);
  });
  afterEach(() => fixture.close());

  it('queues the saved edit when no text is posted', async () => {
    const step = await fixture.thankYou();
    const templates = await testTemplates();
    await saveDraftEdit(fixture.uow, fixture.clock, step.id, {
      revision: 5,
      subject: 'Thank you, Dana — my words',
      body: 'Dear Dana,\n\nMy own words.\n\nSam',
    });
    const sent = await requestSend(fixture.store, calendar, fixture.clock, templates, 'local', {
      stepId: step.id,
      force: true,
    });
    expect(sent.message).toMatchObject({
      subject: 'Thank you, Dana — my words',
      body: 'Dear Dana,\n\nMy own words.\n\nSam',
    });
  });

  it('posted text wins over the saved edit', async () => {
    const step = await fixture.thankYou();
    await saveDraftEdit(fixture.uow, fixture.clock, step.id, { revision: 5, body: 'Saved' });
    const sent = await send(step.id, { body: 'Posted' });
    expect(sent.message.body).toBe('Posted');
  });

  it('after "Back to the suggested text" the suggested draft goes', async () => {
    const step = await fixture.thankYou();
    await saveDraftEdit(fixture.uow, fixture.clock, step.id, { revision: 5, body: 'Saved' });
    await resetDraftEdit(fixture.uow, fixture.clock, step.id, { revision: 6 });
    const sent = await send(step.id, {});
    expect(sent.message.body).not.toContain('Saved');
    expect(sent.message.body).toContain('Dana');
  });

  async function send(stepId: string, text: object) {
    return requestSend(fixture.store, calendar, fixture.clock, await testTemplates(), 'local', {
      stepId,
      force: true,
      ...text,
    });
  }
});
