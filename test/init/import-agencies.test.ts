/**
 * Importing a regency's own agency list: CSV as Indonesian Excel exports it and XLSX, each with
 * bad rows that are rejected with their row number and reason while the good ones are kept.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { AgencyFileError, importAgencies, parseCsv } from '../../src/profile/import-agencies.js';
import { importAgencyFile } from '../../src/profile/read-agency-file.js';
import { scaffoldProfile } from '../../src/profile/scaffold.js';
import { profileToYaml } from '../../src/profile/write-yaml.js';
import { validateText } from '../../src/validate/validate-profile.js';
import { tempDir } from '../helpers/tree.js';
import { ROWS } from './agency-rows.js';


const REJECTED = [
  { row: 7, reason: 'jenis "Kantor" tidak dikenal (sekretariat-daerah, sekretariat-dprd, inspektorat, dinas, badan, bagian, uptd)' },
  { row: 8, reason: 'nama kosong' },
  { row: 10, reason: 'kode "dinkes" duplikat (sudah dipakai baris 9)' },
  { row: 11, reason: 'OPD kecamatan tidak diimpor: diisi dari data Kepmendagri' },
  { row: 12, reason: 'tipe "D" tidak dikenal (A, B atau C)' },
  { row: 14, reason: 'kode SIPD "1.06.0.00" tidak berbentuk 1.02.0.00.0.00.01.0000' },
];

const toCsv = (rows: string[][], sep: string) =>
  '\ufeff' + rows.map((r) => r.map((c) => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n') + '\r\n';

function expectTheList(result: Awaited<ReturnType<typeof importAgencyFile>>) {
  expect(result.rejected.map((r) => ({ row: r.row, reason: r.reason.id }))).toEqual(REJECTED);
  expect(result.agencies.map((a) => a.code)).toEqual(['setda', 'setwan', 'inspektorat', 'diskominfo', 'bapperida', 'dinkes', 'bagian-umum']);
  // A catalog agency is recognised by its short name and keeps the catalog's code; a bagian sits under the Setda.
  expect(result.agencies.find((a) => a.code === 'bagian-umum')).toMatchObject({ kind: 'bagian', parent: 'setda', unitCode: 'UMUM' });
  expect(result.agencies.find((a) => a.code === 'bapperida')).toMatchObject({ kind: 'badan', type: 'A', headTitle: 'Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah' });
}

describe('parseCsv', () => {
  it('reads ; or , separators, a BOM, quoted separators, doubled quotes and line breaks in quotes', () => {
    expect(parseCsv('\ufeffnama;jenis\r\n"Dinas A; B";dinas\r\n"Badan ""X""\nbaris dua";badan\n')).toEqual([
      ['nama', 'jenis'],
      ['Dinas A; B', 'dinas'],
      ['Badan "X"\nbaris dua', 'badan'],
    ]);
    expect(parseCsv('nama,jenis\n"Dinas Perumahan, Kawasan Permukiman",dinas')).toEqual([['nama', 'jenis'], ['Dinas Perumahan, Kawasan Permukiman', 'dinas']]);
  });
});

describe('importAgencies', () => {
  it('needs a name and a kind column', () => {
    expect(() => importAgencies([['Kode', 'Singkatan'], ['x', 'y']], 'kabupaten')).toThrow(AgencyFileError);
    expect(() => importAgencies([], 'kabupaten')).toThrow(AgencyFileError);
  });
  it('rejects a duplicate unit code, a second Setda and a bagian whose parent is not there', () => {
    const r = importAgencies([
      ['name', 'kind', 'unitCode', 'parent'],
      ['Sekretariat Daerah', 'setda', 'SETDA', ''],
      ['Sekretariat Daerah Lagi', 'sekretariat-daerah', 'SETDA2', ''],
      ['Dinas A', 'dinas', 'setda', ''],
      ['Bagian Hukum', 'bagian', 'HUKUM', 'sekretariat'],
    ], 'kota');
    expect(r.rejected.map((x) => [x.row, x.reason.en])).toEqual([
      [3, 'duplicate code "setda" (already on row 2)'],
      [4, 'duplicate unit code "setda" (already on row 2)'],
      [5, 'parent "sekretariat" is not among the imported agencies'],
    ]);
    expect(r.agencies.map((a) => a.code)).toEqual(['setda']);
  });
});

describe('agency files', () => {
  it('a CSV with ; (Indonesian Excel) and a BOM, with bad rows', async () => {
    const file = join(tempDir(), 'daftar-opd.csv');
    writeFileSync(file, toCsv(ROWS, ';'));
    expectTheList(await importAgencyFile(file, 'kabupaten'));
  });
  it('a CSV with ,', async () => {
    const file = join(tempDir(), 'opd.csv');
    writeFileSync(file, toCsv(ROWS, ','));
    expectTheList(await importAgencyFile(file, 'kabupaten'));
  });
  it('an XLSX file, with bad rows', async () => {
    const file = join(tempDir(), 'daftar-opd.xlsx');
    await writeXlsxFile(ROWS.map((r) => r.map((c) => (c === '' ? null : { value: c }))), { sheet: 'OPD' }).toFile(file);
    expectTheList(await importAgencyFile(file, 'kabupaten'));
  });
  it('a file that is not a spreadsheet is refused as a whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xlsx'), 'not a zip');
    await expect(importAgencyFile(join(dir, 'x.xlsx'), 'kabupaten')).rejects.toThrow(AgencyFileError);
    writeFileSync(join(dir, 'x.ods'), '');
    await expect(importAgencyFile(join(dir, 'x.ods'), 'kabupaten')).rejects.toThrow(/unsupported file type/);
  });
  it('the imported list makes a profile that validates', async () => {
    const file = join(tempDir(), 'opd.csv');
    writeFileSync(file, toCsv(ROWS, ';'));
    const { agencies } = await importAgencyFile(file, 'kabupaten');
    const profile = scaffoldProfile('32.18', { agencyList: agencies });
    // The heads the scaffold names for agencies the list lacks (Bappeda, BKPSDM...) are left out.
    expect(profile.signatories.filter((s) => s.role === 'kepala-opd').map((s) => s.opd)).toEqual(['diskominfo', 'inspektorat']);
    const result = validateText('regency.yaml', profileToYaml(profile), { lang: 'en', today: new Date('2026-11-23') });
    expect(result.diagnostics.filter((d) => d.severity === 'error'), JSON.stringify(result.diagnostics, null, 1)).toEqual([]);
  });
});
