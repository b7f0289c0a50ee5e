import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLetterhead, formatLetterNumber, loadRegionConfig, type SignatoryRow } from 'eoffice-runtime';
import { loadConfig } from '../src/config.js';
import { OFFICER_ROLES, orderedOfficers, villageHead, villageNumberCode, villageTiers, villageWord } from '../src/desa.js';

const village = { kode: '99.01.02.2003', nama: 'Sukamaju', jenis: 'desa', kode_kecamatan: '99.01.02', nama_kecamatan: 'Utara', kepala: 'Asep' };

describe('desa dan kelurahan', () => {
  it('kop tiga tingkat: pemerintah daerah, kecamatan, desa (atau kelurahan, desa adat)', () => {
    const region = loadRegionConfig();
    const kop = buildLetterhead(region, villageTiers(village), { alamat: null, telepon: null, faksimile: null, email: null, laman: null, kodePos: null });
    assert.deepEqual(kop.tingkat, [region.daerah.pemerintah, 'KECAMATAN UTARA', 'DESA SUKAMAJU']);
    assert.deepEqual(villageTiers({ ...village, jenis: 'kelurahan' })[1], 'Kelurahan Sukamaju');
    assert.equal(villageWord('desa-adat'), 'Desa Adat');
    assert.deepEqual(villageTiers({ ...village, nama_kecamatan: null })[0], 'Kecamatan 99.01.02');
  });

  it('{kodeDesa}: empat angka terakhir kode wilayah', () => {
    assert.equal(villageNumberCode('99.01.02.2001'), '2001');
    assert.throws(() => villageNumberCode('99.01.02'), RangeError);
  });

  it('kepala desa: penandatangan profil bila ada, selain itu isian kepala', () => {
    const signer: SignatoryRow = { id: 'kades', gelar_depan: 'H.', nama: 'Asep', gelar_belakang: 'S.Pd.', jabatan: 'Kepala Desa Sukamaju', peran: 'kepala-desa', opd: null, desa: village.kode, status: 'definitif', atasan: null };
    assert.deepEqual(villageHead(village, [signer]), { nama: 'H. Asep, S.Pd.', jabatan: 'Kepala Desa Sukamaju' });
    assert.deepEqual(villageHead(village, []), { nama: 'Asep', jabatan: 'Kepala Desa Sukamaju' });
    assert.deepEqual(villageHead({ ...village, jenis: 'kelurahan' }, []), { nama: 'Asep', jabatan: 'Lurah Sukamaju' });
    assert.equal(villageHead({ ...village, kepala: null }, []), null);
  });

  it('perangkat desa dalam susunan Permendagri 84/2015', () => {
    const list = orderedOfficers([
      { peran: 'kepala-dusun', urutan: 2, nama: 'D2' },
      { peran: 'kasi-pelayanan', urutan: 1, nama: 'P' },
      { peran: 'kepala-dusun', urutan: '1', nama: 'D1' },
      { peran: 'sekretaris-desa', urutan: 1, nama: 'S' },
      { peran: 'peran-lain', urutan: 1, nama: 'X' },
    ]);
    assert.deepEqual(list.map((o) => o.nama), ['S', 'P', 'D1', 'D2', 'X']);
    assert.equal(list[0]!.jabatan, 'Sekretaris Desa');
    assert.equal(list[1]!.jabatan, 'Kepala Seksi Pelayanan');
    assert.equal(OFFICER_ROLES.length, 8);
  });
});

describe('konfigurasi e-Office Desa yang dibangkitkan', () => {
  it('pola nomor surat desa terisi penuh dengan kode desa', () => {
    const { penomoran, nama } = loadConfig();
    assert.equal(nama, 'eoffice-desa');
    const nomor = formatLetterNumber(penomoran.template, { klasifikasi: '100', nomor: 3, unit: village.kode, tahun: 2026, bulan: 2, kodeDesa: '2003' }, penomoran.padding);
    assert.doesNotMatch(nomor, /[{}]/);
    assert.match(nomor, /^.*3.*$/);
  });
});
