// The outbox worker: recover rows a crashed worker left in `sending`, create today's digest
// once 08:00 has passed in each seeker's zone, then claim → send → mark. Safe to run in any
// number of processes: the claim is one transaction and the digest row has a unique key.
import { formatInstant } from '../core/calendar.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { TemplateSet } from '../core/drafts/index.js';
import { logSentMessage } from '../app/outbox-log.js';
import {
  messageIdOf,
  nextStateAfter,
  recoverStale,
  type Mailer,
  type MailStore,
  type OutboxMessage,
  type SendOutcome,
  type SmtpSettings,
} from '../app/outbox.js';
import { planOf } from '../app/plan-for.js';
import type { Clock } from '../app/ports.js';
import { composeDigest } from '../mail/digest.js';
import { viewOf } from '../app/inbox.js';
import { dueDigestDate } from '../mail/digest-schedule.js';

export interface WorkerDeps {
  store: MailStore;
  calendar: BusinessCalendar;
  clock: Clock;
  templates(): Promise<TemplateSet>;
  mailerFor(settings: SmtpSettings): Mailer;
  /** A row in `sending` for longer than this was left by a crashed worker (longer than any SMTP timeout). */
  staleAfterMs: number;
  batchSize?: number;
  /** Create the 08:00 digests (default true); false leaves only queued messages to send. */
  digests?: boolean;
}

export interface TickReport {
  recovered: number;
  digestsCreated: number;
  attempted: number;
  sent: number;
}

/** One pass; never throws for an SMTP failure (that is an outcome on the row). */
export async function runWorkerOnce(deps: WorkerDeps): Promise<TickReport> {
  const report: TickReport = { recovered: 0, digestsCreated: 0, attempted: 0, sent: 0 };
  report.recovered = await recoverStaleRows(deps);
  if (deps.digests !== false) report.digestsCreated = await scheduleDigests(deps);
  const mailers = new Map<string, Mailer | null>();
  try {
    for (;;) {
      const claimed = await deps.store.claimDue(
        formatInstant(deps.clock.now()),
        deps.batchSize ?? 10,
      );
      if (claimed.length === 0) break;
      for (const message of claimed) {
        report.attempted += 1;
        if ((await deliver(deps, message, mailers)) === 'sent') report.sent += 1;
      }
    }
  } finally {
    for (const mailer of mailers.values()) mailer?.close();
  }
  return report;
}

async function recoverStaleRows(deps: WorkerDeps): Promise<number> {
  const now = deps.clock.now();
  const stale = await deps.store.staleSending(formatInstant(now - deps.staleAfterMs));
  for (const row of stale) {
    await deps.store.transaction(row.seekerId, async (tx) => {
      const current = await tx.outbox.get(row.id);
      if (current?.state !== 'sending' || current.claimedAt !== row.claimedAt) return;
      const state = recoverStale(row.kind);
      await tx.outbox.update(
        row.id,
        {
          state,
          nextAttemptAt: formatInstant(now),
          lastError: 'the worker stopped while sending: outcome unknown',
        },
        formatInstant(now),
      );
    });
  }
  return stale.length;
}

/** Creates today's digest row for each seeker past 08:00 local; the unique key makes it once. */
export async function scheduleDigests(deps: WorkerDeps): Promise<number> {
  const now = deps.clock.now();
  let created = 0;
  for (const seekerId of await deps.store.seekersWithSmtp()) {
    const made = await deps.store.transaction(seekerId, async (tx) => {
      // Settings and the key first: the facts are loaded once a day, not on every pass.
      const date = dueDigestDate(now, (await tx.facts.getSettings()).timezone);
      if (date === null) return false;
      const key = `digest:${date}`;
      if (await tx.outbox.findByKey(key)) return false;
      const smtp = await tx.smtp.get();
      if (!smtp) return false;
      const facts = await tx.facts.loadFacts();
      const replies = await tx.facts
        .inbox()
        .listMessages({ states: ['unconfirmed'], limit: 50 });
      const digest = composeDigest(
        planOf(facts, deps.calendar, now),
        facts,
        await deps.templates(),
        date,
        replies.map(viewOf),
      );
      const at = formatInstant(now);
      const { created } = await tx.outbox.insert({
        kind: 'digest',
        idempotencyKey: key,
        stepId: null,
        applicationId: null,
        organizationKey: null,
        interactionKind: null,
        contacts: [],
        localDate: date,
        to: [smtp.fromAddress],
        subject: digest.subject,
        body: digest.body,
        nextAttemptAt: at,
        createdAt: at,
      });
      return created;
    });
    if (made) created += 1;
  }
  return created;
}

async function deliver(
  deps: WorkerDeps,
  message: OutboxMessage,
  mailers: Map<string, Mailer | null>,
): Promise<SendOutcome['status']> {
  let mailer = mailers.get(message.seekerId);
  let from: SmtpSettings | undefined;
  if (mailer === undefined) {
    from = await deps.store.transaction(message.seekerId, (tx) => tx.smtp.get());
    mailer = from ? deps.mailerFor(from) : null;
    mailers.set(message.seekerId, mailer);
  }
  let outcome: SendOutcome;
  if (mailer === null) {
    outcome = { status: 'failed', error: 'SMTP is not configured' };
  } else {
    from ??= await deps.store.transaction(message.seekerId, (tx) => tx.smtp.get());
    outcome = await mailer.send({
      messageId: messageIdOf(message.id),
      from: { name: from?.fromName ?? null, address: from?.fromAddress ?? message.to[0]! },
      to: message.to,
      subject: message.subject,
      text: message.body,
      date: new Date(deps.clock.now()),
    });
  }
  await markOutcome(deps, message, outcome);
  return outcome.status;
}

/** Writes the attempt's result; a sent follow-up logs its interaction in the same transaction. */
async function markOutcome(
  deps: WorkerDeps,
  message: OutboxMessage,
  outcome: SendOutcome,
): Promise<void> {
  const now = deps.clock.now();
  const at = formatInstant(now);
  await deps.store.transaction(message.seekerId, async (tx) => {
    const current = await tx.outbox.get(message.id);
    if (!current) return;
    // Another worker judged it stale meanwhile; a confirmed send still wins over "uncertain".
    const stillOurs = current.state === 'sending' && current.claimedAt === message.claimedAt;
    if (!stillOurs && !(outcome.status === 'sent' && current.state === 'uncertain')) return;
    const next = nextStateAfter(message.kind, current.attempts, outcome);
    if (next.state === 'sent') {
      await tx.outbox.update(message.id, { state: 'sent', sentAt: at, lastError: null }, at);
      await logSentMessage(tx.facts, message, at);
    } else if (next.state === 'pending') {
      await tx.outbox.update(
        message.id,
        {
          state: 'pending',
          nextAttemptAt: formatInstant(now + next.delayMs),
          lastError: next.error,
        },
        at,
      );
    } else {
      await tx.outbox.update(message.id, { state: next.state, lastError: next.error }, at);
    }
  });
}
