// /api/applications: the board, one application with its open steps, create and edit, and
// the facts recorded on it (interview rounds with their debrief, interactions).
import { z } from 'zod';
import { addApplication, addInterview } from '../app/add-entities.js';
import { logInteraction } from '../app/log-interaction.js';
import {
  applicationPatchSchema,
  idSchema,
  instantSchema,
  interactionPatchSchema,
  interviewPatchSchema,
} from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import { boardOf } from '../core/board.js';
import { statusAsOf } from '../core/status.js';
import { APPLICATION_STATUSES, SOURCES } from '../core/types.js';
import type { RouteContext, ZodApp } from './context.js';
import {
  applicationEditSchema,
  interviewEditSchema,
  updateApplication,
  updateInterview,
} from '../app/edit-entities.js';
import {
  applicationDetailSchema,
  applicationSchema,
  applicationViewSchema,
  errorSchema,
  idParamsSchema,
  interactionSchema,
  interviewSchema,
  warningSchema,
} from './schemas.js';

const boardQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  status: z.enum(APPLICATION_STATUSES).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const boardColumnSchema = z.object({
  status: z.enum(APPLICATION_STATUSES),
  total: z.number(),
  cards: z.array(
    z.object({
      id: z.string(),
      organization: z.string(),
      role: z.string(),
      source: z.enum(SOURCES),
      rounds: z.number(),
    }),
  ),
});

const newInterviewSchema = interviewPatchSchema.extend({
  id: idSchema.optional(),
  round: interviewPatchSchema.shape.round.optional(),
});
const newInteractionSchema = interactionPatchSchema.extend({
  id: idSchema.optional(),
  at: instantSchema.optional(),
});
const interviewParamsSchema = z.strictObject({
  id: z.string().max(64),
  interviewId: z.string().max(64),
});

export function applicationRoutes(app: ZodApp, { deps, cache }: RouteContext): void {
  const notFound = (id: string) =>
    new DomainError('not_found', `no application with id "${id}"`, 'id');

  app.get(
    '/api/applications',
    { schema: { tags: ['applications'], response: { 200: z.array(applicationViewSchema) } } },
    async () => {
      const now = deps.clock.now();
      return (await cache.loadFacts()).applications.map((a) => ({
        ...a,
        effectiveStatus: statusAsOf(a, now),
      }));
    },
  );

  app.get(
    '/api/applications/board',
    {
      schema: {
        tags: ['applications'],
        description:
          'The board as the page shows it: each status column with its total and its first `limit` cards ' +
          '(only the fields a card shows); with `status`, that column alone from `offset` ("show more").',
        querystring: boardQuerySchema,
        response: { 200: z.object({ columns: z.array(boardColumnSchema) }) },
      },
    },
    async (request) => {
      const { applications } = await cache.loadFacts();
      return { columns: boardOf(applications, deps.clock.now(), request.query) };
    },
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        description: 'With its effective status and its open steps in the plan as of now.',
        params: idParamsSchema,
        response: { 200: applicationDetailSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const now = deps.clock.now();
      const { facts, plan } = await cache.plan(now);
      const found = facts.applications.find((a) => a.id === request.params.id);
      if (!found) throw notFound(request.params.id);
      const steps = plan.steps.filter((s) => s.application === found.id);
      return { ...found, effectiveStatus: statusAsOf(found, now), steps };
    },
  );

  app.post(
    '/api/applications',
    {
      schema: {
        tags: ['applications'],
        body: applicationPatchSchema(deps.calendar)
          .omit({ interviews: true, interactions: true })
          .extend({ id: idSchema.optional() }),
        response: { 201: applicationSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addApplication(deps.uow, deps.calendar, request.body)),
  );

  app.patch(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        description:
          'Omitted fields keep their value, null resets, lists replace. Setting `status` to ' +
          '`accepted` also logs an outbound `accept` now (unless one is on record), which plans ' +
          'the withdrawals from the other applications.',
        params: idParamsSchema,
        body: applicationEditSchema(deps.calendar),
        response: { 200: applicationSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) =>
      updateApplication(deps.uow, deps.calendar, deps.clock, request.params.id, request.body),
  );

  app.post(
    '/api/applications/:id/interviews',
    {
      schema: {
        tags: ['applications'],
        description: 'A new round; `round` defaults to the one after the highest recorded.',
        params: idParamsSchema,
        body: newInterviewSchema,
        response: { 201: interviewSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addInterview(deps.uow, { ...request.body, application: request.params.id })),
  );

  app.put(
    '/api/applications/:id/interviews/:interviewId',
    {
      schema: {
        tags: ['applications'],
        description:
          'The debrief: interviewers, notes, decisionExpectedBy, quickDecision, unavailableUntil, final, chance…',
        params: interviewParamsSchema,
        body: interviewEditSchema,
        response: { 200: interviewSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    (request) =>
      updateInterview(deps.uow, request.params.id, request.params.interviewId, request.body),
  );

  app.post(
    '/api/applications/:id/interactions',
    {
      schema: {
        tags: ['applications'],
        description:
          'A fact that happened; `at` defaults to now. Breaking the pacing guard is accepted with a warning.',
        params: idParamsSchema,
        body: newInteractionSchema,
        response: {
          201: z.object({ interaction: interactionSchema, warnings: z.array(warningSchema) }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await logInteraction(deps.uow, deps.calendar, deps.clock, {
        ...request.body,
        application: request.params.id,
      });
      return reply.status(201).send(result);
    },
  );
}
