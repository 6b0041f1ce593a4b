// GET /api/regions: every holiday region with its names, for the web app's region pickers
// (date-holidays stays on the server; the list is built once and cached).
import { z } from 'zod';
import type { RegionName } from '../core/regions.js';
import type { RouteContext, ZodApp } from './context.js';

const regionSchema = z.object({
  code: z.string(),
  country: z.string(),
  subdivision: z.string().nullable(),
});

export function regionRoutes(
  app: ZodApp,
  _ctx: RouteContext,
  regions: () => readonly RegionName[],
): void {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['settings'],
        description: 'Holiday regions: countries and their subdivisions, with English names.',
        response: { 200: z.object({ regions: z.array(regionSchema) }) },
      },
    },
    async (_request, reply) => {
      // The list changes only with the date-holidays version, i.e. with a new tactful.
      void reply.header('cache-control', 'private, max-age=3600');
      return { regions: [...regions()] };
    },
  );
}
