// The inbox use cases on a real database (both dialects) with an in-memory MailboxSession:
// a pass matches and stores exactly once, holds the application's steps until the seeker
// confirms, dismisses or reassigns, and each verdict is one undoable activity.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  assignInboxMessage,
  checkInbox,
  confirmInboxMessage,
  dismissInboxMessage,
  forgetInbox,
  listInbox,
} from '../../src/app/inbox.js';
import { planFor } from '../../src/app/plan-for.js';
import type { Clock, UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { Plan } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { readInvitations } from '../../src/import/ics.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import {
  assertPostgresReachable,
  DIALECTS,
  testDatabaseSite,
  type TestDatabaseSite,
} from '../db/test-databases.js';
import { InMemoryMailbox, mail, SEEKER, seedAcme } from './fixture.js';

const calendar = new BusinessCalendar(dateHolidays());
// Wed 2 Dec 2026, 15:00Z (10:00 in New York).
const NOW = Date.parse('2026-12-02T15:00:00Z');
const clock: Clock = { now: () => NOW };
const readCalendar = (text: string) => readInvitations(text, 'invitation');

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Acme//Calendar//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:round2-acme@acme.example',
  'DTSTAMP:20261202T140000Z',
  'DTSTART;TZID=America/New_York:20261209T140000',
  'DTEND;TZID=America/New_York:20261209T150000',
  'SUMMARY:Acme round 2',
  'ORGANIZER;CN=Priya Raman:mailto:priya@acme.example',
  'ATTENDEE;CN=Dev Shah:mailto:dev@acme.example',
  'ATTENDEE;CN=Alex:mailto:alex@home.example',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

beforeAll(async () => {
  if (DIALECTS.includes('postgres')) await assertPostgresReachable();
});

describe.each(DIALECTS)('the inbox use cases on %s', (dialect) => {
  let site: TestDatabaseSite;
  let database: Database;
  let uow: UnitOfWork;
  let box: InMemoryMailbox;
  const check = () =>
    checkInbox({ uow, mailbox: box, clock, seekerAddresses: SEEKER, readCalendar });
  const verdict = () => ({ uow, clock, calendar, seekerAddresses: SEEKER });
  const planNow = (): Promise<Plan> => planFor(uow, calendar, NOW);
  const statusCheck = async () =>
    (await planNow()).steps.find((s) => s.kind === 'status_check' && s.application === 'a1');

  beforeEach(async () => {
    site = testDatabaseSite(dialect);
    database = await site.open();
    uow = createUnitOfWork(database, 'local', clock);
    await seedAcme(uow, calendar, database);
    box = new InMemoryMailbox();
  });
  afterEach(async () => {
    await database.close();
    await site.destroy();
  });
  afterAll(() => undefined);

  it('matches replies and keeps nothing of unmatched, list, own or stranger auto mail', async () => {
    box.append(
      'INBOX',
      mail({
        subject: 'Weekly newsletter',
        from: { address: 'news@acme.example', name: 'Acme' },
        listId: '<news.acme.example>',
      }),
    );
    box.append(
      'INBOX',
      mail({ subject: 'Lunch?', from: { address: 'friend@else.example', name: 'Friend' } }),
    );
    box.append(
      'INBOX',
      mail({ subject: 'Re: Thank you', from: { address: 'alex@home.example', name: 'Alex' } }),
    );
    const reply = box.append(
      'INBOX',
      mail({
        from: { address: 'talent@acme.example', name: 'Acme Talent' },
        inReplyTo: '<outbox-o1@tactful.local>',
        text: 'Thanks for your patience. We expect to decide by 18 December. ' + 'x'.repeat(800),
      }),
    );
    box.append(
      'INBOX',
      mail({
        subject: 'Automatic reply: hello',
        autoSubmitted: 'auto-replied',
        from: { address: 'noreply@shop.example', name: null },
      }),
    );
    const ooo = box.append(
      'INBOX',
      mail({
        subject: 'Out of Office',
        autoSubmitted: 'auto-replied',
        text: 'I am away and back on 5 January.',
      }),
    );

    const report = await check();
    expect(report.folders).toEqual([{ folder: 'INBOX', scanned: 6, matched: 2 }]);
    // Bodies only of the matched messages.
    expect(box.bodiesRead).toEqual([`INBOX/${reply}`, `INBOX/${ooo}`]);
    const [update, away] = report.matched;
    expect(update).toMatchObject({
      applicationId: 'a1',
      from: 'Acme Talent',
      suggestion: 'update',
      newDecisionDate: '2026-12-18',
      why: 'it says "decide by 18 December"',
      matchWhy: 'Acme Talent answered a message tactful sent',
      state: 'unconfirmed',
    });
    expect([...update!.excerpt]).toHaveLength(500);
    expect(away).toMatchObject({
      applicationId: 'a1',
      suggestion: 'auto_reply',
      unavailableUntil: '2027-01-05',
    });
    expect(await listInbox(uow)).toHaveLength(2);

    // The reply holds a1's outbound steps; the out-of-office holds nothing.
    const held = await statusCheck();
    expect(held).toMatchObject({ due: '2026-12-03', heldBy: update!.id, overdue: false });
    expect(
      (await planNow()).steps
        .filter((s) => s.heldBy !== undefined)
        .every((s) => s.heldBy === update!.id),
    ).toBe(true);

    // Nothing new: the next pass does not even fetch headers; a new message is read after the last UID.
    expect((await check()).matched).toEqual([]);
    expect(box.headerCalls).toEqual([['INBOX', 0, true]]);
    box.append(
      'INBOX',
      mail({ subject: 'Lunch again?', from: { address: 'friend@else.example', name: 'Friend' } }),
    );
    expect((await check()).matched).toEqual([]);
    expect(box.headerCalls.at(-1)).toEqual(['INBOX', 6, false]);
  });

  it('confirming an update logs it with its decision date and moves the status check', async () => {
    box.append('INBOX', mail({ text: 'We expect to decide by 18 December.' }));
    const [m] = (await check()).matched;
    const done = await confirmInboxMessage(verdict(), m!.id, {
      classification: 'update',
      newDecisionDate: '2026-12-18',
    });
    expect(done.message.state).toBe('confirmed');
    const facts = await uow.read((r) => r.loadFacts());
    const logged = facts.applications[0]!.interactions.find((x) => x.id === done.interactionId);
    expect(logged).toMatchObject({
      direction: 'in',
      kind: 'update',
      channel: 'email',
      contacts: ['c1'],
      at: '2026-12-02T14:00:00Z',
      newDecisionDate: '2026-12-18',
      summary: 'E-mail: Re: Thank you',
    });
    const step = await statusCheck();
    expect(step?.due).toBe('2026-12-21');
    expect(step?.heldBy).toBeUndefined();
    // One activity, undone as one: the interaction goes and the message holds again.
    const activity = await uow.read((r) => r.getActivity('latest'));
    expect(activity).toMatchObject({
      kind: 'inbox',
      summary: "Confirmed Priya Raman's message as an update (Acme)",
    });
    await uow.transaction((r) => r.undoActivity(activity!.id));
    expect((await statusCheck())?.heldBy).toBe(m!.id);
    expect((await listInbox(uow))[0]).toMatchObject({ state: 'unconfirmed', interactionId: null });
  });

  it('confirming an out-of-office notes when they are back on the latest interview, logging nothing', async () => {
    box.append(
      'INBOX',
      mail({
        subject: 'Out of Office',
        autoSubmitted: 'auto-replied',
        text: 'I am away and back on 5 January.',
      }),
    );
    const [m] = (await check()).matched;
    expect((await statusCheck())?.heldBy).toBeUndefined();
    const done = await confirmInboxMessage(verdict(), m!.id, { classification: 'auto_reply' });
    expect(done.interactionId).toBeNull();
    const facts = await uow.read((r) => r.loadFacts());
    const acme = facts.applications.find((a) => a.id === 'a1')!;
    expect(acme.interviews[0]!.unavailableUntil).toBe('2027-01-05');
    expect(acme.interactions.map((x) => x.kind)).toEqual(['thank_you']);
    // Not before 5 Jan + 1 bd (Wed 6 Jan 2027).
    expect((await statusCheck())?.due).toBe('2027-01-06');
  });

  it('a calendar invitation becomes a proposed round with its attendees as interviewers, never the seeker', async () => {
    box.append(
      'INBOX',
      mail({
        subject: 'Invitation: Acme round 2',
        text: 'Please find the invite attached.',
        calendars: [ICS],
      }),
    );
    const [m] = (await check()).matched;
    expect(m).toMatchObject({ suggestion: 'invitation', why: 'it carries a calendar invitation' });
    expect(m!.invitations).toEqual([
      {
        start: '2026-12-09T14:00',
        timezone: 'America/New_York',
        attendees: [
          'Priya Raman <priya@acme.example>',
          'Dev Shah <dev@acme.example>',
          'Alex <alex@home.example>',
        ],
      },
    ]);
    const done = await confirmInboxMessage(verdict(), m!.id, { classification: 'invitation' });
    const facts = await uow.read((r) => r.loadFacts());
    const acme = facts.applications.find((a) => a.id === 'a1')!;
    const round2 = acme.interviews.find((v) => v.id === done.interviewId)!;
    expect(round2).toMatchObject({
      round: 2,
      start: '2026-12-09T14:00',
      timezone: 'America/New_York',
    });
    const names = round2.interviewers.map((id) => facts.contacts.find((c) => c.id === id)!.email);
    expect(names).toEqual(['priya@acme.example', 'dev@acme.example']);
    expect(acme.interactions.at(-1)).toMatchObject({ kind: 'invitation', direction: 'in' });
    // The round is pending: no status check, and nothing is held any more.
    const plan = await planNow();
    expect(plan.steps.filter((s) => s.application === 'a1' && s.kind === 'status_check')).toEqual(
      [],
    );
    expect(plan.steps.some((s) => s.heldBy !== undefined)).toBe(false);
  });

  it('dismissing releases the hold; assigning answers "which application?"', async () => {
    box.append(
      'INBOX',
      mail({
        from: { address: 'hr@globex.example', name: 'Globex HR' },
        subject: 'Your application',
      }),
    );
    box.append('INBOX', mail());
    const report = await check();
    const globex = report.matched.find((v) => v.from === 'Globex HR')!;
    const priya = report.matched.find((v) => v.from === 'Priya Raman')!;
    expect(globex).toMatchObject({ applicationId: null, candidates: ['a2', 'a3'] });
    expect(globex.matchWhy).toContain('which one is it about?');
    await expect(
      confirmInboxMessage(verdict(), globex.id, { classification: 'reply' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'application',
    });
    const assigned = await assignInboxMessage(verdict(), globex.id, { application: 'a2' });
    expect(assigned).toMatchObject({ applicationId: 'a2', candidates: [] });
    const a2 = (await planNow()).steps.filter((s) => s.application === 'a2');
    expect(a2.filter((s) => s.to.length > 0).length).toBeGreaterThan(0);
    for (const s of a2) expect(s.heldBy).toBe(s.to.length > 0 ? globex.id : undefined);

    expect((await statusCheck())?.heldBy).toBe(priya.id);
    const dismissed = await dismissInboxMessage(verdict(), priya.id);
    expect(dismissed.state).toBe('dismissed');
    expect((await statusCheck())?.heldBy).toBeUndefined();
    const activity = await uow.read((r) => r.getActivity('latest'));
    expect(activity?.summary).toBe(
      `Set aside Priya Raman's message "Re: Thank you": not about this application`,
    );
    await uow.transaction((r) => r.undoActivity(activity!.id));
    expect((await statusCheck())?.heldBy).toBe(priya.id);

    await expect(dismissInboxMessage(verdict(), 'nope')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      assignInboxMessage(verdict(), priya.id, { application: 'a9' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a connection lost between fetch and store re-reads the batch and stores it once', async () => {
    box.append('INBOX', mail());
    const second = box.append(
      'INBOX',
      mail({ from: { address: 'sam@globex.example', name: 'Sam Lee' } }),
    );
    box.failBodyOf = second;
    await expect(check()).rejects.toThrow('connection lost');
    expect(await listInbox(uow)).toEqual([]);
    const report = await check();
    expect(report.matched.map((m) => m.from)).toEqual(['Priya Raman', 'Sam Lee']);
    expect(await listInbox(uow)).toHaveLength(2);
    expect(box.closed).toBe(box.sessions);
  });

  it('a UIDVALIDITY change re-scans by Message-ID without duplicates', async () => {
    box.append('INBOX', mail());
    await check();
    const [before] = await listInbox(uow);
    box.renumber('INBOX', '77', 500);
    box.append('INBOX', mail({ from: { address: 'sam@globex.example', name: 'Sam Lee' } }));
    const report = await check();
    expect(report.matched.map((m) => m.from)).toEqual(['Sam Lee']);
    const all = await listInbox(uow);
    expect(all.map((m) => m.id).sort()).toEqual([before!.id, report.matched[0]!.id].sort());
    const folder = await uow.read((r) => r.inbox().folderState('INBOX'));
    expect(folder).toEqual({ folder: 'INBOX', uidValidity: '77', lastUid: 501 });
  });

  it('disconnecting forgets every stored message and folder state', async () => {
    box.append('INBOX', mail());
    await check();
    await forgetInbox(uow);
    expect(await listInbox(uow)).toEqual([]);
    expect(await uow.read((r) => r.inbox().folderState('INBOX'))).toBeUndefined();
    expect((await statusCheck())?.heldBy).toBeUndefined();
  });
});
