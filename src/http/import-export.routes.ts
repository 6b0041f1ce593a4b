// POST /api/import (the SPEC §6 document), GET /api/export?format=json|csv. The sample data
// has routes of its own (sample.routes.ts): it never goes into the seeker's data.
import { z } from 'zod';
import { exportCsv } from '../app/export-csv.js';
import { exportDocument, importDocument } from '../app/import-document.js';
import { documentSchema } from '../core/document/index.js';
import { IMPORT_BODY_LIMIT } from './limits.js';
import type { RouteContext, ZodApp } from './context.js';
import { errorSchema, importSummarySchema } from './schemas.js';

const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).optional(),
  asOf: z.string().max(64).optional(),
});

export function importExportRoutes(app: ZodApp, ctx: RouteContext): void {
  const { deps } = ctx;
  app.post(
    '/api/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['import-export'],
        description:
          'Upserts by id (omitted keeps, null resets, lists replace, nothing deleted); one transaction.',
        body: documentSchema(deps.calendar),
        response: { 200: importSummarySchema, 400: errorSchema, 413: errorSchema },
      },
    },
    (request) => importDocument(deps.uow, deps.calendar, request.body),
  );

  app.get(
    '/api/export',
    {
      schema: {
        tags: ['import-export'],
        description:
          'json: the whole document (lossless); csv: one row per open step as of `asOf` (default now).',
        querystring: exportQuerySchema,
        response: { 200: z.unknown().describe('the JSON document, or text/csv'), 400: errorSchema },
      },
    },
    async (request, reply) => {
      if (request.query.format === 'csv') {
        const csv = await exportCsv(deps.uow, deps.calendar, await ctx.asOf(request.query.asOf));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="tactful.csv"')
          .send(csv);
      }
      return reply
        .header('content-disposition', 'attachment; filename="tactful.json"')
        .send(await exportDocument(deps.uow));
    },
  );
}
