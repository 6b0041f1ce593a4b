// /api/steps/:stepId/…: done, skip, snooze; the draft (JSON, .eml, mailto:); and the message
// checker on the seeker's own text. Step ids contain ":" — clients percent-encode them.
import { z } from 'zod';
import { getDraftEdit, withDraftEdit, type DraftEditState } from '../app/draft-edits.js';
import { recordStepAction, snoozeBounds } from '../app/record-step-action.js';
import { checkMessage } from '../core/checker/index.js';
import { isoDateSchema } from '../core/document/index.js';
import { parseSignature, renderDraft, type Draft } from '../core/drafts/index.js';
import { DomainError } from '../core/errors.js';
import {
  ANSWER_OFFER_VARIANTS,
  CHANNELS,
  SEEKER_STEP_KINDS,
  STEP_ACTIONS,
  STEP_KINDS,
  type DraftVariant,
  type Facts,
  type StepAction,
} from '../core/types.js';
import type { RouteContext, ZodApp } from './context.js';
import {
  booleanFlag,
  errorSchema,
  findingSchema,
  stepActionResultSchema,
  stepParamsSchema,
} from './schemas.js';
import { stepDraftSchema } from './draft-edit.routes.js';

const MESSAGE_KINDS = STEP_KINDS.filter((k) => !SEEKER_STEP_KINDS.includes(k));
// Fastify hands a missing body over as null.
const actionBodySchema = z.strictObject({ until: isoDateSchema.optional() }).nullish();
const draftQuerySchema = z.strictObject({
  formal: booleanFlag.optional(),
  value: z.string().max(2_000).optional(),
  variant: z.enum(ANSWER_OFFER_VARIANTS).optional(),
});

const checkBodySchema = z.strictObject({
  applicationId: z.string().max(64),
  kind: z
    .enum(MESSAGE_KINDS as [string, ...string[]])
    .nullable()
    .optional(),
  channel: z.enum(CHANNELS).nullable().optional(),
  subject: z.string().max(2_000).nullable().optional(),
  body: z.string().max(100_000),
  to: z.array(z.string().max(64)).max(500).optional(),
});

/** A stable Message-ID from the step id, as `tactful draft --format eml` makes it. */
function messageIdFor(stepId: string): string {
  return `${stepId.replace(/[^A-Za-z0-9._-]+/g, '.')}@tactful.invalid`;
}

function fileNameFor(stepId: string): string {
  return `${stepId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.eml`;
}

export function stepRoutes(app: ZodApp, { deps, cache }: RouteContext): void {
  /** The draft as it goes out: the seeker's saved edit over the suggested text. */
  async function draftOf(
    stepId: string,
    options: {
      formal?: boolean | undefined;
      value?: string | undefined;
      variant?: DraftVariant | undefined;
    },
  ): Promise<{ draft: Draft; suggested: Draft; edit: DraftEditState; facts: Facts }> {
    const { facts, plan } = await cache.plan(deps.clock.now());
    const step = plan.steps.find((s) => s.id === stepId);
    if (!step) throw new DomainError('not_found', `no open step with id "${stepId}"`, 'stepId');
    const suggested = renderDraft(step, facts, await deps.templates(), {
      formal: options.formal === true,
      value: options.value,
      variant: options.variant,
    });
    const edit = await getDraftEdit(deps.uow, stepId);
    return { draft: withDraftEdit(suggested, edit, step, facts), suggested, edit, facts };
  }

  for (const action of STEP_ACTIONS) {
    app.post(
      `/api/steps/:stepId/${action}`,
      {
        schema: {
          tags: ['steps'],
          description:
            action === 'snooze'
              ? 'Moves due to `until`, which must be later than the due date and today (default: the next business day after them).'
              : action === 'done'
                ? "Logs the step's outbound message now (move_on also closes the application)."
                : 'Ends the step for good.',
          params: stepParamsSchema,
          body: actionBodySchema,
          response: { 200: stepActionResultSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (request) => {
        const result = await recordStepAction(deps.uow, deps.calendar, deps.clock, {
          stepId: request.params.stepId,
          action: action as StepAction,
          until: request.body?.until,
        });
        return {
          ok: true as const,
          action,
          step: result.step,
          until: result.event.until,
          interaction: result.interaction,
          warnings: result.warnings,
        };
      },
    );
  }

  app.get(
    '/api/steps/:stepId/snooze',
    {
      schema: {
        tags: ['steps'],
        description:
          'The snooze dates the step accepts: later than `after`; `suggested` is the default (the next business day).',
        params: stepParamsSchema,
        response: {
          200: z.object({ after: z.string(), suggested: z.string() }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const { after, suggested } = await snoozeBounds(
        deps.uow,
        deps.calendar,
        deps.clock,
        request.params.stepId,
      );
      return { after, suggested };
    },
  );

  app.get(
    '/api/steps/:stepId/draft',
    {
      schema: {
        tags: ['steps'],
        params: stepParamsSchema,
        querystring: draftQuerySchema,
        description:
          "The step's draft as it goes out: `subject`/`body` are the seeker's saved edit when " +
          '`edit.edited`, else the suggested text; `suggested` is always the suggested text.',
        response: { 200: stepDraftSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { draft, suggested, edit } = await draftOf(request.params.stepId, request.query);
      return {
        ...draft,
        suggested: { subject: suggested.subject, body: suggested.body },
        edit,
      };
    },
  );

  app.get(
    '/api/steps/:stepId/draft.eml',
    {
      schema: {
        tags: ['steps'],
        description:
          'The e-mail draft as an RFC 5322 file (message/rfc822) that mail clients open.',
        params: stepParamsSchema,
        querystring: draftQuerySchema,
        response: {
          200: z.string().describe('message/rfc822'),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { draft, facts } = await draftOf(request.params.stepId, request.query);
      const seeker = parseSignature(facts.settings.signature);
      const from = seeker.email ? { name: seeker.name, email: seeker.email } : null;
      // nodemailer loads on the first .eml, not at start-up.
      const { toEml } = await import('../mail/eml.js');
      const eml = await toEml(draft, {
        from,
        messageId: messageIdFor(request.params.stepId),
        date: new Date(deps.clock.now()),
      });
      return reply
        .type('message/rfc822')
        .header(
          'content-disposition',
          `attachment; filename="${fileNameFor(request.params.stepId)}"`,
        )
        .send(eml);
    },
  );

  app.get(
    '/api/steps/:stepId/mailto',
    {
      schema: {
        tags: ['steps'],
        params: stepParamsSchema,
        querystring: draftQuerySchema,
        response: { 200: z.object({ href: z.string() }), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { mailtoLink } = await import('../mail/mailto.js');
      return { href: mailtoLink((await draftOf(request.params.stepId, request.query)).draft) };
    },
  );

  app.post(
    '/api/check',
    {
      schema: {
        tags: ['steps'],
        description: "The message checker on the seeker's own text.",
        body: checkBodySchema,
        response: {
          200: z.object({ findings: z.array(findingSchema) }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const body = request.body;
      const facts = await cache.loadFacts();
      const subject = body.subject ?? null;
      const findings = checkMessage(
        {
          applicationId: body.applicationId,
          kind: (body.kind ?? null) as (typeof MESSAGE_KINDS)[number] | null,
          channel: body.channel ?? (subject !== null ? 'email' : null),
          subject,
          body: body.body,
          to: body.to ?? [],
        },
        facts,
      );
      return { findings };
    },
  );
}
