import { describe, expect, it } from 'vitest';
import { diagnosticsOf, expectEnglish, expectFinding, expectNone, set } from '../helpers/profile.js';

const RULE = 'regency-kind';

describe('regency-kind', () => {
  it('accepts the fixture (32.79, a kota named Kota …)', () => expectNone(RULE));

  it('accepts a matching kind and a kabupaten whose name merely starts with "Kota…"', () => {
    expectNone(RULE, [set(['regency', 'kind'], 'kota')]);
    expectNone(RULE, [set(['regency', 'code'], '63.02'), set(['regency', 'name'], 'Kabupaten Kotabaru'), set(['regency', 'kind'], 'kabupaten')]);
  });

  it.each(['32.70', '32.00'])('reports code %s, which is neither kabupaten nor kota', (code) => {
    expectFinding(RULE, [set(['regency', 'code'], code)], { severity: 'error', path: '/regency/code', mentions: [code, '01–69', '71–99'] });
  });

  it('says nothing more about a code of neither kind', () => {
    const { found } = diagnosticsOf(RULE, [set(['regency', 'code'], '32.70'), set(['regency', 'kind'], 'kabupaten')]);
    expect(found.map((d) => d.path)).toEqual(['/regency/code']);
  });

  it('reports a kind that disagrees with the code', () => {
    const d = expectFinding(RULE, [set(['regency', 'kind'], 'kabupaten')], { severity: 'error', path: '/regency/kind', mentions: ['"kabupaten"', '32.79', 'kota'] });
    expect(d.hint).toContain('kind: kota');
  });

  it('reports a name that says kabupaten for a kota code', () => {
    expectFinding(RULE, [set(['regency', 'name'], 'Kabupaten Banjar')], { severity: 'error', path: '/regency/name', mentions: ['"Kabupaten Banjar"', 'kabupaten', '32.79', 'kota'] });
  });

  it('reports a name that says kota for a kabupaten code', () => {
    expectFinding(RULE, [set(['regency', 'code'], '32.11')], { severity: 'error', path: '/regency/name', mentions: ['"Kota Banjar"', '32.11', 'kabupaten'] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['regency', 'kind'], 'kabupaten')], { severity: 'error', path: '/regency/kind', mentions: ['kind "kabupaten" disagrees with code 32.79, which is a kota'] });
  });
});
