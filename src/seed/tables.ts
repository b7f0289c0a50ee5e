/**
 * The seed tables every blueprint shares. Table and column names are Indonesian (they are the
 * domain's); identifiers in code are English. The same definition drives the PostgreSQL and the
 * MySQL/MariaDB schema, the upserts and the CSV files, so the three never disagree.
 *
 * Types are deliberately few:
 * - `key`: a code that is (part of) a primary key or an index: `varchar(n)`; on MySQL with a binary
 *   collation, so `Kec-A` and `kec-a` stay two codes, as they are on PostgreSQL.
 * - `text`: free text (names, titles, addresses): `text` on both (≤ 65,535 bytes on MySQL, which the
 *   row builder checks, so both dialects accept exactly the same data).
 * - `int`: `integer` / `int`.
 */

export type SeedTableName =
  | 'wilayah'
  | 'desa'
  | 'perangkat_desa'
  | 'opd'
  | 'penandatangan'
  | 'klasifikasi_arsip'
  | 'penomoran_surat'
  | 'seed_meta';

export type ColumnType = { kind: 'key'; length: number } | { kind: 'text' } | { kind: 'int' };

export interface SeedColumn {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

export interface SeedIndex {
  name: string;
  columns: readonly string[];
}

export interface SeedTable {
  name: SeedTableName;
  /** One line, written above the table in the schema files. */
  description: string;
  columns: readonly SeedColumn[];
  /** The official code(s) the upsert is keyed on. */
  primaryKey: readonly string[];
  indexes: readonly SeedIndex[];
  /**
   * The table mirrors the profile: a row whose key the profile no longer has (a village removed, a
   * signatory replaced, an officer gone) is deleted by that key when the seed is loaded again.
   * Not for reference data a regency may extend in its own database (archive classification).
   */
  followsProfile: boolean;
}

/** Largest value of a `text` column, in UTF-8 bytes: MySQL's TEXT. */
export const MAX_TEXT_BYTES = 65_535;

/** Length of the internal ids (OPD codes, signatory ids): no longer is accepted. */
export const ID_LENGTH = 191;

const key = (name: string, length: number, nullable = false): SeedColumn => ({ name, type: { kind: 'key', length }, nullable });
const text = (name: string, nullable = true): SeedColumn => ({ name, type: { kind: 'text' }, nullable });
const int = (name: string, nullable = false): SeedColumn => ({ name, type: { kind: 'int' }, nullable });

/** `PP.KK.CC.NNNN`: 13 characters. */
const REGION = 13;
/** `\d{3}(\.\d{1,2}){0,4}`: at most 15 characters. */
const CLASSIFICATION = 15;

export const SEED_TABLES: readonly SeedTable[] = [
  {
    name: 'wilayah',
    description: 'Kabupaten/kota dan kecamatannya (Kepmendagri 300.2.2-2138/2025). / The regency and its kecamatan.',
    columns: [key('kode', REGION), text('nama', false), text('jenis', false), text('induk')],
    primaryKey: ['kode'],
    indexes: [],
    followsProfile: true,
  },
  {
    name: 'desa',
    description: 'Kelurahan, desa dan desa adat. / Villages.',
    columns: [
      key('kode', REGION),
      text('nama', false),
      text('jenis', false),
      key('kode_kecamatan', REGION),
      text('kepala'),
      text('alamat'),
      text('kode_pos'),
    ],
    primaryKey: ['kode'],
    indexes: [{ name: 'desa_kode_kecamatan_idx', columns: ['kode_kecamatan'] }],
    followsProfile: true,
  },
  {
    name: 'perangkat_desa',
    description:
      'Perangkat desa (Permendagri 84/2015); urutan membedakan beberapa kepala dusun. / Village officers; urutan numbers several holders of one role.',
    columns: [key('kode_desa', REGION), key('peran', 32), int('urutan'), text('nama', false)],
    primaryKey: ['kode_desa', 'peran', 'urutan'],
    indexes: [],
    followsProfile: true,
  },
  {
    name: 'opd',
    description: 'Perangkat daerah (PP 18/2016). / Regional agencies.',
    columns: [
      key('kode', ID_LENGTH),
      text('nama', false),
      text('singkatan'),
      text('jenis', false),
      text('tipe'),
      text('induk'),
      text('kode_unit', false),
      text('kode_sipd'),
      text('kode_wilayah'),
      text('alamat'),
      int('urutan'),
    ],
    primaryKey: ['kode'],
    indexes: [],
    followsProfile: true,
  },
  {
    name: 'penandatangan',
    description: 'Penandatangan naskah dinas dan perjanjian kinerja. / Signatories.',
    columns: [
      key('id', ID_LENGTH),
      text('gelar_depan'),
      text('nama', false),
      text('gelar_belakang'),
      text('nip'),
      text('ni_pppk'),
      text('golongan'),
      text('pangkat'),
      text('jabatan', false),
      text('peran', false),
      text('opd'),
      text('desa'),
      text('instansi'),
      text('status', false),
      text('delegasi_jenis'),
      text('delegasi_prinsipal'),
      text('delegasi_via'),
      text('atasan'),
      text('email'),
      int('urutan'),
    ],
    primaryKey: ['id'],
    indexes: [],
    followsProfile: true,
  },
  {
    name: 'klasifikasi_arsip',
    description: 'Kode klasifikasi arsip (Permendagri 83/2022). / Archive classification codes.',
    columns: [key('kode', CLASSIFICATION), text('uraian', false), text('induk')],
    primaryKey: ['kode'],
    indexes: [],
    followsProfile: false,
  },
  {
    name: 'penomoran_surat',
    description: 'Pola nomor surat per aplikasi. / Letter-number pattern per application.',
    columns: [key('aplikasi', 32), text('template', false), text('reset', false), int('padding')],
    primaryKey: ['aplikasi'],
    indexes: [],
    followsProfile: true,
  },
  {
    name: 'seed_meta',
    description: 'Asal data awal ini: digest profil, keputusan, atribusi ODbL. / Where this seed comes from.',
    columns: [key('kunci', 64), text('nilai', false)],
    primaryKey: ['kunci'],
    indexes: [],
    followsProfile: false,
  },
];

export const SEED_TABLE_NAMES: readonly SeedTableName[] = SEED_TABLES.map((t) => t.name);

export function seedTable(name: SeedTableName): SeedTable {
  const t = SEED_TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown seed table ${name}`);
  return t;
}

/**
 * Top levels of Permendagri 83/2022 and the second-level codes confirmed from more than one
 * implementation of it; a regency adds the deeper levels it uses. Codes match
 * `^\d{3}(\.\d{1,2}){0,4}$`.
 */
export const CLASSIFICATION_CODES: ReadonlyArray<{ code: string; title: string }> = [
  { code: '000', title: 'Umum' },
  { code: '000.1', title: 'Ketatausahaan dan Kerumahtanggaan' },
  { code: '000.2', title: 'Perlengkapan' },
  { code: '000.3', title: 'Pengadaan' },
  { code: '000.4', title: 'Perpustakaan' },
  { code: '000.5', title: 'Kearsipan' },
  { code: '000.6', title: 'Persandian' },
  { code: '000.7', title: 'Perencanaan Pembangunan' },
  { code: '000.8', title: 'Organisasi dan Tata Laksana' },
  { code: '000.9', title: 'Penelitian, Pengkajian, dan Pengembangan' },
  { code: '100', title: 'Pemerintahan' },
  { code: '100.1', title: 'Otonomi Daerah' },
  { code: '100.2', title: 'Pemerintahan Umum' },
  { code: '100.3', title: 'Hukum' },
  { code: '200', title: 'Politik' },
  { code: '200.1', title: 'Kesatuan Bangsa dan Politik' },
  { code: '300', title: 'Keamanan dan Ketertiban' },
  { code: '400', title: 'Kesejahteraan Rakyat' },
  { code: '500', title: 'Perekonomian' },
  { code: '600', title: 'Pekerjaan Umum' },
  { code: '700', title: 'Pengawasan' },
  { code: '800', title: 'Kepegawaian' },
  { code: '900', title: 'Keuangan' },
];
