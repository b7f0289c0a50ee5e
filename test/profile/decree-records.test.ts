/**
 * Matching a listed profile's villages against the decree: the merge walk over the regency's own
 * list must give exactly what a lookup in the national table gives, whatever the order of the list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decreeRecordsOf } from '../../src/profile/villages.js';
import { regionIndex } from '../../src/region/decree.js';

const region = regionIndex();
const lookup = (codes: readonly string[]) => codes.map((code) => region.villages.get(code));

describe('RegionIndex.villagesOfRegency', () => {
  it('lists every village of the decree under its regency, sorted by code', () => {
    let total = 0;
    for (const code of region.regencies.keys()) {
      const list = region.villagesOfRegency(code);
      total += list.length;
      for (let i = 0; i < list.length; i++) {
        expect(list[i]!.code.startsWith(code + '.')).toBe(true);
        if (i > 0) expect(list[i - 1]!.code < list[i]!.code).toBe(true);
      }
    }
    expect(total).toBe(region.villages.size);
    expect(total).toBe(83762);
  });
});

describe('decreeRecordsOf', () => {
  const sumedang = region.villagesOfRegency('32.11').map((v) => v.code);
  const bandung = region.villagesOfRegency('32.04').map((v) => v.code);

  it('matches a list in code order, one record per village', () => {
    const records = decreeRecordsOf(sumedang.map((code) => ({ code })), '32.11', region);
    expect(records).toStrictEqual(lookup(sumedang));
    expect(records.every((r) => r !== undefined)).toBe(true);
  });

  it('finds nothing for codes the decree does not have, in order or not', () => {
    const codes = ['32.11.01.2001', '32.11.01.2999', '32.11.01.2002', '32.11.99.2001', '32.11.01.1000', '99.99.99.9999'];
    expect(decreeRecordsOf(codes.map((code) => ({ code })), '32.11', region)).toStrictEqual(lookup(codes));
  });

  it('gives what the national table gives for any order, any gaps, other regencies and unknown codes', () => {
    const pool = [...sumedang, ...bandung.slice(0, 20), '32.11.01.2999', '32.11.00.0000', '32.11', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 80 }), fc.boolean(), (codes, sort) => {
        const list = sort ? [...codes].sort() : codes;
        expect(decreeRecordsOf(list.map((code) => ({ code })), '32.11', region)).toStrictEqual(lookup(list));
      }),
      { numRuns: 300 },
    );
  });

  it('works for a regency the decree does not have', () => {
    expect(decreeRecordsOf([{ code: '32.99.01.2001' }], '32.99', region)).toStrictEqual([undefined]);
  });
});
