/**
 * RFC 4180 CSV of a seed table: UTF-8 without BOM, a header row, LF record endings (the output tree
 * uses LF everywhere). A field is quoted when it holds a comma, a quote, CR or LF, or starts or ends
 * with a space; a quote is doubled. NULL is an empty unquoted field and the empty string `""`, which
 * is what PostgreSQL's `COPY … (FORMAT csv)` reads back.
 */
import type { SeedRow, SeedValue } from './rows.js';
import type { SeedTable } from './tables.js';

const NEEDS_QUOTES = /[",\r\n]|^ | $/;

export function csvField(value: SeedValue): string {
  if (value === null) return '';
  const s = String(value);
  if (s === '' || NEEDS_QUOTES.test(s)) return `"${s.replaceAll('"', '""')}"`;
  return s;
}

export function tableCsv(table: SeedTable, rows: readonly SeedRow[]): string {
  const lines = [table.columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(table.columns.map((c) => csvField(row[c.name] ?? null)).join(','));
  return lines.join('\n') + '\n';
}
