import { describe, expect, it } from 'vitest';
import { add, del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'signature-delegation';

describe('signature-delegation', () => {
  it('accepts the fixture (a.n. Wali Kota by the Sekda, u.b. through the Sekda)', () => expectNone(RULE));

  it('accepts a.n. for a head of agency, a camat and a village head', () => {
    expectNone(RULE, [
      add(['signatories'], { id: 'sekdis', name: 'Eka', position: 'Sekretaris Dinas', role: 'pejabat', opd: 'diskominfo', delegation: { type: 'a.n.', principal: 'kadis-kominfo' } }),
      add(['signatories'], { id: 'sekdes', name: 'Rina', position: 'Sekretaris Desa Balokang', role: 'sekretaris-desa', village: '32.79.01.2003', delegation: { type: 'a.n.', principal: 'kades-balokang' } }),
    ]);
  });

  it.each(['Plt. Kepala Bagian Umum', 'Plh Kepala Bagian Umum', 'Pj. Kepala Bagian Umum', 'Pjs. Kepala Bagian Umum', 'PLT Kepala Bagian Umum'])('reports the position %j', (position) => {
    const d = expectFinding(RULE, [set(['signatories', 3, 'position'], position)], { severity: 'error', path: '/signatories/3/position', mentions: [`"${position}"`] });
    expect(d.line).toBe(lineContaining(d.text, `position: ${position}`));
    expect(d.hint).toContain('status:');
  });

  it('does not mistake positions that merely start with those letters', () => {
    expectNone(RULE, [set(['signatories', 3, 'position'], 'Pejabat Pembuat Komitmen'), set(['signatories', 2, 'position'], 'Pjabat Sementara')]);
  });

  it.each([
    ['plt', 'Plt.'],
    ['plh', 'Plh.'],
  ])('warns about a %s head of region without NIP', (status, printed) => {
    const d = expectFinding(RULE, [set(['signatories', 0, 'status'], status)], { severity: 'warning', path: '/signatories/0/status', mentions: [printed] });
    expect(d.hint).toContain('nip:');
  });

  it('accepts an acting head of region with a NIP, and a definitive one without', () => {
    expectNone(RULE, [set(['signatories', 0, 'status'], 'plt'), set(['signatories', 0, 'nip'], '197501012000031001')]);
    expectNone(RULE, [set(['signatories', 0, 'status'], 'definitif')]);
  });

  it('reports a head of region who delegates', () => {
    const d = expectFinding(RULE, [set(['signatories', 0, 'delegation'], { type: 'a.n.', principal: 'sekda' })], { severity: 'error', path: '/signatories/0/delegation', mentions: ['a.n./u.b.'] });
    expect(d.line).toBe(lineContaining(d.text, 'position: Wali Kota Banjar') + 2);
  });

  it('reports a signatory who signs for themself, as principal or as via', () => {
    expectFinding(RULE, [set(['signatories', 1, 'delegation', 'principal'], 'sekda')], { severity: 'error', path: '/signatories/1/delegation', mentions: ['sekda'] });
    expectFinding(RULE, [set(['signatories', 3, 'delegation', 'via'], 'kabag-umum')], { severity: 'error', path: '/signatories/3/delegation', mentions: ['kabag-umum'] });
  });

  it('reports u.b. without via, at the delegation', () => {
    const d = expectFinding(RULE, [del(['signatories', 3, 'delegation', 'via'])], { severity: 'error', path: '/signatories/3/delegation', mentions: ['u.b.', '`via`'] });
    expect(d.line).toBe(lineContaining(d.text, 'status: plt') + 1);
  });

  it('reports a.n. with via, at via', () => {
    const d = expectFinding(RULE, [set(['signatories', 1, 'delegation', 'via'], 'kabag-umum')], { severity: 'error', path: '/signatories/1/delegation/via', mentions: ['a.n.', '`via`'] });
    expect(d.line).toBe(lineContaining(d.text, 'via: kabag-umum'));
  });

  it('warns about a principal who is not a head', () => {
    const d = expectFinding(RULE, [add(['signatories'], { id: 'staf', name: 'Eka', position: 'Kepala Subbagian', role: 'pejabat', opd: 'bagian-umum', delegation: { type: 'a.n.', principal: 'kabag-umum' } })], {
      severity: 'warning',
      path: '/signatories/5/delegation/principal',
      mentions: ['kabag-umum', '(Kepala Bagian Umum)'],
    });
    expect(d.line).toBe(lineContaining(d.text, 'principal: kabag-umum'));
  });

  it('warns about a broken u.b. chain: via does not sign a.n. the principal', () => {
    expectFinding(RULE, [del(['signatories', 1, 'delegation'])], { severity: 'warning', path: '/signatories/3/delegation/via', mentions: ['sekda', 'walikota'] });
    expectFinding(RULE, [set(['signatories', 1, 'delegation', 'principal'], 'kadis-kominfo')], { severity: 'warning', path: '/signatories/3/delegation/via', mentions: ['sekda', 'walikota'] });
  });

  it('leaves unknown ids to the references rule', () => {
    const { found } = diagnosticsOf(RULE, [set(['signatories', 3, 'delegation', 'via'], 'asisten'), set(['signatories', 1, 'delegation', 'principal'], 'bupati')]);
    expect(found).toEqual([]);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [del(['signatories', 3, 'delegation', 'via'])], { severity: 'error', path: '/signatories/3/delegation', mentions: ['u.b. needs `via`: the official who signs a.n.'] });
    expectEnglish(RULE, [set(['signatories', 0, 'status'], 'plt')], { severity: 'warning', path: '/signatories/0/status', mentions: ['an acting or interim (Plt.) head of region is usually a civil servant with a NIP'] });
    expectEnglish(RULE, [set(['signatories', 0, 'status'], 'pj')], { severity: 'warning', path: '/signatories/0/status', mentions: ['(Pj.) head of region is usually a civil servant'] });
  });
});
