// Importing a spreadsheet, tracker export, LinkedIn connections, vCards or invitations:
// the parsed rows become a SPEC §6 upsert (src/core/import) merged like a JSON document.
// The preview and the import compute the same thing; only the import writes, in one
// transaction, and only when no row was refused or the seeker chose to skip them.
import type { BusinessCalendar } from '../core/calendar.js';
import {
  buildCardImport,
  buildInvitationImport,
  buildSheetImport,
  FIELD_LABELS,
  mapHeaders,
  PRESETS,
  type BuiltImport,
  type ColumnMapping,
  type DateOrder,
  type IdEntity,
  type ImportFormat,
  type Invitation,
  type PersonCard,
  type PresetName,
  type RowProblem,
  type Sheet,
  type SheetField,
  type SheetTable,
} from '../core/import/index.js';
import type { Facts } from '../core/types.js';
import { importSummaryText, mergeDocument, type EntityCounts } from './import-document.js';
import { ID_PREFIX } from './next-id.js';
import type { FactsRepository, UnitOfWork } from './ports.js';

export type ImportSource =
  | {
      kind: 'sheet';
      format: ImportFormat;
      sheet: Sheet;
      preset: PresetName | undefined;
      /** The seeker's corrections: header → field (null: ignore the column). */
      overrides: Readonly<Record<string, SheetField | null>>;
    }
  | { kind: 'cards'; format: ImportFormat; cards: PersonCard[] }
  | { kind: 'invitations'; format: ImportFormat; invitations: Invitation[] };

export interface ImportOptions {
  dateOrder?: DateOrder | undefined;
  applicationId?: string | undefined;
  /** Addresses of the seeker besides the settings' `email` (the CLI's `--me`). */
  ownEmails?: readonly string[];
  /** Import the good rows even when some were refused. */
  skipBadRows?: boolean;
}

export interface ColumnPreview {
  header: string;
  field: SheetField | null;
  label: string;
  samples: string[];
}

export interface ImportPreview {
  format: ImportFormat;
  /** Spreadsheets: what each column feeds, with its first values. */
  table?: SheetTable;
  columns?: ColumnPreview[];
  counts: {
    contacts: EntityCounts;
    applications: EntityCounts;
    interviews: EntityCounts;
    interactions: EntityCounts;
    /** Interviews removed by a cancelled invitation. */
    removedInterviews: number;
  };
  refused: RowProblem[];
  skipped: RowProblem[];
  notes: string[];
  /** True once the import was written. */
  written: boolean;
}

/** Hands out `c7`, `a7`, `i12`, `x30` past the highest in use (the next-id scheme), without reuse. */
export function idAllocator(facts: Facts): (entity: IdEntity) => string {
  const ids: Record<IdEntity, string[]> = {
    contact: facts.contacts.map((c) => c.id),
    application: facts.applications.map((a) => a.id),
    interview: facts.applications.flatMap((a) => a.interviews.map((v) => v.id)),
    interaction: facts.applications.flatMap((a) => a.interactions.map((x) => x.id)),
  };
  const next = {} as Record<IdEntity, number>;
  for (const entity of Object.keys(ids) as IdEntity[]) {
    const pattern = new RegExp(`^${ID_PREFIX[entity]}(\\d{1,15})$`);
    let max = 0;
    for (const id of ids[entity]) {
      const m = pattern.exec(id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    next[entity] = max;
  }
  return (entity) => `${ID_PREFIX[entity]}${(next[entity] += 1)}`;
}

function mappingOf(source: Extract<ImportSource, { kind: 'sheet' }>): ColumnMapping {
  const preset = source.preset ? PRESETS[source.preset] : undefined;
  return mapHeaders(source.sheet.headers, preset, source.overrides);
}

function columnsOf(sheet: Sheet, mapping: ColumnMapping): ColumnPreview[] {
  return sheet.headers.map((header, i) => {
    const field = mapping.fields[i] ?? null;
    const samples: string[] = [];
    for (const r of sheet.rows) {
      const v = r.values[i]?.trim();
      if (v) samples.push(v.length > 80 ? `${v.slice(0, 79)}…` : v);
      if (samples.length === 3) break;
    }
    return { header, field, label: field ? FIELD_LABELS[field] : 'Ignored', samples };
  });
}

function build(
  facts: Facts,
  calendar: BusinessCalendar,
  source: ImportSource,
  options: ImportOptions,
  storedSequences: ReadonlyMap<string, number>,
) {
  const common = {
    calendar,
    newId: idAllocator(facts),
    dateOrder: options.dateOrder,
    applicationId: options.applicationId,
    storedSequences,
    // The seeker is never their own interviewer (SPEC §6 `settings.email`).
    ownEmails: [
      ...(options.ownEmails ?? []),
      ...(facts.settings.email ? [facts.settings.email] : []),
    ],
  };
  if (source.kind === 'sheet') {
    const mapping = mappingOf(source);
    return { built: buildSheetImport(facts, source.sheet, mapping, common), mapping };
  }
  if (source.kind === 'cards') return { built: buildCardImport(facts, source.cards, common) };
  return { built: buildInvitationImport(facts, source.invitations, common) };
}

function previewOf(
  source: ImportSource,
  built: BuiltImport,
  mapping: ColumnMapping | undefined,
  summary: ReturnType<typeof mergeDocument>['summary'],
  written: boolean,
): ImportPreview {
  const preview: ImportPreview = {
    format: source.format,
    counts: {
      contacts: summary.contacts,
      applications: summary.applications,
      interviews: summary.interviews,
      interactions: summary.interactions,
      removedInterviews: built.removals.length,
    },
    refused: built.refused,
    skipped: built.skipped,
    notes: built.notes,
    written,
  };
  if (source.kind === 'sheet' && mapping) {
    preview.table = mapping.table;
    preview.columns = columnsOf(source.sheet, mapping);
    // A sheet with a role but no organisation is applications whose organisation column was
    // not recognised (it reads as contacts until one is chosen).
    const applicationLike =
      mapping.table === 'applications' ||
      (mapping.table === 'contacts' && mapping.fields.includes('role'));
    if (applicationLike && !mapping.fields.includes('organization')) {
      preview.notes.push('No column names the organisation: choose one.');
    }
  }
  return preview;
}

async function run(
  repo: FactsRepository,
  calendar: BusinessCalendar,
  source: ImportSource,
  options: ImportOptions,
  write: boolean,
): Promise<ImportPreview> {
  const facts = await repo.loadFacts();
  const storedSequences =
    source.kind === 'invitations'
      ? await repo.invitationSequences(source.invitations.map((i) => i.interviewId))
      : new Map<string, number>();
  const { built, mapping } = build(facts, calendar, source, options, storedSequences);
  // Each record was checked by the document's schemas as it was built: not a second time.
  const { summary, batch } = mergeDocument(facts, calendar, built.document, true);
  if (!write) return previewOf(source, built, mapping, summary, false);
  // Some rows refused and the seeker did not say to skip them: nothing is written.
  if (built.refused.length > 0 && !options.skipBadRows)
    return previewOf(source, built, mapping, summary, false);
  repo.describeActivity({ kind: 'import', summary: importSummaryText(summary) });
  await repo.upsertAll(batch);
  for (const r of built.removals) await repo.deleteInterview(r.interviewId);
  for (const s of built.sequences) await repo.setInvitationSequence(s.interviewId, s.sequence);
  return previewOf(source, built, mapping, summary, true);
}

/** "3 rows" (distinct rows, not problems). */
export function refusedRows(refused: readonly RowProblem[]): string {
  const n = new Set(refused.map((p) => p.row)).size;
  return `${n} row${n === 1 ? '' : 's'}`;
}

/** What importing the source would do. Writes nothing. */
export function previewImport(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportPreview> {
  return uow.read((repo) => run(repo, calendar, source, options, false));
}

/**
 * Imports the source in one transaction (the preview is computed again inside it, so what is
 * written is what the stored facts say at that moment). When rows were refused and
 * `skipBadRows` is not set, nothing is written and the preview says `written: false`.
 */
export function commitImport(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportPreview> {
  return uow.transaction((repo) => run(repo, calendar, source, options, true));
}

/** The header → field choices of a sheet, as saved under a name for reuse (`--save-mapping`). */
export function savedMappingOf(
  source: Extract<ImportSource, { kind: 'sheet' }>,
): Record<string, SheetField | null> {
  const mapping = mappingOf(source);
  return Object.fromEntries(source.sheet.headers.map((h, i) => [h, mapping.fields[i] ?? null]));
}
