/**
 * The usual perangkat daerah of a kabupaten and of a kota (PP 18/2016), as data: the starting point
 * that `eoffice init` and the scaffold offer before a regency adjusts names and types to its own
 * regional regulation (perda) on agencies. Kecamatan agencies are not here: they come from the
 * decree, one per kecamatan.
 *
 * SIPD codes follow the urusan/bidang numbering of Permendagri 90/2019 (`U.BB.U.BB.U.BB.NN.SSSS`):
 * an agency carrying more than one urusan lists up to three, and agencies sharing an urusan differ
 * in the unit number NN. They are what a regency without its own SIPD export would most likely
 * have; a regency overrides them with its real codes.
 */
import type { Opd } from './types.generated.js';

export type RegionKind = 'kabupaten' | 'kota';
export type OpdKind = Opd['kind'];
export type OpdType = NonNullable<Opd['type']>;

/** One agency of the catalog. */
export interface CatalogAgency {
  /** Internal code, kebab-case, unique within the catalog. */
  readonly code: string;
  /** Full name, never abbreviated (it goes on the letterhead in capitals). */
  readonly name: string;
  readonly shortName?: string;
  readonly kind: Exclude<OpdKind, 'kecamatan' | 'kelurahan'>;
  /** A/B/C where PP 18/2016 types the kind; absent for a bagian. */
  readonly type?: OpdType;
  /** Code of the parent agency (a bagian sits under the Setda). */
  readonly parent?: string;
  /** Unit code in letter numbers: upper case, unique within the catalog. */
  readonly unitCode: string;
  readonly sipdCode?: string;
  /** Title of the agency's head, as printed above a signature. */
  readonly headTitle: string;
  /** Only in a kabupaten, or only in a kota; both when absent. */
  readonly only?: RegionKind;
}

const AGENCIES: readonly CatalogAgency[] = [
  // Sekretariat Daerah and its bagian
  { code: 'setda', name: 'Sekretariat Daerah', shortName: 'Setda', kind: 'sekretariat-daerah', type: 'A', unitCode: 'SETDA', sipdCode: '4.01.0.00.0.00.01.0000', headTitle: 'Sekretaris Daerah' },
  { code: 'bagian-tata-pemerintahan', name: 'Bagian Tata Pemerintahan', shortName: 'Bagian Tapem', kind: 'bagian', parent: 'setda', unitCode: 'TAPEM', headTitle: 'Kepala Bagian Tata Pemerintahan' },
  { code: 'bagian-hukum', name: 'Bagian Hukum', kind: 'bagian', parent: 'setda', unitCode: 'HUKUM', headTitle: 'Kepala Bagian Hukum' },
  { code: 'bagian-organisasi', name: 'Bagian Organisasi', kind: 'bagian', parent: 'setda', unitCode: 'ORG', headTitle: 'Kepala Bagian Organisasi' },
  { code: 'bagian-umum', name: 'Bagian Umum', kind: 'bagian', parent: 'setda', unitCode: 'UMUM', headTitle: 'Kepala Bagian Umum' },
  // The other secretariat and the inspectorate: exactly one each
  { code: 'setwan', name: 'Sekretariat Dewan Perwakilan Rakyat Daerah', shortName: 'Setwan', kind: 'sekretariat-dprd', type: 'B', unitCode: 'SETWAN', sipdCode: '4.02.0.00.0.00.01.0000', headTitle: 'Sekretaris Dewan Perwakilan Rakyat Daerah' },
  { code: 'inspektorat', name: 'Inspektorat Daerah', shortName: 'Inspektorat', kind: 'inspektorat', type: 'B', unitCode: 'INSP', sipdCode: '6.01.0.00.0.00.01.0000', headTitle: 'Inspektur Daerah' },
  // Badan
  { code: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda', kind: 'badan', type: 'A', unitCode: 'BAPPEDA', sipdCode: '5.01.0.00.0.00.01.0000', headTitle: 'Kepala Badan Perencanaan Pembangunan Daerah' },
  { code: 'bpkad', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', shortName: 'BPKAD', kind: 'badan', type: 'A', unitCode: 'BPKAD', sipdCode: '5.02.0.00.0.00.01.0000', headTitle: 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah' },
  { code: 'bapenda', name: 'Badan Pendapatan Daerah', shortName: 'Bapenda', kind: 'badan', type: 'B', unitCode: 'BAPENDA', sipdCode: '5.02.0.00.0.00.02.0000', headTitle: 'Kepala Badan Pendapatan Daerah' },
  { code: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', shortName: 'BKPSDM', kind: 'badan', type: 'B', unitCode: 'BKPSDM', sipdCode: '5.03.5.04.0.00.01.0000', headTitle: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  { code: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', shortName: 'BPBD', kind: 'badan', type: 'B', unitCode: 'BPBD', sipdCode: '1.05.0.00.0.00.02.0000', headTitle: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah' },
  { code: 'kesbangpol', name: 'Badan Kesatuan Bangsa dan Politik', shortName: 'Kesbangpol', kind: 'badan', type: 'C', unitCode: 'KESBANGPOL', sipdCode: '8.01.0.00.0.00.01.0000', headTitle: 'Kepala Badan Kesatuan Bangsa dan Politik' },
  // Dinas
  { code: 'disdik', name: 'Dinas Pendidikan', shortName: 'Disdik', kind: 'dinas', type: 'A', unitCode: 'DISDIK', sipdCode: '1.01.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Pendidikan' },
  { code: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'dinas', type: 'A', unitCode: 'DINKES', sipdCode: '1.02.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Kesehatan' },
  { code: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR', kind: 'dinas', type: 'A', unitCode: 'DPUPR', sipdCode: '1.03.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang' },
  { code: 'disperkim', name: 'Dinas Perumahan, Kawasan Permukiman dan Pertanahan', shortName: 'Disperkimtan', kind: 'dinas', type: 'B', unitCode: 'DISPERKIMTAN', sipdCode: '1.04.2.10.0.00.01.0000', headTitle: 'Kepala Dinas Perumahan, Kawasan Permukiman dan Pertanahan' },
  { code: 'satpol-pp', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP', kind: 'dinas', type: 'B', unitCode: 'SATPOLPP', sipdCode: '1.05.0.00.0.00.01.0000', headTitle: 'Kepala Satuan Polisi Pamong Praja' },
  { code: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', kind: 'dinas', type: 'B', unitCode: 'DINSOS', sipdCode: '1.06.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Sosial' },
  { code: 'disnaker', name: 'Dinas Tenaga Kerja', shortName: 'Disnaker', kind: 'dinas', type: 'C', unitCode: 'DISNAKER', sipdCode: '2.07.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Tenaga Kerja' },
  { code: 'dppkbp3a', name: 'Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak', shortName: 'DPPKBP3A', kind: 'dinas', type: 'B', unitCode: 'DPPKBP3A', sipdCode: '2.14.2.08.0.00.01.0000', headTitle: 'Kepala Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak' },
  { code: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', kind: 'dinas', type: 'B', unitCode: 'DLH', sipdCode: '2.11.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Lingkungan Hidup' },
  { code: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', kind: 'dinas', type: 'B', unitCode: 'DISDUKCAPIL', sipdCode: '2.12.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil' },
  { code: 'dpmd', name: 'Dinas Pemberdayaan Masyarakat dan Desa', shortName: 'DPMD', kind: 'dinas', type: 'B', unitCode: 'DPMD', sipdCode: '2.13.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Pemberdayaan Masyarakat dan Desa', only: 'kabupaten' },
  { code: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'dinas', type: 'B', unitCode: 'DISHUB', sipdCode: '2.15.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Perhubungan' },
  { code: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo', kind: 'dinas', type: 'B', unitCode: 'DISKOMINFO', sipdCode: '2.16.2.20.2.21.01.0000', headTitle: 'Kepala Dinas Komunikasi dan Informatika' },
  { code: 'diskopukm', name: 'Dinas Koperasi, Usaha Kecil dan Menengah', shortName: 'Diskopukm', kind: 'dinas', type: 'C', unitCode: 'DISKOPUKM', sipdCode: '2.17.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Koperasi, Usaha Kecil dan Menengah' },
  { code: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP', kind: 'dinas', type: 'B', unitCode: 'DPMPTSP', sipdCode: '2.18.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' },
  { code: 'disparbudpora', name: 'Dinas Pariwisata, Kebudayaan, Kepemudaan dan Olahraga', shortName: 'Disparbudpora', kind: 'dinas', type: 'B', unitCode: 'DISPARBUDPORA', sipdCode: '3.26.2.22.2.19.01.0000', headTitle: 'Kepala Dinas Pariwisata, Kebudayaan, Kepemudaan dan Olahraga' },
  { code: 'dispusip', name: 'Dinas Perpustakaan dan Kearsipan', shortName: 'Dispusip', kind: 'dinas', type: 'C', unitCode: 'DISPUSIP', sipdCode: '2.23.2.24.0.00.01.0000', headTitle: 'Kepala Dinas Perpustakaan dan Kearsipan' },
  { code: 'disperindag', name: 'Dinas Perdagangan dan Perindustrian', shortName: 'Disperindag', kind: 'dinas', type: 'B', unitCode: 'DISPERINDAG', sipdCode: '3.30.3.31.0.00.01.0000', headTitle: 'Kepala Dinas Perdagangan dan Perindustrian' },
  { code: 'distan', name: 'Dinas Pertanian', shortName: 'Distan', kind: 'dinas', type: 'A', unitCode: 'DISTAN', sipdCode: '3.27.0.00.0.00.01.0000', headTitle: 'Kepala Dinas Pertanian', only: 'kabupaten' },
  { code: 'dkpp', name: 'Dinas Ketahanan Pangan dan Pertanian', shortName: 'DKPP', kind: 'dinas', type: 'C', unitCode: 'DKPP', sipdCode: '2.09.3.27.0.00.01.0000', headTitle: 'Kepala Dinas Ketahanan Pangan dan Pertanian', only: 'kota' },
];

/** The catalog agencies of a kabupaten or of a kota, in the order a profile lists them. */
export function catalogFor(kind: RegionKind): readonly CatalogAgency[] {
  return AGENCIES.filter((a) => a.only === undefined || a.only === kind);
}

/** One catalog agency by code, for either kind of region. */
export function catalogAgency(code: string): CatalogAgency | undefined {
  return AGENCIES.find((a) => a.code === code);
}

/** A catalog agency as a profile's `opds` entry. */
export function toOpd(a: CatalogAgency): Opd {
  return {
    code: a.code,
    name: a.name,
    ...(a.shortName !== undefined ? { shortName: a.shortName } : {}),
    kind: a.kind,
    ...(a.type !== undefined ? { type: a.type } : {}),
    ...(a.parent !== undefined ? { parent: a.parent } : {}),
    unitCode: a.unitCode,
    ...(a.sipdCode !== undefined ? { sipdCode: a.sipdCode } : {}),
  };
}
