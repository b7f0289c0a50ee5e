import { describe, expect, it } from 'vitest';
import { GOLONGAN, PANGKAT } from '../../src/domain/golongan.js';
import { del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'golongan-pangkat';
const SEKDA = ['signatories', 1] as const;
const rank = (golongan: string | undefined, pangkat: string | undefined) => [
  golongan === undefined ? del([...SEKDA, 'golongan']) : set([...SEKDA, 'golongan'], golongan),
  pangkat === undefined ? del([...SEKDA, 'pangkat']) : set([...SEKDA, 'pangkat'], pangkat),
];

describe('golongan-pangkat', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it.each(GOLONGAN.map((g) => [g, PANGKAT[g]!]))('accepts %s %s', (g, p) => {
    expectNone(RULE, rank(g, p));
  });

  it('accepts the pangkat whatever its case and spacing', () => {
    expectNone(RULE, rank('IV/c', 'pembina  UTAMA muda'));
  });

  it('accepts a signatory with neither golongan nor pangkat', () => {
    expectNone(RULE, rank(undefined, undefined));
  });

  describe('a pangkat that is not the golongan\'s', () => {
    // Each golongan paired with its neighbour's pangkat.
    it.each(GOLONGAN.map((g, i) => [g, PANGKAT[GOLONGAN[(i + 1) % GOLONGAN.length]!]!, GOLONGAN[(i + 1) % GOLONGAN.length]!]))('%s with %s', (g, wrong, other) => {
      const d = expectFinding(RULE, rank(g, wrong), { severity: 'error', path: '/signatories/1/pangkat', mentions: [`"${wrong}"`, g, `(${PANGKAT[g]})`] });
      expect(d.hint).toContain(`golongan ${other}`);
      expect(d.line).toBe(lineContaining(d.text, 'nip: "196805121994031004"') + 2);
    });

    it('says when the pangkat is no PNS rank at all', () => {
      const d = expectFinding(RULE, rank('III/a', 'Kolonel'), { severity: 'error', path: '/signatories/1/pangkat', mentions: ['"Kolonel"', 'III/a', 'Penata Muda'] });
      expect(d.hint).not.toContain('?');
      expect(d.hint).toContain('bukan pangkat PNS');
    });
  });

  it.each(['V/a', 'IV/f', 'II/e', 'III', '3/a', 'IIIa', 'toString', 'constructor'])('reports the unknown golongan %j', (g) => {
    const d = expectFinding(RULE, rank(g, 'Penata'), { severity: 'error', path: '/signatories/1/golongan', mentions: [`"${g}"`] });
    expect(d.hint).toContain('IV/e');
  });

  it.each([
    ['iv/c', 'IV/c'],
    ['Iv/C', 'IV/c'],
    ['IV / c', 'IV/c'],
  ])('warns to write %j as %s, and still checks the pangkat', (written, normal) => {
    const d = expectFinding(RULE, rank(written, 'Pembina Utama Muda'), { severity: 'warning', path: '/signatories/1/golongan', mentions: [`"${normal}"`, `"${written}"`] });
    expect(d.line).toBe(lineContaining(d.text, 'golongan: ' + written));
    const { found } = diagnosticsOf(RULE, rank(written, 'Pembina'));
    expect(found.map((f) => [f.severity, f.path])).toEqual([
      ['warning', '/signatories/1/golongan'],
      ['error', '/signatories/1/pangkat'],
    ]);
  });

  it('warns about a golongan without pangkat, naming the pangkat', () => {
    const d = expectFinding(RULE, rank('IV/c', undefined), { severity: 'warning', path: '/signatories/1/golongan', mentions: ['IV/c'] });
    expect(d.hint).toContain('pangkat: Pembina Utama Muda');
  });

  it('reports a pangkat without golongan, naming the golongan when the pangkat is known', () => {
    const d = expectFinding(RULE, rank(undefined, 'Pembina Utama Muda'), { severity: 'error', path: '/signatories/1/pangkat', mentions: ['"Pembina Utama Muda"'] });
    expect(d.hint).toContain('golongan: IV/c');
    const u = expectFinding(RULE, rank(undefined, 'Kolonel'), { severity: 'error', path: '/signatories/1/pangkat', mentions: ['"Kolonel"'] });
    expect(u.hint).toBe('tambahkan `golongan:`');
  });

  it('checks the grantor\'s signatories too', () => {
    expectFinding(RULE, [set(['grant', 'grantor', 'signatories', 0, 'golongan'], 'IV/a'), set(['grant', 'grantor', 'signatories', 0, 'pangkat'], 'Penata')], {
      severity: 'error',
      path: '/grant/grantor/signatories/0/pangkat',
      mentions: ['"Penata"', 'IV/a'],
    });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, rank('IV/c', 'Pembina'), { severity: 'error', path: '/signatories/1/pangkat', mentions: ['pangkat "Pembina" does not match golongan IV/c (Pembina Utama Muda)'] });
    expectEnglish(RULE, rank('iv/c', 'Pembina Utama Muda'), { severity: 'warning', path: '/signatories/1/golongan', mentions: ['write the golongan as "IV/c", not "iv/c"'] });
    expectEnglish(RULE, rank('V/a', 'Pembina'), { severity: 'error', path: '/signatories/1/golongan', mentions: ['unknown golongan "V/a"'] });
  });
});
