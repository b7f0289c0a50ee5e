import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_CODE } from '../../src/domain/letter-number.js';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { seedFiles } from '../../src/seed/files.js';
import { SeedDataError, seedRows } from '../../src/seed/rows.js';
import { CLASSIFICATION_CODES, SEED_TABLE_NAMES } from '../../src/seed/tables.js';
import { expectedRows, fixtureProfile, hostileProfile, region } from './support.js';

const clone = (p: RegencyProfile): RegencyProfile => structuredClone(p);

describe('seedFiles', () => {
  it('writes the documented layout, sorted by path', () => {
    expect(seedFiles(fixtureProfile(), region).map((f) => f.path)).toEqual([
      ...[...SEED_TABLE_NAMES].sort().map((t) => `seed/csv/${t}.csv`),
      'seed/mysql/001-schema.sql',
      'seed/mysql/002-data.sql',
      'seed/postgresql/001-schema.sql',
      'seed/postgresql/002-data.sql',
    ]);
  });

  it('is deterministic: the same profile gives the same bytes, with LF endings and no CR in SQL', () => {
    const a = seedFiles(hostileProfile(), region);
    const b = seedFiles(hostileProfile(), region);
    expect(b).toEqual(a);
    for (const f of a) {
      expect(f.content.endsWith('\n'), f.path).toBe(true);
      expect(f.content.endsWith('\n\n'), f.path).toBe(false);
      if (f.path.endsWith('.sql')) expect(f.content.includes('\r'), f.path).toBe(false);
    }
    // The hostile position holds a CR: the CSV keeps it inside its quoted field, as RFC 4180 says.
    expect(a.find((f) => f.path === 'seed/csv/penandatangan.csv')!.content).toContain('"baris satu\nbaris dua\r\nbaris tiga');
  });

  it('does not depend on the order of listed villages in the profile', () => {
    const p = fixtureProfile();
    const listed = clone(p);
    listed.villages = [
      { code: '32.79.02.2004', name: 'Batulawang', head: 'B' },
      { code: '32.79.01.1001', name: 'Banjar', officers: [{ role: 'kepala-dusun', name: 'Dua' }, { role: 'sekretaris-desa', name: 'S' }, { role: 'kepala-dusun', name: 'Tiga' }] },
    ];
    const reversed = clone(listed);
    (reversed.villages as unknown[]).reverse();
    const same = { profileDigest: 'sha256:same' };
    expect(seedFiles(reversed, region, same)).toEqual(seedFiles(listed, region, same));
    const rows = seedRows(listed, region);
    expect(rows.desa.map((r) => r.kode)).toEqual(['32.79.01.1001', '32.79.02.2004']);
    // Several kepala dusun: numbered in profile order; rows in key order.
    expect(rows.perangkat_desa.map((r) => [r.peran, r.urutan, r.nama])).toEqual([
      ['kepala-dusun', 1, 'Dua'],
      ['kepala-dusun', 2, 'Tiga'],
      ['sekretaris-desa', 1, 'S'],
    ]);
  });

  it('carries the profile digest the generator passes, else one of its own', () => {
    const p = fixtureProfile();
    expect(seedRows(p, region, { profileDigest: 'sha256:abc' }).seed_meta.find((r) => r.kunci === 'profil_digest')?.nilai).toBe('sha256:abc');
    const own = seedRows(p, region).seed_meta.find((r) => r.kunci === 'profil_digest')?.nilai;
    expect(own).toMatch(/^sha256:[0-9a-f]{64}$/);
    const changed = clone(p);
    changed.opds[0]!.name = 'Sekretariat Daerah Kota Banjar';
    expect(seedRows(changed, region).seed_meta.find((r) => r.kunci === 'profil_digest')?.nilai).not.toBe(own);
  });
});

describe('seedRows', () => {
  it('holds exactly the rows the profile implies', () => {
    const p = hostileProfile();
    const rows = seedRows(p, region);
    const want = expectedRows(p);
    for (const [table, expected] of Object.entries(want)) expect(rows[table as keyof typeof rows], table).toEqual(expected);
  });

  it('applies the defaults the generator applies', () => {
    const p = fixtureProfile();
    delete p.apps.eoffice!.letterNumber;
    p.apps.eofficeDesa!.enabled = false;
    delete p.opds[1]!.unitCode;
    const rows = seedRows(p, region);
    expect(rows.penomoran_surat).toEqual([{ aplikasi: 'eoffice', template: '{klasifikasi}/{nomor}/{unit}/{tahun}', reset: 'yearly', padding: 0 }]);
    expect(rows.opd.find((r) => r.kode === 'bagian-umum')?.kode_unit).toBe('BAGIAN-UMUM');
    expect(rows.penandatangan.find((r) => r.id === 'walikota')?.status).toBe('definitif');
  });

  it('carries the classification codes of Permendagri 83/2022, normalised, with their parents', () => {
    const rows = seedRows(fixtureProfile(), region).klasifikasi_arsip;
    expect(rows.filter((r) => r.induk === null).map((r) => `${r.kode} ${r.uraian}`)).toEqual([
      '000 Umum',
      '100 Pemerintahan',
      '200 Politik',
      '300 Keamanan dan Ketertiban',
      '400 Kesejahteraan Rakyat',
      '500 Perekonomian',
      '600 Pekerjaan Umum',
      '700 Pengawasan',
      '800 Kepegawaian',
      '900 Keuangan',
    ]);
    for (const r of rows) expect(String(r.kode)).toMatch(CLASSIFICATION_CODE);
    expect(rows.length).toBe(CLASSIFICATION_CODES.length);
    expect(rows.find((r) => r.kode === '000.8')).toEqual({ kode: '000.8', uraian: 'Organisasi dan Tata Laksana', induk: '000' });
  });

  it('refuses a NUL character, naming table, column and profile path', () => {
    const p = fixtureProfile();
    p.signatories[1]!.name = 'Budi\0Santoso';
    let err: unknown;
    try {
      seedRows(p, region, { lang: 'en' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SeedDataError);
    const e = err as SeedDataError;
    expect(e.exitCode).toBe(1);
    expect(e.pointer).toBe('/signatories/1');
    expect(e.message).toBe('penandatangan.nama (/signatories/1): contains a NUL character (\\0), which PostgreSQL cannot store; remove it from the profile');
    expect(e.messages.id).toContain('karakter NUL');
    expect(() => seedFiles(p, region)).toThrow(SeedDataError);
  });

  it('refuses a lone surrogate, an over-long value and a duplicate key', () => {
    const p = fixtureProfile();
    p.opds[0]!.name = 'Setda \uD835';
    expect(() => seedRows(p, region, { lang: 'en' })).toThrow(/opd\.nama \(\/opds\/0\): contains a lone UTF-16 surrogate/);
    const q = fixtureProfile();
    q.opds[0]!.address = 'x'.repeat(65_536);
    expect(() => seedRows(q, region, { lang: 'en' })).toThrow(/opd\.alamat \(\/opds\/0\): longer than 65535 bytes/);
    const r = fixtureProfile();
    r.opds[1]!.code = 'setda';
    expect(() => seedRows(r, region, { lang: 'en' })).toThrow(/opd: duplicate key kode=setda \(also at \/opds\/0\)/);
  });
});
