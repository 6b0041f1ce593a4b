// Reading a file to import: probe it (kind, size, encoding, format from content), then parse
// it with the reader of its format. Everything here reads files; nothing writes the database.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportSource } from '../app/import-file.js';
import {
  PRESETS,
  type ImportFormat,
  type PresetName,
  type SheetField,
} from '../core/import/index.js';
import type { InputProbe } from './read-input.js';
import { ImportFileError, MAX_IMPORT_BYTES } from './errors.js';

// The readers (chardet, iconv-lite, csv-parse, ical.js) load only for the formats that need
// them: importing a JSON document stays as quick as it was.
export { ImportFileError, MAX_IMPORT_BYTES } from './errors.js';
export { loadMapping, saveMapping, type SavedMapping } from './mappings.js';

/** A tactful JSON document may be a whole backup: it gets more room than a spreadsheet. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export type LoadedFile =
  | { kind: 'document'; path: string; text: string }
  | { kind: 'records'; path: string; probe: InputProbe; source: ImportSource };

export interface LoadOptions {
  from?: ImportFormat | undefined;
  overrides?: Readonly<Record<string, SheetField | null>>;
  onProgress?: (bytesRead: number, size: number) => void;
  maxBytes?: number;
}

async function checkRegularFile(path: string, maxBytes: number): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) throw new ImportFileError(`${path}: is a directory, not a file`);
  if (!info.isFile()) {
    const what = info.isFIFO()
      ? 'a pipe (FIFO)'
      : info.isCharacterDevice()
        ? 'a device'
        : 'not a regular file';
    throw new ImportFileError(`${path}: is ${what}; import a saved file`);
  }
  if (info.size > maxBytes) {
    throw new ImportFileError(
      `${path}: is ${Math.round(info.size / 1024 / 1024)} MB, more than the ${maxBytes / 1024 / 1024} MB an import may be`,
    );
  }
}

/**
 * The JSON document path is taken for `--from json`, a `.json` file, or text that starts
 * like JSON; everything else is recognised from its content (`--from` overrides).
 */
export async function loadImportFile(path: string, options: LoadOptions = {}): Promise<LoadedFile> {
  const byName = basename(path).toLowerCase().endsWith('.json');
  if (options.from === 'json' || (options.from === undefined && byName)) {
    await checkRegularFile(path, MAX_DOCUMENT_BYTES);
    // A .json file holding a calendar or cards is still read as what it is.
    const text = await readFile(path, 'utf8');
    const head = text
      .slice(0, 4096)
      .replace(/^\ufeff/, '')
      .trimStart();
    if (options.from !== undefined || !/^BEGIN:(VCARD|VCALENDAR)\b/i.test(head)) {
      return { kind: 'document', path, text };
    }
  }
  const { decodeStrict, probeInput } = await import('./read-input.js');
  const probe = await probeInput(path, options.maxBytes ?? MAX_IMPORT_BYTES);
  const format = options.from ?? probe.format;
  if (format === 'json') {
    await checkRegularFile(path, MAX_DOCUMENT_BYTES);
    return { kind: 'document', path, text: await readFile(path, 'utf8') };
  }
  if (format === 'vcard' || format === 'ics') {
    const text = decodeStrict(await readFile(path), probe.encoding, path);
    const source: ImportSource =
      format === 'vcard'
        ? { kind: 'cards', format, cards: (await import('./vcard.js')).readCards(text, path) }
        : {
            kind: 'invitations',
            format,
            invitations: (await import('./ics.js')).readInvitations(text, path),
          };
    return { kind: 'records', path, probe, source };
  }
  if (probe.delimiter === undefined) {
    throw new ImportFileError(
      `${path}: is not a spreadsheet (no header row with columns was found)`,
    );
  }
  const { readSheet } = await import('./sheet.js');
  const sheet = await readSheet(
    probe,
    options.onProgress ? (n: number) => options.onProgress!(n, probe.size) : undefined,
  );
  const preset: PresetName | undefined = format === 'csv' ? undefined : (format as PresetName);
  if (preset && !PRESETS[preset])
    throw new ImportFileError(`--from ${format} is not a spreadsheet preset`);
  return {
    kind: 'records',
    path,
    probe,
    source: { kind: 'sheet', format, sheet, preset, overrides: options.overrides ?? {} },
  };
}
