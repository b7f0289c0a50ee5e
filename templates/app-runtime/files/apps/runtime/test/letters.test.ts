import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeZoneOfRegion } from '../src/config.js';
import { calendarDay, formatLetterNumber, normaliseClassification, numberingProblem, periodKey, romanMonth } from '../src/letters.js';

const parts = { klasifikasi: '000.8.3.3', nomor: 15, unit: 'DISKOMINFO', tahun: 2026, bulan: 3 };

describe('nomor surat', () => {
  it('mengisi setiap token pola', () => {
    assert.equal(formatLetterNumber('{klasifikasi}/{nomor}/{unit}/{tahun}', parts), '000.8.3.3/15/DISKOMINFO/2026');
    assert.equal(formatLetterNumber('{klasifikasi}/{nomor}/{unit}/{bulanRomawi}/{tahun}', parts), '000.8.3.3/15/DISKOMINFO/III/2026');
    assert.equal(formatLetterNumber('{nomor}-{bulan}-{tahun}', parts), '15-03-2026');
    assert.equal(formatLetterNumber('{klasifikasi}/{nomor}/{kodeDesa}/{tahun}', { ...parts, kodeDesa: '2003' }), '000.8.3.3/15/2003/2026');
  });

  it('menambah nol di depan nomor sesuai padding, dan membiarkan token asing', () => {
    assert.equal(formatLetterNumber('{klasifikasi}/{nomor}/{unit}', parts, 4), '000.8.3.3/0015/DISKOMINFO');
    assert.equal(formatLetterNumber('{nomor}/{toString}/{unit', parts), '15/{toString}/{unit');
  });

  it('bulan Romawi I–XII', () => {
    assert.deepEqual([1, 4, 9, 12].map(romanMonth), ['I', 'IV', 'IX', 'XII']);
    assert.throws(() => romanMonth(13), RangeError);
  });

  it('memeriksa pola: {nomor} tepat sekali, reset dan padding', () => {
    assert.equal(numberingProblem({ template: '{klasifikasi}/{nomor}/{unit}/{tahun}', reset: 'yearly', padding: 0 }), undefined);
    assert.match(numberingProblem({ template: '{klasifikasi}/{unit}', reset: 'yearly', padding: 0 }) ?? '', /\{nomor\}/);
    assert.match(numberingProblem({ template: '{nomor}/{nomor}', reset: 'yearly', padding: 0 }) ?? '', /tepat sekali/);
    assert.match(numberingProblem({ template: '{nomor}', reset: 'weekly' as never, padding: 0 }) ?? '', /reset/);
    assert.match(numberingProblem({ template: '{nomor}', reset: 'monthly', padding: 9 }) ?? '', /padding/);
  });
});

describe('kode klasifikasi arsip', () => {
  it('menormalkan spasi dan menerima sampai empat bagian', () => {
    assert.equal(normaliseClassification(' 000.8.3.3 '), '000.8.3.3');
    assert.equal(normaliseClassification('800'), '800');
    assert.equal(normaliseClassification('100 . 1 . 12'), '100.1.12');
    assert.equal(normaliseClassification('000.1.2.3.4'), '000.1.2.3.4');
  });

  it('menolak yang bukan kode klasifikasi', () => {
    for (const bad of ['', '00', '0000', '000.', '000.123', '000.1.2.3.4.5', 'abc', '000/1', 800, null, undefined]) {
      assert.equal(normaliseClassification(bad), undefined, String(bad));
    }
  });
});

describe('periode penghitung', () => {
  it('tanggal mengikuti zona waktu daerah (WIB, WITA, WIT), bukan UTC', () => {
    const newYearWib = new Date('2025-12-31T17:30:00Z');
    assert.deepEqual(calendarDay(newYearWib, 'WIB'), { tahun: 2026, bulan: 1, hari: 1, iso: '2026-01-01' });
    assert.equal(calendarDay(new Date('2025-12-31T16:30:00Z'), 'WIB').tahun, 2025);
    assert.equal(calendarDay(new Date('2025-12-31T16:30:00Z'), 'WITA').tahun, 2026);
    assert.equal(calendarDay(new Date('2026-03-31T15:30:00Z'), 'WIT').iso, '2026-04-01');
    assert.equal(calendarDay(new Date('2026-03-31T15:30:00Z'), 'WITA').iso, '2026-03-31');
  });

  it('zona waktu dari kode provinsi (dua angka pertama kode wilayah)', () => {
    assert.deepEqual(['11', '35', '62', '51', '64', '76', '81', '96'].map(timeZoneOfRegion), ['WIB', 'WIB', 'WIB', 'WITA', 'WITA', 'WITA', 'WIT', 'WIT']);
  });

  it('tahunan atau bulanan', () => {
    const day = { tahun: 2026, bulan: 3, hari: 9, iso: '2026-03-09' };
    assert.equal(periodKey(day, 'yearly'), '2026');
    assert.equal(periodKey(day, 'monthly'), '2026-03');
  });
});
