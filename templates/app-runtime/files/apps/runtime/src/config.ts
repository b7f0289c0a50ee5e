/**
 * Konfigurasi yang dibangkitkan eoffice: `runtime/config/daerah.json` (daerah dan kop, bersama) dan
 * `<aplikasi>/config/app.json` (milik tiap aplikasi). Berkas dibaca sekali saat mulai dan diperiksa;
 * kesalahan menyebut berkas dan kuncinya, karena penerima hibah boleh menyunting berkas ini.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Membaca nilai JSON dengan pemeriksaan jenis; `path` dipakai dalam pesan kesalahan. */
export class ConfigReader {
  constructor(
    readonly file: string,
    readonly value: unknown,
    readonly path = '',
  ) {}

  static fromFile(url: URL): ConfigReader {
    const file = fileURLToPath(url);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`${file}: tidak dapat dibaca (${(err as Error).message})`);
    }
    try {
      return new ConfigReader(file, JSON.parse(text));
    } catch (err) {
      throw new ConfigError(`${file}: bukan JSON yang sah (${(err as Error).message})`);
    }
  }

  private fail(key: string, wanted: string): never {
    throw new ConfigError(`${this.file}: ${this.path}/${key} harus ${wanted}`);
  }

  private field(key: string): unknown {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw new ConfigError(`${this.file}: ${this.path || '/'} harus objek`);
    }
    return Object.hasOwn(this.value, key) ? (this.value as Record<string, unknown>)[key] : undefined;
  }

  obj(key: string): ConfigReader {
    const v = this.field(key);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(key, 'objek');
    return new ConfigReader(this.file, v, `${this.path}/${key}`);
  }

  optObj(key: string): ConfigReader | null {
    const v = this.field(key);
    return v === null || v === undefined ? null : this.obj(key);
  }

  str(key: string): string {
    const v = this.field(key);
    if (typeof v !== 'string' || v.trim() === '') this.fail(key, 'teks tidak kosong');
    return v;
  }

  optStr(key: string): string | null {
    const v = this.field(key);
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') this.fail(key, 'teks atau null');
    return v;
  }

  num(key: string, min = -Infinity, max = Infinity): number {
    const v = this.field(key);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) this.fail(key, `bilangan ${min}–${max}`);
    return v;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.field(key);
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) this.fail(key, `salah satu dari ${values.join(', ')}`);
    return v as T;
  }

  /** Objek berkunci bebas: setiap nilainya sebagai ConfigReader. */
  entries(key: string): Array<[string, ConfigReader]> {
    const o = this.obj(key);
    return Object.keys(o.value as object).map((k) => [k, o.obj(k)]);
  }

  array(key: string): ConfigReader[] {
    const v = this.field(key);
    if (!Array.isArray(v)) this.fail(key, 'larik');
    return v.map((item, i) => new ConfigReader(this.file, item, `${this.path}/${key}/${i}`));
  }
}

export type Paper = 'A4' | 'F4';

/** Zona waktu Indonesia; tidak ada waktu musim panas, jadi selisihnya dengan UTC tetap. */
export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type TimeZoneName = (typeof TIME_ZONES)[number];
export const UTC_OFFSET_HOURS: Readonly<Record<TimeZoneName, number>> = { WIB: 7, WITA: 8, WIT: 9 };

/** Kode provinsi (dua angka pertama kode wilayah) yang memakai WITA dan WIT; selainnya WIB. */
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function timeZoneOfRegion(code: string): TimeZoneName {
  const province = code.slice(0, 2);
  return WITA_PROVINCES.has(province) ? 'WITA' : WIT_PROVINCES.has(province) ? 'WIT' : 'WIB';
}
export type Engine = 'postgresql' | 'mysql' | 'mariadb';

export interface RegionConfig {
  daerah: {
    kode: string;
    nama: string;
    jenis: 'kabupaten' | 'kota';
    namaSingkat: string;
    /** Baris pertama kop: `PEMERINTAH KABUPATEN …` atau `PEMERINTAH KOTA …`. */
    pemerintah: string;
    kepalaDaerah: string;
    provinsi: string | null;
    domain: string | null;
  };
  kop: {
    alamat: string;
    telepon: string | null;
    faksimile: string | null;
    email: string | null;
    laman: string | null;
    kodePos: string | null;
    lambang: string | null;
    kertas: Paper;
  };
  /** Zona waktu tanggal dan tahun nomor surat: dari konfigurasi, atau dari kode provinsi bila `null`. */
  zonaWaktu: TimeZoneName;
  basisData: { engine: Engine };
}

export const REGION_CONFIG_URL = new URL('../../config/daerah.json', import.meta.url);

export function loadRegionConfig(url: URL = REGION_CONFIG_URL): RegionConfig {
  const r = ConfigReader.fromFile(url);
  const d = r.obj('daerah');
  const k = r.obj('kop');
  const kode = d.str('kode');
  const zonaWaktu = r.optStr('zonaWaktu') === null ? timeZoneOfRegion(kode) : r.oneOf('zonaWaktu', TIME_ZONES);
  return {
    daerah: {
      kode,
      nama: d.str('nama'),
      jenis: d.oneOf('jenis', ['kabupaten', 'kota'] as const),
      namaSingkat: d.str('namaSingkat'),
      pemerintah: d.str('pemerintah'),
      kepalaDaerah: d.str('kepalaDaerah'),
      provinsi: d.optStr('provinsi'),
      domain: d.optStr('domain'),
    },
    kop: {
      alamat: k.str('alamat'),
      telepon: k.optStr('telepon'),
      faksimile: k.optStr('faksimile'),
      email: k.optStr('email'),
      laman: k.optStr('laman'),
      kodePos: k.optStr('kodePos'),
      lambang: k.optStr('lambang'),
      kertas: k.oneOf('kertas', ['A4', 'F4'] as const),
    },
    zonaWaktu,
    basisData: { engine: r.obj('basisData').oneOf('engine', ['postgresql', 'mysql', 'mariadb'] as const) },
  };
}

/** Bagian `aplikasi` setiap `config/app.json`. */
export interface AppInfo {
  nama: string;
  judul: string;
  versi: string;
}

export function readAppInfo(r: ConfigReader): AppInfo {
  const a = r.obj('aplikasi');
  return { nama: a.str('nama'), judul: a.str('judul'), versi: a.str('versi') };
}
