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
  villages: Map<string, VillageRecord>;
  districtsOf(regencyCode: string): DistrictRecord[];
  villagesOfDistrict(districtCode: string): VillageRecord[];
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
  return ({ '1': 'kelurahan', '2': 'desa', '3': 'desa-adat' } as const)[code.charAt(9) as '1' | '2' | '3'];
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function load(): RegionIndex {
  const dir = dataDir();
  const rows = (file: string) => parseCsvLines(readFileSync(join(dir, file), 'utf8')).slice(1);
  const provinces = new Map<string, Province>();
  for (const [code, name] of rows('provinces.csv')) provinces.set(code!, { code: code!, name: name! });
  const regencies = new Map<string, RegencyRecord>();
  for (const [code, provinceCode, name] of rows('regencies.csv')) {
    regencies.set(code!, { code: code!, provinceCode: provinceCode!, name: name!, kind: regencyKindOf(code!) ?? 'kabupaten' });
  }
  const districts = new Map<string, DistrictRecord>();
  for (const [code, regencyCode, name] of rows('districts.csv')) {
    districts.set(code!, { code: code!, regencyCode: regencyCode!, name: name! });
  }
  const villages = new Map<string, VillageRecord>();
  for (const [code, districtCode, name] of rows('villages.csv')) {
    villages.set(code!, { code: code!, districtCode: districtCode!, name: name!, kind: villageKindOf(code!) ?? 'desa' });
  }
  const byRegency = groupBy(districts.values(), (d) => d.regencyCode);
  const byDistrict = groupBy(villages.values(), (v) => v.districtCode);
  const byRegencyVillages = groupBy(villages.values(), (v) => v.code.slice(0, 5));
  return {
    provinces,
    regencies,
    districts,
    villages,
    districtsOf: (code) => byRegency.get(code) ?? [],
    villagesOfDistrict: (code) => byDistrict.get(code) ?? [],
    villagesOfRegency: (code) => byRegencyVillages.get(code) ?? [],
  };
}

let cached: RegionIndex | undefined;

/** The decree index, loaded once per process. */
export function regionIndex(): RegionIndex {
  cached ??= load();
  return cached;
}
