// Reads a CSV/TSV spreadsheet as a stream: bytes → decoder → csv-parse, one row at a time,
// so memory follows the rows kept, not the file. Rows are numbered as a spreadsheet program
// shows them (the header row and any preamble lines count).
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Sheet, SheetRow } from '../core/import/index.js';
import { ImportFileError } from './errors.js';
import { encodingName, type InputProbe } from './read-input.js';

/** Longest cell accepted: notes stop at 20,000 characters; anything far beyond is not a spreadsheet cell. */
export const MAX_CELL_CHARS = 100_000;
export const MAX_COLUMNS = 2_000;
const CHUNK_BYTES = 256 * 1024;

function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** Passes decoded text through, refusing the replacement character (bytes the encoding cannot map). */
class StrictText extends Transform {
  constructor(
    private readonly file: string,
    private readonly encoding: string,
  ) {
    super({ decodeStrings: false, encoding: 'utf8' });
  }
  override _transform(chunk: string, _enc: BufferEncoding, done: TransformCallback) {
    const text = String(chunk);
    if (text.includes('\ufffd')) {
      done(
        new ImportFileError(
          `${this.file}: some bytes are not valid ${encodingName(this.encoding)} text (save it as UTF-8 and try again)`,
        ),
      );
      return;
    }
    // eslint-disable-next-line no-control-regex -- a NUL in decoded text means binary content
    if (/\u0000/.test(text)) {
      done(new ImportFileError(`${this.file}: contains NUL bytes; it is not a text spreadsheet`));
      return;
    }
    done(null, text);
  }
}

function csvMessage(file: string, error: CsvError): string {
  const line = (error as unknown as { lines?: number }).lines;
  const at = line ? ` at line ${line}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${file}: a quoted cell is never closed${at} (an unbalanced ")`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${file}: a quote in the middle of a cell${at}; quote the whole cell and double the " inside it`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${file}: a cell${at} is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters`;
    default:
      return `${file}: not a readable spreadsheet${at} (${error.message})`;
  }
}

/**
 * Streams the spreadsheet the probe found. `onProgress` gets the bytes read so far (for a
 * progress bar). Throws ImportFileError for a file csv-parse cannot read.
 */
export async function readSheet(
  probe: InputProbe,
  onProgress?: (bytesRead: number) => void,
  bytes?: Buffer,
): Promise<Sheet> {
  const file = probe.path;
  // The file itself, or bytes already in memory (the web app's upload) in the same chunks.
  const source = bytes
    ? Readable.from(chunksOf(bytes))
    : createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let bytesRead = 0;
  const decoder = iconv.decodeStream(probe.encoding, { stripBOM: true });
  const strict = new StrictText(file, probe.encoding);
  const headerLine = probe.headerLine ?? 0;
  const parser = parse({
    delimiter: probe.delimiter ?? ',',
    from_line: headerLine + 1,
    relax_column_count: true,
    max_record_size: MAX_CELL_CHARS,
    skip_empty_lines: false,
  });
  let headers: string[] | undefined;
  const rows: SheetRow[] = [];
  let index = 0;
  const collect = new Transform({
    objectMode: true,
    transform(record: string[], _enc, done) {
      if (record.length > MAX_COLUMNS) {
        done(
          new ImportFileError(
            `${file}: has ${record.length} columns; at most ${MAX_COLUMNS} are read`,
          ),
        );
        return;
      }
      if (headers === undefined) headers = record.map((h) => h.trim());
      else {
        index += 1;
        if (record.some((cell) => cell.trim() !== ''))
          rows.push({ row: headerLine + 1 + index, values: record });
      }
      done();
    },
  });
  if (onProgress) source.on('data', (chunk: Buffer) => onProgress((bytesRead += chunk.length)));
  try {
    await pipeline(source, decoder, strict, parser, collect);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError(csvMessage(file, error));
    throw error;
  }
  if (!headers || headers.every((h) => h === ''))
    throw new ImportFileError(`${file}: has no header row`);
  return { headers, rows };
}
