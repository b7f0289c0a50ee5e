import { describe, expect, it } from 'vitest';
import { diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'letter-number-template';
const EOFFICE = ['apps', 'eoffice', 'letterNumber'] as const;
const AT = '/apps/eoffice/letterNumber/template';
const template = (value: string) => set([...EOFFICE, 'template'], value);

describe('letter-number-template', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it.each([
    '{klasifikasi}/{nomor}/{unit}/{tahun}',
    '000.8.3.3/{nomor}/OR/{tahun}',
    '027/{nomor}/DKUPP/{tahun}',
    '{klasifikasi}/{nomor}/{unit}/{bulanRomawi}/{tahun}',
    '{nomor}.{bulan}.{tahun}',
  ])('accepts %s', (value) => {
    expectNone(RULE, [template(value)]);
  });

  it('accepts monthly numbering with a month in the template', () => {
    expectNone(RULE, [template('{klasifikasi}/{nomor}/{unit}/{bulanRomawi}/{tahun}'), set([...EOFFICE, 'reset'], 'monthly')]);
    expectNone(RULE, [template('{klasifikasi}/{nomor}/{unit}/{bulan}/{tahun}'), set([...EOFFICE, 'reset'], 'monthly')]);
  });

  it('reports an unknown token and suggests the nearest', () => {
    const d = expectFinding(RULE, [template('{klasifikasi}/{nomer}/{unit}/{tahun}')], { severity: 'error', path: AT, match: /token/, mentions: ['{nomer}'] });
    expect(d.hint).toContain('{nomor}?');
    expect(d.line).toBe(lineContaining(d.text, '{nomer}'));
    expectFinding(RULE, [template('{klasifikasi}/{nomor}/{unit}/{thn}/{tahun}')], { severity: 'error', path: AT, match: /token/, mentions: ['{thn}'] });
  });

  it('lists the known tokens when nothing is near', () => {
    const d = expectFinding(RULE, [template('{klasifikasi}/{nomor}/{pejabatPenandatangan}/{tahun}')], { severity: 'error', path: AT, match: /token/, mentions: ['{pejabatPenandatangan}'] });
    expect(d.hint).toContain('{klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}');
  });

  it.each(['{klasifikasi}/{nomor}/{unit}/{tahun}}', '{klasifikasi}/{nomor}/{unit/{tahun}', '{{nomor}}/{tahun}'])('reports unbalanced braces in %s', (value) => {
    expectFinding(RULE, [template(value)], { severity: 'error', path: AT, match: /kurung kurawal/, mentions: [`"${value}"`] });
  });

  it('reports a template without the running number', () => {
    const d = expectFinding(RULE, [template('{klasifikasi}/{unit}/{tahun}')], { severity: 'error', path: AT, mentions: ['"{klasifikasi}/{unit}/{tahun}"', '{nomor}'] });
    expect(d.hint).toContain('{klasifikasi}/{nomor}/{unit}/{tahun}');
  });

  it('reports a running number written twice', () => {
    expectFinding(RULE, [template('{nomor}/{klasifikasi}/{nomor}/{tahun}')], { severity: 'error', path: AT, mentions: ['{nomor}', '2 kali'] });
  });

  it('warns about monthly numbering without a month', () => {
    expectFinding(RULE, [set([...EOFFICE, 'reset'], 'monthly')], { severity: 'warning', path: AT, mentions: ['bulan'] });
  });

  it('warns about a template without the year', () => {
    const d = expectFinding(RULE, [template('{klasifikasi}/{nomor}/{unit}')], { severity: 'warning', path: AT, mentions: ['{tahun}'] });
    expect(d.hint).toContain('/{tahun}');
  });

  it('checks e-Office Desa\'s template too', () => {
    const d = expectFinding(RULE, [set(['apps', 'eofficeDesa', 'letterNumber', 'template'], '{klasifikasi}/{kodeDesa}/{tahun}')], {
      severity: 'error',
      path: '/apps/eofficeDesa/letterNumber/template',
      mentions: ['{kodeDesa}'],
    });
    expect(d.line).toBe(lineContaining(d.text, '{klasifikasi}/{kodeDesa}/{tahun}'));
  });

  it('reports each problem of one template', () => {
    const { found } = diagnosticsOf(RULE, [template('{klasifkasi}/{unit}}'), set([...EOFFICE, 'reset'], 'monthly')]);
    expect(found.map((d) => d.severity)).toEqual(['error', 'error', 'error', 'warning', 'warning']);
    expect(new Set(found.map((d) => d.path))).toEqual(new Set([AT]));
  });

  it('speaks English with --lang en', () => {
    const d = expectEnglish(RULE, [template('{klasifikasi}/{nomer}/{unit}/{tahun}')], { severity: 'error', path: AT, match: /token/, mentions: ['unknown token {nomer}'] });
    expect(d.hint).toMatch(/^did you mean \{nomor\}\?/);
    expectEnglish(RULE, [template('{klasifikasi}/{unit}/{tahun}')], { severity: 'error', path: AT, mentions: ['template "{klasifikasi}/{unit}/{tahun}" has no running number {nomor}'] });
  });
});
