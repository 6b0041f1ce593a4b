// What every routes file receives: the ports, the facts cache and small shared helpers.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock, UnitOfWork } from '../app/ports.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { RegionName } from '../core/regions.js';
import type { TemplateSet } from '../core/drafts/index.js';
import type { FactsCache } from './facts-cache.js';
import type { InboxHttpDeps } from './inbox-settings.routes.js';
import type { MailHttpDeps } from './outbox.routes.js';
import type { SampleHttpDeps } from './sample.routes.js';
import type { HostPolicy } from './security.js';

export interface HttpDeps {
  uow: UnitOfWork;
  calendar: BusinessCalendar;
  clock: Clock;
  /** The draft templates (loaded once by the caller, on first use). */
  templates(): Promise<TemplateSet>;
  /**
   * A token that changes whenever another connection commits (SQLite `PRAGMA data_version`);
   * enables the facts and plan cache. Omit it when other processes may write unseen.
   */
  dataVersion?: (() => string) | null;
  /** The built web app (`web/dist`); null or missing folder → a page saying to build it. */
  webRoot?: string | null;
  hostPolicy?: HostPolicy;
  /** Fastify logger option; off by default (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Outbox, SMTP and calendar feed routes (issue 5); absent → not registered. */
  mail?: MailHttpDeps;
  /** The mailbox settings and its connection test (issue 10); absent → not registered. */
  inbox?: InboxHttpDeps;
  /** The holiday regions with their names (GET /api/regions); absent → not registered. */
  regions?: () => readonly RegionName[];
  /** The sample data beside the seeker's (GET/POST/DELETE /api/sample); absent → not registered. */
  sample?: SampleHttpDeps;
}

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteContext {
  deps: HttpDeps;
  cache: FactsCache;
  /** `?asOf=` as epoch ms (absent: now), read in the seeker's zone. */
  asOf(raw: string | undefined): Promise<number>;
}
