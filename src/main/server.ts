// `tactful serve`: wires config → storage → the HTTP app and listens. The only place that
// calls listen(); it also owns the real clock and the process signals of the server.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../core/errors.js';
import type { Config } from '../config/config.js';
import { openStorage, ownDatabaseOptions } from './open-storage.js';
import { SampleMode } from './sample-mode.js';
import { BusinessCalendar } from '../core/calendar.js';
import type { TemplateSet } from '../core/drafts/index.js';
import { sqliteHandleOf } from '../storage/database.js';
import { createUnitOfWork } from '../storage/index.js';
import { cachedHolidays } from './holiday-cache.js';

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_PORT = 4870;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  port: number;
  host: string;
  /** Extra Host names to accept (a LAN name when bound to 0.0.0.0). */
  allowedHosts?: readonly string[];
  /** Extra origins allowed to write (a dev server such as http://localhost:5173). */
  allowedOrigins?: readonly string[];
  /** Where the built web app is; default `<package>/web/dist`. */
  webRoot?: string;
  /** Request log lines to stdout. */
  log?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Region names for GET /api/regions, loading date-holidays on the first request only. */
function loadRegionNames() {
  return (
    require('../holidays/date-holidays.js') as typeof import('../holidays/date-holidays.js')
  ).regionNames();
}

function loadDateHolidays() {
  return (
    require('../holidays/date-holidays.js') as typeof import('../holidays/date-holidays.js')
  ).dateHolidays();
}

/** The URL a browser should open: the bound address, with 0.0.0.0/:: shown as localhost. */
function urlOf(host: string, port: number): string {
  const shown =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: only this computer can connect. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  );
}

/** Opens the database, builds the app and listens; resolves once it accepts connections. */
export async function startServer(config: Config, options: ServeOptions): Promise<RunningServer> {
  // Without accounts every request is the seeker: whoever reaches the port would read their
  // data, their SMTP account and calendar token. So only this computer may reach it.
  if (!isLoopback(options.host)) {
    throw new UserError(
      `--host ${options.host}: without sign-in, tactful serves only this computer (127.0.0.1 or ::1), since anyone who reached it would see and change your data`,
    );
  }
  // The HTTP app and the mail side load while the database opens (file reads overlap).
  const modules = Promise.all([
    import('../http/app.js'),
    import('./in-process-mail.js'),
    import('./worker-deps.js'),
  ]);
  modules.catch(() => undefined);
  const ownOptions = ownDatabaseOptions(config.storage);
  const database = await openStorage(ownOptions);
  const holidays = cachedHolidays(join(config.cacheDir, 'holidays.json'), loadDateHolidays);
  const calendar = new BusinessCalendar(holidays.lookup);
  const sqlite = sqliteHandleOf(database);
  const dataDir = config.storage.kind === 'sqlite' ? dirname(config.storage.path) : null;
  let templates: Promise<TemplateSet> | undefined;

  const [{ buildApp }, { startInProcessMail }, { dataDirOf, mailStoreFor }] = await modules;
  // Outbox, SMTP and feed routes; for SQLite also the worker loop in this process.
  const clock = { now: () => Date.now() };
  const mail = await startInProcessMail(config, database, calendar, clock, process.env);
  const bound = options.host;
  const hostPolicy = {
    port: options.port,
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHosts: [
      ...(options.allowedHosts ?? []),
      ...(bound === '0.0.0.0' || bound === '::' ? [] : [bound]),
    ],
  };
  // The sample data, when there is one, is shown instead of the seeker's (with a band saying so).
  const sample = new SampleMode({
    own: {
      uow: createUnitOfWork(database, 'local', clock),
      // Another process (the CLI) may write the same SQLite file: data_version tells.
      dataVersion: sqlite
        ? () => `${String(sqlite.pragma('data_version', { simple: true }))}:${mail.version()}`
        : null,
    },
    ownOptions,
    mailStoreOf: (db) => mailStoreFor(db, process.env, dataDirOf(config, process.env, homedir())),
    calendar,
    clock,
  });
  try {
    await sample.start();
  } catch (error) {
    await mail.stop();
    await database.close();
    throw error;
  }
  const app = await buildApp({
    uow: sample.uow,
    calendar,
    clock,
    regions: loadRegionNames,
    templates: () => {
      templates ??= import('../templates/loader.js').then((m) => m.loadTemplates({ dataDir }));
      templates.catch(() => (templates = undefined));
      return templates;
    },
    dataVersion: sample.dataVersion,
    webRoot: options.webRoot ?? join(PACKAGE_ROOT, 'web', 'dist'),
    hostPolicy,
    logger: options.log ? { level: 'info' } : false,
    mail: sample.mailHttp(mail.http),
    inbox: mail.inbox,
    sample: sample.http,
  });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    await mail.stop();
    await sample.close();
    await database.close();
    const code = (error as { code?: string } | null)?.code;
    if (code === 'EADDRINUSE')
      throw new UserError(
        `port ${options.port} on ${options.host} is already in use; choose another with --port`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UserError(`cannot listen on --host ${options.host}: no such local address`);
    if (code === 'EACCES')
      throw new UserError(`no permission to listen on port ${options.port}; use a port above 1023`);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // `--port 0` picks a free port: the Host check must expect the real one.
  hostPolicy.port = port;
  return {
    url: urlOf(options.host, port),
    app,
    close: async () => {
      await app.close();
      await mail.stop();
      await sample.close();
      holidays.save();
      await database.close();
    },
  };
}

/** For `tactful serve`: start, print the URL, and shut down cleanly on SIGINT/SIGTERM. */
export async function serveForever(
  config: Config,
  options: ServeOptions,
  print: (line: string) => void,
): Promise<void> {
  const server = await startServer(config, options);
  print(`tactful is running at ${server.url} (Ctrl-C to stop)`);
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
