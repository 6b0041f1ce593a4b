// Sending and the outbox: POST /api/steps/:stepId/send (explicit, with Idempotency-Key),
// GET /api/outbox, POST /api/outbox/:id/resolve (the seeker's decision on an uncertain message).
import { z } from 'zod';
import type { FeedTokens } from '../app/calendar-feed.js';
import type { MailStore, OutboxMessage } from '../app/outbox.js';
import { OUTBOX_STATES } from '../app/outbox.js';
import { requestSend, resolveOutbox, RESOLUTIONS } from '../app/send.js';
import { DomainError } from '../core/errors.js';
import type { RouteContext, ZodApp } from './context.js';
import { errorSchema, stepParamsSchema } from './schemas.js';

/** What the mail routes need beyond HttpDeps; absent → the routes are not registered. */
export interface MailHttpDeps {
  store: MailStore;
  tokens: FeedTokens;
  /** The personal deployment's seeker. */
  seekerId: string;
  /** Runs a worker pass now (the in-process worker); absent when a separate worker sends. */
  deliverNow?: () => Promise<void>;
}

const outboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['digest', 'follow_up']),
  state: z.enum(OUTBOX_STATES),
  stepId: z.string().nullable(),
  applicationId: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export function outboxItem(m: OutboxMessage): z.infer<typeof outboxItemSchema> {
  return {
    id: m.id,
    kind: m.kind,
    state: m.state,
    stepId: m.stepId,
    applicationId: m.applicationId,
    to: m.to,
    subject: m.subject,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

const sendBodySchema = z
  .strictObject({
    subject: z.string().max(998).optional(),
    body: z.string().max(100_000).optional(),
    force: z.boolean().optional(),
  })
  .nullish();

const sendHeadersSchema = z.looseObject({
  'idempotency-key': z.string().min(1).max(200).optional(),
});

export function outboxRoutes(app: ZodApp, { deps }: RouteContext, mail: MailHttpDeps): void {
  app.post(
    '/api/steps/:stepId/send',
    {
      schema: {
        tags: ['outbox'],
        description:
          "Sends the (edited) e-mail draft through SMTP via the outbox, on the seeker's explicit action. " +
          'Refuses a second message to the same organisation on the same day (409, field "force") unless force. ' +
          'The same Idempotency-Key returns the same outbox row.',
        params: stepParamsSchema,
        headers: sendHeadersSchema,
        body: sendBodySchema,
        response: {
          200: z.object({ created: z.boolean(), message: outboxItemSchema }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      const result = await requestSend(
        mail.store,
        deps.calendar,
        deps.clock,
        await deps.templates(),
        mail.seekerId,
        {
          stepId: request.params.stepId,
          ...(request.body ?? {}),
          ...(key === undefined ? {} : { idempotencyKey: key }),
        },
      );
      let message = result.message;
      if (result.created && mail.deliverNow) {
        await mail.deliverNow();
        message =
          (await mail.store.transaction(mail.seekerId, (tx) => tx.outbox.get(message.id))) ??
          message;
      }
      return { created: result.created, message: outboxItem(message) };
    },
  );

  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['outbox'],
        description: 'The latest 200 outgoing messages, newest first (digests and follow-ups).',
        response: { 200: z.object({ messages: z.array(outboxItemSchema) }) },
      },
    },
    async () => {
      const messages = await mail.store.transaction(mail.seekerId, (tx) => tx.outbox.list(200));
      return { messages: messages.map(outboxItem) };
    },
  );

  app.post(
    '/api/outbox/:id/resolve',
    {
      schema: {
        tags: ['outbox'],
        description:
          'Decide an uncertain message: mark_sent (logs it), send_again (same Message-ID), drop.',
        params: z.strictObject({ id: z.string().max(64) }),
        body: z.strictObject({ resolution: z.enum(RESOLUTIONS) }),
        response: { 200: outboxItemSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const message = await resolveOutbox(
        mail.store,
        deps.clock,
        mail.seekerId,
        request.params.id,
        request.body.resolution,
      );
      if (message.state === 'pending' && mail.deliverNow) {
        await mail.deliverNow();
        const again = await mail.store.transaction(mail.seekerId, (tx) =>
          tx.outbox.get(message.id),
        );
        if (!again) throw new DomainError('not_found', `no outbox message "${message.id}"`, 'id');
        return outboxItem(again);
      }
      return outboxItem(message);
    },
  );
}
