/**
 * Indonesian dates from an ISO calendar date `YYYY-MM-DD`.
 *
 * The input is a calendar date, not an instant: no `Date` object, no time zone, no local clock is
 * involved, so `2022-02-07` is 7 Februari 2022 on every machine. The weekday comes from the
 * proleptic Gregorian calendar by arithmetic. Day and month names follow KBBI (`Jumat`, not `Jum'at`).
 */
import type { CalendarDate } from './calendar.js';
import { toRoman } from './letter-number.js';
import { terbilang } from './terbilang.js';

export const NAMA_BULAN = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** Weekday names, index 0 = Sunday (as `Date#getDay`). */
export const NAMA_HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export type NamaBulan = (typeof NAMA_BULAN)[number];
export type NamaHari = (typeof NAMA_HARI)[number];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DD` (years 0001–9999) and checks that the day exists.
 * Throws a TypeError for anything that is not such a string, a RangeError for a date not in the
 * calendar (`2023-02-29`).
 */
export function parseTanggal(iso: string): CalendarDate {
  if (typeof iso !== 'string') {
    throw new TypeError(`expected a date as a "YYYY-MM-DD" string, got ${describe(iso)}`);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new TypeError(`"${iso}" is not a date written YYYY-MM-DD (e.g. 2026-03-17)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1) throw new RangeError(`"${iso}": year 0000 is not a calendar year`);
  if (month < 1 || month > 12) throw new RangeError(`"${iso}": there is no month ${m[2]}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${iso}": ${NAMA_BULAN[month - 1]} ${year} has no day ${day}`);
  }
  return { year, month, day };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date object (quote the date in YAML so it stays a calendar date)';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}

/** Weekday of a calendar date, 0 = Sunday (Sakamoto's method, proleptic Gregorian calendar). */
export function weekday({ year, month, day }: CalendarDate): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
}

/** `1` → `Januari`. */
export function namaBulan(month: number): NamaBulan {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`there is no month ${String(month)}`);
  return NAMA_BULAN[month - 1]!;
}

/** `2022-02-07` → `Senin` (7 February 2022 was a Monday). */
export function namaHari(iso: string): NamaHari {
  return NAMA_HARI[weekday(parseTanggal(iso))]!;
}

/** `2022-02-07` → `7 Februari 2022` (the day without a leading zero). */
export function tanggal(iso: string): string {
  const d = parseTanggal(iso);
  return `${d.day} ${NAMA_BULAN[d.month - 1]} ${d.year}`;
}

/** `2022-02-08` → `Selasa, 8 Februari 2022`. */
export function tanggalPanjang(iso: string): string {
  const d = parseTanggal(iso);
  return `${NAMA_HARI[weekday(d)]}, ${d.day} ${NAMA_BULAN[d.month - 1]} ${d.year}`;
}

export interface TanggalTerbilangOptions {
  /** Start with `Pada hari ini` (default true), as the opening sentence of a berita acara. */
  opening?: boolean;
}

/**
 * The date in words for a berita acara (BAST):
 * `Pada hari ini Selasa tanggal delapan bulan Februari tahun dua ribu dua puluh dua`.
 * With `opening: false`: `Selasa tanggal delapan bulan Februari tahun dua ribu dua puluh dua`.
 */
export function tanggalTerbilang(iso: string, options: TanggalTerbilangOptions = {}): string {
  const d = parseTanggal(iso);
  const words = `${NAMA_HARI[weekday(d)]} tanggal ${terbilang(d.day)} bulan ${NAMA_BULAN[d.month - 1]} tahun ${terbilang(d.year)}`;
  return options.opening === false ? words : `Pada hari ini ${words}`;
}

/** The month in roman numerals, from a month number (`2` → `II`) or an ISO date (`2022-02-07` → `II`). */
export function bulanRomawi(monthOrIso: number | string): string {
  if (typeof monthOrIso === 'string') return toRoman(parseTanggal(monthOrIso).month);
  if (!Number.isInteger(monthOrIso) || monthOrIso < 1 || monthOrIso > 12) {
    throw new RangeError(`there is no month ${String(monthOrIso)}`);
  }
  return toRoman(monthOrIso);
}
