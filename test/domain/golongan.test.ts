import { describe, expect, it } from 'vitest';
import { GOLONGAN, golonganOfPangkat, normaliseGolongan, PANGKAT, pangkatOf } from '../../src/domain/golongan.js';

/** The table of domain.md, written out independently. */
const TABLE: Array<[string, string]> = [
  ['I/a', 'Juru Muda'], ['I/b', 'Juru Muda Tingkat I'], ['I/c', 'Juru'], ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'], ['II/b', 'Pengatur Muda Tingkat I'], ['II/c', 'Pengatur'], ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'], ['III/b', 'Penata Muda Tingkat I'], ['III/c', 'Penata'], ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'], ['IV/b', 'Pembina Tingkat I'], ['IV/c', 'Pembina Utama Muda'], ['IV/d', 'Pembina Utama Madya'], ['IV/e', 'Pembina Utama'],
];

describe('the golongan table', () => {
  it('holds the 17 PNS golongan in order, each with its pangkat', () => {
    expect(GOLONGAN).toEqual(TABLE.map(([g]) => g));
    expect(Object.entries(PANGKAT)).toEqual(TABLE);
  });

  it('gives each pangkat to one golongan only', () => {
    expect(new Set(Object.values(PANGKAT)).size).toBe(17);
  });

  it.each(TABLE)('pangkatOf(%s) is %s, and back', (g, p) => {
    expect(pangkatOf(g)).toBe(p);
    expect(golonganOfPangkat(p)).toBe(g);
  });

  it('finds a pangkat whatever its case and spacing', () => {
    expect(golonganOfPangkat('  pembina   UTAMA muda ')).toBe('IV/c');
    expect(golonganOfPangkat('PENATA')).toBe('III/c');
  });

  it('knows no other pangkat or golongan, not even Object.prototype\'s', () => {
    expect(golonganOfPangkat('Kolonel')).toBeUndefined();
    expect(golonganOfPangkat('Pembina Utama Tingkat I')).toBeUndefined();
    for (const g of ['V/a', 'IV/f', 'II/e', 'iii/a', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(pangkatOf(g)).toBeUndefined();
  });
});

describe('normaliseGolongan', () => {
  it.each([
    ['III/a', 'III/a'],
    ['iii/a', 'III/a'],
    ['iii / A', 'III/a'],
    [' IV/E ', 'IV/e'],
    ['iv/c', 'IV/c'],
    ['Ii/B', 'II/b'],
    ['i/d', 'I/d'],
  ])('%j → %s', (raw, normal) => {
    expect(normaliseGolongan(raw)).toBe(normal);
  });

  it.each([
    ['V/a', 'V/a'],
    ['IIII/a', 'IIII/a'],
    ['III/f', 'III/f'],
    ['3/a', '3/a'],
    ['IIIa', 'IIIa'],
    [' Pembina ', 'Pembina'],
  ])('leaves what is no golongan alone (trimmed): %j → %j', (raw, out) => {
    expect(normaliseGolongan(raw)).toBe(out);
  });

  it('keeps the shape of golongan that do not exist (II/e), which the table then refuses', () => {
    expect(normaliseGolongan('ii/e')).toBe('II/e');
    expect(pangkatOf(normaliseGolongan('ii/e'))).toBeUndefined();
  });
});
