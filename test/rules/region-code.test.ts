import { describe, expect, it } from 'vitest';
import { del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'region-code';

describe('region-code', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('compares names and provinces without regard to case; the province is optional', () => {
    expectNone(RULE, [set(['regency', 'name'], 'KOTA BANJAR'), set(['regency', 'province'], 'jawa barat')]);
    expectNone(RULE, [del(['regency', 'province'])]);
  });

  it('accepts another real regency with its own name', () => {
    expectNone(RULE, [set(['regency', 'code'], '32.11'), set(['regency', 'name'], 'Kabupaten Sumedang')]);
  });

  it('reports a code the decree does not have, in a province it does have', () => {
    const d = expectFinding(RULE, [set(['regency', 'code'], '32.98')], { severity: 'error', path: '/regency/code', mentions: ['32.98', '300.2.2-2138/2025'] });
    expect(d.hint).toContain('32');
    expect(d.hint).toContain('27'); // Jawa Barat has 27 regencies and cities
    expect(d.line).toBe(lineContaining(d.text, 'code: "32.98"'));
  });

  it('reports a code whose province does not exist either', () => {
    const d = expectFinding(RULE, [set(['regency', 'code'], '99.01')], { severity: 'error', path: '/regency/code', mentions: ['99.01'] });
    expect(d.hint).toContain('99');
    expect(d.hint).toContain('32.11');
  });

  it('reports a name that is not the code\'s', () => {
    const d = expectFinding(RULE, [set(['regency', 'name'], 'Kota Banjarsari')], { severity: 'error', path: '/regency/name', mentions: ['Kota Banjarsari', '32.79', '"Kota Banjar"'] });
    expect(d.hint).toContain('Kota Banjar');
  });

  it('reports a wrong province', () => {
    const d = expectFinding(RULE, [set(['regency', 'province'], 'Jawa Tengah')], { severity: 'error', path: '/regency/province', mentions: ['Jawa Tengah', 'Jawa Barat', '32.79'] });
    expect(d.hint).toContain('Jawa Barat');
  });

  it('stops at an unknown code: no name or province findings on top', () => {
    const { found } = diagnosticsOf(RULE, [set(['regency', 'code'], '32.98'), set(['regency', 'province'], 'Bali'), set(['regency', 'name'], 'Kota Entah')]);
    expect(found.map((d) => d.path)).toEqual(['/regency/code']);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['regency', 'code'], '32.98')], { severity: 'error', path: '/regency/code', mentions: ['region code 32.98 is not in decree'] });
    expectEnglish(RULE, [set(['regency', 'province'], 'Jawa Tengah')], { severity: 'error', path: '/regency/province', mentions: ['province "Jawa Tengah" is wrong; 32.79 is in Jawa Barat'] });
  });
});
