import { describe, expect, it } from 'vitest';
import { add, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'unique-codes';
const SEKDA_NIP = '196805121994031004';

describe('unique-codes', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('reports a duplicate agency code at the second one, naming the first', () => {
    const d = expectFinding(RULE, [set(['opds', 5, 'code'], 'diskominfo')], { severity: 'error', path: '/opds/5/code', mentions: ['kode OPD', '"diskominfo"', '/opds/4/code'] });
    expect(d.line).toBe(lineContaining(d.text, 'name: Badan Perencanaan') - 1);
  });

  it('reports a duplicate unit code, whatever its case', () => {
    expectFinding(RULE, [set(['opds', 5, 'unitCode'], 'Diskominfo')], { severity: 'error', path: '/opds/5/unitCode', mentions: ['kode unit', '"Diskominfo"', '/opds/4/unitCode'] });
  });

  it('reports a duplicate SIPD code', () => {
    expectFinding(RULE, [set(['opds', 5, 'sipdCode'], '2.16.2.20.2.21.01.0000')], { severity: 'error', path: '/opds/5/sipdCode', mentions: ['kode SIPD', '2.16.2.20.2.21.01.0000', '/opds/4/sipdCode'] });
  });

  it('reports a duplicate agency name, whatever its case and spacing', () => {
    expectFinding(RULE, [set(['opds', 5, 'name'], 'dinas komunikasi  dan INFORMATIKA')], { severity: 'error', path: '/opds/5/name', mentions: ['nama OPD', '/opds/4/name'] });
  });

  it('reports a duplicate village in a written-out list', () => {
    const village = { code: '32.79.01.2003', name: 'Balokang' };
    expectFinding(RULE, [set(['villages'], [village, { code: '32.79.01.2004', name: 'Cibeureum' }, { ...village }])], { severity: 'error', path: '/villages/2/code', mentions: ['kode desa', '32.79.01.2003', '/villages/0/code'] });
  });

  it('reports a duplicate village in a list otherwise in rising order (adjacent repeats are not rising)', () => {
    const list = ['32.79.01.2001', '32.79.01.2002', '32.79.01.2002', '32.79.01.2003'].map((code) => ({ code, name: 'Desa' }));
    expectFinding(RULE, [set(['villages'], list)], { severity: 'error', path: '/villages/2/code', mentions: ['kode desa', '32.79.01.2002', '/villages/1/code'] });
  });

  it('reports a village detailed twice', () => {
    expectFinding(RULE, [add(['villages', 'details'], { code: '32.79.01.2003', head: 'Ujang' })], { severity: 'error', path: '/villages/details/1/code', mentions: ['32.79.01.2003', '/villages/details/0/code'] });
  });

  it('reports a duplicate signatory id', () => {
    expectFinding(RULE, [set(['signatories', 4, 'id'], 'sekda')], { severity: 'error', path: '/signatories/4/id', mentions: ['id penandatangan', '"sekda"', '/signatories/1/id'] });
  });

  it('reports a signatory id reused on the grantor side', () => {
    expectFinding(RULE, [set(['grant', 'grantor', 'signatories', 0, 'id'], 'walikota')], { severity: 'error', path: '/grant/grantor/signatories/0/id', mentions: ['"walikota"', '/signatories/0/id'] });
  });

  it('reports a duplicate NIP, also across the grant', () => {
    const d = expectFinding(RULE, [set(['signatories', 3, 'nip'], SEKDA_NIP)], { severity: 'error', path: '/signatories/3/nip', mentions: ['NIP', SEKDA_NIP, '/signatories/1/nip'] });
    expect(d.line).toBe(lineContaining(d.text, 'name: Dedi Kurniawan') + 2);
    expectFinding(RULE, [set(['grant', 'grantor', 'signatories', 0, 'nip'], SEKDA_NIP)], { severity: 'error', path: '/grant/grantor/signatories/0/nip', mentions: [SEKDA_NIP, '/signatories/1/nip'] });
  });

  it('reports a duplicate NI PPPK', () => {
    const pppk = (id: string) => ({ id, name: `Staf ${id}`, position: 'Analis Kebijakan', role: 'pejabat', opd: 'diskominfo', niPppk: '199005152021211001' });
    expectFinding(RULE, [add(['signatories'], pppk('pppk-a')), add(['signatories'], pppk('pppk-b'))], { severity: 'error', path: '/signatories/6/niPppk', mentions: ['NI PPPK', '199005152021211001', '/signatories/5/niPppk'] });
  });

  it('reports each repeat after the first', () => {
    const { found } = diagnosticsOf(RULE, [set(['opds', 5, 'unitCode'], 'SETDA'), set(['opds', 4, 'unitCode'], 'setda')]);
    expect(found.map((d) => d.path)).toEqual(['/opds/4/unitCode', '/opds/5/unitCode']);
    expect(found.every((d) => d.message.includes('/opds/0/unitCode'))).toBe(true);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['opds', 5, 'code'], 'diskominfo')], { severity: 'error', path: '/opds/5/code', mentions: ['duplicate agency code "diskominfo" (first at /opds/4/code)'] });
  });
});
