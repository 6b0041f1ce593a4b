// Plain-text tables for `tactful list`: columns padded to their widest cell, the widest
// flexible column shortened with "…" until the whole row fits the terminal (80 when piped).
import { safeText } from './style.js';

export interface Column<T> {
  title: string;
  cell(row: T): string;
  /** May be shortened to fit (names, roles); ids and dates never are. */
  flexible?: boolean;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], width: number): string {
  const cells = rows.map((row) => columns.map((c) => safeText(c.cell(row))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i]!.length)));
  const gap = 2;
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  // Shorten the widest flexible column, one character at a time, down to 8.
  while (total() > width) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.flexible && widths[i]! > 8 && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? clip(v, widths[i]!) : clip(v, widths[i]!).padEnd(widths[i]!)))
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...cells.map(line)].join('\n');
}
