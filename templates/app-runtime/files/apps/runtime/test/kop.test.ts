import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRegionConfig, type RegionConfig } from '../src/config.js';
import { HttpError } from '../src/http.js';
import { buildLetterhead, capitals, contactLines, letterheadHtml, letterheadReply, regionContact } from '../src/kop.js';

const region: RegionConfig = {
  daerah: { kode: '99.01', nama: 'Kabupaten Contoh', jenis: 'kabupaten', namaSingkat: 'Contoh', pemerintah: 'PEMERINTAH KABUPATEN CONTOH', kepalaDaerah: 'Bupati', provinsi: null, domain: null },
  kop: { alamat: 'Jl. Raya No. 1 <Pusat>', telepon: '(0261) 1', faksimile: null, email: 'a@contoh.go.id', laman: 'https://contoh.go.id', kodePos: '45311', lambang: 'lambang.png', kertas: 'F4' },
  zonaWaktu: 'WIB',
  basisData: { engine: 'postgresql' },
};

describe('kop naskah dinas', () => {
  it('pemerintah daerah, lalu nama instansi dalam huruf kapital tanpa singkatan, lalu kontak', () => {
    const kop = buildLetterhead(region, ['Dinas Komunikasi  dan Informatika'], regionContact(region));
    assert.deepEqual(kop.tingkat, ['PEMERINTAH KABUPATEN CONTOH', 'DINAS KOMUNIKASI DAN INFORMATIKA']);
    assert.deepEqual(kop.baris.slice(2), ['Jl. Raya No. 1 <Pusat>', 'Telepon (0261) 1', 'Laman https://contoh.go.id, Pos-el a@contoh.go.id', 'Kode Pos 45311']);
    assert.deepEqual(kop.kertas, { ukuran: 'F4', lebarMm: 215, tinggiMm: 330 });
    assert.equal(kop.lambang, 'lambang.png');
  });

  it('kop desa tiga tingkat tanpa kontak yang tidak ada', () => {
    const kop = buildLetterhead(region, ['Kecamatan Utara', 'Desa Sukamaju'], { alamat: null, telepon: null, faksimile: null, email: null, laman: null, kodePos: null });
    assert.deepEqual(kop.baris, ['PEMERINTAH KABUPATEN CONTOH', 'KECAMATAN UTARA', 'DESA SUKAMAJU']);
    assert.deepEqual(contactLines({ alamat: null, telepon: null, faksimile: '1', email: null, laman: null, kodePos: '1' }), ['Faksimile 1', 'Kode Pos 1']);
    assert.equal(capitals(' Desa  Sukamaju '), 'DESA SUKAMAJU');
  });

  it('halaman HTML seukuran kertas, teks di-escape', () => {
    const html = letterheadHtml(buildLetterhead(region, ['Dinas A & B'], regionContact(region)));
    assert.match(html, /@page \{ size: 215mm 330mm;/);
    assert.match(html, /DINAS A &amp; B/);
    assert.match(html, /Jl\. Raya No\. 1 &lt;Pusat&gt;/);
    assert.match(html, /<img class="lambang" src="lambang\.png"/);
    assert.doesNotMatch(html, /<Pusat>/);
  });

  it('?format= json (bawaan) atau html; selainnya 400', () => {
    const kop = buildLetterhead(region, ['Inspektorat Daerah'], regionContact(region));
    assert.deepEqual(letterheadReply(kop, null, { opd: 'x' }).json, { opd: 'x', ...kop });
    assert.match(letterheadReply(kop, 'html').html ?? '', /^<!doctype html>/);
    assert.throws(() => letterheadReply(kop, 'pdf'), (err: unknown) => err instanceof HttpError && err.status === 400);
  });

  it('konfigurasi daerah yang dibangkitkan terbaca dan konsisten', () => {
    const r = loadRegionConfig();
    assert.match(r.daerah.pemerintah, /^PEMERINTAH (KABUPATEN|KOTA) \S/);
    assert.equal(r.daerah.pemerintah.endsWith(r.daerah.namaSingkat.toUpperCase()), true);
    assert.match(r.daerah.kode, /^\d{2}\.\d{2}$/);
    const kop = buildLetterhead(r, ['Sekretariat Daerah'], regionContact(r));
    assert.equal(kop.baris[0], r.daerah.pemerintah);
    assert.equal(kop.alamat, r.kop.alamat);
  });
});
