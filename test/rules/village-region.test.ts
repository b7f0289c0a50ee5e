import { describe, expect, it } from 'vitest';
import { add, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'village-region';
const balokang = { code: '32.79.01.2003', name: 'Balokang' };

describe('village-region', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts listed villages, and include/exclude by regency, kecamatan or village code', () => {
    expectNone(RULE, [set(['villages'], [balokang, { code: '32.79.04.1004', name: 'Muktisari' }])]);
    expectNone(RULE, [set(['villages', 'include'], ['32.79', '32.79.01', '32.79.02.1001']), set(['villages', 'exclude'], ['32.79.01.1006'])]);
  });

  it('says nothing when the regency itself is unknown (region-code says it)', () => {
    expectNone(RULE, [set(['regency', 'code'], '32.98'), set(['villages'], [{ code: '32.11.01.2001', name: 'Cimungkal' }])]);
  });

  it('reports a listed village the decree does not have', () => {
    const d = expectFinding(RULE, [set(['villages'], [balokang, { code: '32.79.01.2999', name: 'Entah' }])], { severity: 'error', path: '/villages/1/code', mentions: ['32.79.01.2999', '2025'] });
    expect(d.line).toBe(lineContaining(d.text, '32.79.01.2999'));
    expect(d.hint).toContain('idn-area-data');
  });

  it('reports a listed village of another regency', () => {
    const d = expectFinding(RULE, [set(['villages'], [{ code: '32.11.01.2001', name: 'Cimungkal' }])], { severity: 'error', path: '/villages/0/code', mentions: ['32.11.01.2001', '32.79'] });
    expect(d.hint).toContain('32.79');
  });

  it('reports an include code that is not in the decree', () => {
    expectFinding(RULE, [set(['villages', 'include'], ['32.79.01', '32.79.09'])], { severity: 'error', path: '/villages/include/1', mentions: ['32.79.09'] });
  });

  it('reports an include code of another regency as such, at every level', () => {
    for (const code of ['32.11', '32.11.01', '32.11.01.2001']) {
      expectFinding(RULE, [set(['villages', 'include'], [code])], { severity: 'error', path: '/villages/include/0', mentions: [`${code} `, 'bukan bagian dari 32.79'] });
    }
  });

  it('reports an exclude code that is not in the decree', () => {
    expectFinding(RULE, [set(['villages', 'exclude'], ['32.79.01.2999'])], { severity: 'error', path: '/villages/exclude/0', mentions: ['32.79.01.2999'] });
  });

  it('reports a details entry of another regency', () => {
    const d = expectFinding(RULE, [add(['villages', 'details'], { code: '32.11.01.2002', head: 'Ujang' })], { severity: 'error', path: '/villages/details/1/code', mentions: ['32.11.01.2002', '32.79'] });
    expect(d.line).toBe(lineContaining(d.text, '32.11.01.2002'));
  });

  it('reports every bad code, not just the first', () => {
    const { found } = diagnosticsOf(RULE, [set(['villages', 'include'], ['32.79.09', '32.11.01']), set(['villages', 'exclude'], ['32.79.01.2999'])]);
    expect(found.map((d) => d.path)).toEqual(['/villages/include/0', '/villages/include/1', '/villages/exclude/0']);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['villages', 'include'], ['32.79.09'])], { severity: 'error', path: '/villages/include/0', mentions: ['code 32.79.09 is not in the 2025 decree'] });
    expectEnglish(RULE, [set(['villages', 'include'], ['32.11'])], { severity: 'error', path: '/villages/include/0', mentions: ['code 32.11 is not part of 32.79'] });
  });
});
