import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCase, terbilang, terbilangRupiah, TERBILANG_MAX } from '../../src/domain/terbilang.js';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [2, 'dua'],
    [3, 'tiga'],
    [4, 'empat'],
    [5, 'lima'],
    [6, 'enam'],
    [7, 'tujuh'],
    [8, 'delapan'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [13, 'tiga belas'],
    [14, 'empat belas'],
    [15, 'lima belas'],
    [16, 'enam belas'],
    [17, 'tujuh belas'],
    [18, 'delapan belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [30, 'tiga puluh'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [119, 'seratus sembilan belas'],
    [120, 'seratus dua puluh'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1010, 'seribu sepuluh'],
    [1100, 'seribu seratus'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2000, 'dua ribu'],
    [2022, 'dua ribu dua puluh dua'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [12_500, 'dua belas ribu lima ratus'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [111_111, 'seratus sebelas ribu seratus sebelas'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_000_001, 'satu juta satu'],
    [1_001_000, 'satu juta seribu'],
    [1_250_000, 'satu juta dua ratus lima puluh ribu'],
    [999_999_999, 'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000_000, 'satu miliar'],
    [2_000_000_000, 'dua miliar'],
    [2_000_000_001, 'dua miliar satu'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_000_000_001, 'satu triliun satu'],
    [999_999_999_999, 'sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_001_001_001_001, 'satu triliun satu miliar satu juta seribu satu'],
    [
      TERBILANG_MAX,
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    ],
    [-1, 'minus satu'],
    [-1000, 'minus seribu'],
    [-1_250_000, 'minus satu juta dua ratus lima puluh ribu'],
  ])('%d → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('writes -0 as nol', () => {
    expect(terbilang(-0)).toBe('nol');
  });

  it('accepts a bigint in range', () => {
    expect(terbilang(1_000_000_000_000n)).toBe('satu triliun');
    expect(() => terbilang(10n ** 15n)).toThrow(RangeError);
  });

  it.each([0.5, NaN, Infinity, -Infinity, TERBILANG_MAX + 1, -TERBILANG_MAX - 1, Number.MAX_SAFE_INTEGER])('refuses %d', (n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
  });

  it('refuses a string (no silent coercion)', () => {
    expect(() => terbilang('12' as unknown as number)).toThrow(/not an integer/);
  });

  it('never leaves double spaces, says seribu/seratus/sepuluh/sebelas, and "nol" only for zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -TERBILANG_MAX, max: TERBILANG_MAX }), (n) => {
        const words = terbilang(n);
        expect(words).not.toMatch(/ {2}|^ | $/);
        expect(words).not.toMatch(/\bsatu (ratus|puluh|belas)\b/);
        // "satu ribu" only after tens or hundreds (dua puluh satu ribu), never for a lone thousand
        expect(words).not.toMatch(/(?:^|(?:minus|juta|miliar|triliun) )satu ribu/);
        expect(words.includes('nol')).toBe(n === 0);
        expect(words.startsWith('minus ')).toBe(n < 0);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back to the number (an independent parser of the words)', () => {
    const unit: Record<string, number> = { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10, sebelas: 11, seratus: 100, seribu: 1000 };
    const scale: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };
    const parse = (text: string): number => {
      const words = text.split(' ');
      const sign = words[0] === 'minus' ? -1 : 1;
      if (sign < 0) words.shift();
      let total = 0;
      let group = 0;
      let last = 0;
      for (const w of words) {
        if (w === 'seribu') {
          total += 1000;
        } else if (w in unit) {
          last = unit[w]!;
          group += last;
        } else if (w === 'belas') {
          group += 10; // "dua belas": the 2 is already counted
        } else if (w === 'puluh') {
          group += last * 9; // "dua puluh": the 2 is counted, 18 more
        } else if (w === 'ratus') {
          group += last * 99;
        } else if (w in scale) {
          total += group * scale[w]!;
          group = 0;
        } else {
          throw new Error(`unknown word ${w}`);
        }
      }
      return sign * (total + group);
    };
    fc.assert(
      fc.property(fc.integer({ min: -TERBILANG_MAX, max: TERBILANG_MAX }).filter((n) => n !== 0), (n) => {
        expect(parse(terbilang(n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('terbilangRupiah and capitalisation', () => {
  it('adds "rupiah"', () => {
    expect(terbilangRupiah(1_500_000)).toBe('satu juta lima ratus ribu rupiah');
    expect(terbilangRupiah(0)).toBe('nol rupiah');
  });

  it('capitalises as asked', () => {
    expect(terbilangRupiah(1_500_000, { case: 'title' })).toBe('Satu Juta Lima Ratus Ribu Rupiah');
    expect(terbilangRupiah(1_500_000, { case: 'sentence' })).toBe('Satu juta lima ratus ribu rupiah');
    expect(terbilang(2022, { case: 'upper' })).toBe('DUA RIBU DUA PULUH DUA');
    expect(terbilang(11, { case: 'lower' })).toBe('sebelas');
  });

  it('refuses an unknown case', () => {
    expect(() => applyCase('satu', 'shout' as 'upper')).toThrow(/unknown text case/);
  });
});
