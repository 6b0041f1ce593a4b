// GET /api/insights?asOf=…: pipeline by status, response rates by source, thank-you timeliness.
import type { RouteContext, ZodApp } from './context.js';
import { computeInsights } from './insights.js';
import { asOfQuerySchema, errorSchema, insightsSchema } from './schemas.js';

export function insightsRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/insights',
    {
      schema: {
        tags: ['insights'],
        querystring: asOfQuerySchema,
        response: { 200: insightsSchema, 400: errorSchema },
      },
    },
    async (request) =>
      computeInsights(await ctx.cache.loadFacts(), await ctx.asOf(request.query.asOf)),
  );
}
