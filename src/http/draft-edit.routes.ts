// /api/steps/:stepId/draft-edit: the seeker's own text of a step's draft, saved as they type.
// GET reads it, PUT saves it (only if its revision is newer than the stored one), DELETE goes
// back to the suggested text. These writes touch no fact: they leave the plan cache alone.
import { z } from 'zod';
import { getDraftEdit, resetDraftEdit, saveDraftEdit } from '../app/draft-edits.js';
import type { RouteContext, ZodApp } from './context.js';
import { draftSchema, errorSchema, stepParamsSchema } from './schemas.js';

const revision = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const draftEditStateSchema = z.object({
  stepId: z.string(),
  edited: z.boolean().describe('false: the suggested text is in use'),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  revision: z
    .number()
    .int()
    .describe('the stored revision (0: never edited); a next save must be above it'),
  updatedAt: z.string().nullable(),
});

const savedSchema = draftEditStateSchema.extend({
  applied: z
    .boolean()
    .describe('false when a newer revision was already stored: this save changed nothing'),
});

export const stepDraftSchema = draftSchema.extend({
  suggested: z.object({ subject: z.string().nullable(), body: z.string() }),
  edit: draftEditStateSchema,
});

const putBodySchema = z.strictObject({
  revision: revision
    .optional()
    .describe('strictly increasing per step, e.g. the client clock in ms; omitted: now'),
  subject: z.string().max(998).nullable().optional(),
  body: z.string().max(100_000),
});

const deleteQuerySchema = z.strictObject({
  revision: z.coerce
    .number()
    .pipe(revision)
    .optional()
    .describe('the revision of this reset (above every earlier save); omitted: now'),
});

/** Route option read by buildApp: a write that leaves the facts (and the plan cache) alone. */
export const KEEPS_FACTS = { keepsFacts: true } as const;

export function draftEditRoutes(app: ZodApp, { deps }: RouteContext): void {
  const tags = ['steps'];
  app.get(
    '/api/steps/:stepId/draft-edit',
    {
      schema: {
        tags,
        description: "The seeker's saved edit of a step's draft.",
        params: stepParamsSchema,
        response: { 200: draftEditStateSchema, 400: errorSchema },
      },
    },
    (request) => getDraftEdit(deps.uow, request.params.stepId),
  );

  app.put(
    '/api/steps/:stepId/draft-edit',
    {
      config: KEEPS_FACTS,
      schema: {
        tags,
        description:
          "Saves the seeker's text of a step's draft. A save whose revision is not above the " +
          'stored one changes nothing (`applied: false`): an older request arriving late never ' +
          'overwrites a newer one, and a repeated request is harmless.',
        params: stepParamsSchema,
        body: putBodySchema,
        response: { 200: savedSchema, 400: errorSchema },
      },
    },
    (request) => saveDraftEdit(deps.uow, deps.clock, request.params.stepId, request.body),
  );

  app.delete(
    '/api/steps/:stepId/draft-edit',
    {
      config: KEEPS_FACTS,
      schema: {
        tags,
        description:
          'Back to the suggested text: forgets the edit. Saves with a lower revision still in ' +
          'flight are ignored.',
        params: stepParamsSchema,
        querystring: deleteQuerySchema,
        response: { 200: savedSchema, 400: errorSchema },
      },
    },
    (request) =>
      resetDraftEdit(deps.uow, deps.clock, request.params.stepId, {
        ...(request.query.revision === undefined ? {} : { revision: request.query.revision }),
      }),
  );
}
