import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_CODE, formatLetterNumber, LETTER_NUMBER_TOKENS, parseLetterNumberTemplate, toRoman } from '../../src/domain/letter-number.js';

const values = { klasifikasi: '000.8.3.3', nomor: 15, unit: 'DISKOMINFO', tahun: 2026, bulan: 3 };

describe('parseLetterNumberTemplate', () => {
  it('splits a template into tokens and text', () => {
    expect(parseLetterNumberTemplate('{klasifikasi}/{nomor}/{unit}/{tahun}')).toEqual({
      parts: [{ token: 'klasifikasi' }, { text: '/' }, { token: 'nomor' }, { text: '/' }, { token: 'unit' }, { text: '/' }, { token: 'tahun' }],
      unknown: [],
      unbalanced: false,
    });
  });

  it('keeps literal text at both ends', () => {
    expect(parseLetterNumberTemplate('027/{nomor}/DKUPP/2026').parts).toEqual([{ text: '027/' }, { token: 'nomor' }, { text: '/DKUPP/2026' }]);
    expect(parseLetterNumberTemplate('no token')).toEqual({ parts: [{ text: 'no token' }], unknown: [], unbalanced: false });
    expect(parseLetterNumberTemplate('')).toEqual({ parts: [], unknown: [], unbalanced: false });
  });

  it('knows every token and only those', () => {
    expect(LETTER_NUMBER_TOKENS).toEqual(['klasifikasi', 'nomor', 'unit', 'tahun', 'bulan', 'bulanRomawi', 'kodeDesa']);
    const all = LETTER_NUMBER_TOKENS.map((t) => `{${t}}`).join('-');
    expect(parseLetterNumberTemplate(all).unknown).toEqual([]);
  });

  it('lists unknown tokens, case-sensitively, in order', () => {
    expect(parseLetterNumberTemplate('{Nomor}/{nomer}/{}/{tahun}').unknown).toEqual(['Nomor', 'nomer', '']);
  });

  it.each(['{nomor', 'nomor}', '{nomor}}', '{{nomor}}', '{klasifikasi}/{nomor/{unit}'])('finds unbalanced braces in %s', (t) => {
    expect(parseLetterNumberTemplate(t).unbalanced).toBe(true);
  });
});

describe('formatLetterNumber', () => {
  it('fills a template', () => {
    expect(formatLetterNumber('{klasifikasi}/{nomor}/{unit}/{tahun}', values)).toBe('000.8.3.3/15/DISKOMINFO/2026');
    expect(formatLetterNumber('027/{nomor}/DKUPP/{tahun}', { ...values, nomor: 7 })).toBe('027/7/DKUPP/2026');
  });

  it('writes the month with two digits or in roman numerals', () => {
    expect(formatLetterNumber('{nomor}/{bulan}/{bulanRomawi}', values)).toBe('15/03/III');
    const months = Array.from({ length: 12 }, (_, i) => formatLetterNumber('{bulanRomawi}', { ...values, bulan: i + 1 }));
    expect(months).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    expect(formatLetterNumber('{bulan}', { ...values, bulan: 12 })).toBe('12');
  });

  it('pads the running number only when asked, and never cuts it', () => {
    expect(formatLetterNumber('{nomor}', { ...values, padding: 4 })).toBe('0015');
    expect(formatLetterNumber('{nomor}', { ...values, padding: 0 })).toBe('15');
    expect(formatLetterNumber('{nomor}', { ...values, nomor: 123456, padding: 3 })).toBe('123456');
    expect(formatLetterNumber('{nomor}', { ...values, nomor: 1, padding: 6 })).toBe('000001');
  });

  it('fills the village code, empty when there is none', () => {
    expect(formatLetterNumber('{klasifikasi}/{nomor}/{kodeDesa}/{tahun}', { ...values, kodeDesa: '2003' })).toBe('000.8.3.3/15/2003/2026');
    expect(formatLetterNumber('{nomor}/{kodeDesa}', values)).toBe('15/');
  });

  it('leaves unknown tokens as written', () => {
    expect(formatLetterNumber('{nomer}/{nomor}/{toString}', values)).toBe('{nomer}/15/{toString}');
  });

  it('refuses a month without roman numeral', () => {
    expect(() => formatLetterNumber('{bulanRomawi}', { ...values, bulan: 0 })).toThrow(RangeError);
  });
});

describe('toRoman', () => {
  it.each([
    [1, 'I'], [3, 'III'], [4, 'IV'], [5, 'V'], [9, 'IX'], [10, 'X'], [12, 'XII'], [14, 'XIV'], [40, 'XL'],
    [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'], [2026, 'MMXXVI'], [3999, 'MMMCMXCIX'],
  ])('%i → %s', (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });

  it.each([0, -1, 4000, 1.5, Number.NaN])('refuses %d', (n) => {
    expect(() => toRoman(n)).toThrow(RangeError);
  });
});

describe('CLASSIFICATION_CODE', () => {
  it.each(['000', '027', '800', '000.8.3.3', '100.1', '900.1.2.3.4', '000.12'])('accepts %s', (code) => {
    expect(CLASSIFICATION_CODE.test(code)).toBe(true);
  });

  it.each(['00', '0000', '000.', '000.123', '000.1.2.3.4.5', 'A00', '000/1'])('refuses %s', (code) => {
    expect(CLASSIFICATION_CODE.test(code)).toBe(false);
  });
});
