// /api/inbox (issue 10): the messages matched to applications, and the seeker's verdict on each
// (confirm with a classification, "not about this application", another application). Every
// write is one use case, one transaction, one undoable activity. The mailbox's own settings
// live in inbox-settings.routes.ts.
import { z } from 'zod';
import {
  assignInboxMessage,
  assignInboxSchema,
  confirmInboxMessage,
  confirmInboxSchema,
  dismissInboxMessage,
  listInbox,
  type VerdictDeps,
} from '../app/inbox.js';
import { INBOX_STATES } from '../app/inbox-store.js';
import type { RouteContext, ZodApp } from './context.js';
import { errorSchema, idParamsSchema } from './schemas.js';

const day = z.string().nullable();

export const inboxMessageSchema = z
  .object({
    id: z.string(),
    applicationId: z.string().nullable(),
    from: z.string(),
    fromAddress: z.string(),
    subject: z.string(),
    receivedAt: z.string().nullable(),
    excerpt: z.string().describe('At most the first 500 characters of the text'),
    suggestion: z.string().describe('reply | update | invitation | offer | rejection | auto_reply'),
    why: z.string(),
    matchWhy: z.string(),
    state: z.enum(INBOX_STATES),
    candidates: z
      .array(z.string())
      .describe('"Which application?": set when applicationId is null'),
    newDecisionDate: day,
    onHold: z.boolean(),
    offerDeadline: day,
    unavailableUntil: day,
    invitations: z.array(
      z.object({
        start: z.string().nullable(),
        timezone: z.string().nullable(),
        attendees: z.array(z.string()),
      }),
    ),
    interactionId: z.string().nullable(),
  })
  .describe('A message matched to an application');

const listQuerySchema = z.strictObject({
  state: z.enum(INBOX_STATES).optional(),
  application: z.string().max(64).optional(),
});

const confirmedSchema = z.object({
  message: inboxMessageSchema,
  interactionId: z.string().nullable(),
  interviewId: z.string().nullable(),
  notes: z.array(z.string()),
});

export function inboxRoutes(app: ZodApp, { deps, cache }: RouteContext): void {
  // The seeker's own addresses: the settings' e-mail, plus what main/ knows (the SMTP sender).
  const verdict = async (): Promise<VerdictDeps> => {
    const own = (await cache.loadFacts()).settings.email;
    return {
      uow: deps.uow,
      clock: deps.clock,
      calendar: deps.calendar,
      seekerAddresses: [...(own ? [own] : []), ...((await deps.seekerAddresses?.()) ?? [])],
    };
  };
  app.get(
    '/api/inbox',
    {
      schema: {
        tags: ['inbox'],
        description: 'Matched messages, unconfirmed first, newest first.',
        querystring: listQuerySchema,
        response: {
          200: z.object({
            messages: z.array(inboxMessageSchema),
            applications: z
              .array(z.object({ id: z.string(), organization: z.string(), role: z.string() }))
              .describe('The applications the messages name (matched or candidates)'),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const messages = await listInbox(deps.uow, {
        ...(request.query.state ? { states: [request.query.state] } : {}),
        ...(request.query.application ? { application: request.query.application } : {}),
      });
      const named = new Set(messages.flatMap((m) => [m.applicationId ?? '', ...m.candidates]));
      const { applications } = await cache.loadFacts();
      return {
        messages,
        applications: applications
          .filter((a) => named.has(a.id))
          .map((a) => ({ id: a.id, organization: a.organization, role: a.role })),
      };
    },
  );
  app.post(
    '/api/inbox/:id/confirm',
    {
      schema: {
        tags: ['inbox'],
        description:
          'Logs the inbound interaction (an invitation also proposes its interview) and releases the held steps.',
        params: idParamsSchema,
        body: confirmInboxSchema,
        response: { 200: confirmedSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => confirmInboxMessage(await verdict(), request.params.id, request.body),
  );
  app.post(
    '/api/inbox/:id/dismiss',
    {
      schema: {
        tags: ['inbox'],
        description: 'Not about this application: it holds nothing any more.',
        params: idParamsSchema,
        response: { 200: inboxMessageSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => dismissInboxMessage(await verdict(), request.params.id),
  );
  app.post(
    '/api/inbox/:id/assign',
    {
      schema: {
        tags: ['inbox'],
        description: 'About another application (or the answer to "which application?").',
        params: idParamsSchema,
        body: assignInboxSchema,
        response: { 200: inboxMessageSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => assignInboxMessage(await verdict(), request.params.id, request.body),
  );
}
