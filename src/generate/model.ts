import { DECREE, regencyKindOf, type RegionIndex } from '../region/decree.js';
import type { Opd, RegencyProfile, Signatory } from '../profile/types.generated.js';
import { resolveVillages, type ResolvedVillage } from '../profile/villages.js';

export const DEFAULT_LETTER_TEMPLATE = '{klasifikasi}/{nomor}/{unit}/{tahun}';
export const DEFAULT_DESA_LETTER_TEMPLATE = '{klasifikasi}/{nomor}/{kodeDesa}/{tahun}';

export interface ModelOpd extends Opd {
  /** The unit code letter numbers use (the code in capitals when the profile gives none). */
  unit: string;
  /** The name as a letterhead prints it: capitals, never abbreviated. */
  letterheadName: string;
  parentName?: string;
}

export interface ModelSignatory extends Signatory {
  status: NonNullable<Signatory['status']>;
  principal?: Signatory;
  via?: Signatory;
  superiorOf?: Signatory;
}

export interface ModelKecamatan {
  code: string;
  name: string;
  opd?: string;
  villages: number;
}

/** Everything a blueprint template may read; built once per generation, read-only. */
export interface TemplateModel {
  toolkit: { name: 'eoffice'; version: string };
  profile: RegencyProfile;
  regency: RegencyProfile['regency'] & {
    kind: 'kabupaten' | 'kota';
    /** File-name-safe short name: `sumedang`, `kota-banjar`. */
    slug: string;
    /** `Sumedang` for `Kabupaten Sumedang`. */
    shortName: string;
    /** `PEMERINTAH KABUPATEN SUMEDANG`, the letterhead's first line. */
    government: string;
    headTitle: 'Bupati' | 'Wali Kota';
  };
  opds: ModelOpd[];
  kecamatan: ModelKecamatan[];
  villages: ResolvedVillage[];
  desa: ResolvedVillage[];
  signatories: ModelSignatory[];
  apps: {
    eoffice?: NonNullable<RegencyProfile['apps']['eoffice']> & { letterTemplate: string };
    eofficeDesa?: NonNullable<RegencyProfile['apps']['eofficeDesa']> & { letterTemplate: string };
    esakip?: NonNullable<RegencyProfile['apps']['esakip']> & { years: number[] };
  };
  deployment: NonNullable<RegencyProfile['deployment']> | { targets: [] };
  grant?: RegencyProfile['grant'];
  decree: typeof DECREE;
}

export function slugOf(name: string, kind: 'kabupaten' | 'kota'): string {
  const short = name.replace(/^(kabupaten|kota)\s+/i, '');
  const base = short.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return kind === 'kota' ? `kota-${base}` : base;
}

const enabled = <T extends { enabled?: boolean }>(app: T | undefined): T | undefined => (app && app.enabled !== false ? app : undefined);

/** The profile as templates see it: decree data filled in, references resolved, defaults applied. */
export function buildModel(profile: RegencyProfile, region: RegionIndex, toolkitVersion: string): TemplateModel {
  const kind = regencyKindOf(profile.regency.code) ?? 'kabupaten';
  const shortName = profile.regency.name.replace(/^(kabupaten|kota)\s+/i, '');
  const byCode = new Map(profile.opds.map((o) => [o.code, o]));
  const opds: ModelOpd[] = profile.opds.map((o) => ({
    ...o,
    unit: o.unitCode ?? o.code.toUpperCase(),
    letterheadName: o.name.toUpperCase(),
    ...(o.parent && byCode.get(o.parent) ? { parentName: byCode.get(o.parent)!.name } : {}),
  }));
  const villages = resolveVillages(profile, region);
  const villagesPerDistrict = new Map<string, number>();
  for (const v of villages) villagesPerDistrict.set(v.districtCode, (villagesPerDistrict.get(v.districtCode) ?? 0) + 1);
  const kecamatanOpd = new Map(profile.opds.filter((o) => o.kind === 'kecamatan' && o.regionCode).map((o) => [o.regionCode!, o.code]));
  const kecamatan = region.districtsOf(profile.regency.code).map((d) => ({
    code: d.code,
    name: d.name,
    ...(kecamatanOpd.has(d.code) ? { opd: kecamatanOpd.get(d.code)! } : {}),
    villages: villagesPerDistrict.get(d.code) ?? 0,
  }));
  const sigById = new Map(profile.signatories.map((s) => [s.id, s]));
  const signatories: ModelSignatory[] = profile.signatories.map((s) => ({
    ...s,
    status: s.status ?? 'definitif',
    ...(s.delegation && sigById.get(s.delegation.principal) ? { principal: sigById.get(s.delegation.principal)! } : {}),
    ...(s.delegation?.via && sigById.get(s.delegation.via) ? { via: sigById.get(s.delegation.via)! } : {}),
    ...(s.superior && sigById.get(s.superior) ? { superiorOf: sigById.get(s.superior)! } : {}),
  }));
  const eoffice = enabled(profile.apps.eoffice);
  const eofficeDesa = enabled(profile.apps.eofficeDesa);
  const esakip = enabled(profile.apps.esakip);
  const period = esakip?.period ?? { start: 2025, end: 2029 };
  return {
    toolkit: { name: 'eoffice', version: toolkitVersion },
    profile,
    regency: {
      ...profile.regency,
      kind,
      slug: slugOf(profile.regency.name, kind),
      shortName,
      government: `PEMERINTAH ${kind === 'kota' ? 'KOTA' : 'KABUPATEN'} ${shortName.toUpperCase()}`,
      headTitle: kind === 'kota' ? 'Wali Kota' : 'Bupati',
    },
    opds,
    kecamatan,
    villages,
    desa: villages.filter((v) => v.kind !== 'kelurahan'),
    signatories,
    apps: {
      ...(eoffice ? { eoffice: { ...eoffice, letterTemplate: eoffice.letterNumber?.template ?? DEFAULT_LETTER_TEMPLATE } } : {}),
      ...(eofficeDesa ? { eofficeDesa: { ...eofficeDesa, letterTemplate: eofficeDesa.letterNumber?.template ?? DEFAULT_DESA_LETTER_TEMPLATE } } : {}),
      ...(esakip ? { esakip: { ...esakip, period, years: Array.from({ length: period.end - period.start + 1 }, (_, i) => period.start + i) } } : {}),
    },
    deployment: profile.deployment ?? { targets: [] },
    ...(profile.grant ? { grant: profile.grant } : {}),
    decree: DECREE,
  };
}
