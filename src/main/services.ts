// Wires config → storage → use cases → the CLI's Services. Loaded only by commands that need
// data (dynamic import from cli.ts). Each use case module is imported when first called, so
// `today` never loads zod (validation) and date-holidays is read through a file cache.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Clock } from '../app/ports.js';
import type { ImportOutcome, SampleCommands, Services } from '../cli/services.js';
import { UserError } from '../core/errors.js';
import { resolveAsOf } from '../app/as-of.js';
import { BusinessCalendar, formatInstant, parseWhen } from '../core/calendar.js';
import { backupSqlite, createUnitOfWork, type Database } from '../storage/index.js';
import { cachedHolidays } from './holiday-cache.js';
import { datasetOf, openStorage, ownDatabaseOptions, sampleStoreBeside } from './open-storage.js';

const require = createRequire(import.meta.url);

/** The real holiday adapter, loaded synchronously on a cache miss (BusinessCalendar asks synchronously). */
function loadDateHolidays() {
  return (require('../holidays/date-holidays.js') as typeof import('../holidays/date-holidays.js')).dateHolidays();
}

/** Drops absent flags so the use case's "omitted keeps the default" applies. */
function defined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/*
 * Ctrl-C deliberately has no handler: a use case runs its whole transaction as one chain of
 * promise jobs (better-sqlite3 answers synchronously), so a JS SIGINT listener would run only
 * after the commit — an import could not be stopped. Node's default ends the process at once,
 * silently (the shell reports status 130); SQLite rolls back the uncommitted transaction on the next open.
 */

function holidayCalendar(config: Config) {
  const holidays = cachedHolidays(join(config.cacheDir, 'holidays.json'), loadDateHolidays);
  return { holidays, calendar: new BusinessCalendar(holidays.lookup) };
}

/** The dataset a command works on: the seeker's own, or with `--sample` the sample beside it. */
async function openDataset(config: Config, sample: boolean): Promise<Database> {
  const own = ownDatabaseOptions(config.storage);
  if (!sample) return openStorage({ ...own, allowReadOnly: true });
  const store = sampleStoreBeside(own, (database) => ({ ...datasetOf(database), database }));
  if (!(await store.exists())) throw new UserError(`there is no sample data (${store.where}): load it with \`tactful demo\``);
  return (await store.open()).database;
}

/**
 * A SQLite file the user cannot write still serves read commands (writes fail naming the file).
 * With `sample`, every command works on the sample beside the seeker's data (it must exist).
 */
export async function openServices(config: Config, clock: Clock, options: { sample?: boolean } = {}): Promise<Services> {
  const database = await openDataset(config, options.sample === true);
  const uow = createUnitOfWork(database, 'local', clock);
  const { holidays, calendar } = holidayCalendar(config);

  /** `--as-of` is read in the seeker's zone; absent means now. */
  const asOfMs = (raw: string | undefined): Promise<number> =>
    resolveAsOf(raw, () => clock.now(), async () => {
      const { getSettings } = await import('../app/settings.js');
      return (await getSettings(uow)).timezone;
    });

  const importDocument = async (document: unknown): Promise<ImportOutcome> => {
    const { importDocument: run } = await import('../app/import-document.js');
    const total: ImportOutcome = { created: 0, updated: 0, unchanged: 0 };
    // Records only: the settings object always exists, so it would count as "updated" on a fresh database.
    const { settings: _settings, ...records } = await run(uow, calendar, document);
    for (const counts of Object.values(records)) {
      total.created += counts.created;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
    }
    return total;
  };

  const summed = (summary: Record<string, { created: number; updated: number; unchanged: number }>): ImportOutcome => {
    const total: ImportOutcome = { created: 0, updated: 0, unchanged: 0 };
    const { settings: _settings, ...records } = summary;
    for (const counts of Object.values(records)) {
      total.created += counts.created;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
    }
    return total;
  };

  return {
    importDocument,
    previewDocument: async (document) => {
      const { mergeDocument } = await import('../app/import-document.js');
      const facts = await uow.read((repo) => repo.loadFacts());
      return summed({ ...mergeDocument(facts, calendar, document).summary });
    },
    previewImport: async (source, options) => (await import('../app/import-file.js')).previewImport(uow, calendar, source, options),
    commitImport: async (source, options) => (await import('../app/import-file.js')).commitImport(uow, calendar, source, options),
    exportTable: async (what) => (await import('../app/export-tables.js')).exportTable(uow, what),
    exportVcf: async () => (await import('../app/export-tables.js')).exportVcf(uow),
    exportDocument: async () => (await import('../app/import-document.js')).exportDocument(uow),
    exportCsv: async (asOf) => (await import('../app/export-csv.js')).exportCsv(uow, calendar, await asOfMs(asOf)),
    addContact: async (input) => (await import('../app/add-entities.js')).addContact(uow, defined({ ...input })),
    addApplication: async (input) => {
      const { pros, cons, strengths, ...fields } = input;
      const hasProsCons = pros !== undefined || cons !== undefined || strengths !== undefined;
      const prosCons = hasProsCons ? { pros: pros ?? [], cons: cons ?? [], strengths: strengths ?? [] } : undefined;
      return (await import('../app/add-entities.js')).addApplication(uow, calendar, defined({ ...fields, prosCons }), clock);
    },
    addInterview: async (input) => {
      const { application, keyPoints, forgot, promises, byInterviewer, ...fields } = input;
      const hasNotes = keyPoints !== undefined || forgot !== undefined || promises !== undefined || byInterviewer !== undefined;
      const notes = hasNotes ? { keyPoints: keyPoints ?? [], forgot: forgot ?? [], promises: promises ?? [], byInterviewer: byInterviewer ?? [] } : undefined;
      const { addInterview } = await import('../app/add-entities.js');
      const interview = await addInterview(uow, defined({ ...fields, application, notes }));
      return { application, interview };
    },
    logInteraction: async (input) => {
      const { getSettings } = await import('../app/settings.js');
      // `--at` is read like `--as-of`, in the seeker's zone; a date alone is a moment of that day.
      const zone = (await getSettings(uow)).timezone;
      const at = input.at === undefined ? undefined : formatInstant(parseWhen(input.at, 'at', { zone, date: 'moment', now: clock.now() }));
      return (await import('../app/log-interaction.js')).logInteraction(uow, calendar, clock, defined({ ...input, at }));
    },
    plan: async (asOf) => (await import('../app/plan-for.js')).planFor(uow, calendar, await asOfMs(asOf)),
    agenda: async (asOf) => {
      const { planOf } = await import('../app/plan-for.js');
      // One read for both the plan and the names the agenda prints.
      const facts = await uow.read((repo) => repo.loadFacts());
      const at = await resolveAsOf(asOf, () => clock.now(), async () => facts.settings.timezone);
      return { plan: planOf(facts, calendar, at), facts };
    },
    recordStepAction: async (stepId, action, until) => {
      const { recordStepAction } = await import('../app/record-step-action.js');
      const result = await recordStepAction(uow, calendar, clock, { stepId, action, until });
      return { until: result.event.until, warnings: result.warnings };
    },
    overview: async (asOf) => {
      const { overview } = await import('../app/browse.js');
      return overview(uow, calendar, await asOfMs(asOf));
    },
    settings: async () => (await import('../app/settings.js')).getSettings(uow),
    updateSettings: async (patch) => (await import('../app/settings.js')).updateSettings(uow, calendar, defined({ ...patch })),
    updateContact: async (id, input) => (await import('../app/edit-entities.js')).updateContact(uow, id, defined({ ...input })),
    backup: (file, options) => backupSqlite(database, file, options),
    undo: async (id) => {
      const { parseActivityId, undo } = await import('../app/activity.js');
      return undo(uow, id === undefined ? undefined : parseActivityId(id, 'ACTIVITY_ID'));
    },
    activity: async (limit) => {
      const { listActivity } = await import('../app/activity.js');
      const { getSettings } = await import('../app/settings.js');
      return { activities: await listActivity(uow, { limit }), timezone: (await getSettings(uow)).timezone };
    },
    previewDelete: async (id, type) => (await import('../app/delete-entities.js')).previewDelete(uow, id, type),
    deleteRecord: async (id, type) => (await import('../app/delete-entities.js')).deleteEntity(uow, id, type),
    restore: async (id, type) => (await import('../app/delete-entities.js')).restore(uow, id, type),
    trash: async () => {
      const { listTrash } = await import('../app/delete-entities.js');
      const { getSettings } = await import('../app/settings.js');
      return { entries: await listTrash(uow), timezone: (await getSettings(uow)).timezone };
    },
    draftEdit: async (stepId) => (await import('../app/draft-edits.js')).getDraftEdit(uow, stepId),
    previewPurge: async () => (await import('../app/purge-trash.js')).previewPurge(uow),
    purgeTrash: async () => (await import('../app/purge-trash.js')).purgeTrash(uow),
    close: async () => {
      holidays.save();
      await database.close();
    },
  };
}

/** `tactful demo` and `tactful demo --leave`: the sample beside the seeker's data, never in it. */
export function sampleCommands(config: Config, clock: Clock): SampleCommands {
  const store = sampleStoreBeside(ownDatabaseOptions(config.storage));
  return {
    where: store.where,
    load: async () => {
      const { loadSample } = await import('../app/sample.js');
      const { holidays, calendar } = holidayCalendar(config);
      const loaded = await loadSample(store, calendar, clock);
      await loaded.dataset.close();
      holidays.save();
      return loaded.document;
    },
    leave: async () => (await import('../app/sample.js')).leaveSample(store, null),
  };
}
