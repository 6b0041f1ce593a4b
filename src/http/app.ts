// buildApp(deps): the HTTP API and the web app as a Fastify instance that never listens
// (tests call inject(); src/main/server.ts calls listen). JSON only, errors as
// `{ code, message, field? }`, OpenAPI at /api/openapi.json.
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import { constants as zlib } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { issueToError } from '../core/document/index.js';
import { resolveAsOf } from '../app/as-of.js';
import { activityRoutes } from './activity.routes.js';
import { trackActivities } from './activity-header.js';
import { applicationRoutes } from './application.routes.js';
import { contactRoutes } from './contact.routes.js';
import { draftEditRoutes } from './draft-edit.routes.js';
import type { HttpDeps, RouteContext, ZodApp } from './context.js';
import { errorHandler } from './errors.js';
import { clientErrorHandler, frameworkErrors, withRedactedRequests } from './framework-errors.js';
import { refuseUnstorableText } from './text-guard.js';
import { FactsCache } from './facts-cache.js';
import { inboxRoutes } from './inbox.routes.js';
import { importExportRoutes } from './import-export.routes.js';
import { importRoutes } from './import.routes.js';
import { insightsRoutes } from './insights.routes.js';
import { BODY_LIMIT } from './limits.js';
import { calendarRoutes } from './calendar.routes.js';
import { outboxRoutes } from './outbox.routes.js';
import { smtpRoutes } from './smtp.routes.js';
import { inboxSettingsRoutes } from './inbox-settings.routes.js';
import { planRoutes } from './plan.routes.js';
import { regionRoutes } from './region.routes.js';
import { sampleRoutes } from './sample.routes.js';
import { requestGuard } from './security.js';
import { settingsRoutes } from './settings.routes.js';
import { staticRoutes } from './static.routes.js';
import { stepRoutes } from './step.routes.js';
import { todayRoutes } from './today.routes.js';

export type { HttpDeps } from './context.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes marked `config: { keepsFacts: true }` (draft edits) leave the plan cache warm. */
function keepsFacts(config: unknown): boolean {
  return (config as { keepsFacts?: boolean } | undefined)?.keepsFacts === true;
}

/** Self-only CSP for the built web app; no upgrade-insecure-requests or HSTS on plain localhost. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
} as const;

// Zod issues become the same DomainError the use cases throw, naming the field. The imported
// document keeps its JSON paths in the message (a path is what names a field in a file).
const zodValidator =
  ({ schema, url }: { schema: z.ZodType; url?: string }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    const mode = url === '/api/import' ? 'document' : 'fields';
    return result.success ? { value: result.data } : { error: issueToError(result.error, mode) };
  };
// Response schemas document the contract; the use cases' objects are sent as they are, so
// `GET /api/plan` is byte for byte `JSON.stringify` of the plan.
const jsonSerializer = () => (data: unknown) => JSON.stringify(data);

/**
 * Our compilers given as the schema controller's factories: Fastify then never loads Ajv and
 * fast-json-stringify (about 250 modules, a good part of `tactful serve`'s start) only for
 * them to be replaced. Fastify's types expect Ajv-shaped factories, hence the cast.
 */
const SCHEMA_CONTROLLER = {
  compilersFactory: { buildValidator: () => zodValidator, buildSerializer: () => jsonSerializer },
} as unknown as FastifyServerOptions['schemaController'];

export async function buildApp(deps: HttpDeps): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: withRedactedRequests(deps.logger),
    frameworkErrors,
    clientErrorHandler,
    bodyLimit: BODY_LIMIT,
    // Step ids are long; a request line beyond this is not ours.
    routerOptions: { maxParamLength: 2_000 },
    return503OnClosing: true,
    schemaController: SCHEMA_CONTROLLER,
  });
  const app: ZodApp = fastify.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidator);
  app.setSerializerCompiler(jsonSerializer);
  app.setErrorHandler(errorHandler);
  // JSON only: fastify's text/plain parser would let a cross-site form post through.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, HELMET_OPTIONS);
  // ETag before compression: the tag is computed on the JSON bytes, so a reload with nothing
  // changed is a 304 whatever the encoding. Static assets carry their own (from @fastify/static).
  await app.register(etag, { weak: true });
  // API answers are compressed per request at a quality that costs little CPU; the built web
  // assets are compressed once at build time (scripts/precompress.js) and sent as they are.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'tactful', description: "A job seeker's follow-up assistant", version: '1' },
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRequest', requestGuard(deps.hostPolicy ?? {}));
  app.addHook('preValidation', refuseUnstorableText);

  // Write answers name the activity they recorded (the Tactful-Activity header).
  deps = { ...deps, uow: trackActivities(app, deps.uow) };
  const cache = new FactsCache(deps.uow, deps.calendar, deps.dataVersion ?? null);
  // Invalidate before the answer leaves, so a client's next read sees its own write.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (WRITE_METHODS.has(request.method) && !keepsFacts(request.routeOptions.config))
      cache.invalidate();
    return payload;
  });
  const ctx: RouteContext = {
    deps,
    cache,
    // An empty `?asOf=` means now, like an absent one.
    asOf: (raw) =>
      resolveAsOf(raw === '' ? undefined : raw, () => deps.clock.now(), async () => (await cache.loadFacts()).settings.timezone),
  };

  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  settingsRoutes(app, ctx);
  planRoutes(app, ctx);
  todayRoutes(app, ctx);
  contactRoutes(app, ctx);
  applicationRoutes(app, ctx);
  stepRoutes(app, ctx);
  draftEditRoutes(app, ctx);
  importExportRoutes(app, ctx);
  importRoutes(app, ctx);
  insightsRoutes(app, ctx);
  activityRoutes(app, ctx);
  inboxRoutes(app, ctx);
  if (deps.mail) calendarRoutes(app, ctx, deps.mail);
  if (deps.mail) outboxRoutes(app, ctx, deps.mail);
  if (deps.mail) smtpRoutes(app, ctx, deps.mail);
  if (deps.inbox) inboxSettingsRoutes(app, deps.inbox);
  if (deps.regions) regionRoutes(app, ctx, deps.regions);
  if (deps.sample) sampleRoutes(app, deps.sample);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await staticRoutes(app, deps.webRoot ?? null);
  return fastify;
}
