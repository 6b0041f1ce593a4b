// `tactful import FILE`: the JSON document of SPEC §6 (idempotent by id, written at once, as
// scripts and backups expect), and spreadsheets, tracker exports, LinkedIn connections,
// vCards and invitations, recognised from their content: those show a preview first and
// write only when the seeker says yes (a prompt on a terminal, `--yes` otherwise).
import { Option, type Command } from 'commander';
import type { ImportOptions, ImportPreview } from '../../app/import-file.js';
import type { EntityCounts } from '../../app/import-document.js';
import type { CommandContext } from '../context.js';
import { UNDO_HINT } from '../undo-hint.js';
import { UserError } from '../errors.js';
import { list } from '../options.js';

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 contacts, 2 applications, …": what a (valid) document holds. */
export function summarize(document: unknown): string {
  const doc = (document ?? {}) as Record<string, unknown>;
  const applications = Array.isArray(doc.applications)
    ? (doc.applications as Record<string, unknown>[])
    : [];
  const interviews = applications.reduce((n, a) => n + count(a?.interviews), 0);
  const interactions = applications.reduce((n, a) => n + count(a?.interactions), 0);
  return [
    plural(count(doc.contacts), 'contact'),
    plural(applications.length, 'application'),
    plural(interviews, 'interview'),
    plural(interactions, 'interaction'),
    plural(count(doc.stepEvents), 'step event'),
  ].join(', ');
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file}: not valid JSON (${reason})`);
  }
}

export async function readJsonFile(ctx: CommandContext, file: string): Promise<unknown> {
  return parseJsonText(await ctx.deps.readTextFile(file), file);
}

interface ImportFlags {
  from?: 'json' | 'csv' | 'linkedin' | 'vcard' | 'ics' | 'huntr' | 'teal';
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
  skipBadRows?: boolean;
  dateOrder?: 'dmy' | 'mdy';
  mapping?: string;
  saveMapping?: string;
  column?: string[];
  application?: string;
  me?: string[];
}

const ENTITIES = [
  ['applications', 'application'],
  ['contacts', 'contact'],
  ['interviews', 'interview'],
  ['interactions', 'interaction'],
] as const;

/** "42 applications, 17 contacts": what would be written (new or updated), largest kinds first. */
export function changesOf(preview: ImportPreview): string {
  const parts = ENTITIES.map(([key, word]) => {
    const c: EntityCounts = preview.counts[key];
    return plural(c.created + c.updated, word);
  }).filter((p) => !p.startsWith('0 '));
  const removed = preview.counts.removedInterviews;
  if (removed > 0)
    parts.push(`${plural(removed, 'cancellation')} (removing ${plural(removed, 'interview')})`);
  return parts.join(', ');
}

function formatName(format: string): string {
  const names: Record<string, string> = {
    csv: 'spreadsheet',
    huntr: 'Huntr board export',
    teal: 'Teal job tracker export',
    linkedin: 'LinkedIn connections',
    vcard: 'vCard',
    ics: 'iCalendar',
  };
  return names[format] ?? format;
}

/** The preview as the seeker reads it: counts, then each refused row with its column and reason. */
export function previewText(
  preview: ImportPreview,
  file: string,
  encoding: string | undefined,
): string {
  const out: string[] = [];
  out.push(`${file}: ${formatName(preview.format)}${encoding ? ` (${encoding})` : ''}`);
  if (preview.columns) {
    const used = preview.columns.filter((c) => c.field !== null);
    const ignored = preview.columns.filter((c) => c.field === null && c.header !== '');
    out.push(
      `Columns: ${used.map((c) => `${c.header} → ${c.label}`).join('; ') || 'none recognised'}`,
    );
    if (ignored.length > 0) out.push(`Ignored columns: ${ignored.map((c) => c.header).join(', ')}`);
  }
  out.push('');
  out.push('                new  updated  unchanged');
  for (const [key] of ENTITIES) {
    const c = preview.counts[key];
    if (c.created + c.updated + c.unchanged === 0) continue;
    out.push(
      `${key.padEnd(14)}${String(c.created).padStart(5)}${String(c.updated).padStart(9)}${String(c.unchanged).padStart(11)}`,
    );
  }
  if (preview.counts.removedInterviews > 0)
    out.push(`cancelled interviews to remove: ${preview.counts.removedInterviews}`);
  const rows = new Set(preview.refused.map((p) => p.row)).size;
  out.push(`refused rows: ${rows}`);
  for (const p of preview.refused.slice(0, 50)) {
    out.push(
      `  ${p.row === 0 ? 'file' : `row ${p.row}`}${p.column ? `, ${p.column}` : ''}: ${p.reason}`,
    );
  }
  if (preview.refused.length > 50)
    out.push(`  … and ${preview.refused.length - 50} more (see --dry-run --json)`);
  if (preview.skipped.length > 0) {
    out.push(`skipped rows: ${preview.skipped.length}`);
    for (const p of preview.skipped.slice(0, 10))
      out.push(`  row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason}`);
    if (preview.skipped.length > 10) out.push(`  … and ${preview.skipped.length - 10} more`);
  }
  for (const note of preview.notes) out.push(`note: ${note}`);
  return out.join('\n');
}

/** "Reading applications.csv… 45%" on the terminal's stderr, rewritten in place. */
function progressBar(ctx: CommandContext, file: string) {
  if (!ctx.deps.stderrIsTty) return undefined;
  let shown = -1;
  return {
    update(done: number, size: number) {
      const percent = size > 0 ? Math.min(100, Math.floor((done / size) * 100)) : 100;
      if (percent === shown) return;
      shown = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      ctx.deps.stderr(
        `\rReading ${file} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%`,
      );
    },
    done() {
      if (shown >= 0) ctx.deps.stderr('\r\u001b[2K');
    },
  };
}

async function confirm(message: string): Promise<boolean> {
  const prompts = await import('@clack/prompts');
  const answer = await prompts.confirm({ message, initialValue: false });
  return answer === true;
}

/** `Header=field` pairs from `--column`. */
async function columnOverrides(values: string[] | undefined) {
  const { isSheetField, SHEET_FIELDS } = await import('../../core/import/index.js');
  const overrides: Record<string, import('../../core/import/index.js').SheetField | null> = {};
  for (const pair of values ?? []) {
    const at = pair.lastIndexOf('=');
    const header = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || header === '')
      throw new UserError(`--column must be HEADER=FIELD (got "${pair}")`);
    if (field === '' || field === 'ignore') overrides[header] = null;
    else if (isSheetField(field)) overrides[header] = field;
    else
      throw new UserError(
        `--column: "${field}" is not a field (one of ${SHEET_FIELDS.join(', ')}, or ignore)`,
      );
  }
  return overrides;
}

async function importDocumentFile(
  ctx: CommandContext,
  file: string,
  text: string,
  flags: ImportFlags,
) {
  const document = parseJsonText(text, file);
  const services = await ctx.services();
  if (flags.dryRun) {
    const outcome = await services.previewDocument(document);
    if (flags.json)
      ctx.print(JSON.stringify({ format: 'json', ...outcome, written: false }, null, 2));
    else
      ctx.print(
        `Would import ${summarize(document)} from ${file}: ${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged. Nothing written (--dry-run).`,
      );
    return;
  }
  const outcome = await services.importDocument(document);
  ctx.print(
    `Imported ${summarize(document)} from ${file}: ${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged.` +
      (outcome.created + outcome.updated > 0 ? ` ${UNDO_HINT}` : ''),
  );
}

async function run(ctx: CommandContext, file: string, flags: ImportFlags) {
  const reader = await import('../../main/import-files.js');
  const mapping = flags.mapping
    ? await reader.loadMapping(ctx.config.configDir, flags.mapping)
    : undefined;
  const overrides = { ...(mapping?.columns ?? {}), ...(await columnOverrides(list(flags.column))) };
  const bar = progressBar(ctx, file);
  let loaded: Awaited<ReturnType<typeof reader.loadImportFile>>;
  try {
    loaded = await reader.loadImportFile(file, {
      from: flags.from ?? (mapping?.preset as ImportFlags['from']),
      overrides,
      onProgress: bar ? (done, size) => bar.update(done, size) : undefined,
    });
  } finally {
    bar?.done();
  }
  if (loaded.kind === 'document') return importDocumentFile(ctx, file, loaded.text, flags);

  const services = await ctx.services();
  const options: ImportOptions = {
    dateOrder: flags.dateOrder ?? mapping?.dateOrder,
    applicationId: flags.application,
    ownEmails: list(flags.me) ?? [],
    skipBadRows: flags.skipBadRows === true,
  };
  const { encodingName } = await import('../../main/import-files.js');
  const encoding = encodingName(loaded.probe.encoding);
  const { refusedRows, savedMappingOf } = await import('../../app/import-file.js');

  if (flags.saveMapping && loaded.source.kind === 'sheet') {
    const saved = await reader.saveMapping(ctx.config.configDir, flags.saveMapping, {
      columns: savedMappingOf(loaded.source),
      ...(loaded.source.preset ? { preset: loaded.source.preset } : {}),
      ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    });
    ctx.deps.stderr(`Mapping saved as "${flags.saveMapping}" (${saved}).\n`);
  }
  const refuse = (preview: ImportPreview) =>
    new UserError(
      `nothing imported: ${refusedRows(preview.refused)} refused; fix them or import the rest with --skip-bad-rows`,
    );

  // --yes: one pass, in one transaction (the preview printed is what was written).
  if (flags.yes && !flags.dryRun) {
    const done = await services.commitImport(loaded.source, options);
    ctx.print(previewText(done, file, encoding));
    if (!done.written) throw refuse(done);
    const changes = changesOf(done);
    ctx.print(
      changes === ''
        ? 'Nothing to import: everything in the file is already on file.'
        : `Imported ${changes} from ${file}.`,
    );
    return;
  }

  const preview = await services.previewImport(loaded.source, options);
  if (flags.dryRun) {
    if (flags.json) ctx.print(JSON.stringify({ file, encoding, ...preview }, null, 2));
    else ctx.print(`${previewText(preview, file, encoding)}\nNothing written (--dry-run).`);
    return;
  }
  ctx.print(previewText(preview, file, encoding));
  if (preview.refused.length > 0 && !options.skipBadRows) throw refuse(preview);
  const changes = changesOf(preview);
  if (changes === '') {
    ctx.print('Nothing to import: everything in the file is already on file.');
    return;
  }
  if (!ctx.deps.stdinIsTty) {
    throw new UserError(
      `nothing imported: add --yes to import ${changes} without a terminal (or --dry-run to only preview)`,
    );
  }
  if (!(await confirm(`Import ${changes}?`))) {
    ctx.print('Nothing imported.');
    return;
  }
  const done = await services.commitImport(loaded.source, options);
  if (!done.written) throw refuse(done);
  ctx.print(`Imported ${changesOf(done) || 'nothing new'} from ${file}.`);
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description(
      'import a tactful JSON document, a CSV/TSV spreadsheet of applications (Huntr and Teal exports too), LinkedIn Connections.csv, vCards or calendar invitations',
    )
    .argument('<file>', 'the file; its format is recognised from its content')
    .addOption(
      new Option('--from <format>', 'read the file as this format').choices([
        'json',
        'csv',
        'linkedin',
        'vcard',
        'ics',
        'huntr',
        'teal',
      ]),
    )
    .option('-y, --yes', 'import without asking (needed when not on a terminal)')
    .option('--dry-run', 'show what would change, write nothing')
    .option('--json', 'with --dry-run: print the preview as JSON')
    .option('--skip-bad-rows', 'import the good rows when some are refused')
    .addOption(
      new Option(
        '--date-order <order>',
        'how to read 03/04/2026: dmy (3 April) or mdy (March 4)',
      ).choices(['dmy', 'mdy']),
    )
    .option(
      '--column <header=field...>',
      'map a column to a field (or "ignore"), e.g. --column "Firma=organization"',
    )
    .option('--mapping <name>', 'use a column mapping saved with --save-mapping')
    .option('--save-mapping <name>', 'save the column mapping used, under this name')
    .option('--application <id>', 'invitations: the application they belong to')
    .option('--me <email...>', 'invitations: your own address(es), never an interviewer')
    .action(async (file: string, flags: ImportFlags) => {
      try {
        await run(ctx, file, flags);
      } catch (error) {
        if (error instanceof Error && error.name === 'ImportFileError')
          throw new UserError(error.message);
        throw error;
      }
    });
}
