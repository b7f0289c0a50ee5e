import { describe, expect, it } from 'vitest';
import { add, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'signatory-heads';
const person = (id: string, role: string, extra: Record<string, unknown> = {}) =>
  add(['signatories'], { id, name: `Nama ${id}`, position: `Jabatan ${id}`, role, ...extra });

describe('signatory-heads', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts one deputy, and officials beside the head of an agency', () => {
    expectNone(RULE, [person('wakil', 'wakil-kepala-daerah'), person('sekretaris-dinas', 'pejabat', { opd: 'diskominfo', nip: '198501012010011001' })]);
  });

  it('reports a profile without head of region, at the list', () => {
    const d = expectFinding(RULE, [set(['signatories', 0, 'role'], 'wakil-kepala-daerah')], { severity: 'error', path: '/signatories', mentions: ['kepala-daerah'] });
    expect(d.line).toBe(lineContaining(d.text, /^signatories:/));
    expect(d.hint).toContain('BAST');
  });

  it('does not count the grantor\'s head of region', () => {
    expectFinding(RULE, [set(['signatories', 0, 'role'], 'pejabat')], { severity: 'error', path: '/signatories' });
  });

  it.each([
    ['kepala-daerah', 0],
    ['sekretaris-daerah', 1],
  ])('reports a second %s at its role', (role, first) => {
    const d = expectFinding(RULE, [person('kedua', role)], { severity: 'error', path: '/signatories/5/role', mentions: [role, `signatories[${first}]`] });
    expect(d.line).toBe(lineContaining(d.text, 'position: Jabatan kedua') + 1);
  });

  it('reports a second deputy', () => {
    expectFinding(RULE, [person('wakil-1', 'wakil-kepala-daerah'), person('wakil-2', 'wakil-kepala-daerah')], { severity: 'error', path: '/signatories/6/role', mentions: ['wakil-kepala-daerah', 'signatories[5]'] });
  });

  it('reports a second head of one agency', () => {
    const d = expectFinding(RULE, [person('kadis-2', 'kepala-opd', { opd: 'diskominfo' })], { severity: 'error', path: '/signatories/5/opd', mentions: ['diskominfo', 'signatories[2]'] });
    expect(d.hint).toContain('status: plt');
  });

  it('reports a second camat of one kecamatan', () => {
    expectFinding(RULE, [person('camat-1', 'camat', { opd: 'kec-banjar' }), person('camat-2', 'camat', { opd: 'kec-banjar' })], { severity: 'error', path: '/signatories/6/opd', mentions: ['kec-banjar', 'signatories[5]'] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [person('kadis-2', 'kepala-opd', { opd: 'diskominfo' })], { severity: 'error', path: '/signatories/5/opd', mentions: ['agency diskominfo already has a head (signatories[2])'] });
    expectEnglish(RULE, [set(['signatories', 0, 'role'], 'pejabat')], { severity: 'error', path: '/signatories', mentions: ['no head of region (role: kepala-daerah) among the signatories'] });
  });
});
