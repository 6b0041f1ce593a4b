// An API on a real database (SQLite file or a fresh PostgreSQL schema) for inject() tests,
// with a clock the test moves. SQLite runs with the facts cache on (data_version), PostgreSQL
// without: both must answer the same.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { UnitOfWork } from '../../src/app/ports.js';
import { sampleDocument } from '../../src/app/sample.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { TemplateSet } from '../../src/core/drafts/index.js';
import { dateHolidays, regionNames } from '../../src/holidays/date-holidays.js';
import { buildApp, type HttpDeps } from '../../src/http/app.js';
import { sqliteHandleOf } from '../../src/storage/database.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { testDatabaseSite, type Dialect } from '../db/test-databases.js';

export const calendar = new BusinessCalendar(dateHolidays());
let templates: Promise<TemplateSet> | undefined;

export interface TestApi {
  app: FastifyInstance;
  uow: UnitOfWork;
  database: Database;
  /** The clock every request reads (epoch ms); tests set it. */
  clock: { ms: number; now(): number };
  request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  json<T = any>(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** The whole stored document, for "nothing changed" checks. */
  snapshot(): Promise<string>;
  /** Another connection to the same database (another process writing; close it yourself). */
  openAnother(): Promise<Database>;
  close(): Promise<void>;
}

export async function openTestApi(
  dialect: Dialect,
  now: string,
  extra: Partial<HttpDeps> = {},
): Promise<TestApi> {
  const site = testDatabaseSite(dialect);
  const database = await site.open();
  const uow = createUnitOfWork(database);
  const clock = { ms: Date.parse(now), now: () => clock.ms };
  const sqlite = sqliteHandleOf(database);
  const app = await buildApp({
    uow,
    calendar,
    clock,
    templates: () => (templates ??= loadTemplates()),
    dataVersion: sqlite ? () => String(sqlite.pragma('data_version', { simple: true })) : null,
    webRoot: null,
    regions: regionNames,
    ...extra,
  });
  const request: TestApi['request'] = (method, url, payload, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { host: 'localhost:4870', ...headers },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload }
          : { payload: payload as object }),
    });
  return {
    app,
    uow,
    database,
    clock,
    request,
    async json(method, url, payload) {
      const res = await request(method, url, payload);
      return { status: res.statusCode, body: res.body === '' ? undefined : JSON.parse(res.body) };
    },
    async snapshot() {
      const res = await request('GET', '/api/export');
      return res.body;
    },
    openAnother: () => site.open(),
    async close() {
      await app.close();
      await database.close();
      await site.destroy();
    },
  };
}

export const enc = encodeURIComponent;

/** The sample search imported as the seeker's own data: a realistic fixture for route tests. */
export async function importSampleAsOwn(api: TestApi): Promise<void> {
  const res = await api.request('POST', '/api/import', sampleDocument(api.clock));
  if (res.statusCode !== 200) throw new Error(`importing the sample failed: ${res.body}`);
}
