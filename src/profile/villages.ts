import type { RegionIndex, VillageKind, VillageRecord } from '../region/decree.js';
import { villageKindOf } from '../region/decree.js';
import type { RegencyProfile, VillageDetail, VillageOfficer } from './types.generated.js';

/** A village of the profile after `from: kemendagri` is filled from the decree, sorted by code. */
export interface ResolvedVillage {
  code: string;
  districtCode: string;
  name: string;
  kind: VillageKind;
  head?: string;
  officers: VillageOfficer[];
  address?: string;
  postcode?: string;
  /** Where in the profile this village comes from, for diagnostics. */
  source: (string | number)[];
}

/**
 * One village, its keys always in the same order (the model's output depends on it), set one by one:
 * a regency has hundreds of villages, and object spreads made resolving them slow.
 */
function resolved(code: string, districtCode: string, name: string, kind: VillageKind, detail: Omit<VillageDetail, 'code'> | undefined, source: (string | number)[]): ResolvedVillage {
  const village = { code, districtCode, name, kind } as ResolvedVillage;
  if (detail?.head !== undefined) village.head = detail.head;
  village.officers = detail?.officers ?? [];
  if (detail?.address !== undefined) village.address = detail.address;
  if (detail?.postcode !== undefined) village.postcode = detail.postcode;
  village.source = source;
  return village;
}

export function resolveVillages(profile: RegencyProfile, region: RegionIndex): ResolvedVillage[] {
  const v = profile.villages;
  if (!v) return [];
  if (Array.isArray(v)) {
    const out: ResolvedVillage[] = new Array(v.length);
    let sorted = true;
    for (let i = 0; i < v.length; i++) {
      const item = v[i]!;
      const village = resolved(item.code, item.code.slice(0, 8), item.name, item.kind ?? villageKindOf(item.code) ?? 'desa', item, ['villages', i]);
      out[i] = village;
      if (i > 0 && out[i - 1]!.code > item.code) sorted = false;
    }
    // Lists are usually written in code order already; sorting them again is most of the cost.
    return sorted ? out : out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  const regency = profile.regency.code;
  const include = v.include ?? [];
  const exclude = new Set(v.exclude ?? []);
  const matches = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code === p || code.startsWith(p + '.'));
  const details = new Map((v.details ?? []).map((d, i) => [d.code, { d, i }] as const));
  const out: ResolvedVillage[] = [];
  for (const rec of region.villagesOfRegency(regency)) {
    if (include.length > 0 && !matches(rec.code, include)) continue;
    if (exclude.size > 0 && matches(rec.code, [...exclude])) continue;
    const detail = details.get(rec.code);
    out.push(resolved(rec.code, rec.districtCode, rec.name, rec.kind, detail?.d, detail ? ['villages', 'details', detail.i] : ['villages']));
  }
  return out;
}

/**
 * For a profile that lists its villages, the decree's record of each listed code, by index
 * (undefined where the decree has no such village). A list in code order — as written by `init`
 * and by the decree itself — is matched against the regency's own decree list in one merge walk,
 * without a lookup in the national table per village; anything else falls back to that lookup.
 */
export function decreeRecordsOf(list: readonly { code: string }[], regencyCode: string, region: RegionIndex): (VillageRecord | undefined)[] {
  const out: (VillageRecord | undefined)[] = new Array(list.length);
  // Sorted by code (see RegionIndex.villagesOfRegency).
  const decree = region.villagesOfRegency(regencyCode);
  const prefix = regencyCode + '.';
  let j = 0;
  let highest = '';
  for (let i = 0; i < list.length; i++) {
    const code = list[i]!.code;
    // Every decree code before j is below the highest code walked to, so below this one.
    if (code > highest && code.startsWith(prefix)) {
      highest = code;
      while (j < decree.length && decree[j]!.code < code) j++;
      out[i] = j < decree.length && decree[j]!.code === code ? decree[j] : undefined;
      continue;
    }
    // Another regency's code, or out of order: looked up in the national table.
    out[i] = region.villages.get(code);
  }
  return out;
}
