import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bulanRomawi,
  daysInMonth,
  NAMA_BULAN,
  namaBulan,
  namaHari,
  parseTanggal,
  tanggal,
  tanggalPanjang,
  tanggalTerbilang,
  weekday,
} from '../../src/domain/tanggal.js';

describe('tanggal', () => {
  it.each([
    ['2026-01-05', '5 Januari 2026'],
    ['2026-02-14', '14 Februari 2026'],
    ['2026-03-17', '17 Maret 2026'],
    ['2026-04-01', '1 April 2026'],
    ['2026-05-20', '20 Mei 2026'],
    ['2026-06-30', '30 Juni 2026'],
    ['2026-07-04', '4 Juli 2026'],
    ['2026-08-17', '17 Agustus 2026'],
    ['2026-09-09', '9 September 2026'],
    ['2026-10-28', '28 Oktober 2026'],
    ['2026-11-10', '10 November 2026'],
    ['2026-12-31', '31 Desember 2026'],
  ])('%s → %s (every month)', (iso, text) => {
    expect(tanggal(iso)).toBe(text);
  });

  it('writes the day without a leading zero', () => {
    expect(tanggal('2022-02-07')).toBe('7 Februari 2022');
  });

  it.each([
    // Checked against `date -u -d … +%A` and well-known dates.
    ['1945-08-17', 'Jumat'], // Proklamasi: a Friday
    ['2022-02-07', 'Senin'],
    ['2022-02-08', 'Selasa'],
    ['2024-02-29', 'Kamis'],
    ['2026-03-17', 'Selasa'],
    ['2000-01-01', 'Sabtu'],
    ['1970-01-01', 'Kamis'],
    ['2026-11-22', 'Minggu'],
    ['2026-11-25', 'Rabu'],
  ])('%s is a %s', (iso, day) => {
    expect(namaHari(iso)).toBe(day);
  });

  it('agrees with the JavaScript calendar (UTC) on the weekday of any date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(weekday(parseTanggal(iso))).toBe(d.getUTCDay());
      }),
      { numRuns: 300 },
    );
  });

  it('long form with the weekday', () => {
    expect(tanggalPanjang('2022-02-07')).toBe('Senin, 7 Februari 2022');
    expect(tanggalPanjang('2022-02-08')).toBe('Selasa, 8 Februari 2022');
    expect(tanggalPanjang('2024-02-29')).toBe('Kamis, 29 Februari 2024');
  });

  it('in words for a berita acara', () => {
    expect(tanggalTerbilang('2022-02-08')).toBe('Pada hari ini Selasa tanggal delapan bulan Februari tahun dua ribu dua puluh dua');
    expect(tanggalTerbilang('2022-02-07', { opening: false })).toBe('Senin tanggal tujuh bulan Februari tahun dua ribu dua puluh dua');
    expect(tanggalTerbilang('2026-03-17')).toBe('Pada hari ini Selasa tanggal tujuh belas bulan Maret tahun dua ribu dua puluh enam');
    expect(tanggalTerbilang('2000-01-31', { opening: false })).toBe('Senin tanggal tiga puluh satu bulan Januari tahun dua ribu');
    expect(tanggalTerbilang('2011-11-11', { opening: false })).toBe('Jumat tanggal sebelas bulan November tahun dua ribu sebelas');
  });

  it('accepts the leap day of a leap year, refuses it otherwise', () => {
    expect(tanggal('2024-02-29')).toBe('29 Februari 2024');
    expect(tanggal('2000-02-29')).toBe('29 Februari 2000');
    expect(() => tanggal('2023-02-29')).toThrow(RangeError);
    expect(() => tanggal('2023-02-29')).toThrow('"2023-02-29": Februari 2023 has no day 29');
    expect(() => tanggal('1900-02-29')).toThrow(RangeError);
  });

  it.each(['2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-01-32', '2026-01-00', '2026-00-10', '2026-13-01', '0000-01-01'])(
    'refuses %s (not in the calendar)',
    (iso) => {
      expect(() => tanggal(iso)).toThrow(RangeError);
    },
  );

  it.each(['2026-3-17', '17-03-2026', '2026/03/17', '2026-03-17T00:00:00Z', ' 2026-03-17', '', 'kemarin', '20260317'])('refuses the shape %j', (iso) => {
    expect(() => tanggal(iso)).toThrow(TypeError);
    expect(() => tanggal(iso)).toThrow(/YYYY-MM-DD/);
  });

  it('refuses a Date object and says why', () => {
    expect(() => tanggal(new Date('2026-03-17') as unknown as string)).toThrow(/a Date object \(quote the date in YAML/);
    expect(() => tanggal(20260317 as unknown as string)).toThrow(/got number/);
  });

  it('does not depend on the time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(tanggalPanjang('2026-01-01')).toBe('Kamis, 1 Januari 2026');
      process.env.TZ = 'America/Adak';
      expect(tanggalPanjang('2026-01-01')).toBe('Kamis, 1 Januari 2026');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('month days and names', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(NAMA_BULAN).toHaveLength(12);
    expect(namaBulan(8)).toBe('Agustus');
    expect(() => namaBulan(13)).toThrow(RangeError);
  });

  it('month in roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => bulanRomawi(m))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    expect(bulanRomawi('2022-02-07')).toBe('II');
    expect(bulanRomawi('2026-12-01')).toBe('XII');
    expect(() => bulanRomawi(0)).toThrow(RangeError);
    expect(() => bulanRomawi(13)).toThrow(RangeError);
    expect(() => bulanRomawi('2026-13-01')).toThrow(RangeError);
  });
});
