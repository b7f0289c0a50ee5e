import { describe, expect, it } from 'vitest';
import { add, del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'app-requirements';

describe('app-requirements', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts a single enabled application', () => {
    expectNone(RULE, [del(['apps', 'eofficeDesa']), del(['apps', 'esakip'])]);
    expectNone(RULE, [set(['apps', 'eoffice', 'enabled'], false), set(['apps', 'esakip', 'enabled'], false)]);
  });

  it('reports a profile with every application disabled, at apps', () => {
    const d = expectFinding(RULE, [set(['apps', 'eoffice', 'enabled'], false), set(['apps', 'eofficeDesa', 'enabled'], false), set(['apps', 'esakip', 'enabled'], false)], {
      severity: 'error',
      path: '/apps',
      mentions: ['aplikasi'],
    });
    expect(d.line).toBe(lineContaining(d.text, /^apps:/));
    expect(d.hint).toContain('eoffice, eofficeDesa, esakip');
  });

  it('reports e-Office Desa without a single desa', () => {
    const d = expectFinding(RULE, [set(['villages', 'include'], ['32.79.01.1001', '32.79.02.1001']), del(['villages', 'details']), del(['signatories', 4])], {
      severity: 'error',
      path: '/apps/eofficeDesa',
      mentions: ['e-Office Desa', 'desa'],
    });
    expect(d.line).toBe(lineContaining(d.text, 'eofficeDesa:'));
    expect(d.hint).toContain('villages: {from: kemendagri}');
    expectFinding(RULE, [del(['villages']), del(['signatories', 4])], { severity: 'error', path: '/apps/eofficeDesa' });
  });

  it('does not ask a disabled e-Office Desa for villages', () => {
    expectNone(RULE, [del(['villages']), del(['signatories', 4]), set(['apps', 'eofficeDesa', 'enabled'], false)]);
  });

  it('warns about e-Office without a letter-number template, naming the default', () => {
    const d = expectFinding(RULE, [del(['apps', 'eoffice', 'letterNumber'])], { severity: 'warning', path: '/apps/eoffice', mentions: ['"{klasifikasi}/{nomor}/{unit}/{tahun}"'] });
    expect(d.line).toBe(lineContaining(d.text, /^ {2}eoffice:/));
  });

  it('warns about an agency without unit code, naming the code used instead', () => {
    const d = expectFinding(RULE, [del(['opds', 5, 'unitCode'])], { severity: 'warning', path: '/opds/5', mentions: ['Badan Perencanaan Pembangunan Daerah', '"BAPPEDA"'] });
    expect(d.line).toBe(lineContaining(d.text, 'code: bappeda'));
  });

  it('does not ask a bagian for a unit code, nor anyone when e-Office is off', () => {
    expectNone(RULE, [del(['opds', 1, 'unitCode'])]);
    expectNone(RULE, [del(['opds', 5, 'unitCode']), set(['apps', 'eoffice', 'enabled'], false)]);
  });

  it('warns once per agency without unit code', () => {
    const { found } = diagnosticsOf(RULE, [del(['opds', 2, 'unitCode']), del(['opds', 7, 'unitCode'])]);
    expect(found.map((d) => [d.path, d.severity])).toEqual([
      ['/opds/2', 'warning'],
      ['/opds/7', 'warning'],
    ]);
    expect(found[1]!.message).toContain('"KEC-PATARUMAN"');
  });

  it('warns about e-SAKIP without a head of agency, at signatories', () => {
    const d = expectFinding(RULE, [set(['signatories', 2, 'role'], 'pejabat')], { severity: 'warning', path: '/signatories', mentions: ['e-SAKIP'] });
    expect(d.line).toBe(lineContaining(d.text, /^signatories:/));
    expectNone(RULE, [set(['signatories', 2, 'role'], 'pejabat'), set(['apps', 'esakip', 'enabled'], false)]);
    expectNone(RULE, [set(['signatories', 2, 'role'], 'pejabat'), add(['signatories'], { id: 'kaban', name: 'Yayan', position: 'Kepala Bappeda', role: 'kepala-opd', opd: 'bappeda', nip: '197501012000031001' })]);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [del(['opds', 5, 'unitCode'])], { severity: 'warning', path: '/opds/5', mentions: ['Badan Perencanaan Pembangunan Daerah has no unit code; its letter numbers will use "BAPPEDA"'] });
    expectEnglish(RULE, [del(['villages']), del(['signatories', 4])], { severity: 'error', path: '/apps/eofficeDesa', mentions: ['e-Office Desa is enabled, but the profile has no desa'] });
  });
});
