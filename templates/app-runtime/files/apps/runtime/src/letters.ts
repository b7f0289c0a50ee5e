/**
 * Penomoran naskah dinas: kode klasifikasi arsip (Permendagri 83/2022), pola nomor per daerah
 * (`{klasifikasi}/{nomor}/{unit}/{tahun}` …), dan penghitung per unit per tahun (atau per bulan) di
 * basis data yang aman untuk permintaan serentak dan tidak pernah memakai ulang nomor.
 *
 * PostgreSQL: `INSERT … ON CONFLICT … DO UPDATE SET n = n + 1 RETURNING n`; MySQL/MariaDB:
 * `INSERT … ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)` lalu `SELECT LAST_INSERT_ID()`.
 * Keduanya dalam satu transaksi bersama pencatatan suratnya di `surat_keluar`: baris penghitung
 * terkunci sampai transaksi selesai, dan nomor yang gagal dicatat ikut dibatalkan. `surat_keluar`
 * menolak urutan yang sama dua kali (kunci unik), sehingga satu nomor tidak pernah terbit dua kali.
 */
import { ConfigError, UTC_OFFSET_HOURS, type ConfigReader, type TimeZoneName } from './config.js';
import type { Database, Dialect, Queryable } from './db/index.js';
import { HttpError, requireText } from './http.js';
import type { Counter, Registry } from './metrics.js';

export type ResetPolicy = 'yearly' | 'monthly';

export interface Numbering {
  template: string;
  reset: ResetPolicy;
  padding: number;
}

/** Kode klasifikasi yang dinormalkan: tiga angka, lalu paling banyak empat bagian `.N` atau `.NN`. */
export const CLASSIFICATION_PATTERN = /^\d{3}(\.\d{1,2}){0,4}$/;

/** `" 000.8.3.3 "` → `000.8.3.3`; undefined bila bukan kode klasifikasi. */
export function normaliseClassification(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const code = raw.replace(/\s+/g, '');
  return CLASSIFICATION_PATTERN.test(code) ? code : undefined;
}

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export function romanMonth(month: number): string {
  const r = ROMAN_MONTHS[month - 1];
  if (!r) throw new RangeError(`bulan ${month} di luar 1–12`);
  return r;
}

export interface LetterParts {
  klasifikasi: string;
  nomor: number;
  unit: string;
  tahun: number;
  bulan: number;
  kodeDesa?: string;
}

/** Mengisi token pola nomor; token yang tidak dikenal dibiarkan apa adanya. */
export function formatLetterNumber(template: string, parts: LetterParts, padding = 0): string {
  const tokens: Readonly<Record<string, () => string>> = {
    klasifikasi: () => parts.klasifikasi,
    nomor: () => String(parts.nomor).padStart(padding, '0'),
    unit: () => parts.unit,
    tahun: () => String(parts.tahun),
    bulan: () => String(parts.bulan).padStart(2, '0'),
    bulanRomawi: () => romanMonth(parts.bulan),
    kodeDesa: () => parts.kodeDesa ?? '',
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(tokens, name) ? tokens[name]!() : whole));
}

/** Pola yang dapat dipakai: `{nomor}` tepat sekali, reset tahunan/bulanan, padding 0–6. */
export function numberingProblem(n: Numbering): string | undefined {
  const nomor = n.template.match(/\{nomor\}/g)?.length ?? 0;
  if (nomor !== 1) return `pola "${n.template}" harus memuat {nomor} tepat sekali`;
  if (n.reset !== 'yearly' && n.reset !== 'monthly') return `reset "${String(n.reset)}" bukan yearly atau monthly`;
  if (!Number.isInteger(n.padding) || n.padding < 0 || n.padding > 6) return `padding ${String(n.padding)} di luar 0–6`;
  return undefined;
}

/** Bagian `penomoran` konfigurasi aplikasi, diperiksa. */
export function readNumbering(r: ConfigReader): Numbering {
  const p = r.obj('penomoran');
  const numbering = { template: p.str('template'), reset: p.oneOf('reset', ['yearly', 'monthly'] as const), padding: p.num('padding', 0, 6) };
  const problem = numberingProblem(numbering);
  if (problem) throw new ConfigError(`${r.file}: /penomoran: ${problem}`);
  return numbering;
}

export interface CalendarDay {
  tahun: number;
  bulan: number;
  hari: number;
  /** `YYYY-MM-DD` */
  iso: string;
}

/** Tanggal kalender di zona waktu daerah (tahun dan bulan nomor surat mengikutinya). */
export function calendarDay(at: Date, zone: TimeZoneName): CalendarDay {
  const local = new Date(at.getTime() + UTC_OFFSET_HOURS[zone] * 3_600_000);
  const tahun = local.getUTCFullYear();
  const bulan = local.getUTCMonth() + 1;
  const hari = local.getUTCDate();
  return { tahun, bulan, hari, iso: `${String(tahun).padStart(4, '0')}-${String(bulan).padStart(2, '0')}-${String(hari).padStart(2, '0')}` };
}

/** Periode penghitung: `2026` (reset tahunan) atau `2026-03` (reset bulanan). */
export function periodKey(day: CalendarDay, reset: ResetPolicy): string {
  return reset === 'monthly' ? `${day.tahun}-${String(day.bulan).padStart(2, '0')}` : String(day.tahun);
}

/** Tabel milik aplikasi (bukan data awal): dibuat saat mulai bila belum ada. */
const LETTER_TABLES: Readonly<Record<Dialect, readonly string[]>> = {
  postgresql: [
    `CREATE TABLE IF NOT EXISTS penghitung_nomor_surat (
  aplikasi varchar(32) NOT NULL,
  unit varchar(191) NOT NULL,
  periode varchar(7) NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (aplikasi, unit, periode)
)`,
    `CREATE TABLE IF NOT EXISTS surat_keluar (
  id bigserial PRIMARY KEY,
  aplikasi varchar(32) NOT NULL,
  unit varchar(191) NOT NULL,
  periode varchar(7) NOT NULL,
  urutan integer NOT NULL,
  nomor varchar(255) NOT NULL,
  klasifikasi varchar(15) NOT NULL,
  pengirim varchar(191) NOT NULL,
  perihal text,
  tanggal date NOT NULL,
  dibuat timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT surat_keluar_urutan_unik UNIQUE (aplikasi, unit, periode, urutan)
)`,
  ],
  mysql: [
    `CREATE TABLE IF NOT EXISTS penghitung_nomor_surat (
  aplikasi varchar(32) NOT NULL,
  unit varchar(191) NOT NULL,
  periode varchar(7) NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (aplikasi, unit, periode)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    `CREATE TABLE IF NOT EXISTS surat_keluar (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  aplikasi varchar(32) NOT NULL,
  unit varchar(191) NOT NULL,
  periode varchar(7) NOT NULL,
  urutan int NOT NULL,
  nomor varchar(255) NOT NULL,
  klasifikasi varchar(15) NOT NULL,
  pengirim varchar(191) NOT NULL,
  perihal text,
  tanggal date NOT NULL,
  dibuat timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY surat_keluar_urutan_unik (aplikasi, unit, periode, urutan)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ],
};

/** Kunci advisory PostgreSQL: dua aplikasi yang mulai bersamaan tidak membuat tabel serentak. */
const SCHEMA_LOCK = 0x656f6666;

export async function ensureLetterTables(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    if (db.dialect === 'postgresql') await tx.query('SELECT pg_advisory_xact_lock(?)', [SCHEMA_LOCK]);
    for (const sql of LETTER_TABLES[db.dialect]) await tx.query(sql);
  });
}

/** Nomor urut berikutnya untuk (aplikasi, unit, periode), di dalam transaksi `tx`. */
async function nextNumber(dialect: Dialect, tx: Queryable, key: readonly [string, string, string]): Promise<number> {
  if (dialect === 'postgresql') {
    const rows = await tx.query<{ n: number | string }>(
      `INSERT INTO penghitung_nomor_surat (aplikasi, unit, periode, n) VALUES (?, ?, ?, 1)
ON CONFLICT (aplikasi, unit, periode) DO UPDATE SET n = penghitung_nomor_surat.n + 1
RETURNING n`,
      key,
    );
    return Number(rows[0]?.n);
  }
  await tx.query(
    `INSERT INTO penghitung_nomor_surat (aplikasi, unit, periode, n) VALUES (?, ?, ?, LAST_INSERT_ID(1))
ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)`,
    key,
  );
  const rows = await tx.query<{ n: number | string }>('SELECT LAST_INSERT_ID() AS n');
  return Number(rows[0]?.n);
}

export interface IssueRequest {
  /** Kunci penghitung: kode unit OPD, atau kode desa. */
  unit: string;
  /** Kode yang dicetak untuk `{unit}` (bawaan: `unit`). */
  unitLabel?: string;
  /** OPD atau desa pengirim, dicatat di `surat_keluar`. */
  pengirim: string;
  klasifikasi: string;
  perihal: string | null;
  kodeDesa?: string;
}

export interface IssuedLetter {
  nomor: string;
  urutan: number;
  unit: string;
  periode: string;
  klasifikasi: string;
  tanggal: string;
}

export interface LetterIssuerOptions {
  db: Database;
  /** `eoffice` atau `eoffice-desa`: baris `penomoran_surat` dan kolom `aplikasi` penghitung. */
  aplikasi: string;
  /** Pola dari konfigurasi, dipakai bila data awal belum memuat baris `penomoran_surat`. */
  fallback: Numbering;
  timeZone: TimeZoneName;
  issued: Counter;
  now?: () => Date;
}

export class LetterIssuer {
  constructor(private readonly o: LetterIssuerOptions) {
    o.issued.inc({ aplikasi: o.aplikasi }, 0);
  }

  /** Pola yang berlaku: baris `penomoran_surat` data awal, atau konfigurasi bila barisnya belum ada. */
  async numbering(): Promise<Numbering & { sumber: 'penomoran_surat' | 'konfigurasi' }> {
    const rows = await this.o.db.query<{ template: string; reset: string; padding: number | string | null }>(
      'SELECT template, reset, padding FROM penomoran_surat WHERE aplikasi = ?',
      [this.o.aplikasi],
    );
    const row = rows[0];
    const numbering = row
      ? { template: row.template, reset: row.reset as ResetPolicy, padding: Number(row.padding ?? 0), sumber: 'penomoran_surat' as const }
      : { ...this.o.fallback, sumber: 'konfigurasi' as const };
    const problem = numberingProblem(numbering);
    if (problem) throw new HttpError(500, 'penomoran-tidak-sah', `penomoran ${this.o.aplikasi}: ${problem}`);
    return numbering;
  }

  /** Kode yang dinormalkan dan kode pokoknya di `klasifikasi_arsip`, atau kesalahan 400/422. */
  async classification(raw: unknown): Promise<{ kode: string; pokok: { kode: string; uraian: string } }> {
    const kode = normaliseClassification(raw);
    if (!kode) {
      throw new HttpError(400, 'klasifikasi-tidak-sah', `kode klasifikasi ${JSON.stringify(raw ?? null)} tidak sah: tulis seperti 000.8.3.3 (tiga angka, lalu paling banyak empat bagian .N atau .NN)`);
    }
    const top = kode.slice(0, 3);
    const rows = await this.o.db.query<{ kode: string; uraian: string }>('SELECT kode, uraian FROM klasifikasi_arsip WHERE kode = ?', [top]);
    const pokok = rows[0];
    if (!pokok) throw new HttpError(422, 'klasifikasi-tidak-dikenal', `kode pokok ${top} tidak ada di klasifikasi_arsip (Permendagri 83/2022)`);
    return { kode, pokok: { kode: pokok.kode, uraian: pokok.uraian } };
  }

  /** Isian permintaan nomor surat selain pengirimnya: `klasifikasi` (wajib) dan `perihal` (boleh kosong). */
  async parseRequest(input: Readonly<Record<string, unknown>>): Promise<{ klasifikasi: { kode: string; pokok: { kode: string; uraian: string } }; perihal: string | null }> {
    const perihal = input.perihal === undefined || input.perihal === null ? null : requireText(input.perihal, 'perihal', 500);
    return { klasifikasi: await this.classification(input.klasifikasi), perihal };
  }

  /** Menerbitkan satu nomor: penghitung dan catatan surat dalam satu transaksi. */
  async issue(req: IssueRequest): Promise<IssuedLetter> {
    const { db, aplikasi } = this.o;
    const numbering = await this.numbering();
    const day = calendarDay(this.o.now?.() ?? new Date(), this.o.timeZone);
    const periode = periodKey(day, numbering.reset);
    const letter = await db.transaction(async (tx) => {
      const urutan = await nextNumber(db.dialect, tx, [aplikasi, req.unit, periode]);
      if (!Number.isSafeInteger(urutan) || urutan < 1) throw new Error(`penghitung mengembalikan ${String(urutan)}`);
      const nomor = formatLetterNumber(
        numbering.template,
        { klasifikasi: req.klasifikasi, nomor: urutan, unit: req.unitLabel ?? req.unit, tahun: day.tahun, bulan: day.bulan, ...(req.kodeDesa ? { kodeDesa: req.kodeDesa } : {}) },
        numbering.padding,
      );
      await tx.query(
        'INSERT INTO surat_keluar (aplikasi, unit, periode, urutan, nomor, klasifikasi, pengirim, perihal, tanggal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [aplikasi, req.unit, periode, urutan, nomor, req.klasifikasi, req.pengirim, req.perihal, day.iso],
      );
      return { nomor, urutan, unit: req.unitLabel ?? req.unit, periode, klasifikasi: req.klasifikasi, tanggal: day.iso };
    });
    this.o.issued.inc({ aplikasi });
    return letter;
  }
}

/** Penerbit nomor surat sebuah aplikasi, dengan penghitung metriknya `eoffice_letters_issued_total`. */
export function letterIssuer(ctx: { db: Database; metrics: Registry; region: { zonaWaktu: TimeZoneName } }, aplikasi: string, fallback: Numbering): LetterIssuer {
  return new LetterIssuer({
    db: ctx.db,
    aplikasi,
    fallback,
    timeZone: ctx.region.zonaWaktu,
    issued: ctx.metrics.counter('eoffice_letters_issued_total', 'Nomor surat yang diterbitkan.', ['aplikasi']),
  });
}

/** Jumlah surat yang sudah diterbitkan aplikasi ini (untuk ringkasan). */
export async function countIssued(db: Database, aplikasi: string): Promise<number> {
  const rows = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM surat_keluar WHERE aplikasi = ?', [aplikasi]);
  return Number(rows[0]?.n ?? 0);
}
