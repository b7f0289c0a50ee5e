/**
 * The scaffold: a profile for any regency of the decree that validates with neither error nor
 * warning, the same every time, with the decree's kecamatan and villages; the catalog it starts
 * from; and the commented YAML it is written as.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { catalogFor } from '../src/profile/catalog.js';
import {
  grantFrom,
  kecamatanUnitCode,
  scaffoldProfile,
  SeededRandom,
  UnknownRegencyError,
  type ScaffoldOptions,
} from '../src/profile/scaffold.js';
import type { RegencyProfile, Village, VillagesFromDecree } from '../src/profile/types.generated.js';
import { DEFAULT_SCHEMA_PATH, profileToYaml, relativeSchemaPath } from '../src/profile/write-yaml.js';
import { PANGKAT } from '../src/domain/golongan.js';
import { checkNik } from '../src/domain/nik.js';
import { parseNip } from '../src/domain/nip.js';
import { todayOf } from '../src/domain/calendar.js';
import { regionIndex } from '../src/region/decree.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { validateText } from '../src/validate/validate-profile.js';

const region = regionIndex();
const TODAY = new Date();

/** Every diagnostic `eoffice validate` would print for the profile as written by write-yaml. */
function diagnosticsOf(profile: RegencyProfile): Diagnostic[] {
  return validateText(`${profile.regency.code}/regency.yaml`, profileToYaml(profile), { lang: 'en', today: TODAY }).diagnostics;
}

const show = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity} ${d.rule} ${d.path}: ${d.message}`).join('\n');

function expectClean(profile: RegencyProfile): void {
  const ds = diagnosticsOf(profile);
  expect(ds, show(ds)).toEqual([]);
}

const desaOf = (code: string) => region.villagesOfRegency(code).filter((v) => v.kind !== 'kelurahan');
/** The regency with the most kecamatan in the decree. */
const mostKecamatan = [...region.regencies.keys()].reduce((best, code) => (region.districtsOf(code).length > region.districtsOf(best).length ? code : best));
/** A regency with a desa adat (first N of the village code 3). */
const withDesaAdat = [...region.villages.values()].find((v) => v.kind === 'desa-adat')!.code.slice(0, 5);

describe('catalog', () => {
  for (const kind of ['kabupaten', 'kota'] as const) {
    it(`lists the usual agencies of a ${kind}`, () => {
      const c = catalogFor(kind);
      const agencies = c.filter((a) => a.kind !== 'bagian');
      expect(agencies.length).toBeGreaterThanOrEqual(22);
      expect(agencies.length).toBeLessThanOrEqual(28);
      for (const k of ['sekretariat-daerah', 'sekretariat-dprd', 'inspektorat'] as const) expect(c.filter((a) => a.kind === k)).toHaveLength(1);
      const bagian = c.filter((a) => a.kind === 'bagian');
      expect(bagian.length).toBeGreaterThanOrEqual(3);
      expect(bagian.length).toBeLessThanOrEqual(4);
      for (const b of bagian) {
        expect(b.parent).toBe('setda');
        expect(b.type).toBeUndefined();
      }
      for (const a of c) {
        expect(a.code).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(a.unitCode).toMatch(/^[A-Z0-9][A-Z0-9.-]*$/);
        // Full names: no word written as an abbreviation.
        expect(a.name).not.toMatch(/\b[A-Z]{2,}\b/);
        if (a.kind === 'sekretariat-daerah' || a.kind === 'dinas' || a.kind === 'badan') expect(a.type).toMatch(/^[ABC]$/);
        if (a.sipdCode !== undefined) expect(a.sipdCode).toMatch(/^\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/);
      }
      for (const key of ['code', 'unitCode', 'sipdCode', 'name'] as const) {
        const values = c.map((a) => a[key]).filter((v) => v !== undefined);
        expect(new Set(values).size, key).toBe(values.length);
      }
      const shortNames = c.map((a) => a.shortName);
      for (const s of ['Setda', 'Setwan', 'Bappeda', 'BKPSDM', 'BPKAD', 'BPBD', 'Kesbangpol', 'Diskominfo', 'DPMPTSP', 'Disdukcapil', 'DPUPR', 'Dinkes', 'Disdik', 'Satpol PP']) {
        expect(shortNames).toContain(s);
      }
    });
  }

  it('gives a kabupaten its village-empowerment agency and a kota none', () => {
    expect(catalogFor('kabupaten').find((a) => a.shortName === 'DPMD')?.name).toBe('Dinas Pemberdayaan Masyarakat dan Desa');
    expect(catalogFor('kota').some((a) => a.code === 'dpmd')).toBe(false);
  });
});

describe('scaffoldProfile', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is deterministic and never asks the clock or Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const options: ScaffoldOptions = { villageDetails: 3, deployment: { targets: ['kubernetes'], database: 'mariadb' } };
    const a = scaffoldProfile('35.22', options);
    const b = scaffoldProfile('35.22', structuredClone(options));
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
    expect(b).toEqual(a);
    expect(profileToYaml(b)).toBe(profileToYaml(a));
  });

  it('seeds its choices with the region code, so two regencies get different people', () => {
    const a = scaffoldProfile('35.22');
    const b = scaffoldProfile('35.17');
    expect(a.signatories[0].name).not.toBe(b.signatories[0].name);
    expect(a.signatories.map((s) => s.nip)).not.toEqual(b.signatories.map((s) => s.nip));
  });

  it('keeps the officials when village details are asked for', () => {
    const plain = scaffoldProfile('32.11');
    const detailed = scaffoldProfile('32.11', { villageDetails: 4 });
    expect(detailed.signatories.slice(0, plain.signatories.length)).toEqual(plain.signatories);
  });

  const samples: Array<[string, string]> = [
    ['32.11', 'the grantor, a kabupaten'],
    ['32.79', 'a kota with desa'],
    ['31.71', 'a kota with kelurahan only'],
    [withDesaAdat, 'a kabupaten with desa adat'],
    [mostKecamatan, 'the regency with the most kecamatan'],
  ];
  for (const [code, what] of samples) {
    it(`validates with no error and no warning: ${code} (${what})`, () => {
      const profile = scaffoldProfile(code);
      expectClean(profile);
      expect(profile.regency.code).toBe(code);
      expect(profile.regency.name).toBe(region.regencies.get(code)!.name);
      expect(profile.regency.kind).toBe(region.regencies.get(code)!.kind);
      expect(profile.regency.province).toBe(region.provinces.get(code.slice(0, 2))!.name);
      expect(profile.villages).toEqual({ from: 'kemendagri' });
    });
  }

  it('derives the domain and the head of region from the name', () => {
    const kab = scaffoldProfile('32.11');
    expect(kab.regency.domain).toBe('sumedangkab.go.id');
    expect(kab.regency.letterhead.website).toBe('https://sumedangkab.go.id');
    expect(kab.signatories[0]).toMatchObject({ id: 'bupati', position: 'Bupati Sumedang', role: 'kepala-daerah' });
    const kota = scaffoldProfile('32.79');
    expect(kota.regency.domain).toBe('banjarkota.go.id');
    expect(kota.signatories[0]).toMatchObject({ id: 'walikota', position: 'Wali Kota Banjar' });
    expect(scaffoldProfile('19.06').regency.domain).toBe('belitungtimurkab.go.id');
  });

  it('takes the domain and letterhead given', () => {
    const p = scaffoldProfile('35.22', { domain: 'bojonegorokab.go.id', letterhead: { address: 'Jl. P. Mas Tumapel No. 1, Bojonegoro', postcode: '62111' } });
    expect(p.regency.letterhead).toMatchObject({ address: 'Jl. P. Mas Tumapel No. 1, Bojonegoro', postcode: '62111', email: 'diskominfo@bojonegorokab.go.id' });
    expect(p.deployment?.domain).toBe('eoffice.bojonegorokab.go.id');
    expectClean(p);
  });

  it('lists one kecamatan agency per kecamatan of the decree, with unique unit codes', () => {
    for (const code of ['32.11', mostKecamatan, '31.71']) {
      const p = scaffoldProfile(code);
      const kec = p.opds.filter((o) => o.kind === 'kecamatan');
      const districts = region.districtsOf(code);
      expect(kec.map((o) => o.regionCode)).toEqual(districts.map((d) => d.code));
      expect(kec.map((o) => o.name)).toEqual(districts.map((d) => `Kecamatan ${d.name}`));
      for (const o of kec) {
        expect(o.unitCode).toMatch(/^KEC\.[A-Z0-9]+$/);
        expect(o.type).toMatch(/^[AB]$/);
      }
      const units = p.opds.map((o) => o.unitCode);
      expect(new Set(units).size).toBe(units.length);
      const sipd = p.opds.map((o) => o.sipdCode).filter((s) => s !== undefined);
      expect(new Set(sipd).size).toBe(sipd.length);
    }
  });

  it('with `listed: true` writes exactly the decree villages, each with its kind', () => {
    const p = scaffoldProfile('32.11', { listed: true, villageDetails: 2 });
    const listed = p.villages as Village[];
    const decree = region.villagesOfRegency('32.11');
    expect(listed).toHaveLength(decree.length);
    expect(listed.map((v) => [v.code, v.name, v.kind])).toEqual(decree.map((v) => [v.code, v.name, v.kind]));
    expect(listed.filter((v) => v.head !== undefined)).toHaveLength(2);
    expectClean(p);
  });

  it('gives village heads and officers to desa only, and lets the first head sign', () => {
    const p = scaffoldProfile('33.13', { villageDetails: 3 });
    const details = (p.villages as VillagesFromDecree).details!;
    expect(details).toHaveLength(3);
    for (const d of details) {
      expect(region.villages.get(d.code)?.kind).not.toBe('kelurahan');
      expect(d.head).toBeTruthy();
      expect(d.officers?.map((o) => o.role)).toContain('sekretaris-desa');
    }
    const kades = p.signatories.filter((s) => s.role === 'kepala-desa');
    expect(kades).toHaveLength(1);
    expect(kades[0]).toMatchObject({ village: details[0]!.code, name: details[0]!.head });
    expect(kades[0]!.nip).toBeUndefined();
    expectClean(p);
  });

  it('gives officials NIPs, ranks and NIKs that are valid by every rule', () => {
    const today = todayOf(TODAY);
    for (const code of ['32.11', '32.79', mostKecamatan]) {
      const p = scaffoldProfile(code);
      const head = p.signatories.find((s) => s.role === 'kepala-daerah')!;
      expect(head.nip).toBeUndefined();
      expect(head.delegation).toBeUndefined();
      const officials = p.signatories.filter((s) => s.nip !== undefined);
      expect(officials.length).toBeGreaterThanOrEqual(8);
      for (const s of officials) {
        const parsed = parseNip(s.nip!, today);
        expect(parsed.ok, `${s.id} ${s.nip}`).toBe(true);
        if (parsed.ok) expect(parsed.nip.kind).toBe('nip');
        expect(PANGKAT[s.golongan!]).toBe(s.pangkat);
      }
      for (const s of p.signatories.filter((x) => x.nik !== undefined)) {
        expect(checkNik(s.nik!), `${s.id} ${s.nik}`).toBeUndefined();
        expect(s.nik!.slice(0, 4)).toBe(code.replace('.', ''));
      }
      const nips = officials.map((s) => s.nip);
      expect(new Set(nips).size).toBe(nips.length);
      const sekda = p.signatories.find((s) => s.role === 'sekretaris-daerah')!;
      expect(sekda.delegation).toEqual({ type: 'a.n.', principal: head.id });
      expect(p.signatories.filter((s) => s.role === 'camat').every((s) => p.opds.find((o) => o.code === s.opd)?.kind === 'kecamatan')).toBe(true);
    }
  });

  it('never enables e-Office Desa where there is no desa, even when asked', () => {
    expect(desaOf('31.71')).toHaveLength(0);
    const p = scaffoldProfile('31.71', { apps: { eoffice: true, eofficeDesa: true, esakip: true } });
    expect(p.apps.eofficeDesa).toBeUndefined();
    expect(p.apps.eoffice?.enabled).toBe(true);
    expectClean(p);
    expect(scaffoldProfile('32.79').apps.eofficeDesa?.enabled).toBe(true);
  });

  it('enables only the apps asked for, and deploys where told', () => {
    const p = scaffoldProfile('35.17', { apps: { eoffice: true, eofficeDesa: false, esakip: true }, deployment: { targets: ['vm'], database: 'mariadb' } });
    expect(Object.keys(p.apps)).toEqual(['eoffice', 'esakip']);
    expect(p.deployment?.targets).toEqual(['vm']);
    expect(p.deployment?.database?.engine).toBe('mariadb');
    expectClean(p);
    const none = scaffoldProfile('35.17', { deployment: false, apps: { eoffice: false, eofficeDesa: true, esakip: false } });
    expect(none.deployment).toBeUndefined();
    expect(Object.keys(none.apps)).toEqual(['eofficeDesa']);
    expectClean(none);
    expect(() => scaffoldProfile('35.17', { apps: { eoffice: false, eofficeDesa: false, esakip: false } })).toThrow(/at least one/);
  });

  it('carries a grant whose grantor signatories do not collide with the recipient', () => {
    const grant = grantFrom('32.11', { agreement: { number: '000.4/1/HIBAH/2026', date: '2026-01-05' } });
    expect(grant.grantor).toMatchObject({ code: '32.11', name: 'Kabupaten Sumedang' });
    const sumedang = scaffoldProfile('32.11');
    expect(grant.grantor.signatories?.[0]).toMatchObject({ name: sumedang.signatories[0].name, position: 'Bupati Sumedang', institution: 'Pemerintah Kabupaten Sumedang' });
    const p = scaffoldProfile('32.18', { grant });
    expect(p.grant).toEqual(grant);
    expectClean(p);
  });

  it('refuses a code the decree does not have', () => {
    expect(() => scaffoldProfile('32.99')).toThrow(UnknownRegencyError);
    expect(() => scaffoldProfile('32')).toThrow(/not a regency/);
  });
});

describe('kecamatanUnitCode', () => {
  it('abbreviates by syllables and keeps codes unique', () => {
    const used = new Set<string>();
    const codes = ['Tanjungsari', 'Tanjungkerta', 'Tanjungmedar', 'Sumedang Utara', 'Sumedang Selatan', 'Jatinangor', 'Jatinunggal'].map((n) => kecamatanUnitCode(n, used));
    expect(codes.slice(0, 5)).toEqual(['KEC.TJS', 'KEC.TJK', 'KEC.TJM', 'KEC.SMDU', 'KEC.SMDS']);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('numbers a name whose every abbreviation is taken, and copes with odd names', () => {
    const used = new Set<string>();
    const a = kecamatanUnitCode('Wado', used);
    const b = kecamatanUnitCode('Wado', used);
    expect(a).not.toBe(b);
    for (const name of ['2 x 11 Anam Lingkuang', "O'o'u", 'Ra"as', 'Na IX - X']) {
      expect(kecamatanUnitCode(name, used)).toMatch(/^KEC\.[A-Z0-9]+$/);
    }
    expect(used.size).toBe(6);
  });
});

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = new SeededRandom('32.11');
    const b = new SeededRandom('32.11');
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new SeededRandom('32.12').next()).not.toBe(xs[0]);
  });
});

describe('profileToYaml', () => {
  const profile = scaffoldProfile('32.79', { villageDetails: 1, grant: grantFrom('32.11', { agreement: { number: '000.4/9/HIBAH/2026', date: '2026-02-02' } }) });

  it('reads back as the same profile', () => {
    expect(parse(profileToYaml(profile))).toEqual(profile);
    const listed = scaffoldProfile('32.79', { listed: true });
    expect(parse(profileToYaml(listed))).toEqual(listed);
  });

  it('starts with the schema line, by default as seen from examples/<region>/', () => {
    expect(profileToYaml(profile).split('\n')[0]).toBe(`# yaml-language-server: $schema=${DEFAULT_SCHEMA_PATH}`);
    expect(profileToYaml(profile, { schemaPath: './schemas/regency-profile.schema.json' }).split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/regency-profile.schema.json');
    expect(profileToYaml(profile, { schemaPath: false })).not.toContain('yaml-language-server');
    expect(relativeSchemaPath('/srv/banjar', '/srv/banjar/schemas/regency-profile.schema.json')).toBe('./schemas/regency-profile.schema.json');
    expect(relativeSchemaPath('/work/examples/banjar', '/work/schemas/regency-profile.schema.json')).toBe(DEFAULT_SCHEMA_PATH);
  });

  it('quotes region codes, dates and identity numbers as strings', () => {
    const text = profileToYaml(profile);
    expect(text).toContain('code: "32.79"\n');
    expect(text).toMatch(/regionCode: "32\.79\.01"\n/);
    expect(text).toMatch(/- code: "32\.79\.\d{2}\.\d{4}"\n/);
    expect(text).toMatch(/nip: "\d{18}"\n/);
    expect(text).toMatch(/nik: "\d{16}"\n/);
    expect(text).toContain('date: "2026-02-02"\n');
    expect(text).toContain('targets: [compose]\n');
    const listed = profileToYaml(scaffoldProfile('32.79', { listed: true }));
    expect(listed).toMatch(/\n {2}- \{code: "32\.79\.01\.\d{4}", name: [^,]+, kind: (kelurahan|desa)\}\n/);
  });

  it('explains each section in a comment, in Bahasa Indonesia or English', () => {
    const id = profileToYaml(profile);
    const en = profileToYaml(profile, { lang: 'en' });
    for (const section of ['regency', 'opds', 'villages', 'signatories', 'apps', 'deployment', 'grant']) {
      for (const text of [id, en]) {
        const lines = text.split('\n');
        const at = lines.indexOf(`${section}:`);
        expect(at, section).toBeGreaterThan(0);
        expect(lines[at - 1], section).toMatch(/^# /);
      }
    }
    expect(id).toContain('# Perangkat daerah (PP 18/2016)');
    expect(en).toContain('# Regional agencies (PP 18/2016)');
    expect(id).toMatch(/# OPD kecamatan: satu untuk setiap kecamatan dalam Kepmendagri 2025 \(4\)/);
    expect(en).not.toContain('Perangkat daerah (PP 18/2016)');
  });

  it('adds the header lines given after the schema line', () => {
    const text = profileToYaml(profile, { header: ['Nama dan NIP fiktif.'] });
    expect(text.split('\n').slice(0, 4)).toContain('# Nama dan NIP fiktif.');
  });

  it('writes keys in a fixed order whatever order the object has', () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(profileToYaml(reversed(profile) as RegencyProfile)).toBe(profileToYaml(profile));
    expect(profileToYaml(profile).indexOf('\napiVersion:')).toBeLessThan(profileToYaml(profile).indexOf('\nregency:'));
  });
});

describe('all 514 regencies and cities', () => {
  it('each scaffolds, with every village listed, into a profile that validates with no error and no warning', () => {
    const codes = [...region.regencies.keys()];
    expect(codes).toHaveLength(514);
    const failures: string[] = [];
    let villages = 0;
    let kecamatan = 0;
    for (const code of codes) {
      const profile = scaffoldProfile(code, { listed: true, region });
      villages += (profile.villages as Village[]).length;
      kecamatan += profile.opds.filter((o) => o.kind === 'kecamatan').length;
      const ds = diagnosticsOf(profile);
      if (ds.length > 0) failures.push(`${code} ${profile.regency.name}:\n${show(ds)}`);
    }
    expect(failures.slice(0, 5).join('\n\n')).toBe('');
    expect(villages).toBe(83_762);
    expect(kecamatan).toBe(7_285);
  });
});
