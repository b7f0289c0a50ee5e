/**
 * SAKIP: kolom tahunan periode RPJMD, pasangan penandatangan perjanjian kinerja, bobot komponen
 * dan predikat evaluasi (PermenPANRB 88/2021).
 */
import { HttpError, signatorySummary, type SignatoryRow } from 'eoffice-runtime';

export interface Weights {
  perencanaan: number;
  pengukuran: number;
  pelaporan: number;
  evaluasi: number;
}

/** Bobot bawaan PermenPANRB 88/2021 (dari penerapan publik): 30/30/15/25. */
export const DEFAULT_WEIGHTS: Readonly<Weights> = { perencanaan: 30, pengukuran: 30, pelaporan: 15, evaluasi: 25 };

export const COMPONENTS: ReadonlyArray<readonly [keyof Weights, string]> = [
  ['perencanaan', 'Perencanaan Kinerja'],
  ['pengukuran', 'Pengukuran Kinerja'],
  ['pelaporan', 'Pelaporan Kinerja'],
  ['evaluasi', 'Evaluasi Akuntabilitas Kinerja Internal'],
];

/** Predikat dari yang tertinggi: nilai harus lebih dari `lebihDari` (D: sisanya, ≤ 30). */
export const GRADES: ReadonlyArray<{ predikat: string; lebihDari: number | null; keterangan: string }> = [
  { predikat: 'AA', lebihDari: 90, keterangan: 'Sangat Memuaskan' },
  { predikat: 'A', lebihDari: 80, keterangan: 'Memuaskan' },
  { predikat: 'BB', lebihDari: 70, keterangan: 'Sangat Baik' },
  { predikat: 'B', lebihDari: 60, keterangan: 'Baik' },
  { predikat: 'CC', lebihDari: 50, keterangan: 'Cukup (Memadai)' },
  { predikat: 'C', lebihDari: 30, keterangan: 'Kurang' },
  { predikat: 'D', lebihDari: null, keterangan: 'Sangat Kurang' },
];

/** Rentang tiap predikat sebagai teks: `> 90`, `> 80 – 90`, …, `≤ 30`. */
export function gradeBands(): Array<{ predikat: string; rentang: string; keterangan: string }> {
  return GRADES.map((g, i) => {
    const upper = i === 0 ? null : GRADES[i - 1]!.lebihDari;
    const rentang = g.lebihDari === null ? `≤ ${upper}` : upper === null ? `> ${g.lebihDari}` : `> ${g.lebihDari} – ${upper}`;
    return { predikat: g.predikat, rentang, keterangan: g.keterangan };
  });
}

export function grade(nilai: number): { predikat: string; keterangan: string } {
  const g = GRADES.find((x) => x.lebihDari === null || nilai > x.lebihDari)!;
  return { predikat: g.predikat, keterangan: g.keterangan };
}

/** `?nilai=`: 0–100, boleh pecahan dengan titik atau koma (`85,5`). */
export function parseScore(text: string | null): number {
  if (text === null || text.trim() === '') throw new HttpError(400, 'nilai-wajib', 'tulis ?nilai= dengan angka 0–100');
  const value = Number(text.trim().replace(',', '.'));
  if (!/^\d{1,3}([.,]\d+)?$/.test(text.trim()) || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new HttpError(400, 'nilai-tidak-sah', `nilai "${text}" bukan angka 0–100`);
  }
  return value;
}

export function weightsOf(fromProfile: Weights | null): { sumber: string; komponen: Array<{ kunci: keyof Weights; nama: string; bobot: number }>; jumlah: number } {
  const w = fromProfile ?? DEFAULT_WEIGHTS;
  const komponen = COMPONENTS.map(([kunci, nama]) => ({ kunci, nama, bobot: w[kunci] }));
  return { sumber: fromProfile ? 'profil daerah' : 'bawaan PermenPANRB 88/2021', komponen, jumlah: komponen.reduce((n, k) => n + k.bobot, 0) };
}

/** Kolom tabel RPJMD: kondisi awal (tahun sebelum periode), target tiap tahun, kondisi akhir periode. */
export function periodColumns(mulai: number, selesai: number): Array<{ kunci: string; tahun: number; judul: string }> {
  const years = Array.from({ length: selesai - mulai + 1 }, (_, i) => mulai + i);
  return [
    { kunci: 'kondisi-awal', tahun: mulai - 1, judul: `Kondisi Kinerja Awal (${mulai - 1})` },
    ...years.map((tahun) => ({ kunci: `target-${tahun}`, tahun, judul: `Target ${tahun}` })),
    { kunci: 'kondisi-akhir', tahun: selesai, judul: `Kondisi Kinerja pada Akhir Periode (${selesai})` },
  ];
}

export type PairKind = 'kinerja-daerah' | 'kepala-perangkat-daerah' | 'atasan-langsung';

export interface PkParty extends ReturnType<typeof signatorySummary> {
  opd: string | null;
  ttd: string[] | null;
}

export interface PkPair {
  jenis: PairKind;
  pihakPertama: PkParty;
  /** Null untuk perjanjian kinerja daerah, yang ditandatangani kepala daerah sendiri. */
  pihakKedua: PkParty | null;
}

const HEADS_OF_AGENCY = new Set(['sekretaris-daerah', 'kepala-opd', 'camat']);
const OFFICIALS = new Set(['pejabat', 'lurah']);

/**
 * Pasangan perjanjian kinerja: PK daerah oleh kepala daerah; setiap kepala perangkat daerah (Sekda,
 * kepala OPD, camat) dengan kepala daerah; pejabat lain (dan lurah) dengan atasan langsungnya.
 * Wakil kepala daerah dan pemerintah desa tidak menandatangani PK daerah.
 */
export function pkPairs(rows: readonly SignatoryRow[], blocks: ReadonlyMap<string, string> = new Map()): { pasangan: PkPair[]; tanpaPasangan: Array<{ penandatangan: PkParty; alasan: string }> } {
  const party = (s: SignatoryRow): PkParty => ({ ...signatorySummary(s), opd: s.opd, ttd: blocks.get(s.id)?.split('\n') ?? null });
  const byId = new Map(rows.map((s) => [s.id, s]));
  const heads = rows.filter((s) => s.peran === 'kepala-daerah');
  const head = heads.find((s) => s.status === 'definitif') ?? heads[0];
  const pasangan: PkPair[] = [];
  const tanpaPasangan: Array<{ penandatangan: PkParty; alasan: string }> = [];
  for (const s of rows) {
    if (s.peran === 'kepala-daerah') {
      if (s === head) pasangan.push({ jenis: 'kinerja-daerah', pihakPertama: party(s), pihakKedua: null });
    } else if (HEADS_OF_AGENCY.has(s.peran)) {
      if (head) pasangan.push({ jenis: 'kepala-perangkat-daerah', pihakPertama: party(s), pihakKedua: party(head) });
      else tanpaPasangan.push({ penandatangan: party(s), alasan: 'belum ada penandatangan berperan kepala-daerah' });
    } else if (OFFICIALS.has(s.peran)) {
      const superior = s.atasan ? byId.get(s.atasan) : undefined;
      if (superior) pasangan.push({ jenis: 'atasan-langsung', pihakPertama: party(s), pihakKedua: party(superior) });
      else tanpaPasangan.push({ penandatangan: party(s), alasan: s.atasan ? `atasan "${s.atasan}" tidak ada di data awal` : 'atasan langsung (superior) belum diisi di profil' });
    }
  }
  return { pasangan, tanpaPasangan };
}
