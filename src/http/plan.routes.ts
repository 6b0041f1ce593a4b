// GET /api/plan?asOf=…: exactly the object of `tactful plan --json` (sent pre-serialised from
// the facts cache).
import type { RouteContext, ZodApp } from './context.js';
import { asOfQuerySchema, errorSchema, planSchema } from './schemas.js';

export function planRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/plan',
    {
      schema: {
        tags: ['plan'],
        description:
          'asOf: YYYY-MM-DD (start of that day in the seeker zone) or an RFC 3339 instant; default now.',
        querystring: asOfQuerySchema,
        response: { 200: planSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const snapshot = await ctx.cache.plan(await ctx.asOf(request.query.asOf));
      // The serialised plan, as bytes: sent as it is, without re-encoding per request.
      return reply
        .type('application/json; charset=utf-8')
        .header('etag', snapshot.tag)
        .send(snapshot.body as never);
    },
  );
}
