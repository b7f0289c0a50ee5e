/**
 * `SHA256SUMS` in the format of GNU coreutils (`sha256sum -c SHA256SUMS` checks an extracted bundle
 * without eoffice): `<64 hex>  <path>`, one line per file, sorted by path in byte order.
 */
import { sha256 } from '../generate/lock.js';

export const SUMS_FILE = 'SHA256SUMS';

/** Hex SHA-256, as SHA256SUMS writes it: the same digest the lock file records. */
export const sha256Hex: (bytes: Uint8Array | string) => string = sha256;

export const byteOrder = (a: string, b: string): number => (Buffer.compare(Buffer.from(a), Buffer.from(b)));

export function formatSums(files: ReadonlyMap<string, Uint8Array>): string {
  return [...files.keys()]
    .sort(byteOrder)
    .map((path) => `${sha256Hex(files.get(path)!)}  ${path}\n`)
    .join('');
}

export interface SumsLine {
  path: string;
  sha256: string;
  line: number;
}

/** Parses SHA256SUMS; a line that is not `<hex>  <path>` (or `<hex> *<path>`) is returned in `bad`. */
export function parseSums(text: string): { entries: SumsLine[]; bad: number[] } {
  const entries: SumsLine[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw === '') return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(raw);
    if (m) entries.push({ sha256: m[1]!, path: m[2]!, line: i + 1 });
    else bad.push(i + 1);
  });
  return { entries, bad };
}
