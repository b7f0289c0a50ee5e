import type { Lang } from '../i18n/lang.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Penggunaan:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Opsi umum:',
};

export function helpTitle(title: string, lang: Lang): string {
  return lang === 'id' ? (TITLES[title] ?? title) : title;
}

/** Commander speaks English; the common usage errors are said in Bahasa Indonesia too. */
export function translateUsage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return message
    .replace(/^error: unknown option '([^']+)'/, "galat: opsi '$1' tidak dikenal")
    .replace(/^error: unknown command '([^']+)'/, "galat: perintah '$1' tidak dikenal")
    .replace(/^error: missing required argument '([^']+)'/, "galat: argumen wajib '$1' tidak ada")
    .replace(/^error: option '([^']+)' argument '([^']+)' is invalid\./, "galat: nilai '$2' untuk opsi '$1' tidak sah.")
    .replace(/^error: option '([^']+)' argument missing/, "galat: opsi '$1' memerlukan nilai")
    .replace(/^error: too many arguments/, 'galat: terlalu banyak argumen')
    .replace(/\(Did you mean ([^)]+)\?\)/, '(mungkin maksudnya $1?)')
    .replace(/Allowed choices are/, 'Pilihan yang diizinkan:');
}
