// The first look at a file to import: is it a regular file of a sane size, is it text, in which
// encoding, and which format does its content say it is (never its name). Refusals are
// ImportFileError with one line that names the file.
import { open, stat } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { detectPreset, type ImportFormat } from '../core/import/index.js';
import { ImportFileError, MAX_IMPORT_BYTES } from './errors.js';

const SAMPLE_BYTES = 64 * 1024;

export { ImportFileError };

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1252' | (string & {});

export interface InputProbe {
  path: string;
  size: number;
  encoding: TextEncoding;
  /** Whether the bytes start with a byte-order mark (the decoder drops it). */
  bom: boolean;
  /** The first 64 KiB, decoded. */
  sample: string;
  format: ImportFormat;
  /** Spreadsheets: the delimiter, and the 0-based line of the header (LinkedIn has a preamble). */
  delimiter?: string;
  headerLine?: number;
}

function describeBinary(bytes: Buffer): string | undefined {
  const starts = (magic: string) => bytes.subarray(0, magic.length).toString('latin1') === magic;
  if (starts('PK\u0003\u0004'))
    return 'a zip archive (an Excel .xlsx workbook?); save it as CSV first';
  if (starts('\u00d0\u00cf\u0011\u00e0')) return 'an old Excel .xls workbook; save it as CSV first';
  if (starts('%PDF')) return 'a PDF file';
  if (starts('SQLite format 3')) return 'a SQLite database';
  return undefined;
}

function bomOf(bytes: Buffer): { encoding: TextEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return undefined;
}

/** Text in UTF-16 without a BOM: most characters are ASCII, so every other byte is zero. */
function utf16WithoutBom(bytes: Buffer): TextEncoding | undefined {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf16be';
  return undefined;
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(bytes: Buffer, whole: boolean): boolean {
  let end = bytes.length;
  if (!whole) {
    // Step back over a trailing partial sequence (at most 3 continuation bytes and their lead).
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1]! & 0xc0) === 0x80) back += 1;
    if (end - back - 1 >= 0 && bytes[end - back - 1]! >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

// A two- or three-byte UTF-8 sequence, seen through Latin-1 (one char per byte).
const UTF8_SEQUENCE = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}/;

function detectEncoding(
  bytes: Buffer,
  whole: boolean,
  file: string,
): { encoding: TextEncoding; bom: boolean } {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, bom: true };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false };
  if (isUtf8(bytes, whole)) return { encoding: 'utf8', bom: false };
  // Some UTF-8 characters and some bytes that are not: two encodings in one file. Reading it
  // as either would garble half of the names, so it is refused.
  if (UTF8_SEQUENCE.test(bytes.toString('latin1'))) {
    throw new ImportFileError(
      `${file}: mixes UTF-8 with another encoding (some names would be garbled); save it as UTF-8 and try again`,
    );
  }
  const guess = chardet.detect(bytes);
  const name = (guess ?? '').toLowerCase();
  if (name === 'utf-16le') return { encoding: 'utf16le', bom: false };
  if (name === 'utf-16be') return { encoding: 'utf16be', bom: false };
  // Latin-1 guesses are read as Windows-1252, its superset (what Excel on Windows writes).
  if (name === 'iso-8859-1' || name === 'windows-1252' || name === 'iso-8859-15') {
    return { encoding: 'windows1252', bom: false };
  }
  if (name && iconv.encodingExists(name) && !name.startsWith('utf'))
    return { encoding: name, bom: false };
  throw new ImportFileError(
    `${file}: the text encoding cannot be recognised (save it as UTF-8 and try again)`,
  );
}

/** Decodes, refusing bytes the encoding cannot map: a name arrives intact or not at all. */
export function decodeStrict(bytes: Buffer, encoding: TextEncoding, file: string): string {
  const text = iconv.decode(bytes, encoding, { stripBOM: true });
  if (text.includes('\ufffd')) {
    throw new ImportFileError(
      `${file}: some bytes are not valid ${encodingName(encoding)} text (save it as UTF-8 and try again)`,
    );
  }
  return text;
}

export function encodingName(encoding: TextEncoding): string {
  const names: Record<string, string> = {
    utf8: 'UTF-8',
    utf16le: 'UTF-16',
    utf16be: 'UTF-16',
    windows1252: 'Windows-1252',
  };
  return names[encoding] ?? encoding;
}

/** The format a text says it is, from its first lines. */
export function detectFormat(
  sample: string,
): { format: ImportFormat; delimiter?: string; headerLine?: number } | undefined {
  const text = sample.replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('{')) return { format: 'json' };
  if (/^BEGIN:VCARD\b/i.test(text)) return { format: 'vcard' };
  if (/^BEGIN:VCALENDAR\b/i.test(text)) return { format: 'ics' };
  const sheet = detectSheet(sample);
  if (!sheet) return undefined;
  return sheet;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** A header line: the first of the first 20 with at least two cells, in the likeliest delimiter. */
function detectSheet(
  sample: string,
): { format: ImportFormat; delimiter: string; headerLine: number } | undefined {
  const lines = sample
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .slice(0, 20);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const counts = DELIMITERS.map((d) => line.split(d).length - 1);
    const best = counts.indexOf(Math.max(...counts));
    if (counts[best]! < 1) continue;
    const delimiter = DELIMITERS[best]!;
    const headers = line.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ''));
    // LinkedIn's preamble ("Notes:", a quoted sentence with commas) is not a header row.
    if (headers.filter((h) => h !== '').length < 2) continue;
    const preset = detectPreset(headers);
    if (!preset && i > 0 && /^notes:?$/i.test(lines[0]!.trim())) continue;
    return { format: preset?.name ?? 'csv', delimiter, headerLine: i };
  }
  return undefined;
}

/**
 * Checks the file and reads its first bytes. Refuses (one line, naming the file) what is not a
 * regular file, is larger than `maxBytes`, binary, or in an encoding that cannot be read.
 */
export async function probeInput(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<InputProbe> {
  const info = await stat(path);
  if (info.isDirectory()) throw new ImportFileError(`${path}: is a directory, not a file`);
  if (!info.isFile()) {
    const what = info.isFIFO()
      ? 'a pipe (FIFO)'
      : info.isCharacterDevice()
        ? 'a device'
        : info.isSocket()
          ? 'a socket'
          : 'not a regular file';
    throw new ImportFileError(`${path}: is ${what}; import a saved file`);
  }
  if (info.size > maxBytes) {
    throw new ImportFileError(
      `${path}: is ${(info.size / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB an import may be`,
    );
  }
  if (info.size === 0) throw new ImportFileError(`${path}: is empty`);
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return probeSample(path, bytes, info.size);
}

/**
 * The same look at bytes already in memory (a file sent to the web app): `name` stands for the
 * path in messages. Refuses an empty or too large input like a file.
 */
export function probeBytes(name: string, bytes: Buffer, maxBytes = MAX_IMPORT_BYTES): InputProbe {
  if (bytes.length > maxBytes) {
    throw new ImportFileError(
      `${name}: is ${(bytes.length / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB an import may be`,
    );
  }
  if (bytes.length === 0) throw new ImportFileError(`${name}: is empty`);
  return probeSample(name, bytes.subarray(0, SAMPLE_BYTES), bytes.length);
}

/** Encoding and format from the first bytes (`size` is the whole input's). */
function probeSample(path: string, bytes: Buffer, size: number): InputProbe {
  const binary = describeBinary(bytes);
  if (binary) throw new ImportFileError(`${path}: is ${binary}, not a file tactful can import`);
  const whole = bytes.length === size;
  const { encoding, bom } = detectEncoding(bytes, whole, path);
  // UTF-16 is full of NUL bytes; any other text with one is binary.
  if (!encoding.startsWith('utf16') && bytes.includes(0)) {
    throw new ImportFileError(`${path}: is a binary file, not a spreadsheet, vCard or calendar`);
  }
  let sample = iconv.decode(whole ? bytes : trimPartial(bytes, encoding), encoding, {
    stripBOM: true,
  });
  if (sample.includes('\ufffd')) {
    throw new ImportFileError(
      `${path}: some bytes are not valid ${encodingName(encoding)} text (save it as UTF-8 and try again)`,
    );
  }
  // eslint-disable-next-line no-control-regex -- a NUL in decoded text means binary content
  if (/\u0000/.test(sample))
    throw new ImportFileError(`${path}: is a binary file, not a spreadsheet, vCard or calendar`);
  sample = sample.replace(/^\ufeff/, '');
  const detected = detectFormat(sample);
  if (!detected) {
    throw new ImportFileError(
      `${path}: is not a format tactful can import (a tactful JSON document, CSV/TSV spreadsheet, LinkedIn Connections.csv, vCard or iCalendar file)`,
    );
  }
  return { path, size, encoding, bom, sample, ...detected };
}

/** Drops a trailing partial character so the sample decodes cleanly. */
function trimPartial(bytes: Buffer, encoding: TextEncoding): Buffer {
  if (encoding.startsWith('utf16')) return bytes.subarray(0, bytes.length - (bytes.length % 2) - 2);
  if (encoding !== 'utf8') return bytes;
  let end = bytes.length;
  let back = 0;
  while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1]! & 0xc0) === 0x80) back += 1;
  if (end - back - 1 >= 0 && bytes[end - back - 1]! >= 0xc0) end = end - back - 1;
  return bytes.subarray(0, end);
}
