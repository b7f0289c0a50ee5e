import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLetterNumber, HttpError, loadRegionConfig, type SignatoryRow } from 'eoffice-runtime';
import { documentKind } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { directory, opdAddress, opdTiers, type OpdRow } from '../src/opd.js';

const opd = (kode: string, nama: string, jenis: string, induk: string | null = null, alamat: string | null = null): OpdRow => ({
  kode,
  nama,
  singkatan: null,
  jenis,
  tipe: null,
  induk,
  kode_unit: kode.toUpperCase(),
  kode_sipd: null,
  kode_wilayah: null,
  alamat,
});

const rows = [
  opd('setda', 'Sekretariat Daerah', 'sekretariat-daerah', null, 'Jl. Setda 1'),
  opd('bagian-umum', 'Bagian Umum', 'bagian', 'setda'),
  opd('dinkes', 'Dinas Kesehatan', 'dinas'),
  opd('uptd-lab', 'UPTD Laboratorium Kesehatan Daerah', 'uptd', 'dinkes', 'Jl. Lab 2'),
  opd('kec-utara', 'Kecamatan Utara', 'kecamatan'),
  opd('kel-sukamaju', 'Kelurahan Sukamaju', 'kelurahan', 'kec-utara'),
];
const byCode = new Map(rows.map((o) => [o.kode, o]));
const get = (kode: string) => byCode.get(kode)!;

describe('kop OPD', () => {
  it('nama instansi dalam huruf kapital, induk di atasnya; bagian memakai kop Sekretariat Daerah', () => {
    assert.deepEqual(opdTiers(get('dinkes'), byCode), ['DINAS KESEHATAN']);
    assert.deepEqual(opdTiers(get('uptd-lab'), byCode), ['DINAS KESEHATAN', 'UPTD LABORATORIUM KESEHATAN DAERAH']);
    assert.deepEqual(opdTiers(get('kel-sukamaju'), byCode), ['KECAMATAN UTARA', 'KELURAHAN SUKAMAJU']);
    assert.deepEqual(opdTiers(get('bagian-umum'), byCode), ['SEKRETARIAT DAERAH']);
  });

  it('alamat: milik instansi (bagian: milik Setda), atau kosong agar alamat daerah dipakai', () => {
    assert.equal(opdAddress(get('bagian-umum'), byCode), 'Jl. Setda 1');
    assert.equal(opdAddress(get('uptd-lab'), byCode), 'Jl. Lab 2');
    assert.equal(opdAddress(get('dinkes'), byCode), null);
  });

  it('induk yang melingkar tidak membuat perulangan tanpa akhir', () => {
    const a = opd('a', 'Badan A', 'badan', 'b');
    const b = opd('b', 'Badan B', 'badan', 'a');
    const loop = new Map([a, b].map((o) => [o.kode, o]));
    assert.deepEqual(opdTiers(a, loop), ['BADAN B', 'BADAN A']);
  });
});

describe('direktori OPD', () => {
  it('setiap OPD dengan induk, kode unit dan penandatangannya (bergelar, dengan Plt.)', () => {
    const people: SignatoryRow[] = [
      { id: 'kadinkes', gelar_depan: 'dr.', nama: 'Rina', gelar_belakang: 'M.Kes.', jabatan: 'Kepala Dinas Kesehatan', peran: 'kepala-opd', opd: 'dinkes', desa: null, status: 'plt', atasan: 'bupati' },
      { id: 'bupati', gelar_depan: null, nama: 'Budi', gelar_belakang: null, jabatan: 'Bupati Contoh', peran: 'kepala-daerah', opd: null, desa: null, status: 'definitif', atasan: null },
    ];
    const list = directory(rows, people);
    assert.equal(list.length, rows.length);
    const dinkes = list.find((o) => o.kode === 'dinkes')!;
    assert.equal(dinkes.kodeUnit, 'DINKES');
    assert.deepEqual(dinkes.penandatangan, [{ id: 'kadinkes', nama: 'dr. Rina, M.Kes.', jabatan: 'Plt. Kepala Dinas Kesehatan', peran: 'kepala-opd', status: 'plt' }]);
    assert.deepEqual(list.find((o) => o.kode === 'uptd-lab')!.induk, { kode: 'dinkes', nama: 'Dinas Kesehatan' });
    assert.equal(list.flatMap((o) => o.penandatangan).length, 1, 'kepala daerah tidak di bawah OPD mana pun');
  });
});

describe('konfigurasi e-Office yang dibangkitkan', () => {
  const config = loadConfig();

  it('pola nomor surat daerah menghasilkan nomor tanpa token tersisa', () => {
    const nomor = formatLetterNumber(config.penomoran.template, { klasifikasi: '000.8.3.3', nomor: 7, unit: 'DISKOMINFO', tahun: 2026, bulan: 4 }, config.penomoran.padding);
    assert.doesNotMatch(nomor, /[{}]/);
    assert.match(nomor, /7/);
    assert.match(nomor, /000\.8\.3\.3/);
  });

  it('blok tanda tangan Pasal 44 untuk setiap penandatangan: jabatan berakhir koma, ruang tanda tangan, nama; regeling hanya tanpa gelar', () => {
    const parse = (text: string) => {
      const lines = text.split('\n');
      const gap = lines.indexOf('');
      const name = gap + lines.slice(gap).findIndex((l) => l !== '');
      return { heading: lines.slice(0, gap), gap: name - gap, name: lines[name] ?? '', rest: lines.slice(name + 1) };
    };
    assert.ok(config.ttd.size > 0);
    for (const [id, block] of config.ttd) {
      const withTitles = parse(block['naskah-dinas']);
      const bare = parse(block.regeling);
      assert.match(withTitles.heading.at(-1) ?? '', /,$/, `${id}: jabatan berakhir koma`);
      assert.ok(withTitles.gap >= 1 && withTitles.name !== '', `${id}: ruang tanda tangan lalu nama`);
      assert.deepEqual(bare.heading, withTitles.heading, id);
      assert.deepEqual(bare.rest, withTitles.rest, `${id}: NIP dan pangkat tidak bergantung pada jenis naskah`);
      assert.ok(withTitles.name.includes(bare.name), `${id}: regeling hanya membuang gelar`);
    }
  });

  it('?jenis= naskah-dinas (bawaan) atau regeling', () => {
    assert.equal(documentKind(null), 'naskah-dinas');
    assert.equal(documentKind('regeling'), 'regeling');
    assert.throws(() => documentKind('surat'), (err: unknown) => err instanceof HttpError && err.status === 400);
  });

  it('nama aplikasi dan daerah terbaca', () => {
    assert.equal(config.nama, 'eoffice');
    assert.match(config.versi, /^\d+\.\d+\.\d+/);
    assert.ok(loadRegionConfig().daerah.nama.length > 0);
  });
});
