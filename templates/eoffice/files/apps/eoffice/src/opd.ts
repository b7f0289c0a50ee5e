/** Perangkat daerah dari data awal: tingkat kop dan direktori dengan penandatangannya. */
import { capitals, signatorySummary, type SignatoryRow } from 'eoffice-runtime';

export interface OpdRow {
  kode: string;
  nama: string;
  singkatan: string | null;
  jenis: string;
  tipe: string | null;
  induk: string | null;
  kode_unit: string;
  kode_sipd: string | null;
  kode_wilayah: string | null;
  alamat: string | null;
}

export const OPD_COLUMNS = 'kode, nama, singkatan, jenis, tipe, induk, kode_unit, kode_sipd, kode_wilayah, alamat';

/**
 * Tingkat nama instansi di bawah baris pemerintah daerah, dari atas: induk lalu instansi itu sendiri
 * (`KECAMATAN …` lalu `KELURAHAN …`; `DINAS …` lalu `UPTD …`). Bagian memakai kop Sekretariat Daerah.
 */
export function opdTiers(opd: OpdRow, byCode: ReadonlyMap<string, OpdRow>): string[] {
  const chain: OpdRow[] = [];
  for (let node: OpdRow | undefined = opd; node && chain.length < 6 && !chain.includes(node); node = node.induk ? byCode.get(node.induk) : undefined) {
    chain.unshift(node);
  }
  const shown = opd.jenis === 'bagian' && chain.length > 1 ? chain.slice(0, -1) : chain;
  return shown.map((o) => capitals(o.nama));
}

/** Alamat instansi yang kopnya dipakai (bagian: induknya); null bila profil tidak menulisnya. */
export function opdAddress(opd: OpdRow, byCode: ReadonlyMap<string, OpdRow>): string | null {
  const owner = opd.jenis === 'bagian' && opd.induk ? (byCode.get(opd.induk) ?? opd) : opd;
  return owner.alamat ?? opd.alamat;
}

export interface DirectoryEntry {
  kode: string;
  nama: string;
  singkatan: string | null;
  jenis: string;
  tipe: string | null;
  kodeUnit: string;
  kodeSipd: string | null;
  kodeWilayah: string | null;
  induk: { kode: string; nama: string } | null;
  penandatangan: Array<ReturnType<typeof signatorySummary>>;
}

/** Direktori OPD dengan induk dan penandatangan masing-masing, dalam urutan data awal. */
export function directory(opds: readonly OpdRow[], people: readonly SignatoryRow[]): DirectoryEntry[] {
  const byCode = new Map(opds.map((o) => [o.kode, o]));
  return opds.map((o) => {
    const parent = o.induk ? byCode.get(o.induk) : undefined;
    return {
      kode: o.kode,
      nama: o.nama,
      singkatan: o.singkatan,
      jenis: o.jenis,
      tipe: o.tipe,
      kodeUnit: o.kode_unit,
      kodeSipd: o.kode_sipd,
      kodeWilayah: o.kode_wilayah,
      induk: parent ? { kode: parent.kode, nama: parent.nama } : null,
      penandatangan: people.filter((s) => s.opd === o.kode).map(signatorySummary),
    };
  });
}
