// GET/PUT /api/settings: the seeker's time zone, region, preset, signature and target.
import { getSettings, updateSettings } from '../app/settings.js';
import { settingsPatchSchema } from '../core/document/index.js';
import type { RouteContext, ZodApp } from './context.js';
import { errorSchema, settingsSchema } from './schemas.js';

export function settingsRoutes(app: ZodApp, { deps }: RouteContext): void {
  app.get(
    '/api/settings',
    { schema: { tags: ['settings'], response: { 200: settingsSchema } } },
    () => getSettings(deps.uow),
  );
  app.put(
    '/api/settings',
    {
      schema: {
        tags: ['settings'],
        description: 'Partial update: omitted fields keep their value, null resets to the default.',
        body: settingsPatchSchema(deps.calendar),
        response: { 200: settingsSchema, 400: errorSchema },
      },
    },
    (request) => updateSettings(deps.uow, deps.calendar, request.body),
  );
}
