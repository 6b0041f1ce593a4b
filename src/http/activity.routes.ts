// The activity history and undo, delete (with a preview of what goes with it) and the Trash.
// Every write answer carries the activity it recorded in the `Tactful-Activity` header.
import { z } from 'zod';
import { listActivity, undo } from '../app/activity.js';
import { deleteEntity, listTrash, previewDelete, restore } from '../app/delete-entities.js';
import { purgeTrash } from '../app/purge-trash.js';
import type { EntityType } from '../app/ports.js';
import type { RouteContext, ZodApp } from './context.js';
import {
  activitySchema,
  deletePreviewSchema,
  deleteResultSchema,
  ENTITY_NAMES,
  purgeResultSchema,
  restoreResultSchema,
  trashEntrySchema,
} from './activity.schemas.js';
import { errorSchema, idParamsSchema } from './schemas.js';

const activityParams = z.strictObject({
  id: z.coerce.number().int('must be an activity number').positive('must be an activity number'),
});
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().positive().optional(),
});
const entityParams = z.strictObject({ entity: z.enum(ENTITY_NAMES), id: z.string().max(64) });
const childParams = (name: 'interviewId' | 'interactionId') =>
  z.strictObject({ id: z.string().max(64), [name]: z.string().max(64) });

const UNDO_ERRORS = { 404: errorSchema, 409: errorSchema };

export function activityRoutes(app: ZodApp, { deps }: RouteContext): void {
  app.get(
    '/api/activity',
    {
      schema: {
        tags: ['activity'],
        description: 'The history, newest first (`before`: page back from an activity id).',
        querystring: listQuery,
        response: { 200: z.object({ activities: z.array(activitySchema) }), 400: errorSchema },
      },
    },
    async (request) => ({ activities: await listActivity(deps.uow, request.query) }),
  );

  app.post(
    '/api/activity/undo',
    {
      schema: {
        tags: ['activity'],
        description: 'Undoes the newest activity not undone yet.',
        response: { 200: z.object({ undone: activitySchema }), ...UNDO_ERRORS },
      },
    },
    async () => ({ undone: await undo(deps.uow) }),
  );

  app.post(
    '/api/activity/:id/undo',
    {
      schema: {
        tags: ['activity'],
        description:
          'Puts back exactly what the activity changed. 409 when it is already undone or a later activity changed the same records (the message names it: undo that one first).',
        params: activityParams,
        response: { 200: z.object({ undone: activitySchema }), 400: errorSchema, ...UNDO_ERRORS },
      },
    },
    async (request) => ({ undone: await undo(deps.uow, request.params.id) }),
  );

  app.get(
    '/api/delete-preview/:entity/:id',
    {
      schema: {
        tags: ['trash'],
        description: 'What deleting the record takes with it, and the question to confirm.',
        params: entityParams,
        response: { 200: deletePreviewSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => previewDelete(deps.uow, request.params.id, request.params.entity),
  );

  const deleted = { 200: deleteResultSchema, 400: errorSchema, 404: errorSchema };
  app.delete(
    '/api/contacts/:id',
    {
      schema: {
        tags: ['trash'],
        description: 'To the Trash; lists that name the contact no longer do (until restored).',
        params: idParamsSchema,
        response: deleted,
      },
    },
    (request) => deleteEntity(deps.uow, request.params.id, 'contact'),
  );
  app.delete(
    '/api/applications/:id',
    {
      schema: {
        tags: ['trash'],
        description: 'To the Trash with its interviews, interactions and step events.',
        params: idParamsSchema,
        response: deleted,
      },
    },
    (request) => deleteEntity(deps.uow, request.params.id, 'application'),
  );
  app.delete(
    '/api/applications/:id/interviews/:interviewId',
    { schema: { tags: ['trash'], params: childParams('interviewId'), response: deleted } },
    (request) =>
      deleteEntity(deps.uow, request.params.interviewId as string, 'interview', request.params.id),
  );
  app.delete(
    '/api/applications/:id/interactions/:interactionId',
    { schema: { tags: ['trash'], params: childParams('interactionId'), response: deleted } },
    (request) =>
      deleteEntity(
        deps.uow,
        request.params.interactionId as string,
        'interaction',
        request.params.id,
      ),
  );

  app.get(
    '/api/trash',
    {
      schema: {
        tags: ['trash'],
        description: 'Deleted records, by the activity that deleted them, newest first.',
        response: { 200: z.object({ entries: z.array(trashEntrySchema) }) },
      },
    },
    async () => ({ entries: await listTrash(deps.uow) }),
  );

  app.delete(
    '/api/trash',
    {
      schema: {
        tags: ['trash'],
        description:
          "Empties the Trash for good: its records, the history's copies of them and the draft edits of their steps. It cannot be undone; their ids are never given out again.",
        response: { 200: purgeResultSchema },
      },
    },
    () => purgeTrash(deps.uow),
  );

  app.post(
    '/api/trash/:entity/:id/restore',
    {
      schema: {
        tags: ['trash'],
        description:
          'Brings the record back exactly as it was, with what was deleted together with it.',
        params: entityParams,
        response: { 200: restoreResultSchema, 400: errorSchema, ...UNDO_ERRORS },
      },
    },
    (request) => restore(deps.uow, request.params.id, request.params.entity as EntityType),
  );
}
