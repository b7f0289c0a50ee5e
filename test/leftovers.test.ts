/**
 * The leftover check (src/generate/leftovers.ts): another regency's name or region code in a
 * generated tree is found with its file, line and text; this regency's own names (a village named
 * like another regency, a kecamatan, the words of its own name), common words, version numbers and
 * SIPD codes are not; the grantor is allowed only in the documents about the grant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLeftovers, formatLeftover, isGrantDocument, type Leftover, type LeftoverInput } from '../src/generate/leftovers.js';
import type { RegencyProfile } from '../src/profile/types.generated.js';
import { regionIndex } from '../src/region/decree.js';
import { EXAMPLE_DIRS, EXAMPLES, generateExample, type GeneratedTree } from './docs/support.js';

const region = regionIndex();
const example = (dir: string) => parse(readFileSync(join(EXAMPLES, dir, 'regency.yaml'), 'utf8')) as RegencyProfile;
const bojonegoro = example('bojonegoro');
const one = (content: string, path = 'docs/catatan.md'): LeftoverInput[] => [{ path, content }];
const texts = (found: Leftover[]) => found.map((f) => f.text);

/** A minimal profile of any regency of the decree: enough for the check, which reads names and codes. */
function profileOf(code: string): RegencyProfile {
  const r = region.regencies.get(code)!;
  return {
    apiVersion: 'eoffice/v1',
    kind: 'RegencyProfile',
    regency: { code, name: r.name, province: region.provinces.get(r.provinceCode)!.name, letterhead: { address: '-' } },
    opds: [{ code: 'setda', name: 'Sekretariat Daerah', kind: 'sekretariat-daerah' }],
    villages: { from: 'kemendagri' },
    signatories: [{ id: 'kdh', name: 'Nama Kepala', position: 'Kepala Daerah', role: 'kepala-daerah' }],
    apps: {},
  };
}

describe('findLeftovers on generated trees', () => {
  const trees = new Map<string, GeneratedTree>();
  beforeAll(async () => {
    for (const dir of EXAMPLE_DIRS) trees.set(dir, await generateExample(dir));
  }, 120_000);

  it.each(EXAMPLE_DIRS)('finds nothing in the clean output of examples/%s', (dir) => {
    const tree = trees.get(dir)!;
    expect(findLeftovers(tree.inputs(), tree.profile, region).map((f) => formatLeftover(f))).toEqual([]);
  });

  it('finds a planted "Kabupaten Jombang" and "35.17" in a Bojonegoro file, with their lines', () => {
    const tree = trees.get('bojonegoro')!;
    const lines = tree.text('docs/panduan-instalasi.md').split('\n');
    const at = lines.findIndex((l) => l.startsWith('## 6.'));
    lines.splice(at + 1, 0, 'Contoh lama: PEMERINTAH KABUPATEN JOMBANG, Jl. KH. Wahid Hasyim, Kabupaten Jombang.', 'Kode wilayah 35.17 dan desa 35.17.01.2001.');
    const inputs = tree.inputs().map((f) => (f.path === 'docs/panduan-instalasi.md' ? { path: f.path, content: lines.join('\n') } : f));
    const found = findLeftovers(inputs, bojonegoro, region);
    expect(found).toEqual([
      { file: 'docs/panduan-instalasi.md', line: at + 2, column: 25, text: 'KABUPATEN JOMBANG', kind: 'name', regencies: [{ code: '35.17', name: 'Kabupaten Jombang' }], grantor: false },
      { file: 'docs/panduan-instalasi.md', line: at + 2, column: 66, text: 'Kabupaten Jombang', kind: 'name', regencies: [{ code: '35.17', name: 'Kabupaten Jombang' }], grantor: false },
      { file: 'docs/panduan-instalasi.md', line: at + 3, column: 14, text: '35.17', kind: 'code', regencies: [{ code: '35.17', name: 'Kabupaten Jombang' }], grantor: false },
      { file: 'docs/panduan-instalasi.md', line: at + 3, column: 29, text: '35.17.01.2001', kind: 'code', regencies: [{ code: '35.17', name: 'Kabupaten Jombang' }], grantor: false },
    ]);
    expect(formatLeftover(found[0]!)).toBe(`docs/panduan-instalasi.md:${at + 2}:25 "KABUPATEN JOMBANG" (35.17 Kabupaten Jombang)`);
  });

  it('finds a leftover in the seed and in application source, not only in documents', () => {
    const tree = trees.get('bojonegoro')!;
    const csv = tree.text('seed/csv/wilayah.csv').replace('35.22.01,', '35.17.01,');
    const found = findLeftovers([{ path: 'seed/csv/wilayah.csv', content: csv }], bojonegoro, region);
    expect(found.map((f) => [f.line, f.text])).toEqual([[3, '35.17.01']]);
  });

  it('allows the grantor in the documents about the grant, and only there', () => {
    const tree = trees.get('bojonegoro')!;
    const inventory = tree.text('docs/inventaris.md');
    expect(isGrantDocument('docs/inventaris.md')).toBe(true);
    expect(inventory).toContain('Kabupaten Sumedang');
    expect(inventory).toContain('32.11');
    expect(findLeftovers(one(inventory, 'docs/inventaris.md'), bojonegoro, region)).toEqual([]);
    expect(findLeftovers(one(inventory, 'docs/hibah/bast.md'), bojonegoro, region)).toEqual([]);
    const elsewhere = findLeftovers(one(inventory, 'docs/panduan-operator.md'), bojonegoro, region);
    expect(elsewhere.map((f) => [f.text, f.grantor])).toEqual([
      ['Kabupaten Sumedang', true],
      ['32.11', true],
    ]);
    // The caller may name the grant documents itself.
    expect(findLeftovers(one('Bupati Sumedang', 'bundle/BAST.md'), bojonegoro, region, { grantDocument: (p) => p === 'bundle/BAST.md' })).toEqual([]);
    // A grant document names no other regency than the grantor.
    expect(texts(findLeftovers(one('Kabupaten Jombang dan Kabupaten Sumedang', 'docs/inventaris.md'), bojonegoro, region))).toEqual(['Kabupaten Jombang']);
    // Without a grant section, the grantor of others is a leftover like any regency.
    const { grant: _grant, ...noGrant } = bojonegoro;
    expect(texts(findLeftovers(one(inventory, 'docs/inventaris.md'), noGrant as RegencyProfile, region))).toEqual(['Kabupaten Sumedang', '32.11']);
  });

  it('reports how fast it scans a generated tree', () => {
    const all = [...trees.values()];
    const bytes = all.reduce((n, t) => n + t.inputs().reduce((m, f) => m + f.content.length, 0), 0);
    const files = all.reduce((n, t) => n + t.files.size, 0);
    findLeftovers(trees.get('bojonegoro')!.inputs(), bojonegoro, region); // warm the decree index
    const started = performance.now();
    for (const t of all) findLeftovers(t.inputs(), t.profile, region);
    const ms = performance.now() - started;
    console.log(`leftovers: ${all.length} generated trees, ${files} files, ${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s)`);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('findLeftovers: what counts as another regency', () => {
  const find = (text: string, profile = bojonegoro) => texts(findLeftovers(one(text), profile, region));

  it('finds every other regency of the decree by its prefixed name, and none of its own', () => {
    const lines = [...region.regencies.values()].map((r) => `Surat ${r.name} nomor 1.`);
    const found = findLeftovers(one(lines.join('\n')), bojonegoro, region);
    const named = new Set(found.map((f) => f.regencies[0]!.code));
    expect(found).toHaveLength(region.regencies.size - 1);
    expect(named.has('35.22')).toBe(false);
    expect(named.size).toBe(region.regencies.size - 1);
    for (const f of found) expect(lines[f.line - 1]).toBe(`Surat ${f.regencies[0]!.name} nomor 1.`);
  });

  it('finds every other regency by its code, alone or as the start of a longer code', () => {
    const codes = [...region.regencies.keys()];
    const found = findLeftovers(one(codes.map((c) => `${c} ${c}.01 ${c}.01.2001`).join('\n')), bojonegoro, region);
    expect(found).toHaveLength((codes.length - 1) * 3);
    expect(found.every((f) => f.kind === 'code' && f.text.startsWith(f.regencies[0]!.code))).toBe(true);
  });

  it('reads the forms a leftover takes: case, abbreviation, titles, slugs, domains, a line break', () => {
    expect(find('KABUPATEN JOMBANG kabupaten jombang Kab. Jombang Pemkab Jombang Bupati Jombang')).toEqual([
      'KABUPATEN JOMBANG', 'kabupaten jombang', 'Kab. Jombang', 'Pemkab Jombang', 'Bupati Jombang',
    ]);
    expect(find('Wali Kota Surabaya, Walikota Kediri, Kota Administrasi Jakarta Pusat')).toEqual(['Wali Kota Surabaya', 'Walikota Kediri', 'Kota Administrasi Jakarta Pusat']);
    expect(find('https://eoffice.jombangkab.go.id client eoffice-jombang JOMBANG')).toEqual(['jombangkab', 'jombang', 'JOMBANG']);
    expect(find('tte.belitungtimurkab.go.id belitung-timur belitungtimur Ogan Ilir')).toEqual(['belitungtimurkab', 'belitung-timur', 'belitungtimur', 'Ogan Ilir']);
    const wrapped = findLeftovers(one('baris satu\nPEMERINTAH KABUPATEN\n  JOMBANG\n'), bojonegoro, region);
    expect(wrapped.map((f) => [f.line, f.column, f.text])).toEqual([[2, 12, 'KABUPATEN\n  JOMBANG']]);
  });

  it('takes "Kota X" only for a kota named X, and the longest name', () => {
    // Kabupaten Bandung Barat is one regency; "Kabupaten Bandung" inside it is not another.
    expect(find('Kabupaten Bandung Barat')).toEqual(['Kabupaten Bandung Barat']);
    expect(find('Kota Sukabumi', example('sukabumi'))).toEqual(['Kota Sukabumi']);
    expect(find('Kabupaten Sukabumi, Bupati Sukabumi, Sukabumi', example('sukabumi'))).toEqual([]);
  });

  it('does not take this regency\'s own names: its villages and kecamatan named like other regencies', () => {
    // Bojonegoro has villages named Tulungagung, Sukoharjo and Purworejo (35.22.10.2008, 35.22.16.2021, 35.22.19.2003).
    expect(find('Desa Tulungagung, Desa Sukoharjo dan Desa Purworejo')).toEqual([]);
    expect(find('Kabupaten Tulungagung')).toEqual(['Kabupaten Tulungagung']);
    // Kabupaten Sukabumi has a village Karanganyar (32.02.21.2014); Kabupaten Karanganyar is still another regency.
    expect(find('Desa Karanganyar; Kabupaten Karanganyar', example('sukabumi'))).toEqual(['Kabupaten Karanganyar']);
    // The words of its own name: Belitung in Belitung Timur.
    expect(find('Pulau Belitung, Belitung Timur; Kabupaten Belitung', example('belitung-timur'))).toEqual(['Kabupaten Belitung']);
    // Its people, whatever their names.
    const people = structuredClone(bojonegoro);
    people.signatories[0]!.name = 'Kendal Pratama';
    expect(find('Kendal Pratama', people)).toEqual([]);
    expect(find('Kendal Pratama')).toEqual(['Kendal']);
  });

  it('finds nothing in the decree\'s own names of any regency', () => {
    let names = 0;
    const started = performance.now();
    for (const code of region.regencies.keys()) {
      const own = [...region.districtsOf(code).map((d) => d.name), ...region.villagesOfRegency(code).map((v) => `Desa ${v.name}`)];
      names += own.length;
      const found = findLeftovers(one(own.join('\n')), profileOf(code), region);
      expect(found.map((f) => `${code}: ${formatLeftover(f)}`)).toEqual([]);
    }
    console.log(`leftovers: the ${names} kecamatan and village names of all ${region.regencies.size} regencies checked in ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('leaves common words, short names, provinces, streets, time zones, versions and SIPD codes alone', () => {
    expect(find('Batang pohon, padang rumput, Metro, Malang, Serang, Banjar, Tegal, Kudus, Medan')).toEqual([]);
    expect(find('Bima, Batu, Palu, Bone, Kaur, Agam, Pati')).toEqual([]);
    expect(find('Bank Jambi, Provinsi Gorontalo, Bengkulu')).toEqual([]);
    expect(find('Jl. Bandung No. 5, Jalan Surabaya, Gg. Sragen')).toEqual([]);
    expect(find('zonaWaktu: "Asia/Makassar" atau Asia/Jayapura')).toEqual([]);
    expect(find('Ubuntu 18.04, PostgreSQL 13.11, postgres:16.04, v12.10, node@19.01')).toEqual([]);
    expect(find('kode SIPD 3.26.2.22.2.19.01.0000 dan 2.16.2.20.2.21.01.0000; pukul 10.30; 1.35.17')).toEqual([]);
    // ...but their prefixed forms are other regencies.
    expect(find('Kabupaten Batang, Kota Malang, Kota Batu, Kabupaten Bima, Kota Jambi')).toEqual(['Kabupaten Batang', 'Kota Malang', 'Kota Batu', 'Kabupaten Bima', 'Kota Jambi']);
  });

  it('allows the decree\'s attribution line and skips binary files', () => {
    const attribution = 'Data wilayah: Kepmendagri 300.2.2-2138/2025 melalui idn-area-data (ODbL 1.0, © fityannugroho dan kontributor).';
    expect(find(`---\n${attribution}\n`)).toEqual([]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from('Kabupaten Jombang')]);
    expect(findLeftovers([{ path: 'assets/lambang.png', content: png }], bojonegoro, region)).toEqual([]);
    expect(findLeftovers([{ path: 'a.txt', content: Buffer.from('Kabupaten Jombang') }], bojonegoro, region)).toHaveLength(1);
  });
});
