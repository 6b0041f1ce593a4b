// The private calendar feed GET /calendar/<token>.ics (no Accept header needed, never cached),
// and in the API: whether a feed exists, and POST /api/calendar/token to (re)generate it.
import { z } from 'zod';
import { feedPlan, regenerateFeedToken } from '../app/calendar-feed.js';
import type { RouteContext, ZodApp } from './context.js';
import { HttpError } from './errors.js';
import type { MailHttpDeps } from './outbox.routes.js';

export function calendarRoutes(app: ZodApp, { deps }: RouteContext, mail: MailHttpDeps): void {
  app.get(
    '/calendar/:file',
    { schema: { hide: true, params: z.strictObject({ file: z.string().max(200) }) } },
    async (request, reply) => {
      const token = /^(.+)\.ics$/.exec(request.params.file)?.[1];
      const found =
        token === undefined
          ? undefined
          : await feedPlan(mail.store, deps.calendar, deps.clock, mail.tokens, token);
      if (!found) throw new HttpError(404, 'not_found', 'no such calendar');
      // ical-generator loads on the first feed request, not at start-up.
      const { planToIcs } = await import('../feed/ics.js');
      return reply
        .header('cache-control', 'no-store')
        .type('text/calendar; charset=utf-8')
        .send(planToIcs(found.plan, found.facts, deps.clock.now()));
    },
  );

  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['calendar'],
        description:
          'Whether a private feed URL exists (its token is stored hashed: regenerate to see a URL).',
        response: { 200: z.object({ subscribed: z.boolean() }) },
      },
    },
    async () => ({
      subscribed: await mail.store.transaction(mail.seekerId, (tx) => tx.feed.exists()),
    }),
  );

  app.post(
    '/api/calendar/token',
    {
      schema: {
        tags: ['calendar'],
        description: 'Creates a new private feed URL; the previous one stops working at once.',
        response: { 200: z.object({ token: z.string(), path: z.string() }) },
      },
    },
    async () => {
      const token = await regenerateFeedToken(mail.store, deps.clock, mail.tokens, mail.seekerId);
      return { token, path: `/calendar/${token}.ics` };
    },
  );
}
