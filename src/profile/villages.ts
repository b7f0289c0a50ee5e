import type { RegionIndex, VillageKind } from '../region/decree.js';
import { villageKindOf } from '../region/decree.js';
import type { RegencyProfile, VillageOfficer } from './types.generated.js';

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

export function resolveVillages(profile: RegencyProfile, region: RegionIndex): ResolvedVillage[] {
  const v = profile.villages;
  if (!v) return [];
  if (Array.isArray(v)) {
    return v
      .map((item, i) => ({
        code: item.code,
        districtCode: item.code.slice(0, 8),
        name: item.name,
        kind: item.kind ?? villageKindOf(item.code) ?? 'desa',
        ...(item.head !== undefined ? { head: item.head } : {}),
        officers: item.officers ?? [],
        ...(item.address !== undefined ? { address: item.address } : {}),
        ...(item.postcode !== undefined ? { postcode: item.postcode } : {}),
        source: ['villages', i],
      }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
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
    out.push({
      code: rec.code,
      districtCode: rec.districtCode,
      name: rec.name,
      kind: rec.kind,
      ...(detail?.d.head !== undefined ? { head: detail.d.head } : {}),
      officers: detail?.d.officers ?? [],
      ...(detail?.d.address !== undefined ? { address: detail.d.address } : {}),
      ...(detail?.d.postcode !== undefined ? { postcode: detail.d.postcode } : {}),
      source: detail ? ['villages', 'details', detail.i] : ['villages'],
    });
  }
  return out;
}
