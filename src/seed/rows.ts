import { createHash } from 'node:crypto';
import { ExitCode, UserError } from '../errors.js';
import type { Bilingual, Lang } from '../i18n/lang.js';
import { DEFAULT_DESA_LETTER_TEMPLATE, DEFAULT_LETTER_TEMPLATE } from '../generate/model.js';
import type { LetterNumbering, RegencyProfile } from '../profile/types.generated.js';
import { resolveVillages } from '../profile/villages.js';
import { DECREE, regencyKindOf, type RegionIndex } from '../region/decree.js';
import { CLASSIFICATION_CODES, MAX_TEXT_BYTES, SEED_TABLES, type SeedColumn, type SeedTable, type SeedTableName } from './tables.js';

/** A value of a seed row: text, an integer, or absent. */
export type SeedValue = string | number | null;
/** One row, by column name; every column of the table is present. */
export type SeedRow = Record<string, SeedValue>;
export type SeedRows = Record<SeedTableName, SeedRow[]>;

export interface SeedOptions {
  /**
   * The digest recorded in `seed_meta.profil_digest`; the generator passes the one of its lock file
   * (`sha256:` of the profile's bytes). Without it: `sha256:` of the profile's canonical JSON.
   */
  profileDigest?: string;
  /** Language of a SeedDataError's message (both are kept on the error). */
  lang?: Lang;
}

/** Format of the seed files; raised when their layout or meaning changes. */
export const SEED_FORMAT = 'eoffice-seed/1';

/** Data the seed cannot carry faithfully (a NUL character, a broken surrogate, too long): exit 1. */
export class SeedDataError extends UserError {
  override readonly name = 'SeedDataError';
  constructor(
    readonly messages: Bilingual,
    lang: Lang,
    readonly pointer: string,
  ) {
    super(messages[lang], ExitCode.invalid);
  }
}

/** Stable JSON (keys sorted), for the default profile digest. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function profileDigest(profile: RegencyProfile): string {
  return `sha256:${createHash('sha256').update(canonicalJson(profile)).digest('hex')}`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `000.10` after `000.9`: compare the dotted segments as numbers. */
function compareClassification(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** No UTF-16 surrogate without its pair, so the text can be written as UTF-8 (String#isWellFormed is ES2024). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

class RowBuilder {
  readonly rows: SeedRows;
  private readonly tables = new Map<SeedTableName, SeedTable>(SEED_TABLES.map((t) => [t.name, t]));
  private readonly columnNames = new Map<SeedTableName, ReadonlySet<string>>(SEED_TABLES.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  private readonly keys = new Map<SeedTableName, Map<string, string>>();
  constructor(private readonly lang: Lang) {
    this.rows = Object.fromEntries(SEED_TABLES.map((t) => [t.name, []])) as unknown as SeedRows;
  }

  private fail(pointer: string, id: string, en: string): never {
    throw new SeedDataError({ id, en }, this.lang, pointer);
  }

  /** Adds a row after checking that both dialects can store every value exactly. */
  add(table: SeedTableName, row: SeedRow, pointer: string): void {
    const def = this.tables.get(table)!;
    // Built only for a message: most rows have nothing wrong.
    const at = (col: SeedColumn) => `${table}.${col.name} (${pointer})`;
    for (const col of def.columns) {
      const v = row[col.name];
      if (v === undefined || (v === null && !col.nullable)) {
        this.fail(pointer, `${at(col)}: nilai wajib tidak ada`, `${at(col)}: a required value is missing`);
      }
      if (v === null) continue;
      if (col.type.kind === 'int') {
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || Math.abs(v) > 2_147_483_647) {
          this.fail(pointer, `${at(col)}: bukan bilangan bulat 32-bit: ${String(v)}`, `${at(col)}: not a 32-bit integer: ${String(v)}`);
        }
        continue;
      }
      if (typeof v !== 'string') {
        this.fail(pointer, `${at(col)}: bukan teks`, `${at(col)}: not text`);
      }
      if (v.includes('\0')) {
        this.fail(
          pointer,
          `${at(col)}: memuat karakter NUL (\\0), yang tidak dapat disimpan PostgreSQL; hapus dari profil`,
          `${at(col)}: contains a NUL character (\\0), which PostgreSQL cannot store; remove it from the profile`,
        );
      }
      if (!isWellFormed(v)) {
        this.fail(
          pointer,
          `${at(col)}: memuat surrogate UTF-16 tanpa pasangan, yang tidak dapat ditulis sebagai UTF-8`,
          `${at(col)}: contains a lone UTF-16 surrogate, which cannot be written as UTF-8`,
        );
      }
      // Counted only when the UTF-16 length could exceed the limit (characters ≤ code units ≤ bytes).
      if (col.type.kind === 'key') {
        if (v.length > col.type.length && [...v].length > col.type.length) {
          this.fail(pointer, `${at(col)}: lebih dari ${col.type.length} karakter`, `${at(col)}: longer than ${col.type.length} characters`);
        }
      } else if (v.length * 3 > MAX_TEXT_BYTES && Buffer.byteLength(v, 'utf8') > MAX_TEXT_BYTES) {
        this.fail(pointer, `${at(col)}: lebih dari ${MAX_TEXT_BYTES} bita`, `${at(col)}: longer than ${MAX_TEXT_BYTES} bytes`);
      }
    }
    const columns = this.columnNames.get(table)!;
    for (const name of Object.keys(row)) {
      if (!columns.has(name)) throw new Error(`seed table ${table} has no column ${name}`);
    }
    const k = def.primaryKey.map((c) => String(row[c])).join('\u0001');
    let seen = this.keys.get(table);
    if (!seen) this.keys.set(table, (seen = new Map()));
    const first = seen.get(k);
    if (first !== undefined) {
      const shown = def.primaryKey.map((c) => `${c}=${String(row[c])}`).join(', ');
      this.fail(pointer, `${table}: kunci ${shown} ganda (juga di ${first})`, `${table}: duplicate key ${shown} (also at ${first})`);
    }
    seen.set(k, pointer);
    this.rows[table].push(row);
  }
}

/**
 * The seed rows of a profile, per table, in a deterministic order: by primary key (official code;
 * officers by village, role and number, the number following their order in the profile), the
 * order in which the databases return them.
 * Defaults are applied as the generator's model applies them (`status: definitif`, `reset: yearly`,
 * `padding: 0`, the default letter-number templates, the unit code `CODE` in capitals when the
 * profile gives none), so the seed and the rendered applications agree.
 */
export function seedRows(profile: RegencyProfile, region: RegionIndex, options: SeedOptions = {}): SeedRows {
  const b = new RowBuilder(options.lang ?? 'id');
  const regency = profile.regency;

  b.add('wilayah', {
    kode: regency.code,
    nama: regency.name,
    jenis: regency.kind ?? regencyKindOf(regency.code) ?? 'kabupaten',
    induk: regency.code.slice(0, 2),
  }, '/regency');
  for (const d of [...region.districtsOf(regency.code)].sort((x, y) => cmp(x.code, y.code))) {
    b.add('wilayah', { kode: d.code, nama: d.name, jenis: 'kecamatan', induk: d.regencyCode }, '/regency/code');
  }

  const villages = resolveVillages(profile, region);
  const officers: Array<{ row: SeedRow; pointer: string; order: number }> = [];
  for (const v of villages) {
    const pointer = '/' + v.source.join('/');
    b.add('desa', {
      kode: v.code,
      nama: v.name,
      jenis: v.kind,
      kode_kecamatan: v.districtCode,
      kepala: opt(v.head),
      alamat: opt(v.address),
      kode_pos: opt(v.postcode),
    }, pointer);
    const perRole = new Map<string, number>();
    v.officers.forEach((o, i) => {
      const n = (perRole.get(o.role) ?? 0) + 1;
      perRole.set(o.role, n);
      officers.push({ row: { kode_desa: v.code, peran: o.role, urutan: n, nama: o.name }, pointer: `${pointer}/officers/${i}`, order: i });
    });
  }
  officers.sort((x, y) => cmp(String(x.row.kode_desa), String(y.row.kode_desa)) || cmp(String(x.row.peran), String(y.row.peran)) || x.order - y.order);
  for (const o of officers) b.add('perangkat_desa', o.row, o.pointer);

  const opds = profile.opds.map((o, i) => ({ o, i })).sort((x, y) => cmp(x.o.code, y.o.code));
  for (const { o, i } of opds) {
    b.add('opd', {
      kode: o.code,
      nama: o.name,
      singkatan: opt(o.shortName),
      jenis: o.kind,
      tipe: opt(o.type),
      induk: opt(o.parent),
      kode_unit: o.unitCode ?? o.code.toUpperCase(),
      kode_sipd: opt(o.sipdCode),
      kode_wilayah: opt(o.regionCode),
      alamat: opt(o.address),
      urutan: i + 1,
    }, `/opds/${i}`);
  }

  const signatories = profile.signatories.map((s, i) => ({ s, i })).sort((x, y) => cmp(x.s.id, y.s.id));
  for (const { s, i } of signatories) {
    b.add('penandatangan', {
      id: s.id,
      gelar_depan: opt(s.frontTitle),
      nama: s.name,
      gelar_belakang: opt(s.backTitle),
      nip: opt(s.nip),
      ni_pppk: opt(s.niPppk),
      golongan: opt(s.golongan),
      pangkat: opt(s.pangkat),
      jabatan: s.position,
      peran: s.role,
      opd: opt(s.opd),
      desa: opt(s.village),
      instansi: opt(s.institution),
      status: s.status ?? 'definitif',
      delegasi_jenis: opt(s.delegation?.type),
      delegasi_prinsipal: opt(s.delegation?.principal),
      delegasi_via: opt(s.delegation?.via),
      atasan: opt(s.superior),
      email: opt(s.email),
      urutan: i + 1,
    }, `/signatories/${i}`);
  }

  for (const c of [...CLASSIFICATION_CODES].sort((x, y) => compareClassification(x.code, y.code))) {
    const dot = c.code.lastIndexOf('.');
    b.add('klasifikasi_arsip', { kode: c.code, uraian: c.title, induk: dot < 0 ? null : c.code.slice(0, dot) }, '/apps/eoffice/classification');
  }

  // Every enabled app that numbers letters gets a row; without a template, the generator's default.
  const numbering: Array<[string, string, string, { enabled?: boolean; letterNumber?: LetterNumbering } | undefined]> = [
    ['eoffice', '/apps/eoffice', DEFAULT_LETTER_TEMPLATE, profile.apps.eoffice],
    ['eoffice-desa', '/apps/eofficeDesa', DEFAULT_DESA_LETTER_TEMPLATE, profile.apps.eofficeDesa],
  ];
  for (const [app, pointer, fallback, conf] of numbering.sort((x, y) => cmp(x[0], y[0]))) {
    if (!conf || conf.enabled === false) continue;
    const ln = conf.letterNumber;
    b.add('penomoran_surat', { aplikasi: app, template: ln?.template ?? fallback, reset: ln?.reset ?? 'yearly', padding: ln?.padding ?? 0 }, pointer);
  }

  const meta: Array<[string, string]> = [
    ['atribusi_wilayah', DECREE.attribution],
    ['format', SEED_FORMAT],
    ['keputusan_wilayah', DECREE.name],
    ['klasifikasi_arsip', 'Permendagri 83/2022'],
    ['kode_wilayah', regency.code],
    ['lisensi_data_wilayah', 'ODbL-1.0'],
    ['profil_digest', options.profileDigest ?? profileDigest(profile)],
    ['sumber_wilayah', DECREE.source],
  ];
  for (const [kunci, nilai] of meta.sort((x, y) => cmp(x[0], y[0]))) b.add('seed_meta', { kunci, nilai }, '');

  return b.rows;
}
