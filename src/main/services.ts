// Wires config → storage → use cases → the CLI's Services. Loaded only by commands that need
// data (dynamic import from cli.ts), so it may pull in the database drivers and holidays.
import type { Config } from '../config/config.js';
import type { Clock } from '../app/ports.js';
import type { Services } from '../cli/services.js';
import { BusinessCalendar, dateInZone, parseAsOf } from '../core/calendar.js';
import { dateHolidays } from '../holidays/date-holidays.js';
import { backupSqlite, createUnitOfWork, openDatabase, type Database } from '../storage/index.js';
import { UserError } from '../cli/errors.js';
import * as app from '../app/index.js';
import { demoDocument } from '../app/demo.js';

/** Drops absent flags so the use case's "omitted keeps the default" applies. */
function defined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Storage wraps PostgreSQL connection failures (refused, auth, unknown database) in a plain
 * Error; for the user they are all "cannot reach the database named by DATABASE_URL".
 */
async function open(config: Config): Promise<Database> {
  if (config.storage.kind === 'sqlite') return openDatabase({ sqlitePath: config.storage.path });
  try {
    return await openDatabase({ databaseUrl: config.storage.url });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^database migration\s+failed:\s*(Error:\s*)?/, '') : String(error);
    throw new UserError(`cannot use PostgreSQL: ${reason} (check DATABASE_URL)`);
  }
}

export async function openServices(config: Config, clock: Clock): Promise<Services> {
  const database = await open(config);
  const uow = createUnitOfWork(database);
  const calendar = new BusinessCalendar(dateHolidays());

  /** The round after the application's highest (1 for the first); unknown ids are left to addInterview. */
  const nextRound = async (applicationId: string): Promise<number> => {
    const found = await uow.transaction((repo) => repo.getApplication(applicationId));
    return Math.max(0, ...(found?.interviews ?? []).map((i) => i.round)) + 1;
  };

  /** `--as-of` is read in the seeker's zone; absent means now. */
  const asOfMs = async (raw: string | undefined): Promise<number> => {
    if (raw === undefined) return clock.now();
    const settings = await app.getSettings(uow);
    return parseAsOf(raw, settings.timezone, '--as-of');
  };

  return {
    importDocument: async (document) => {
      await app.importDocument(uow, calendar, document);
    },
    exportDocument: () => app.exportDocument(uow),
    exportCsv: async (asOf) => app.exportCsv(uow, calendar, await asOfMs(asOf)),
    addContact: (input) => app.addContact(uow, defined({ ...input })),
    addApplication: (input) => {
      const { pros, cons, strengths, ...fields } = input;
      const hasProsCons = pros !== undefined || cons !== undefined || strengths !== undefined;
      const prosCons = hasProsCons ? { pros: pros ?? [], cons: cons ?? [], strengths: strengths ?? [] } : undefined;
      return app.addApplication(uow, calendar, defined({ ...fields, prosCons }));
    },
    addInterview: async (input) => {
      const { application, keyPoints, forgot, promises, ...fields } = input;
      const hasNotes = keyPoints !== undefined || forgot !== undefined || promises !== undefined;
      const notes = hasNotes ? { keyPoints: keyPoints ?? [], forgot: forgot ?? [], promises: promises ?? [] } : undefined;
      const round = fields.round ?? (await nextRound(application));
      const interview = await app.addInterview(uow, defined({ ...fields, application, round, notes }));
      return { application, interview };
    },
    logInteraction: (input) => app.logInteraction(uow, calendar, clock, defined({ ...input })),
    plan: async (asOf) => app.planFor(uow, calendar, await asOfMs(asOf)),
    agenda: async (asOf) => {
      // One read for both the plan and the names the agenda prints.
      const facts = await uow.transaction((repo) => repo.loadFacts());
      const at = asOf === undefined ? clock.now() : parseAsOf(asOf, facts.settings.timezone, '--as-of');
      return { plan: app.planOf(facts, calendar, at), facts };
    },
    recordStepAction: async (stepId, action, until) => {
      const result = await app.recordStepAction(uow, calendar, clock, { stepId, action, until });
      return { until: result.event.until, warnings: result.warnings };
    },
    loadDemo: async () => {
      // The demo's own zone decides its "today", so its dates line up with its settings.
      const document = demoDocument(dateInZone(clock.now(), 'America/New_York'));
      await app.importDocument(uow, calendar, document);
      return document;
    },
    backup: (file) => backupSqlite(database, file),
    close: () => database.close(),
  };
}
