/** Penandatangan dari data awal (`penandatangan`): nama bergelar dan jabatan dengan Plt./Plh./Pj. */
import type { Queryable } from './db/index.js';

export interface SignatoryRow {
  id: string;
  gelar_depan: string | null;
  nama: string;
  gelar_belakang: string | null;
  jabatan: string;
  peran: string;
  opd: string | null;
  desa: string | null;
  status: string;
  atasan: string | null;
}

const SIGNATORY_COLUMNS = 'id, gelar_depan, nama, gelar_belakang, jabatan, peran, opd, desa, status, atasan';

/** Semua penandatangan dalam urutan profil, atau satu menurut id. */
export async function signatories(db: Queryable): Promise<SignatoryRow[]> {
  return db.query<SignatoryRow>(`SELECT ${SIGNATORY_COLUMNS} FROM penandatangan ORDER BY urutan, id`);
}

export async function signatory(db: Queryable, id: string): Promise<SignatoryRow | undefined> {
  return (await db.query<SignatoryRow>(`SELECT ${SIGNATORY_COLUMNS} FROM penandatangan WHERE id = ?`, [id]))[0];
}

const STATUS_PREFIX: Readonly<Record<string, string>> = { plt: 'Plt. ', plh: 'Plh. ', pj: 'Pj. ', pjs: 'Pjs. ' };

/** `Dr. Hendra Hidayat, S.T., M.T.` */
export function nameWithTitles(s: Pick<SignatoryRow, 'gelar_depan' | 'nama' | 'gelar_belakang'>): string {
  const front = s.gelar_depan?.trim();
  const back = s.gelar_belakang?.trim().replace(/^,\s*/, '');
  return `${front ? `${front} ` : ''}${s.nama.trim()}${back ? `, ${back}` : ''}`;
}

/** `Plt. Kepala Dinas …`: jabatan dengan status di depannya. */
export function positionWithStatus(s: Pick<SignatoryRow, 'jabatan' | 'status'>): string {
  return (STATUS_PREFIX[s.status] ?? '') + s.jabatan;
}

/** Ringkasan penandatangan untuk jawaban API. */
export function signatorySummary(s: SignatoryRow): { id: string; nama: string; jabatan: string; peran: string; status: string } {
  return { id: s.id, nama: nameWithTitles(s), jabatan: positionWithStatus(s), peran: s.peran, status: s.status };
}

/** Jumlah baris tabel data awal (nama tabel tetap di kode, bukan masukan). */
export async function countRows(db: Queryable, table: 'opd' | 'penandatangan' | 'desa' | 'wilayah' | 'perangkat_desa'): Promise<number> {
  const rows = await db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]?.n ?? 0);
}
