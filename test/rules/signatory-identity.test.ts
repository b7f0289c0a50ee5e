import { describe, expect, it } from 'vitest';
import { add, del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'signatory-identity';

describe('signatory-identity', () => {
  it('accepts the fixture (the village head has no NIP, the Wali Kota neither)', () => expectNone(RULE));

  it('accepts an NI PPPK in place of a NIP', () => {
    expectNone(RULE, [del(['signatories', 3, 'nip']), set(['signatories', 3, 'niPppk'], '198207222021211003')]);
  });

  it('accepts an elected head, a deputy and village officials without NIP', () => {
    expectNone(RULE, [
      add(['signatories'], { id: 'wakil', name: 'Supriana', position: 'Wakil Wali Kota Banjar', role: 'wakil-kepala-daerah' }),
      add(['signatories'], { id: 'sekdes-balokang', name: 'Rina Marlina', position: 'Sekretaris Desa Balokang', role: 'sekretaris-desa', village: '32.79.01.2003' }),
    ]);
  });

  it.each([
    [1, 'sekda', 'Sekretaris Daerah'],
    [2, 'kadis-kominfo', 'Kepala Dinas Komunikasi dan Informatika'],
    [3, 'kabag-umum', 'Kepala Bagian Umum'],
  ])('reports signatories[%i] (%s), an official without NIP', (i, id, position) => {
    const d = expectFinding(RULE, [del(['signatories', i, 'nip'])], { severity: 'error', path: `/signatories/${i}`, mentions: [id, `(${position})`, 'NIP'] });
    expect(d.line).toBe(lineContaining(d.text, `id: ${id}`));
  });

  it.each([
    ['camat', { opd: 'kec-banjar' }],
    ['lurah', { opd: 'kec-banjar' }],
  ])('reports a %s without NIP', (role, place) => {
    expectFinding(RULE, [add(['signatories'], { id: `${role}-x`, name: 'Nana', position: `${role} contoh`, role, ...place })], { severity: 'error', path: '/signatories/5', mentions: [`${role}-x`] });
  });

  it('warns about a NIP without golongan, at the NIP', () => {
    const d = expectFinding(RULE, [del(['signatories', 2, 'golongan']), del(['signatories', 2, 'pangkat'])], { severity: 'warning', path: '/signatories/2/nip', mentions: ['kadis-kominfo', 'golongan'] });
    expect(d.line).toBe(lineContaining(d.text, '197903152005012002'));
  });

  it('does not ask a head of region with a NIP (a Pj.) for a golongan', () => {
    expectNone(RULE, [set(['signatories', 0, 'nip'], '197501012000031001'), set(['signatories', 0, 'status'], 'pj')]);
  });

  it.each(['kepala-desa', 'sekretaris-desa'])('reports a %s without village', (role) => {
    const d = expectFinding(RULE, [set(['signatories', 4, 'role'], role), del(['signatories', 4, 'village'])], { severity: 'error', path: '/signatories/4', mentions: ['kades-balokang', 'Kepala Desa Balokang', '`village`'] });
    expect(d.hint).toContain('village:');
  });

  it.each([
    [2, 'kepala-opd'],
    [3, 'pejabat'],
  ])('reports signatories[%i] (%s) without agency', (i, role) => {
    const d = expectFinding(RULE, [del(['signatories', i, 'opd'])], { severity: 'error', path: `/signatories/${i}`, mentions: ['`opd`'] });
    expect(d.message).toContain(role === 'kepala-opd' ? 'kadis-kominfo' : 'kabag-umum');
  });

  it('accepts an institution in place of an agency', () => {
    expectNone(RULE, [del(['signatories', 3, 'opd']), set(['signatories', 3, 'institution'], 'Pemerintah Kota Banjar')]);
  });

  it('reports several problems of one signatory', () => {
    const { found } = diagnosticsOf(RULE, [del(['signatories', 2, 'nip']), del(['signatories', 2, 'opd'])]);
    expect(found.map((d) => d.path)).toEqual(['/signatories/2', '/signatories/2']);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [del(['signatories', 1, 'nip'])], { severity: 'error', path: '/signatories/1', mentions: ['sekda (Sekretaris Daerah) is an official but has no NIP or NI PPPK'] });
  });
});
