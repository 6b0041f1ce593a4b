// Column mappings saved by name (`--save-mapping bank-sheet`, then `--mapping bank-sheet`):
// one small JSON file per name in the config directory.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  isSheetField,
  PRESET_NAMES,
  type PresetName,
  type SheetField,
} from '../core/import/index.js';
import { ImportFileError } from './errors.js';

export interface SavedMapping {
  preset?: PresetName;
  dateOrder?: 'dmy' | 'mdy';
  /** Header → field; null ignores the column. */
  columns: Record<string, SheetField | null>;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function fileOf(dir: string, name: string, flag: string): string {
  if (!NAME.test(name))
    throw new ImportFileError(
      `${flag} must be a name of letters, digits, "-" and "_" (got "${name}")`,
    );
  return join(dir, 'mappings', `${name}.json`);
}

export async function loadMapping(dir: string, name: string): Promise<SavedMapping> {
  const file = fileOf(dir, name, '--mapping');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ImportFileError(
      `--mapping: no saved mapping "${name}" (save one with --save-mapping ${name})`,
    );
  }
  try {
    const raw = JSON.parse(text) as SavedMapping;
    const columns: Record<string, SheetField | null> = {};
    for (const [header, field] of Object.entries(raw.columns ?? {})) {
      if (field === null || (typeof field === 'string' && isSheetField(field)))
        columns[header] = field;
    }
    const preset = PRESET_NAMES.includes(raw.preset as PresetName) ? raw.preset : undefined;
    const dateOrder =
      raw.dateOrder === 'dmy' || raw.dateOrder === 'mdy' ? raw.dateOrder : undefined;
    return { columns, ...(preset ? { preset } : {}), ...(dateOrder ? { dateOrder } : {}) };
  } catch {
    throw new ImportFileError(
      `--mapping: the saved mapping "${name}" is damaged (${file}); save it again`,
    );
  }
}

/** Written to a temporary file and renamed: a crash never leaves half a mapping. */
export async function saveMapping(
  dir: string,
  name: string,
  mapping: SavedMapping,
): Promise<string> {
  const file = fileOf(dir, name, '--save-mapping');
  await mkdir(join(dir, 'mappings'), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(mapping, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
  return file;
}
