// The sample data beside the seeker's: GET /api/sample (is it shown?), POST /api/sample (load a
// fresh sample and show it), DELETE /api/sample (leave: remove it, the seeker's data is back).
// The switch itself lives in the composition root; these routes only ask for it.
import { z } from 'zod';
import type { ImportSummary } from '../app/import-document.js';
import type { ZodApp } from './context.js';
import { errorSchema, importSummarySchema } from './schemas.js';

export interface SampleState {
  /** True while the sample is shown instead of the seeker's own data. */
  active: boolean;
  /** Where the sample lives: a file path, or a PostgreSQL schema. */
  where: string;
}

export interface SampleHttpDeps {
  state(): Promise<SampleState>;
  load(): Promise<SampleState & { loaded: ImportSummary }>;
  leave(): Promise<SampleState & { removed: boolean }>;
}

const stateSchema = z.object({ active: z.boolean(), where: z.string() });

export function sampleRoutes(app: ZodApp, sample: SampleHttpDeps): void {
  app.get(
    '/api/sample',
    {
      schema: {
        tags: ['sample'],
        description:
          'Whether the sample data is shown (it lives beside the seeker’s own data, never in it).',
        response: { 200: stateSchema },
      },
    },
    () => sample.state(),
  );
  app.post(
    '/api/sample',
    {
      schema: {
        tags: ['sample'],
        description:
          'Loads a fresh sample search, dated around today, and shows it until it is left. ' +
          'The seeker’s own data and settings are not touched; no mail is ever sent from the sample.',
        response: {
          200: stateSchema.extend({ loaded: importSummarySchema }),
          409: errorSchema,
        },
      },
    },
    () => sample.load(),
  );
  app.delete(
    '/api/sample',
    {
      schema: {
        tags: ['sample'],
        description: 'Leaves the sample: removes it and shows the seeker’s own data again.',
        response: { 200: stateSchema.extend({ removed: z.boolean() }) },
      },
    },
    () => sample.leave(),
  );
}
