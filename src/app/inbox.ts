// The inbox use cases (issue 10): one read-only pass over the seeker's mailbox matching replies
// and invitations to applications, and the seeker's verdict on each (confirm, dismiss, assign).
// A pass stores per batch, in one transaction, the matched messages and how far the folder was
// read: a crash between fetching and storing re-reads the batch, and the unique Message-ID key
// keeps each message stored once.
import { z } from 'zod';
import type { BusinessCalendar } from '../core/calendar.js';
import { dateInZone, formatInstant, parseInstant } from '../core/calendar.js';
import { isoDateSchema, idSchema } from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import { buildInvitationImport, type Invitation } from '../core/import/index.js';
import {
  backOn,
  buildMatchIndex,
  classifyReply,
  excerptOf,
  inboxMessageIdOf,
  inboxMessageKey,
  matchMessage,
  type Classification,
  type MatchIndex,
} from '../core/inbox/index.js';
import type { Facts, IsoDate } from '../core/types.js';
import { idAllocator } from './import-file.js';
import { mergeDocument } from './import-document.js';
import type { InboxState, StoredInboxMessage } from './inbox-store.js';
import type { Mailbox, MailBody, MailHeaders, MailboxSession } from './inbox-ports.js';
import { storeInteraction } from './log-interaction.js';
import { messageIdOf } from './outbox.js';
import type { Clock, FactsRepository, UnitOfWork } from './ports.js';
import { validate } from './validate.js';

export interface InboxCheckOptions {
  /** Folders to read, INBOX first. */
  folders: string[];
  /** How far back the first pass of a folder looks (days). */
  lookBackDays: number;
  /** Bodies over this size are skipped with a warning. */
  maxBodyBytes: number;
}

export const DEFAULT_INBOX_OPTIONS: InboxCheckOptions = {
  folders: ['INBOX'],
  lookBackDays: 30,
  maxBodyBytes: 10 * 1024 * 1024,
};

/** Headers looked at per transaction. */
const BATCH = 200;

/** A matched message as the seeker sees it (CLI list, API, Today's card). */
export interface InboxMessageView {
  id: string;
  applicationId: string | null;
  from: string;
  subject: string;
  receivedAt: string | null;
  excerpt: string;
  /** reply | update | invitation | offer | rejection | auto_reply */
  suggestion: string;
  why: string;
  state: 'unconfirmed' | 'confirmed' | 'dismissed';
  /** The sender's address (`from` is their name when the message gave one). */
  fromAddress: string;
  /** Why it was matched to its application ("Priya Raman is a contact of this application"). */
  matchWhy: string;
  /** "Which application?": the applications it may be about when `applicationId` is null. */
  candidates: string[];
  /** Dates and flags the suggestion read in it (the confirm form starts from these). */
  newDecisionDate: IsoDate | null;
  onHold: boolean;
  offerDeadline: IsoDate | null;
  unavailableUntil: IsoDate | null;
  /** Calendar invitations it carried (start, zone, people), for a proposed interview. */
  invitations: { start: string | null; timezone: string | null; attendees: string[] }[];
  /** The inbound interaction logged when it was confirmed. */
  interactionId: string | null;
}

export interface InboxCheckReport {
  folders: { folder: string; scanned: number; matched: number }[];
  matched: InboxMessageView[];
  skipped: { folder: string; uid: number; reason: string }[];
}

export interface InboxCheckDeps {
  uow: UnitOfWork;
  mailbox: Mailbox;
  clock: Clock;
  options?: Partial<InboxCheckOptions>;
  /**
   * The seeker's own addresses (the settings' e-mail, the SMTP from-address): their mail is
   * never a reply, and they are never an interviewer.
   */
  seekerAddresses?: readonly string[];
  /** Reads a `text/calendar` part into invitations (src/import/ics.ts `readInvitations`); absent → calendars are not read. */
  readCalendar?: (text: string) => Invitation[];
}

export function viewOf(m: StoredInboxMessage): InboxMessageView {
  return {
    id: m.id,
    applicationId: m.applicationId,
    from: m.fromName ?? m.fromAddress,
    subject: m.subject,
    receivedAt: m.receivedAt,
    excerpt: m.excerpt,
    suggestion: m.suggestion,
    why: m.why,
    state: m.state,
    fromAddress: m.fromAddress,
    matchWhy: m.matchWhy,
    candidates: m.candidates,
    newDecisionDate: m.details.newDecisionDate,
    onHold: m.details.onHold,
    offerDeadline: m.details.offerDeadline,
    unavailableUntil: m.details.unavailableUntil,
    invitations: m.details.invitations.map((inv) => ({
      start: inv.local ?? (inv.epochMs === undefined ? null : formatInstant(inv.epochMs)),
      timezone: inv.zone ?? null,
      attendees: [inv.organizer, ...inv.attendees]
        .filter((p) => p !== undefined)
        .map((p) => (p.name ? `${p.name} <${p.email}>` : p.email)),
    })),
    interactionId: m.interactionId,
  };
}

const OUTBOX_ID = /^<outbox-([^@>]+)@tactful\.local>$/;

/** The outbox row ids a message's thread names (see `messageIdOf` in outbox.ts). */
function outboxIdsOf(h: MailHeaders): string[] {
  const ids: string[] = [];
  for (const id of [h.inReplyTo, ...h.references]) {
    const m = id === null ? null : OUTBOX_ID.exec(id.trim());
    if (m) ids.push(m[1]!);
  }
  return ids;
}

/** The message's Date as `YYYY-MM-DDTHH:mm:ssZ`; null when absent or unreadable. */
function instantOf(h: MailHeaders): string | null {
  if (h.date === null) return null;
  try {
    return formatInstant(parseInstant(h.date));
  } catch {
    return null;
  }
}

function dayOf(h: MailHeaders, zone: string, now: number): IsoDate {
  const at = instantOf(h);
  return dateInZone(at === null ? now : parseInstant(at), zone);
}

interface PassContext {
  deps: InboxCheckDeps;
  options: InboxCheckOptions;
  session: MailboxSession;
  facts: Facts;
  index: MatchIndex;
  report: InboxCheckReport;
}

/**
 * One pass over the mailbox: for each folder, the headers after the last UID read (the
 * look-back on a first pass, or after a UIDVALIDITY change), bodies only of matched messages,
 * stored one transaction per batch with the folder's new position. Read-only on the mailbox.
 * Throws DomainError when the mailbox cannot be read (nothing of that folder's batch is stored).
 */
export async function checkInbox(deps: InboxCheckDeps): Promise<InboxCheckReport> {
  const options = { ...DEFAULT_INBOX_OPTIONS, ...deps.options };
  const facts = await deps.uow.read((repo) => repo.loadFacts());
  const index = buildMatchIndex(facts, [], deps.seekerAddresses ?? []);
  const report: InboxCheckReport = { folders: [], matched: [], skipped: [] };
  const session = await deps.mailbox.open();
  try {
    for (const folder of options.folders) {
      await checkFolder({ deps, options, session, facts, index, report }, folder);
    }
  } finally {
    await session.close();
  }
  return report;
}

async function checkFolder(pass: PassContext, folder: string): Promise<void> {
  const { deps, session, options } = pass;
  const status = await session.status(folder);
  const stored = await deps.uow.read((repo) => repo.inbox().folderState(folder));
  const fresh = stored === undefined || stored.uidValidity !== status.uidValidity;
  const afterUid = fresh ? 0 : stored.lastUid;
  const counts = { folder, scanned: 0, matched: 0 };
  pass.report.folders.push(counts);
  if (!fresh && status.uidNext - 1 <= afterUid) return;
  // A first pass, or the server renumbered its UIDs: look back a bounded time; what is already
  // stored is found again by its Message-ID.
  const since = fresh ? new Date(deps.clock.now() - options.lookBackDays * 86_400_000) : null;
  let lastUid = afterUid;
  let batch: MailHeaders[] = [];
  for await (const h of session.headers(folder, afterUid, since)) {
    batch.push(h);
    if (batch.length >= BATCH) {
      lastUid = await storeBatch(pass, folder, status.uidValidity, batch, lastUid, counts);
      batch = [];
    }
  }
  lastUid = await storeBatch(pass, folder, status.uidValidity, batch, lastUid, counts);
  // Everything below UIDNEXT has been looked at (older mail than the look-back included).
  const end = Math.max(lastUid, status.uidNext - 1);
  if (fresh || end !== stored.lastUid) {
    const at = formatInstant(deps.clock.now());
    await deps.uow.transaction((repo) =>
      repo.inbox().saveFolderState({ folder, uidValidity: status.uidValidity, lastUid: end }, at),
    );
  }
}

async function storeBatch(
  pass: PassContext,
  folder: string,
  uidValidity: string,
  batch: MailHeaders[],
  lastUid: number,
  counts: { scanned: number; matched: number },
): Promise<number> {
  if (batch.length === 0) return lastUid;
  const { deps, session, options, facts } = pass;
  const zone = facts.settings.timezone;
  const now = deps.clock.now();
  // The thread lookups of this batch: which of the Message-IDs it names tactful sent.
  const sent = await deps.uow.read((repo) =>
    repo.inbox().sentApplications(batch.flatMap(outboxIdsOf)),
  );
  const index: MatchIndex = {
    ...pass.index,
    sent: new Map([...sent].map(([outboxId, app]) => [messageIdOf(outboxId), app])),
  };
  const messages: StoredInboxMessage[] = [];
  for (const h of batch) {
    counts.scanned += 1;
    lastUid = Math.max(lastUid, h.uid);
    const day = dayOf(h, zone, now);
    const outcome = matchMessage(h, index, day);
    if (outcome.kind === 'ignored') continue;
    let body: MailBody | 'too_large' = await session.body(folder, h.uid, options.maxBodyBytes);
    if (body === 'too_large') {
      pass.report.skipped.push({
        folder,
        uid: h.uid,
        reason: `"${h.subject}" is over ${Math.round(options.maxBodyBytes / 1048576)} MB: its text was not read`,
      });
      body = { text: '', calendars: [] };
    }
    const invitations = readCalendars(deps, body.calendars);
    let c: Classification;
    let unavailableUntil: IsoDate | null = null;
    if (outcome.auto !== null) {
      unavailableUntil = outcome.auto.unavailableUntil ?? backOn(body.text, day);
      c = {
        suggestion: 'auto_reply',
        why: outcome.auto.why,
        newDecisionDate: null,
        onHold: false,
        offerDeadline: null,
      };
    } else {
      c = classifyReply(
        {
          subject: h.subject,
          text: body.text,
          hasCalendar: h.hasCalendar || invitations.length > 0,
        },
        day,
      );
    }
    const key = inboxMessageKey(h);
    const at = formatInstant(now);
    messages.push({
      id: inboxMessageIdOf(key),
      key,
      folder,
      uidValidity,
      uid: h.uid,
      fromAddress: h.from?.address ?? '',
      fromName: h.from?.name?.trim() || null,
      subject: h.subject,
      receivedAt: instantOf(h),
      excerpt: excerptOf(body.text),
      suggestion: c.suggestion,
      why: c.why,
      details: {
        newDecisionDate: c.newDecisionDate,
        onHold: c.onHold,
        offerDeadline: c.offerDeadline,
        unavailableUntil,
        invitations,
      },
      applicationId: outcome.kind === 'matched' ? outcome.applicationId : null,
      candidates: outcome.kind === 'ambiguous' ? outcome.candidates : [],
      contactId: outcome.contactId,
      matchedBy: outcome.kind === 'matched' ? outcome.by : 'domain',
      matchWhy: outcome.why,
      state: 'unconfirmed',
      interactionId: null,
      createdAt: at,
      updatedAt: at,
    });
  }
  const created = await deps.uow.transaction(async (repo) => {
    const inbox = repo.inbox();
    const fresh: StoredInboxMessage[] = [];
    for (const m of messages) if (await inbox.insertMessage(m)) fresh.push(m);
    await inbox.saveFolderState({ folder, uidValidity, lastUid }, formatInstant(now));
    return fresh;
  });
  counts.matched += created.length;
  pass.report.matched.push(...created.map(viewOf));
  return lastUid;
}

function readCalendars(deps: InboxCheckDeps, calendars: string[]): Invitation[] {
  if (!deps.readCalendar) return [];
  const out: Invitation[] = [];
  for (const text of calendars) {
    try {
      out.push(...deps.readCalendar(text).filter((inv) => !inv.cancelled && !inv.allDay));
    } catch {
      // An unreadable calendar part: the message is still an invitation, without a time.
    }
  }
  return out;
}

// ---- the seeker's verdicts ----

export const CONFIRM_KINDS = [
  'reply',
  'update',
  'invitation',
  'offer',
  'rejection',
  'auto_reply',
] as const;

export const confirmInboxSchema = z.strictObject({
  classification: z.enum(CONFIRM_KINDS),
  /** The application, when the message was not matched to one ("which application?"). */
  application: idSchema.optional(),
  newDecisionDate: isoDateSchema.nullable().optional(),
  onHold: z.boolean().optional(),
  offerDeadline: isoDateSchema.nullable().optional(),
  unavailableUntil: isoDateSchema.nullable().optional(),
});
export type ConfirmInboxInput = z.infer<typeof confirmInboxSchema>;

export interface VerdictDeps {
  uow: UnitOfWork;
  clock: Clock;
  calendar: BusinessCalendar;
  /** The seeker's own addresses: never an interviewer of an invitation. */
  seekerAddresses?: readonly string[];
}

export interface ConfirmedInbox {
  message: InboxMessageView;
  /** The inbound interaction logged (null for an auto-reply). */
  interactionId: string | null;
  /** The interview proposed from a calendar invitation, if any. */
  interviewId: string | null;
  /** Invitation events that could not become an interview, in words. */
  notes: string[];
}

const WORDS: Record<(typeof CONFIRM_KINDS)[number], string> = {
  reply: 'a reply',
  update: 'an update',
  invitation: 'an invitation',
  offer: 'an offer',
  rejection: 'a rejection',
  auto_reply: 'an automatic answer',
};

async function unconfirmed(repo: FactsRepository, id: string): Promise<StoredInboxMessage> {
  const m = await repo.inbox().getMessage(id);
  if (!m) throw new DomainError('not_found', `no inbox message with id "${id}"`, 'id');
  return m;
}

function sender(m: StoredInboxMessage): string {
  return m.fromName ?? m.fromAddress;
}

/**
 * The seeker says what a matched message is: logs the inbound interaction of SPEC §2 with its
 * payload (an invitation's calendar event also becomes a proposed interview with its time, zone
 * and attendees as interviewers; an out-of-office only sets `unavailableUntil` on the latest
 * interview), marks the message confirmed, and so releases the held steps. One transaction,
 * one undoable activity.
 */
export async function confirmInboxMessage(
  deps: VerdictDeps,
  id: string,
  input: unknown,
): Promise<ConfirmedInbox> {
  const v = validate(confirmInboxSchema, input);
  return deps.uow.transaction(async (repo) => {
    const m = await unconfirmed(repo, id);
    if (m.state === 'confirmed')
      throw new DomainError(
        'conflict',
        `"${m.subject}" is already confirmed (undo it to change it)`,
        'id',
      );
    const applicationId = v.application ?? m.applicationId;
    if (applicationId === null)
      throw new DomainError(
        'invalid_input',
        `which application is "${m.subject}" about? Choose one of ${m.candidates.join(', ') || 'your applications'}`,
        'application',
      );
    let facts = await repo.loadFacts();
    const app = facts.applications.find((a) => a.id === applicationId);
    if (!app)
      throw new DomainError(
        'not_found',
        `no application with id "${applicationId}"`,
        'application',
      );
    const at = formatInstant(deps.clock.now());
    const notes: string[] = [];
    let interactionId: string | null = null;
    let interviewId: string | null = null;
    if (v.classification === 'auto_reply') {
      const until =
        v.unavailableUntil === undefined ? m.details.unavailableUntil : v.unavailableUntil;
      const latest = [...app.interviews].sort((a, b) => (a.start < b.start ? -1 : 1)).at(-1);
      if (until !== null && latest)
        await repo.upsertInterview(app.id, { ...latest, unavailableUntil: until });
      else if (until !== null) notes.push('No interview on file to note the absence on.');
    } else {
      if (v.classification === 'invitation' && m.details.invitations.length > 0) {
        const built = buildInvitationImport(facts, m.details.invitations, {
          calendar: deps.calendar,
          newId: idAllocator(facts),
          applicationId: app.id,
          ownEmails: deps.seekerAddresses ?? [],
        });
        for (const p of built.refused) notes.push(`Calendar event ${p.row}: ${p.reason}`);
        const { batch } = mergeDocument(facts, deps.calendar, built.document);
        await repo.upsertAll(batch);
        interviewId = batch.interviews?.[0]?.interview.id ?? null;
        facts = await repo.loadFacts();
      }
      const contact =
        m.contactId !== null && facts.contacts.some((c) => c.id === m.contactId)
          ? [m.contactId]
          : [];
      const logged = await storeInteraction(repo, app.id, {
        at: m.receivedAt ?? at,
        direction: 'in',
        kind: v.classification,
        channel: 'email',
        contacts: contact,
        summary: `E-mail: ${m.subject}`.slice(0, 500),
        newDecisionDate:
          v.classification === 'reply' || v.classification === 'update'
            ? v.newDecisionDate === undefined
              ? m.details.newDecisionDate
              : v.newDecisionDate
            : null,
        onHold: v.classification === 'update' ? (v.onHold ?? m.details.onHold) : false,
        offerDeadline:
          v.classification === 'offer'
            ? v.offerDeadline === undefined
              ? m.details.offerDeadline
              : v.offerDeadline
            : null,
      });
      interactionId = logged.interaction.id;
    }
    const updated = await repo
      .inbox()
      .updateMessage(
        m.id,
        { state: 'confirmed', applicationId: app.id, interactionId, candidates: [] },
        at,
      );
    repo.describeActivity({
      kind: 'inbox',
      summary: `Confirmed ${sender(m)}'s message as ${WORDS[v.classification]} (${app.organization})`,
    });
    return { message: viewOf(updated), interactionId, interviewId, notes };
  });
}

/** "Not about this application": the message stops holding anything. One undoable activity. */
export async function dismissInboxMessage(
  deps: VerdictDeps,
  id: string,
): Promise<InboxMessageView> {
  return deps.uow.transaction(async (repo) => {
    const m = await unconfirmed(repo, id);
    if (m.state === 'confirmed')
      throw new DomainError(
        'conflict',
        `"${m.subject}" is already confirmed (undo it to change it)`,
        'id',
      );
    repo.describeActivity({
      kind: 'inbox',
      summary: `Set aside ${sender(m)}'s message "${m.subject}": not about this application`,
    });
    return viewOf(
      await repo
        .inbox()
        .updateMessage(m.id, { state: 'dismissed' }, formatInstant(deps.clock.now())),
    );
  });
}

export const assignInboxSchema = z.strictObject({ application: idSchema });

/**
 * The message is about another application (or answers "which application?"): it now holds
 * that one's steps until confirmed. One undoable activity.
 */
export async function assignInboxMessage(
  deps: VerdictDeps,
  id: string,
  input: unknown,
): Promise<InboxMessageView> {
  const { application } = validate(assignInboxSchema, input);
  return deps.uow.transaction(async (repo) => {
    const m = await unconfirmed(repo, id);
    if (m.state === 'confirmed')
      throw new DomainError(
        'conflict',
        `"${m.subject}" is already confirmed (undo it to change it)`,
        'id',
      );
    const app = await repo.getApplication(application);
    if (!app)
      throw new DomainError('not_found', `no application with id "${application}"`, 'application');
    repo.describeActivity({
      kind: 'inbox',
      summary: `Moved ${sender(m)}'s message "${m.subject}" to ${app.organization} (${app.role})`,
    });
    return viewOf(
      await repo
        .inbox()
        .updateMessage(
          m.id,
          { applicationId: app.id, candidates: [], state: 'unconfirmed' },
          formatInstant(deps.clock.now()),
        ),
    );
  });
}

/** Matched messages, newest first (unconfirmed ones first when `states` is not given). */
export async function listInbox(
  uow: UnitOfWork,
  options: { states?: readonly InboxState[]; application?: string; limit?: number } = {},
): Promise<InboxMessageView[]> {
  const rows = await uow.read((repo) =>
    repo.inbox().listMessages({
      states: options.states,
      application: options.application,
      limit: options.limit ?? 200,
    }),
  );
  const rank = (m: StoredInboxMessage) => (m.state === 'unconfirmed' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b)).map(viewOf);
}

/** Disconnecting the mailbox deletes what was read of it (issue 10 §5). */
export async function forgetInbox(uow: UnitOfWork): Promise<void> {
  await uow.transaction((repo) => repo.inbox().forget());
}
