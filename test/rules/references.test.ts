import { describe, expect, it } from 'vitest';
import { add, del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'references';

describe('references', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts a kelurahan under its kecamatan and a bagian under the Setwan', () => {
    expectNone(RULE, [
      add(['opds'], { code: 'kel-banjar', name: 'Kelurahan Banjar', kind: 'kelurahan', parent: 'kec-banjar' }),
      add(['opds'], { code: 'bagian-persidangan', name: 'Bagian Persidangan', kind: 'bagian', parent: 'setwan' }),
    ]);
  });

  it('reports a bagian without parent', () => {
    const d = expectFinding(RULE, [del(['opds', 1, 'parent'])], { severity: 'error', path: '/opds/1', mentions: ['bagian', 'Bagian Umum', '`parent`'] });
    expect(d.line).toBe(lineContaining(d.text, 'code: bagian-umum'));
    expect(d.hint).toContain('Sekretariat Daerah');
  });

  it('reports a kelurahan without parent', () => {
    const d = expectFinding(RULE, [add(['opds'], { code: 'kel-banjar', name: 'Kelurahan Banjar', kind: 'kelurahan' })], { severity: 'error', path: '/opds/10', mentions: ['kelurahan', 'Kelurahan Banjar'] });
    expect(d.hint).toContain('kecamatan');
  });

  it('reports an unknown parent, listing known codes', () => {
    const d = expectFinding(RULE, [set(['opds', 1, 'parent'], 'sekda')], { severity: 'error', path: '/opds/1/parent', mentions: ['OPD', '"sekda"'] });
    expect(d.hint).toContain('setda, bagian-umum');
    expect(d.hint).toContain('…');
  });

  it('reports an agency that is its own parent', () => {
    expectFinding(RULE, [set(['opds', 4, 'parent'], 'diskominfo')], { severity: 'error', path: '/opds/4/parent', mentions: ['diskominfo'] });
  });

  it('reports a bagian under something other than a secretariat', () => {
    expectFinding(RULE, [set(['opds', 1, 'parent'], 'diskominfo')], { severity: 'error', path: '/opds/1/parent', mentions: ['Bagian Umum', 'Dinas Komunikasi dan Informatika'] });
  });

  it('reports a kelurahan under something other than a kecamatan', () => {
    expectFinding(RULE, [add(['opds'], { code: 'kel-banjar', name: 'Kelurahan Banjar', kind: 'kelurahan', parent: 'bappeda' })], { severity: 'error', path: '/opds/10/parent', mentions: ['Kelurahan Banjar', 'Badan Perencanaan Pembangunan Daerah'] });
  });

  it('reports a cycle of parents once', () => {
    const { found } = diagnosticsOf(RULE, [set(['opds', 0, 'parent'], 'bagian-umum')]);
    expect(found).toHaveLength(1);
    expectFinding(RULE, [set(['opds', 0, 'parent'], 'bagian-umum')], { severity: 'error', path: '/opds/0/parent', mentions: ['setda → bagian-umum → setda'] });
  });

  it('reports an unknown agency of a signatory', () => {
    const d = expectFinding(RULE, [set(['signatories', 2, 'opd'], 'dinkes')], { severity: 'error', path: '/signatories/2/opd', mentions: ['"dinkes"'] });
    expect(d.line).toBe(lineContaining(d.text, 'opd: dinkes'));
  });

  it('reports a signatory village outside the profile\'s villages', () => {
    expectFinding(RULE, [set(['signatories', 4, 'village'], '32.11.01.2001')], { severity: 'error', path: '/signatories/4/village', mentions: ['32.11.01.2001'] });
    expectFinding(RULE, [set(['villages', 'include'], ['32.79.02'])], { severity: 'error', path: '/signatories/4/village', mentions: ['32.79.01.2003'] });
  });

  it('reports an unknown delegation principal and via, listing signatory ids', () => {
    const p = expectFinding(RULE, [set(['signatories', 1, 'delegation', 'principal'], 'bupati')], { severity: 'error', path: '/signatories/1/delegation/principal', mentions: ['penandatangan', '"bupati"'] });
    expect(p.hint).toContain('walikota, sekda');
    expectFinding(RULE, [set(['signatories', 3, 'delegation', 'via'], 'asisten')], { severity: 'error', path: '/signatories/3/delegation/via', mentions: ['"asisten"'] });
  });

  it('does not resolve signatories of the grantor for a recipient\'s delegation', () => {
    expectFinding(RULE, [set(['signatories', 1, 'delegation', 'principal'], 'bupati-sumedang')], { severity: 'error', path: '/signatories/1/delegation/principal', mentions: ['bupati-sumedang'] });
  });

  it('reports an unknown superior and a signatory who is its own superior', () => {
    expectFinding(RULE, [set(['signatories', 2, 'superior'], 'bupati')], { severity: 'error', path: '/signatories/2/superior', mentions: ['"bupati"'] });
    expectFinding(RULE, [set(['signatories', 2, 'superior'], 'kadis-kominfo')], { severity: 'error', path: '/signatories/2/superior', mentions: ['kadis-kominfo'] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['signatories', 2, 'opd'], 'dinkes')], { severity: 'error', path: '/signatories/2/opd', mentions: ['agency "dinkes" not found'] });
    expectEnglish(RULE, [del(['opds', 1, 'parent'])], { severity: 'error', path: '/opds/1', mentions: ['bagian Bagian Umum has no parent agency (`parent`)'] });
  });
});
