/* Generated from schemas/regency-profile.schema.json by `npm run schema`. Do not edit. */

/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Villages".
 */
export type Villages = Village[] | VillagesFromDecree;
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "VillageCode".
 */
export type VillageCode = string;
/**
 * Kode wilayah Kepmendagri 300.2.2-2138/2025: PP, PP.KK, PP.KK.CC atau PP.KK.CC.NNNN.
 *
 * (en) Region code of decree 300.2.2-2138/2025: PP, PP.KK, PP.KK.CC or PP.KK.CC.NNNN.
 *
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "RegionCode".
 */
export type RegionCode = string;
/**
 * Rahasia tidak pernah ditulis di profil: hanya rujukan `env:NAMA` atau `file:PATH`.
 *
 * (en) Secrets never appear in the profile: only a reference, `env:NAME` or `file:PATH`.
 *
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "SecretRef".
 */
export type SecretRef = string;
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "RegencyCode".
 */
export type RegencyCode = string;
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "DistrictCode".
 */
export type DistrictCode = string;

/**
 * Profil penerima hibah aplikasi e-Office, e-Office Desa dan e-SAKIP.
 *
 * (en) A grant recipient's profile for the e-Office, e-Office Desa and e-SAKIP applications.
 */
export interface RegencyProfile {
  /**
   * Versi format profil.
   *
   * (en) Profile format version.
   */
  apiVersion: 'eoffice/v1';
  kind: 'RegencyProfile';
  regency: Regency;
  /**
   * @minItems 1
   */
  opds: [Opd, ...Opd[]];
  villages?: Villages;
  /**
   * @minItems 1
   */
  signatories: [Signatory, ...Signatory[]];
  apps: Apps;
  deployment?: Deployment;
  grant?: Grant;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Regency".
 */
export interface Regency {
  /**
   * Kode kabupaten/kota, misalnya 32.11.
   *
   * (en) Regency or city code, e.g. 32.11.
   */
  code: string;
  /**
   * Diturunkan dari kode (01–69 kabupaten, 71–99 kota); bila diisi harus sesuai.
   *
   * (en) Derived from the code (01–69 kabupaten, 71–99 kota); when given it must agree.
   */
  kind?: 'kabupaten' | 'kota';
  /**
   * Nama sesuai Kepmendagri, misalnya "Kabupaten Sumedang".
   *
   * (en) Name as in the decree, e.g. "Kabupaten Sumedang".
   */
  name: string;
  province?: string;
  /**
   * Domain resmi pemerintah daerah, misalnya sumedangkab.go.id.
   *
   * (en) The region's official domain, e.g. sumedangkab.go.id.
   */
  domain?: string;
  letterhead: Letterhead;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Letterhead".
 */
export interface Letterhead {
  address: string;
  phone?: string;
  fax?: string;
  email?: string;
  website?: string;
  postcode?: string;
  /**
   * Berkas lambang daerah (PNG/SVG), relatif terhadap profil.
   *
   * (en) Regional emblem file (PNG/SVG), relative to the profile.
   */
  emblem?: string;
  /**
   * Ukuran kertas; F4 bila ditetapkan peraturan kepala daerah.
   *
   * (en) Paper size; F4 where a regional regulation says so.
   */
  paper?: 'A4' | 'F4';
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Opd".
 */
export interface Opd {
  /**
   * Kode internal unik (huruf kecil, angka, tanda minus).
   *
   * (en) Unique internal code (lower case, digits, dashes).
   */
  code: string;
  /**
   * Nama lengkap, tidak disingkat.
   *
   * (en) Full name, not abbreviated.
   */
  name: string;
  shortName?: string;
  /**
   * Jenis perangkat daerah menurut PP 18/2016.
   *
   * (en) Agency kind under PP 18/2016.
   */
  kind:
    | 'sekretariat-daerah'
    | 'sekretariat-dprd'
    | 'inspektorat'
    | 'dinas'
    | 'badan'
    | 'kecamatan'
    | 'bagian'
    | 'kelurahan'
    | 'uptd';
  /**
   * Tipe A/B/C (kecamatan hanya A/B).
   *
   * (en) Type A/B/C (kecamatan A/B only).
   */
  type?: 'A' | 'B' | 'C';
  /**
   * Kode OPD induk (bagian di bawah Setda, kelurahan di bawah kecamatan).
   *
   * (en) Code of the parent agency (bagian under Setda, kelurahan under a kecamatan).
   */
  parent?: string;
  /**
   * Kode unit pada nomor surat, misalnya DISKOMINFO.
   *
   * (en) Unit code used in letter numbers, e.g. DISKOMINFO.
   */
  unitCode?: string;
  /**
   * Kode unit SIPD, misalnya 1.02.0.00.0.00.01.0000.
   *
   * (en) SIPD unit code, e.g. 1.02.0.00.0.00.01.0000.
   */
  sipdCode?: string;
  /**
   * Kode wilayah kecamatan (untuk OPD kecamatan) atau kelurahan.
   *
   * (en) Region code of the kecamatan (for kecamatan agencies) or kelurahan.
   */
  regionCode?: string;
  address?: string;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Village".
 */
export interface Village {
  code: VillageCode;
  name: string;
  /**
   * Diturunkan dari digit pertama NNNN: 1 kelurahan, 2 desa, 3 desa adat.
   *
   * (en) Derived from the first N: 1 kelurahan, 2 desa, 3 desa adat.
   */
  kind?: 'kelurahan' | 'desa' | 'desa-adat';
  head?: string;
  officers?: VillageOfficer[];
  address?: string;
  postcode?: string;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "VillageOfficer".
 */
export interface VillageOfficer {
  role:
    | 'sekretaris-desa'
    | 'kaur-tata-usaha-umum'
    | 'kaur-keuangan'
    | 'kaur-perencanaan'
    | 'kasi-pemerintahan'
    | 'kasi-kesejahteraan'
    | 'kasi-pelayanan'
    | 'kepala-dusun';
  name: string;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "VillagesFromDecree".
 */
export interface VillagesFromDecree {
  /**
   * Ambil dari data Kepmendagri 2025 (idn-area-data 4.0.1).
   *
   * (en) Take from the 2025 decree data (idn-area-data 4.0.1).
   */
  from: 'kemendagri';
  /**
   * Hanya kecamatan/desa ini (kosong: seluruh daerah).
   *
   * (en) Only these kecamatan/villages (empty: the whole region).
   */
  include?: RegionCode[];
  exclude?: RegionCode[];
  /**
   * Kepala dan perangkat per desa, dirujuk dengan kode.
   *
   * (en) Head and officers per village, by code.
   */
  details?: VillageDetail[];
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "VillageDetail".
 */
export interface VillageDetail {
  code: VillageCode;
  head?: string;
  officers?: VillageOfficer[];
  address?: string;
  postcode?: string;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Signatory".
 */
export interface Signatory {
  id: string;
  /**
   * Gelar depan, misalnya "Dr. H.".
   *
   * (en) Front title, e.g. "Dr. H.".
   */
  frontTitle?: string;
  /**
   * Nama tanpa gelar.
   *
   * (en) Name without titles.
   */
  name: string;
  /**
   * Gelar belakang, misalnya "S.T., M.Si.".
   *
   * (en) Back title, e.g. "S.T., M.Si.".
   */
  backTitle?: string;
  /**
   * NIP 18 digit tanpa spasi.
   *
   * (en) 18-digit NIP without spaces.
   */
  nip?: string;
  /**
   * NI PPPK 18 digit.
   *
   * (en) 18-digit NI PPPK.
   */
  niPppk?: string;
  /**
   * Golongan ruang, misalnya III/a.
   *
   * (en) Rank code, e.g. III/a.
   */
  golongan?: string;
  /**
   * Pangkat yang sesuai golongan, misalnya Penata Muda.
   *
   * (en) Rank name matching the code, e.g. Penata Muda.
   */
  pangkat?: string;
  /**
   * Jabatan, tanpa Plt./Plh./Pj. (ditambahkan dari status).
   *
   * (en) Position, without Plt./Plh./Pj. (added from the status).
   */
  position: string;
  /**
   * Peran dalam tata naskah dinas dan perjanjian kinerja.
   *
   * (en) Role for official documents and performance agreements.
   */
  role:
    | 'kepala-daerah'
    | 'wakil-kepala-daerah'
    | 'sekretaris-daerah'
    | 'kepala-opd'
    | 'pejabat'
    | 'camat'
    | 'lurah'
    | 'kepala-desa'
    | 'sekretaris-desa';
  /**
   * Kode OPD tempat jabatan.
   *
   * (en) Code of the agency of the position.
   */
  opd?: string;
  village?: VillageCode;
  /**
   * Instansi, bila bukan OPD profil ini (misalnya pihak pemberi hibah).
   *
   * (en) Institution, when not one of this profile's agencies (e.g. the grantor's side).
   */
  institution?: string;
  /**
   * Status jabatan: definitif, Plt. (pelaksana tugas), Plh. (pelaksana harian), Pj. (penjabat), Pjs. (penjabat sementara).
   *
   * (en) Status: definitive, Plt. (acting), Plh. (daily stand-in), Pj. (appointed interim), Pjs. (temporary interim).
   */
  status?: 'definitif' | 'plt' | 'plh' | 'pj' | 'pjs';
  /**
   * Penandatanganan atas nama (a.n.) atau untuk beliau (u.b.).
   *
   * (en) Signing on behalf (a.n.) or for (u.b.).
   */
  delegation?: {
    type: 'a.n.' | 'u.b.';
    /**
     * id penandatangan yang diwakili.
     *
     * (en) id of the signatory signed for.
     */
    principal: string;
    /**
     * Untuk u.b.: id pejabat perantara yang menandatangani a.n.
     *
     * (en) For u.b.: id of the intermediate official who signs a.n.
     */
    via?: string;
  };
  /**
   * id atasan langsung (pasangan perjanjian kinerja).
   *
   * (en) id of the direct superior (performance agreement pair).
   */
  superior?: string;
  /**
   * NIK 16 digit untuk TTE (BSrE), atau rujukan env:/file:.
   *
   * (en) 16-digit NIK for TTE (BSrE), or an env:/file: reference.
   */
  nik?: string;
  email?: string;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Apps".
 */
export interface Apps {
  eoffice?: {
    enabled?: boolean;
    /**
     * Versi blueprint (semver).
     *
     * (en) Blueprint version (semver).
     */
    version?: string;
    letterNumber?: LetterNumbering;
    classification?: 'permendagri-83-2022';
    tte?: {
      baseUrl: string;
      clientId?: string;
      clientSecret?: SecretRef;
    };
    /**
     * Peran lokal terhadap SRIKANDI: primary (e-Office utama), alongside (berdampingan), none.
     *
     * (en) Relation to SRIKANDI.
     */
    srikandi?: 'primary' | 'alongside' | 'none';
  };
  eofficeDesa?: {
    enabled?: boolean;
    /**
     * Versi blueprint (semver).
     *
     * (en) Blueprint version (semver).
     */
    version?: string;
    letterNumber?: LetterNumbering;
  };
  esakip?: {
    enabled?: boolean;
    /**
     * Versi blueprint (semver).
     *
     * (en) Blueprint version (semver).
     */
    version?: string;
    period?: {
      start: number;
      end: number;
    };
    weights?: {
      planning: number;
      measurement: number;
      reporting: number;
      evaluation: number;
    };
  };
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "LetterNumbering".
 */
export interface LetterNumbering {
  /**
   * Pola nomor surat dengan token {klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}, misalnya "{klasifikasi}/{nomor}/{unit}/{tahun}".
   *
   * (en) Letter number pattern with the tokens {klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}.
   */
  template: string;
  reset?: 'yearly' | 'monthly';
  padding?: number;
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Deployment".
 */
export interface Deployment {
  /**
   * @minItems 1
   */
  targets: ['compose' | 'kubernetes' | 'vm', ...('compose' | 'kubernetes' | 'vm')[]];
  /**
   * Nama host aplikasi, misalnya eoffice.sumedangkab.go.id.
   *
   * (en) Application host name.
   */
  domain?: string;
  tls?: {
    mode: 'acme' | 'provided' | 'none';
    email?: string;
    certificate?: SecretRef;
    privateKey?: SecretRef;
  };
  database?: {
    engine: 'postgresql' | 'mysql' | 'mariadb';
    version?: string;
    host?: string;
    port?: number;
    name?: string;
    user?: string;
    password?: SecretRef;
  };
  storage?: {
    kind: 'local' | 's3';
    path?: string;
    size?: string;
    bucket?: string;
    endpoint?: string;
    accessKey?: SecretRef;
    secretKey?: SecretRef;
  };
  mail?: {
    host: string;
    port?: number;
    from?: string;
    username?: string;
    password?: SecretRef;
  };
  backups?: {
    /**
     * Jadwal cron, misalnya "0 2 * * *".
     *
     * (en) Cron schedule.
     */
    schedule?: string;
    retentionDays?: number;
  };
  resources?: {
    cpu?: string;
    memory?: string;
    replicas?: number;
  };
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "Grant".
 */
export interface Grant {
  grantor: {
    code: RegencyCode;
    name: string;
    signatories?: Signatory[];
  };
  agreement: {
    number: string;
    date: string;
  };
  bast?: {
    number: string;
    date: string;
  };
  items?: ('applications' | 'source-code' | 'documentation' | 'implementation-support' | 'training')[];
}
/**
 * This interface was referenced by `RegencyProfile`'s JSON-Schema
 * via the `definition` "AppBase".
 */
export interface AppBase {
  enabled?: boolean;
  /**
   * Versi blueprint (semver).
   *
   * (en) Blueprint version (semver).
   */
  version?: string;
}
