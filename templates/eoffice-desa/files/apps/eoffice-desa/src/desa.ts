/** Desa, kelurahan dan perangkat desa dari data awal (`desa`, `wilayah`, `perangkat_desa`). */
import { nameWithTitles, type SignatoryRow } from 'eoffice-runtime';

export interface VillageRow {
  kode: string;
  nama: string;
  jenis: string;
  kode_kecamatan: string;
  nama_kecamatan: string | null;
  kepala: string | null;
  alamat: string | null;
  kode_pos: string | null;
}

export const VILLAGE_QUERY = `SELECT d.kode, d.nama, d.jenis, d.kode_kecamatan, w.nama AS nama_kecamatan, d.kepala, d.alamat, d.kode_pos
FROM desa d LEFT JOIN wilayah w ON w.kode = d.kode_kecamatan`;

export interface OfficerRow {
  peran: string;
  urutan: number | string;
  nama: string;
}

/** Perangkat desa menurut Permendagri 84/2015, dalam urutan susunan organisasinya. */
export const OFFICER_ROLES: ReadonlyArray<readonly [string, string]> = [
  ['sekretaris-desa', 'Sekretaris Desa'],
  ['kaur-tata-usaha-umum', 'Kepala Urusan Tata Usaha dan Umum'],
  ['kaur-keuangan', 'Kepala Urusan Keuangan'],
  ['kaur-perencanaan', 'Kepala Urusan Perencanaan'],
  ['kasi-pemerintahan', 'Kepala Seksi Pemerintahan'],
  ['kasi-kesejahteraan', 'Kepala Seksi Kesejahteraan'],
  ['kasi-pelayanan', 'Kepala Seksi Pelayanan'],
  ['kepala-dusun', 'Kepala Dusun'],
];

/** `desa` → `Desa`, `desa-adat` → `Desa Adat`, `kelurahan` → `Kelurahan`. */
export function villageWord(jenis: string): string {
  return jenis === 'kelurahan' ? 'Kelurahan' : jenis === 'desa-adat' ? 'Desa Adat' : 'Desa';
}

/** Kop tiga tingkat di bawah pemerintah daerah: kecamatan, lalu desa (atau kelurahan). */
export function villageTiers(v: Pick<VillageRow, 'nama' | 'jenis' | 'nama_kecamatan' | 'kode_kecamatan'>): string[] {
  return [`Kecamatan ${v.nama_kecamatan ?? v.kode_kecamatan}`, `${villageWord(v.jenis)} ${v.nama}`];
}

/** `{kodeDesa}` pada nomor surat: empat angka terakhir kode wilayah desa (`PP.KK.CC.2001` → `2001`). */
export function villageNumberCode(code: string): string {
  const m = /^\d{2}\.\d{2}\.\d{2}\.(\d{4})$/.exec(code);
  if (!m) throw new RangeError(`kode desa "${code}" bukan PP.KK.CC.NNNN`);
  return m[1]!;
}

/** Kepala desa: isian `kepala` data awal, atau penandatangan berperan kepala-desa/lurah untuk desa itu. */
export function villageHead(v: Pick<VillageRow, 'kode' | 'nama' | 'jenis' | 'kepala'>, people: readonly SignatoryRow[]): { nama: string; jabatan: string } | null {
  const title = v.jenis === 'kelurahan' ? `Lurah ${v.nama}` : `Kepala ${villageWord(v.jenis)} ${v.nama}`;
  const signer = people.find((s) => s.desa === v.kode && (s.peran === 'kepala-desa' || s.peran === 'lurah'));
  if (signer) return { nama: nameWithTitles(signer), jabatan: signer.jabatan };
  return v.kepala ? { nama: v.kepala, jabatan: title } : null;
}

/** Perangkat dalam urutan Permendagri 84/2015 (peran tak dikenal di akhir), lalu nomor urutnya. */
export function orderedOfficers(rows: readonly OfficerRow[]): Array<{ peran: string; jabatan: string; urutan: number; nama: string }> {
  const rank = (role: string) => {
    const i = OFFICER_ROLES.findIndex(([r]) => r === role);
    return i < 0 ? OFFICER_ROLES.length : i;
  };
  return [...rows]
    .map((r) => ({ peran: r.peran, jabatan: OFFICER_ROLES.find(([role]) => role === r.peran)?.[1] ?? r.peran, urutan: Number(r.urutan), nama: r.nama }))
    .sort((a, b) => rank(a.peran) - rank(b.peran) || a.urutan - b.urutan);
}
