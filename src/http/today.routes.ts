// GET /api/today?asOf=…: Today's agenda window (overdue, today, next 7 days, a count of the
// rest) with only the names it shows — what the web's Today page needs, a fraction of the
// whole plan at a real seeker's scale. Cached with the plan's validity window.
import { z } from 'zod';
import { agendaOf } from '../core/agenda.js';
import type { RouteContext, ZodApp } from './context.js';
import { asOfQuerySchema, errorSchema, stepSchema, warningSchema } from './schemas.js';

const agendaSchema = z
  .object({
    asOf: z.string(),
    asOfDate: z.string(),
    timezone: z.string(),
    warnings: z.array(warningSchema),
    overdue: z.array(stepSchema),
    today: z.array(stepSchema),
    upcoming: z.array(stepSchema),
    held: z.array(stepSchema),
    later: z.object({ count: z.number().int(), next: stepSchema.nullable() }),
    applications: z.array(z.object({ id: z.string(), organization: z.string(), role: z.string() })),
    contacts: z.array(
      z.object({ id: z.string(), name: z.string(), linkedin: z.string().nullable() }),
    ),
    applicationCount: z.number().int(),
  })
  .describe("Today's agenda: the plan's steps grouped by the seeker's as-of date");

export function todayRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/today',
    {
      schema: {
        tags: ['plan'],
        description:
          'asOf: YYYY-MM-DD (start of that day in the seeker zone) or an RFC 3339 instant; default now.',
        querystring: asOfQuerySchema,
        response: { 200: agendaSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const snapshot = await ctx.cache.plan(await ctx.asOf(request.query.asOf));
      // Its tag covers the names it shows, not only the plan.
      const { body, tag } = snapshot.view('today', agendaOf);
      return reply
        .type('application/json; charset=utf-8')
        .header('etag', tag)
        .send(body as never);
    },
  );
}
