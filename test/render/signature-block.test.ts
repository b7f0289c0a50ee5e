import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  documentKindOf,
  formatSignatureBlock,
  PASAL_44,
  printedName,
  printedPosition,
  signatureBlock,
  type Signer,
} from '../../src/domain/signature-block.js';
import type { RegencyProfile, Signatory } from '../../src/profile/types.generated.js';

const kadis: Signer = {
  frontTitle: 'Dr.',
  name: 'Siti Nurhasanah',
  backTitle: 'S.Kom., M.T.',
  nip: '197903152005012002',
  golongan: 'IV/b',
  pangkat: 'Pembina Tingkat I',
  position: 'Kepala Dinas Komunikasi dan Informatika',
  role: 'kepala-opd',
};

const bupati: Signer = {
  frontTitle: 'H.',
  name: 'Dony Ahmad Munir',
  backTitle: 'S.T., M.M.',
  position: 'Bupati Sumedang',
  role: 'kepala-daerah',
};

const sekda: Signer = {
  frontTitle: 'Drs.',
  name: 'Budi Santoso',
  backTitle: 'M.M.',
  nip: '196805121994031004',
  golongan: 'IV/c',
  pangkat: 'Pembina Utama Muda',
  position: 'Sekretaris Daerah',
  role: 'sekretaris-daerah',
};

describe('signature block (Permendagri 1/2023 Pasal 44)', () => {
  it('definitive head of agency, correspondence: titles, rank and NIP', () => {
    const block = signatureBlock({ signatory: kadis, kind: 'naskah-dinas' });
    expect(block.heading).toEqual(['KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,']);
    expect(block.nameLine).toBe('Dr. Siti Nurhasanah, S.Kom., M.T.');
    expect(block.rankLine).toBe('Pembina Tingkat I');
    expect(block.idLine).toBe('NIP. 19790315 200501 2 002');
    expect(block.lines).toEqual([
      'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,',
      'Dr. Siti Nurhasanah, S.Kom., M.T.',
      'Pembina Tingkat I',
      'NIP. 19790315 200501 2 002',
    ]);
    expect(formatSignatureBlock(block, { gap: 3 })).toBe(
      'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,\n\n\n\nDr. Siti Nurhasanah, S.Kom., M.T.\nPembina Tingkat I\nNIP. 19790315 200501 2 002',
    );
  });

  it('a document that sets rules (keputusan): no titles, but NIP and rank stay for an official', () => {
    const block = signatureBlock({ signatory: kadis, kind: 'regeling' });
    expect(block.nameLine).toBe('Siti Nurhasanah');
    expect(block.titles).toBe(false);
    expect(block.rankLine).toBe('Pembina Tingkat I');
    expect(block.idLine).toBe('NIP. 19790315 200501 2 002');
    expect(signatureBlock({ signatory: kadis, kind: documentKindOf('keputusan')! }).nameLine).toBe('Siti Nurhasanah');
  });

  it('a definitive Bupati: titles on correspondence, none on a peraturan, never NIP or rank', () => {
    const letter = signatureBlock({ signatory: bupati, kind: 'naskah-dinas' });
    expect(letter.lines).toEqual(['BUPATI SUMEDANG,', 'H. Dony Ahmad Munir, S.T., M.M.']);
    expect(letter.idLine).toBeUndefined();
    expect(letter.rankLine).toBeUndefined();
    const perbup = signatureBlock({ signatory: bupati, kind: 'regeling' });
    expect(perbup.lines).toEqual(['BUPATI SUMEDANG,', 'Dony Ahmad Munir']);
  });

  it('the example of domain.md: "Dr. H. Ade Uu Sukaesih, M.Si."', () => {
    const walikota: Signer = { frontTitle: 'Dr. H.', name: 'Ade Uu Sukaesih', backTitle: 'M.Si.', position: 'Wali Kota Banjar', role: 'kepala-daerah' };
    expect(signatureBlock({ signatory: walikota, kind: 'naskah-dinas' }).nameLine).toBe('Dr. H. Ade Uu Sukaesih, M.Si.');
  });

  it('a Plt. Bupati signs without titles, NIP or rank, with "Plt." before the position', () => {
    const plt: Signer = { ...sekda, position: 'Bupati Sumedang', role: 'kepala-daerah', status: 'plt' };
    const block = signatureBlock({ signatory: plt, kind: 'naskah-dinas' });
    expect(block.lines).toEqual(['Plt. BUPATI SUMEDANG,', 'Budi Santoso']);
    expect(block.identified).toBe(false);
  });

  it.each(['pj', 'pjs', 'plh'] as const)('a %s head of region signs bare too', (status) => {
    const acting: Signer = { ...sekda, position: 'Bupati Sumedang', role: 'kepala-daerah', status };
    const prefix = { pj: 'Pj.', pjs: 'Pjs.', plh: 'Plh.' }[status];
    expect(signatureBlock({ signatory: acting, kind: 'naskah-dinas' }).lines).toEqual([`${prefix} BUPATI SUMEDANG,`, 'Budi Santoso']);
  });

  it('a Pj. or Plh. Sekda signs bare; a definitive Sekda has titles but no NIP or rank', () => {
    const pj = signatureBlock({ signatory: { ...sekda, status: 'pj' }, kind: 'naskah-dinas' });
    expect(pj.lines).toEqual(['Pj. SEKRETARIS DAERAH,', 'Budi Santoso']);
    const plh = signatureBlock({ signatory: { ...sekda, status: 'plh' }, kind: 'naskah-dinas' });
    expect(plh.lines).toEqual(['Plh. SEKRETARIS DAERAH,', 'Budi Santoso']);
    const definitif = signatureBlock({ signatory: sekda, kind: 'naskah-dinas' });
    expect(definitif.lines).toEqual(['SEKRETARIS DAERAH,', 'Drs. Budi Santoso, M.M.']);
  });

  it('a Plt. Sekda (unconfirmed, not named in Pasal 44 (5)) signs as an official by default, and the policy can change it', () => {
    const plt = { ...sekda, status: 'plt' as const };
    expect(signatureBlock({ signatory: plt, kind: 'naskah-dinas' }).lines).toEqual([
      'Plt. SEKRETARIS DAERAH,',
      'Drs. Budi Santoso, M.M.',
      'Pembina Utama Muda',
      'NIP. 19680512 199403 1 004',
    ]);
    const policy = { ...PASAL_44, bare: { ...PASAL_44.bare, 'sekretaris-daerah': ['pj', 'plh', 'plt'] as const } };
    expect(signatureBlock({ signatory: plt, kind: 'naskah-dinas' }, policy).lines).toEqual(['Plt. SEKRETARIS DAERAH,', 'Budi Santoso']);
  });

  it('a Plh. head of agency is an official: titles, rank and NIP', () => {
    const block = signatureBlock({ signatory: { ...kadis, status: 'plh' }, kind: 'naskah-dinas' });
    expect(block.lines).toEqual([
      'Plh. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,',
      'Dr. Siti Nurhasanah, S.Kom., M.T.',
      'Pembina Tingkat I',
      'NIP. 19790315 200501 2 002',
    ]);
  });

  it('a.n.: the principal, then the own position', () => {
    const block = signatureBlock({ signatory: { ...sekda, delegation: { type: 'a.n.' } }, kind: 'naskah-dinas', principal: bupati });
    expect(block.heading).toEqual(['a.n. BUPATI SUMEDANG', 'SEKRETARIS DAERAH,']);
    expect(block.nameLine).toBe('Drs. Budi Santoso, M.M.');
    expect(block.idLine).toBeUndefined();
  });

  it('a.n. a Pj. head of region carries the prefix of the principal', () => {
    const block = signatureBlock({ signatory: sekda, delegation: 'a.n.', kind: 'naskah-dinas', principal: { position: 'Bupati Sumedang', status: 'pj' } });
    expect(block.heading).toEqual(['a.n. Pj. BUPATI SUMEDANG', 'SEKRETARIS DAERAH,']);
  });

  it('u.b.: a.n. the principal, the intermediate official, u.b., the own position', () => {
    const kabag: Signer = {
      name: 'Dedi Kurniawan',
      backTitle: 'S.IP.',
      nip: '198207222009011003',
      golongan: 'III/d',
      pangkat: 'Penata Tingkat I',
      position: 'Kepala Bagian Umum',
      role: 'pejabat',
      delegation: { type: 'u.b.' },
    };
    const block = signatureBlock({ signatory: kabag, kind: 'naskah-dinas', principal: bupati, via: sekda });
    expect(block.lines).toEqual([
      'a.n. BUPATI SUMEDANG',
      'SEKRETARIS DAERAH,',
      'u.b.',
      'KEPALA BAGIAN UMUM,',
      'Dedi Kurniawan, S.IP.',
      'Penata Tingkat I',
      'NIP. 19820722 200901 1 003',
    ]);
  });

  it('a delegate may sign in their own name for their own documents', () => {
    const block = signatureBlock({ signatory: { ...sekda, delegation: { type: 'a.n.' } }, kind: 'naskah-dinas', delegation: 'none' });
    expect(block.heading).toEqual(['SEKRETARIS DAERAH,']);
  });

  it('a.n. and u.b. need the principal (and via) resolved by the caller', () => {
    expect(() => signatureBlock({ signatory: { ...sekda, delegation: { type: 'a.n.' } }, kind: 'naskah-dinas' })).toThrow(/Budi Santoso: a\.n\. needs the principal/);
    expect(() => signatureBlock({ signatory: { ...kadis, delegation: { type: 'u.b.' } }, kind: 'naskah-dinas', principal: bupati })).toThrow(/u\.b\. needs the intermediate official/);
  });

  it('an NI PPPK is printed "NI PPPK." and grouped like a NIP', () => {
    const pppk: Signer = { name: 'Rina Marlina', backTitle: 'S.Kom.', niPppk: '199001012024211001', position: 'Pranata Komputer Ahli Pertama', role: 'pejabat' };
    const block = signatureBlock({ signatory: pppk, kind: 'naskah-dinas' });
    expect(block.idLine).toBe('NI PPPK. 19900101 202421 1 001');
    expect(block.rankLine).toBeUndefined();
    expect(block.lines).toEqual(['PRANATA KOMPUTER AHLI PERTAMA,', 'Rina Marlina, S.Kom.', 'NI PPPK. 19900101 202421 1 001']);
  });

  it('a village head without NIP: name only', () => {
    const kades: Signer = { name: 'Asep Saepudin', position: 'Kepala Desa Balokang', role: 'kepala-desa' };
    const block = signatureBlock({ signatory: kades, kind: 'naskah-dinas' });
    expect(block.lines).toEqual(['KEPALA DESA BALOKANG,', 'Asep Saepudin']);
    expect(block.idLine).toBeUndefined();
    expect(formatSignatureBlock(block)).toBe('KEPALA DESA BALOKANG,\n\n\n\n\nAsep Saepudin');
  });

  it('piagam and sertifikat: without titles (the exception of Pasal 44 (2))', () => {
    expect(signatureBlock({ signatory: kadis, kind: 'piagam' }).nameLine).toBe('Siti Nurhasanah');
    expect(documentKindOf('sertifikat')).toBe('piagam');
    expect(documentKindOf('korespondensi')).toBe('naskah-dinas');
    expect(documentKindOf('toString')).toBeUndefined();
  });

  it('rank derived from the golongan when the pangkat is missing; optional golongan in the rank line', () => {
    const noPangkat: Signer = { ...kadis, pangkat: undefined };
    expect(signatureBlock({ signatory: noPangkat, kind: 'naskah-dinas' }).rankLine).toBe('Pembina Tingkat I');
    expect(signatureBlock({ signatory: kadis, kind: 'naskah-dinas' }, { ...PASAL_44, rank: 'pangkat-golongan' }).rankLine).toBe('Pembina Tingkat I (IV/b)');
    expect(signatureBlock({ signatory: kadis, kind: 'naskah-dinas' }, { ...PASAL_44, rank: 'none' }).rankLine).toBeUndefined();
  });

  it('name in capitals when the policy says so (titles keep their case)', () => {
    expect(signatureBlock({ signatory: kadis, kind: 'naskah-dinas' }, { ...PASAL_44, nameCase: 'upper' }).nameLine).toBe('Dr. SITI NURHASANAH, S.Kom., M.T.');
    expect(printedName(bupati, false, 'upper')).toBe('DONY AHMAD MUNIR');
  });

  it('tidies spaces and a comma typed into the back title', () => {
    expect(printedName({ ...kadis, frontTitle: ' Dr. ', name: 'Siti   Nurhasanah ', backTitle: ', S.Kom.,  M.T.' }, true)).toBe('Dr. Siti Nurhasanah, S.Kom., M.T.');
    expect(printedPosition({ position: ' Kepala  Dinas ', status: 'plt' })).toBe('Plt. KEPALA DINAS');
  });

  it('refuses an unknown kind, status or gap', () => {
    expect(() => signatureBlock({ signatory: kadis, kind: 'memo' as 'regeling' })).toThrow(/unknown document kind "memo"/);
    expect(() => signatureBlock({ signatory: { ...kadis, status: 'acting' as 'plt' }, kind: 'naskah-dinas' })).toThrow(/unknown status "acting"/);
    expect(() => formatSignatureBlock(signatureBlock({ signatory: kadis, kind: 'naskah-dinas' }), { gap: -1 })).toThrow(RangeError);
  });

  it('works on the signatories of the Kota Banjar fixture (delegations resolved by id)', () => {
    const profile = parse(readFileSync(new URL('../fixtures/kota-banjar.yaml', import.meta.url), 'utf8')) as RegencyProfile;
    const byId = new Map<string, Signatory>(profile.signatories.map((s) => [s.id, s]));
    const blockOf = (id: string) => {
      const s = byId.get(id)!;
      const principal = s.delegation ? byId.get(s.delegation.principal) : undefined;
      const via = s.delegation?.via ? byId.get(s.delegation.via) : undefined;
      return signatureBlock({ signatory: s, kind: 'naskah-dinas', ...(principal ? { principal } : {}), ...(via ? { via } : {}) }).lines;
    };
    expect(blockOf('walikota')).toEqual(['WALI KOTA BANJAR,', 'Dr. H. Ade Uu Sukaesih, M.Si.']);
    expect(blockOf('sekda')).toEqual(['a.n. WALI KOTA BANJAR', 'SEKRETARIS DAERAH,', 'Drs. Budi Santoso, M.M.']);
    expect(blockOf('kabag-umum')).toEqual([
      'a.n. WALI KOTA BANJAR',
      'SEKRETARIS DAERAH,',
      'u.b.',
      'Plt. KEPALA BAGIAN UMUM,',
      'Dedi Kurniawan, S.IP.',
      'Penata Tingkat I',
      'NIP. 19820722 200901 1 003',
    ]);
    expect(blockOf('kades-balokang')).toEqual(['KEPALA DESA BALOKANG,', 'Asep Saepudin']);
  });
});
