import { describe, expect, it } from 'vitest';
import { del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'opd-kecamatan';

describe('opd-kecamatan', () => {
  it('accepts the fixture: one agency for each of the 4 kecamatan', () => expectNone(RULE));

  it('says nothing for a regency the decree does not have', () => {
    expectNone(RULE, [set(['regency', 'code'], '32.98'), del(['opds', 6, 'regionCode'])]);
  });

  it('reports a kecamatan agency without regionCode, and its kecamatan as missing', () => {
    const d = expectFinding(RULE, [del(['opds', 6, 'regionCode'])], { severity: 'error', path: '/opds/6', mentions: ['Kecamatan Banjar', '`regionCode`'] });
    expect(d.hint).toContain('32.79.01');
    expect(d.line).toBe(lineContaining(d.text, 'code: kec-banjar'));
    expectFinding(RULE, [del(['opds', 6, 'regionCode'])], { severity: 'error', path: '/opds', mentions: ['1 kecamatan', '32.79.01 Banjar'] });
  });

  it('reports a kecamatan of another regency, by name', () => {
    const d = expectFinding(RULE, [set(['opds', 6, 'regionCode'], '32.11.01')], { severity: 'error', path: '/opds/6/regionCode', match: /32\.11\.01/, mentions: ['32.11.01', 'Wado', '32.79'] });
    expect(d.line).toBe(lineContaining(d.text, '"32.11.01"'));
    expect(d.hint).toContain('32.79.CC');
  });

  it.each(['32.79.09', '32.79.01.2003', '32.79'])('reports %s, which is no kecamatan code of the decree', (code) => {
    expectFinding(RULE, [set(['opds', 6, 'regionCode'], code)], { severity: 'error', path: '/opds/6/regionCode', mentions: [code, 'bukan kode kecamatan'] });
  });

  it('reports a second agency for the same kecamatan', () => {
    const d = expectFinding(RULE, [set(['opds', 7, 'regionCode'], '32.79.01')], { severity: 'error', path: '/opds/7/regionCode', mentions: ['Banjar', '32.79.01', 'opds[6]'] });
    expect(d.line).toBe(lineContaining(d.text, 'name: Kecamatan Pataruman') + 3);
  });

  it('reports the kecamatan left without an agency', () => {
    const d = expectFinding(RULE, [del(['opds', 9])], { severity: 'error', path: '/opds', mentions: ['1 kecamatan', '32.79.04 Langensari'] });
    expect(d.line).toBe(lineContaining(d.text, 'opds:'));
  });

  it('shortens a long list of missing kecamatan', () => {
    // Sumedang has 26 kecamatan; the fixture's four agencies belong to Kota Banjar.
    const { found } = diagnosticsOf(RULE, [set(['regency', 'code'], '32.11'), set(['regency', 'name'], 'Kabupaten Sumedang')]);
    expect(found.filter((d) => d.path.endsWith('/regionCode'))).toHaveLength(4);
    const missing = found.find((d) => d.path === '/opds');
    expect(missing?.message).toMatch(/^26 kecamatan/);
    expect(missing?.message).toContain('32.11.01 Wado');
    expect(missing?.message).toMatch(/, …$/);
    expect(missing?.message.split(', ')).toHaveLength(9);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['opds', 6, 'regionCode'], '32.11.01')], { severity: 'error', path: '/opds/6/regionCode', match: /32\.11\.01/, mentions: ['32.11.01 is kecamatan Wado of another regency, not of 32.79'] });
    expectEnglish(RULE, [del(['opds', 9])], { severity: 'error', path: '/opds', mentions: ['1 kecamatan without a kecamatan agency: 32.79.04 Langensari'] });
  });
});
