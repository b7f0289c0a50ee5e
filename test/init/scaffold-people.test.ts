/** The scaffold options the wizard adds: real people in the scaffold's slots, villages of chosen kecamatan. */
import { describe, expect, it } from 'vitest';
import { scaffoldProfile } from '../../src/profile/scaffold.js';
import type { VillagesFromDecree } from '../../src/profile/types.generated.js';
import { profileToYaml } from '../../src/profile/write-yaml.js';
import { regionIndex } from '../../src/region/decree.js';
import { validateText } from '../../src/validate/validate-profile.js';

const TODAY = new Date('2026-11-23');
const errors = (p: ReturnType<typeof scaffoldProfile>) =>
  validateText('regency.yaml', profileToYaml(p), { lang: 'en', today: TODAY }).diagnostics.map((d) => `${d.severity} ${d.rule} ${d.path}: ${d.message}`);

describe('scaffoldProfile with people and kecamatan', () => {
  it('a person replaces the fictional one in the same slot; a head of another agency is added; the profile stays clean', () => {
    const plain = scaffoldProfile('32.11');
    const camat = plain.signatories.find((s) => s.role === 'camat')!;
    const p = scaffoldProfile('32.11', {
      people: {
        headOfRegion: { frontTitle: 'Dr. H.', name: 'Dony Ahmad Munir', backTitle: 'S.T., M.M.' },
        heads: {
          [camat.opd!]: { name: 'Asep Kurnia', nip: '197805122003121002', golongan: 'III/d', status: 'plt' },
          dinsos: { name: 'Ani Suryani', backTitle: 'S.Sos.', niPppk: '199001012024211001' },
        },
      },
    });
    expect(p.signatories).toHaveLength(plain.signatories.length + 1);
    const head = p.signatories.find((s) => s.role === 'kepala-daerah')!;
    expect(head).toMatchObject({ id: plain.signatories[0]!.id, frontTitle: 'Dr. H.', name: 'Dony Ahmad Munir', backTitle: 'S.T., M.M.' });
    // The NIK belonged to the fictional person: it goes with them.
    expect(head.nik).toBeUndefined();
    expect(p.signatories.find((s) => s.id === camat.id)).toEqual({
      id: camat.id, name: 'Asep Kurnia', nip: '197805122003121002', golongan: 'III/d', pangkat: 'Penata Tingkat I', status: 'plt',
      position: camat.position, role: 'camat', opd: camat.opd, superior: camat.superior,
    });
    expect(p.signatories.find((s) => s.opd === 'dinsos')).toMatchObject({ id: 'kepala-dinsos', name: 'Ani Suryani', niPppk: '199001012024211001', position: 'Kepala Dinas Sosial', role: 'kepala-opd', superior: head.id });
    expect(errors(p)).toEqual([]);
  });

  it('villages of chosen kecamatan become include:, and only their desa get details', () => {
    const districts = regionIndex().districtsOf('32.11').slice(2, 4).map((d) => d.code);
    const p = scaffoldProfile('32.11', { villageDistricts: districts, villageDetails: 2 });
    const v = p.villages as VillagesFromDecree;
    expect(v.include).toEqual(districts);
    expect(v.details!.every((d) => districts.includes(d.code.slice(0, 8)))).toBe(true);
    expect(errors(p).filter((e) => e.startsWith('error'))).toEqual([]);
  });
});
