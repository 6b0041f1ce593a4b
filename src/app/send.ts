// "Send" on an e-mail step: only on the seeker's explicit action. Puts the (edited) draft in
// the outbox — never sends it itself — after the pacing guard (one message per organisation
// per day unless forced). The same Idempotency-Key returns the same outbox row; a step with
// a live row (pending, sending, sent, uncertain) is not queued twice.
import { z } from 'zod';
import { dateInZone, formatInstant } from '../core/calendar.js';
import { renderDraft, type TemplateSet } from '../core/drafts/index.js';
import { cleanInline } from '../core/drafts/text.js';
import { DomainError } from '../core/errors.js';
import { organisationKey } from '../core/policy/index.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { Facts, Step } from '../core/types.js';
import { isOrganisationMessage } from './pacing-guard.js';
import { planOf } from './plan-for.js';
import type { Clock } from './ports.js';
import { logSentMessage } from './outbox-log.js';
import type { MailStore, OutboxMessage } from './outbox.js';
import { validate } from './validate.js';

const sendSchema = z.strictObject({
  stepId: z.string().min(1).max(2_000),
  subject: z.string().min(1).max(998).optional(),
  body: z.string().min(1).max(100_000).optional(),
  force: z.boolean().optional(),
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
});

export type SendInput = z.input<typeof sendSchema>;

export interface SendResult {
  message: OutboxMessage;
  /** False when the Idempotency-Key named an existing row. */
  created: boolean;
}

export async function requestSend(
  store: MailStore,
  calendar: BusinessCalendar,
  clock: Clock,
  templates: TemplateSet,
  seekerId: string,
  input: unknown,
): Promise<SendResult> {
  const { stepId, subject, body, force, idempotencyKey } = validate(sendSchema, input);
  const now = clock.now();
  const at = formatInstant(now);
  return store.transaction(seekerId, async (tx) => {
    if (idempotencyKey !== undefined) {
      const existing = await tx.outbox.findByKey(`send:${idempotencyKey}`);
      if (existing) return { message: existing, created: false };
    }
    if (!(await tx.smtp.get())) {
      throw new DomainError(
        'invalid_input',
        'set up SMTP first (Settings, or `tactful smtp set`)',
        'smtp',
      );
    }
    const facts = await tx.facts.loadFacts();
    const step = planOf(facts, calendar, now).steps.find((s) => s.id === stepId);
    if (!step) throw new DomainError('not_found', `no open step with id "${stepId}"`, 'stepId');
    const draft = renderDraft(step, facts, templates);
    if (draft.channel !== 'email' || draft.subject === null) {
      throw new DomainError(
        'invalid_input',
        `this step goes by ${draft.channel}: only e-mail steps can be sent`,
        'stepId',
      );
    }
    const to = draft.to.map((r, i) => {
      if (!r.email)
        throw new DomainError(
          'invalid_input',
          `${r.name || r.id} has no e-mail address`,
          `to[${i}]`,
        );
      return r.email;
    });
    const live = await tx.outbox.liveForStep(step.id);
    if (live.length > 0) {
      throw new DomainError(
        'conflict',
        `this step is already in the outbox (${live[0]!.state})`,
        'stepId',
      );
    }
    // What goes out: the posted text, else the seeker's saved edit, else the suggested draft.
    const stored = await tx.facts.getDraftEdit(step.id);
    const edit = stored && stored.body !== null ? stored : null;
    const day = dateInZone(now, facts.settings.timezone);
    const application = facts.applications.find((a) => a.id === step.application)!;
    const orgKey = organisationKey(application.organization);
    if (!force) {
      const clash = await pacingClash(
        facts,
        step,
        orgKey,
        day,
        await tx.outbox.liveFollowUpsOn(day),
      );
      if (clash) {
        throw new DomainError(
          'conflict',
          `already contacted ${application.organization} today (${clash}); one message per organisation per day — send it tomorrow, or force it`,
          'force',
        );
      }
    }
    return tx.outbox.insert({
      kind: 'follow_up',
      idempotencyKey:
        idempotencyKey === undefined
          ? `send:${step.id}:${at}:${Math.random().toString(36).slice(2)}`
          : `send:${idempotencyKey}`,
      stepId: step.id,
      applicationId: step.application,
      organizationKey: orgKey,
      interactionKind: step.kind,
      contacts: step.to,
      localDate: day,
      to,
      subject: cleanInline(subject ?? edit?.subject ?? draft.subject),
      body: body ?? edit?.body ?? draft.body,
      nextAttemptAt: at,
      createdAt: at,
    });
  });
}

/** What already holds today's slot for this organisation: a logged message or a queued one. */
async function pacingClash(
  facts: Facts,
  step: Step,
  orgKey: string,
  day: string,
  queued: OutboxMessage[],
): Promise<string | null> {
  const zone = facts.settings.timezone;
  for (const a of facts.applications) {
    if (organisationKey(a.organization) !== orgKey) continue;
    for (const x of a.interactions) {
      if (!isOrganisationMessage(x)) continue;
      // Same-kind messages of one application (a round's thank-yous) are one message.
      if (a.id === step.application && x.kind === step.kind) continue;
      if (dateInZone(Date.parse(x.at), zone) === day) return `${x.kind} logged`;
    }
  }
  for (const m of queued) {
    if (m.organizationKey !== orgKey) continue;
    if (m.applicationId === step.application && m.interactionKind === step.kind) continue;
    return `${m.interactionKind ?? 'a message'} in the outbox`;
  }
  return null;
}

export const RESOLUTIONS = ['mark_sent', 'send_again', 'drop'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * The seeker's decision on an `uncertain` message (the server may or may not have it):
 * `mark_sent` logs it as sent, `send_again` queues it once more under the same Message-ID,
 * `drop` gives it up (failed).
 */
export async function resolveOutbox(
  store: MailStore,
  clock: Clock,
  seekerId: string,
  id: string,
  resolution: Resolution,
): Promise<OutboxMessage> {
  if (!(RESOLUTIONS as readonly string[]).includes(resolution)) {
    throw new DomainError(
      'invalid_input',
      `resolution must be one of ${RESOLUTIONS.join(', ')}`,
      'resolution',
    );
  }
  const at = formatInstant(clock.now());
  return store.transaction(seekerId, async (tx) => {
    const message = await tx.outbox.get(id);
    if (!message) throw new DomainError('not_found', `no outbox message "${id}"`, 'id');
    if (message.state !== 'uncertain') {
      throw new DomainError(
        'conflict',
        `only an uncertain message needs a decision (this one is ${message.state})`,
        'id',
      );
    }
    if (resolution === 'mark_sent') {
      const sent = await tx.outbox.update(id, { state: 'sent', sentAt: at }, at);
      await logSentMessage(tx.facts, sent, at);
      return sent;
    }
    if (resolution === 'send_again')
      return tx.outbox.update(id, { state: 'pending', nextAttemptAt: at }, at);
    return tx.outbox.update(id, { state: 'failed', lastError: 'dropped by you' }, at);
  });
}
