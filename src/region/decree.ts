import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCsvLines } from './csv.js';

/**
 * The region data of Kepmendagri 300.2.2-2138/2025, from idn-area-data@4.0.1 (code MIT, data ODbL).
 * The package's own helpers re-parse the CSV on every call, so this reads each file once per
 * process, on first use, and indexes it by code.
 */
export const DECREE = {
  name: 'Kepmendagri 300.2.2-2138/2025',
  source: 'idn-area-data@4.0.1',
  attribution:
    'Data wilayah: Kepmendagri 300.2.2-2138/2025 melalui idn-area-data (ODbL 1.0, © fityannugroho dan kontributor).',
} as const;

export type VillageKind = 'kelurahan' | 'desa' | 'desa-adat';

export interface Province {
  code: string;
  name: string;
}
export interface RegencyRecord {
  code: string;
  provinceCode: string;
  name: string;
  kind: 'kabupaten' | 'kota';
}
export interface DistrictRecord {
  code: string;
  regencyCode: string;
  name: string;
}
export interface VillageRecord {
  code: string;
  districtCode: string;
  name: string;
  kind: VillageKind;
}

export interface RegionIndex {
  provinces: Map<string, Province>;
  regencies: Map<string, RegencyRecord>;
  districts: Map<string, DistrictRecord>;
  /** Read on first access. */
  readonly villages: Map<string, VillageRecord>;
  districtsOf(regencyCode: string): DistrictRecord[];
  villagesOfDistrict(districtCode: string): VillageRecord[];
  /** Every village of the regency, sorted by code. */
  villagesOfRegency(regencyCode: string): VillageRecord[];
}

/** Kind of a regency from its code: KK 01–69 kabupaten, 71–99 kota. */
export function regencyKindOf(code: string): 'kabupaten' | 'kota' | undefined {
  const kk = Number(code.slice(3, 5));
  if (kk >= 1 && kk <= 69) return 'kabupaten';
  if (kk >= 71 && kk <= 99) return 'kota';
  return undefined;
}

/** Kind of a village from the first digit of NNNN: 1 kelurahan, 2 desa, 3 desa adat. */
export function villageKindOf(code: string): VillageKind | undefined {
  switch (code.charCodeAt(9)) {
    case 49: return 'kelurahan'; // '1'
    case 50: return 'desa';
    case 51: return 'desa-adat';
    default: return undefined;
  }
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function rows(dir: string, file: string): string[][] {
  return parseCsvLines(readFileSync(join(dir, file), 'utf8')).slice(1);
}

function load(): RegionIndex {
  const dir = dataDir();
  const provinces = new Map<string, Province>();
  for (const [code, name] of rows(dir, 'provinces.csv')) provinces.set(code!, { code: code!, name: name! });
  const regencies = new Map<string, RegencyRecord>();
  for (const [code, provinceCode, name] of rows(dir, 'regencies.csv')) {
    regencies.set(code!, { code: code!, provinceCode: provinceCode!, name: name!, kind: regencyKindOf(code!) ?? 'kabupaten' });
  }
  const districts = new Map<string, DistrictRecord>();
  const districtsByRegency = new Map<string, DistrictRecord[]>();
  for (const [code, regencyCode, name] of rows(dir, 'districts.csv')) {
    const rec = { code: code!, regencyCode: regencyCode!, name: name! };
    districts.set(rec.code, rec);
    const list = districtsByRegency.get(rec.regencyCode);
    if (list) list.push(rec);
    else districtsByRegency.set(rec.regencyCode, [rec]);
  }

  // Villages are 97% of the data: read on first use, in one pass, grouped by kecamatan only.
  let villageData: { byDistrict: Map<string, VillageRecord[]> } | undefined;
  // The national table by code is built on first use from the lists by kecamatan: validation
  // matches a regency's villages against its own list and seldom needs it.
  let byCode: Map<string, VillageRecord> | undefined;
  const villageTables = () => {
    if (villageData) return villageData;
    const byDistrict = new Map<string, VillageRecord[]>();
    // 83,762 rows: split by hand; only a few names are quoted and need the full CSV reader.
    const text = readFileSync(join(dir, 'villages.csv'), 'utf8');
    let at = text.indexOf('\n') + 1;
    let district: VillageRecord[] = [];
    let districtCode = '';
    let quote = text.indexOf('"', at);
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const lineEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const from = at;
      at = end + 1;
      if (lineEnd === from) continue;
      let code: string, dcode: string, name: string;
      if (quote >= 0 && quote < lineEnd) {
        [code, dcode, name] = parseCsvLines(text.slice(from, lineEnd))[0] as [string, string, string];
        quote = text.indexOf('"', lineEnd);
      } else {
        const a = text.indexOf(',', from);
        const b = text.indexOf(',', a + 1);
        code = text.slice(from, a);
        dcode = text.slice(a + 1, b);
        name = text.slice(b + 1, lineEnd);
      }
      const rec: VillageRecord = { code, districtCode: dcode, name, kind: villageKindOf(code) ?? 'desa' };
      if (dcode !== districtCode) {
        districtCode = dcode;
        district = byDistrict.get(dcode) ?? [];
        byDistrict.set(dcode, district);
      }
      district.push(rec);
    }
    villageData = { byDistrict };
    return villageData;
  };
  const ofRegency = new Map<string, VillageRecord[]>();
  return {
    provinces,
    regencies,
    districts,
    get villages() {
      if (!byCode) {
        byCode = new Map();
        for (const list of villageTables().byDistrict.values()) for (const rec of list) byCode.set(rec.code, rec);
      }
      return byCode;
    },
    districtsOf: (code) => districtsByRegency.get(code) ?? [],
    villagesOfDistrict: (code) => villageTables().byDistrict.get(code) ?? [],
    villagesOfRegency: (code) => {
      let list = ofRegency.get(code);
      if (!list) {
        const byDistrict = villageTables().byDistrict;
        list = (districtsByRegency.get(code) ?? []).flatMap((d) => byDistrict.get(d.code) ?? []);
        // In code order, which the data already has; sorted if not, as matching relies on it.
        if (!list.every((v, i) => i === 0 || list![i - 1]!.code < v.code)) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
        ofRegency.set(code, list);
      }
      return list;
    },
  };
}

let cached: RegionIndex | undefined;

/** The decree index, loaded once per process. */
export function regionIndex(): RegionIndex {
  cached ??= load();
  return cached;
}
