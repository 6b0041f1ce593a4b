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
  const { probeInput } = await import('./read-input.js');
  const probe = await probeInput(path, options.maxBytes ?? MAX_IMPORT_BYTES);
  return parseProbed(probe, options, {
    async documentText() {
      await checkRegularFile(path, MAX_DOCUMENT_BYTES);
      return readFile(path, 'utf8');
    },
    whole: () => readFile(path),
  });
}

/**
 * Bytes already in memory (a file sent to the web app), read exactly as a file would be:
 * `name` (the file's name as the seeker chose it) stands for the path in messages.
 */
export async function loadImportBytes(
  name: string,
  bytes: Buffer,
  options: LoadOptions = {},
): Promise<LoadedFile> {
  const { probeBytes } = await import('./read-input.js');
  const probe = probeBytes(name, bytes, options.maxBytes ?? MAX_IMPORT_BYTES);
  return parseProbed(
    probe,
    options,
    { documentText: async () => bytes.toString('utf8'), whole: async () => bytes },
    bytes,
  );
}

/** The probed input, parsed by the reader of its format (`--from` overrides the detection). */
async function parseProbed(
  probe: InputProbe,
  options: LoadOptions,
  read: { documentText: () => Promise<string>; whole: () => Promise<Buffer> },
  bytes?: Buffer,
): Promise<LoadedFile> {
  const path = probe.path;
  const { decodeStrict } = await import('./read-input.js');
  const format = options.from ?? probe.format;
  if (format === 'json') return { kind: 'document', path, text: await read.documentText() };
  if (format === 'vcard' || format === 'ics') {
    const text = decodeStrict(await read.whole(), probe.encoding, path);
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
    bytes,
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
