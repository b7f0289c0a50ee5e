/**
 * A regency's letter-number template (the order in Permendagri 1/2023's annex is unconfirmed, so each
 * regency writes its own), e.g. `{klasifikasi}/{nomor}/{unit}/{tahun}`.
 */
export const LETTER_NUMBER_TOKENS = ['klasifikasi', 'nomor', 'unit', 'tahun', 'bulan', 'bulanRomawi', 'kodeDesa'] as const;
export type LetterNumberToken = (typeof LETTER_NUMBER_TOKENS)[number];

export interface TemplatePart {
  token?: string;
  text?: string;
}

export function parseLetterNumberTemplate(template: string): { parts: TemplatePart[]; unknown: string[]; unbalanced: boolean } {
  const parts: TemplatePart[] = [];
  const unknown: string[] = [];
  const re = /\{([^{}]*)\}/g;
  let at = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > at) parts.push({ text: template.slice(at, m.index) });
    const token = m[1]!;
    if (!(LETTER_NUMBER_TOKENS as readonly string[]).includes(token)) unknown.push(token);
    parts.push({ token });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  const unbalanced = parts.some((p) => p.text !== undefined && /[{}]/.test(p.text));
  return { parts, unknown, unbalanced };
}

export interface LetterNumberValues {
  klasifikasi: string;
  nomor: number;
  unit: string;
  tahun: number;
  bulan: number;
  kodeDesa?: string;
  padding?: number;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no roman numeral for ${n}`);
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

export function formatLetterNumber(template: string, v: LetterNumberValues): string {
  const values: Record<LetterNumberToken, string> = {
    klasifikasi: v.klasifikasi,
    nomor: String(v.nomor).padStart(v.padding ?? 0, '0'),
    unit: v.unit,
    tahun: String(v.tahun),
    bulan: String(v.bulan).padStart(2, '0'),
    bulanRomawi: toRoman(v.bulan),
    kodeDesa: v.kodeDesa ?? '',
  };
  // An own key only: `{toString}` is an unknown token, not Object.prototype's function.
  return template.replace(/\{([^{}]*)\}/g, (whole, token: string) =>
    Object.hasOwn(values, token) ? values[token as LetterNumberToken] : whole,
  );
}

/** Classification code (kode klasifikasi arsip, Permendagri 83/2022) normalised form. */
export const CLASSIFICATION_CODE = /^\d{3}(\.\d{1,2}){0,4}$/;
