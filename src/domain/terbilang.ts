/**
 * Numbers in Indonesian words ("terbilang"), as written on receipts, BASTs and official documents:
 * `1_250_000` → `satu juta dua ratus lima puluh ribu`.
 *
 * Integers only, from −999 999 999 999 999 to 999 999 999 999 999 (999 triliun, below
 * Number.MAX_SAFE_INTEGER); anything else throws a RangeError rather than rounding silently.
 * Words follow KBBI usage: `se-` for one of 10, 11, 100 and 1000 (`sepuluh`, `sebelas`, `seratus`,
 * `seribu`), but `satu juta`, `satu miliar`, `satu triliun` (never `sejuta` in formal writing).
 */

/** The largest magnitude `terbilang` writes: 999 triliun 999 miliar … 999. */
export const TERBILANG_MAX = 999_999_999_999_999;

const DIGITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'] as const;

/** How the words are capitalised. */
export type TextCase = 'lower' | 'upper' | 'title' | 'sentence';

export interface TerbilangOptions {
  /** `lower` (default) `satu juta`; `title` `Satu Juta`; `sentence` `Satu juta`; `upper` `SATU JUTA`. */
  case?: TextCase;
}

/** Words for 0 < n < 1000. */
function hundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(DIGITS[h]!, 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(DIGITS[rest]!);
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(DIGITS[rest - 10]!, 'belas');
  else {
    words.push(DIGITS[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10 !== 0) words.push(DIGITS[rest % 10]!);
  }
  return words;
}

function toInteger(n: number | bigint, what: string): number {
  if (typeof n === 'bigint') {
    if (n > BigInt(TERBILANG_MAX) || n < -BigInt(TERBILANG_MAX)) {
      throw new RangeError(`${what}: ${n} is outside ±${TERBILANG_MAX} (999 triliun)`);
    }
    return Number(n);
  }
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new RangeError(`${what}: ${String(n)} is not an integer`);
  }
  if (Math.abs(n) > TERBILANG_MAX) throw new RangeError(`${what}: ${n} is outside ±${TERBILANG_MAX} (999 triliun)`);
  return n;
}

/** Applies a capitalisation to words written in lower case. */
export function applyCase(text: string, textCase: TextCase = 'lower'): string {
  switch (textCase) {
    case 'lower':
      return text;
    case 'upper':
      return text.toUpperCase();
    case 'title':
      return text.replace(/(^|\s)(\S)/g, (_m, space: string, c: string) => space + c.toUpperCase());
    case 'sentence':
      return text.charAt(0).toUpperCase() + text.slice(1);
    default:
      throw new RangeError(`unknown text case "${String(textCase)}" (lower, upper, title, sentence)`);
  }
}

/** `terbilang(1_250_000)` → `satu juta dua ratus lima puluh ribu`; `terbilang(-5)` → `minus lima`. */
export function terbilang(n: number | bigint, options: TerbilangOptions = {}): string {
  const value = toInteger(n, 'terbilang');
  if (value === 0) return applyCase('nol', options.case);
  let rest = Math.abs(value);
  const groups: string[][] = [];
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    rest = Math.floor(rest / 1000);
    if (group === 0) continue;
    if (scale === 1 && group === 1) groups.unshift(['seribu']);
    else groups.unshift([...hundreds(group), ...(scale > 0 ? [SCALES[scale]!] : [])]);
  }
  const words = groups.flat().join(' ');
  return applyCase(value < 0 ? `minus ${words}` : words, options.case);
}

/** An amount of money: `terbilangRupiah(1_500_000)` → `satu juta lima ratus ribu rupiah`. */
export function terbilangRupiah(n: number | bigint, options: TerbilangOptions = {}): string {
  return applyCase(`${terbilang(n)} rupiah`, options.case);
}
