/**
 * The bundled examples: Sumedang (the grantor) and the eight recipients named in public reports.
 * Each validates with neither error nor warning (in-process and through the built bin/eoffice),
 * carries the schema line, names its region as the decree does, lists every kecamatan, and is
 * exactly what scripts/make-examples.mjs generates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { grantFrom, scaffoldProfile } from '../src/profile/scaffold.js';
import type { RegencyProfile, VillagesFromDecree } from '../src/profile/types.generated.js';
import { profileToYaml } from '../src/profile/write-yaml.js';
import { regionIndex } from '../src/region/decree.js';
import { validateText } from '../src/validate/validate-profile.js';
import { ROOT, runCli } from './helpers/cli.js';

const SCHEMA_LINE = '# yaml-language-server: $schema=../../schemas/regency-profile.schema.json';
const EXPECTED: Record<string, string> = {
  sumedang: '32.11',
  bojonegoro: '35.22',
  jombang: '35.17',
  'ogan-ilir': '16.10',
  lebak: '36.02',
  sukabumi: '32.02',
  'belitung-timur': '19.06',
  pangandaran: '32.18',
  karanganyar: '33.13',
};

const examplesDir = join(ROOT, 'examples');
// examples/ci holds CI templates, not a regency.
const dirs = readdirSync(examplesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'ci')
  .map((e) => e.name)
  .sort();
const examples = dirs.map((dir) => {
  const text = readFileSync(join(examplesDir, dir, 'regency.yaml'), 'utf8');
  return { dir, text, profile: parse(text) as RegencyProfile };
});
const byDir = new Map(examples.map((e) => [e.dir, e]));
const region = regionIndex();
const enabled = (app: { enabled?: boolean } | undefined) => app !== undefined && app.enabled !== false;

interface ExamplesModule {
  buildExamples(api: { scaffoldProfile: typeof scaffoldProfile; grantFrom: typeof grantFrom; profileToYaml: typeof profileToYaml }): Array<{ dir: string; code: string; text: string }>;
}

describe('examples/', () => {
  it('holds Sumedang and the eight recipients', () => {
    expect(dirs).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { dir, text, profile } of examples) {
    describe(dir, () => {
      it('validates with no error and no warning', () => {
        const result = validateText(`examples/${dir}/regency.yaml`, text, { lang: 'en', strict: true });
        expect(result.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.path}: ${d.message}`)).toEqual([]);
        expect(result.valid).toBe(true);
      });

      it('starts with the schema line and says its people are fictional', () => {
        const lines = text.split('\n');
        expect(lines[0]).toBe(SCHEMA_LINE);
        const header = lines.slice(0, lines.findIndex((l) => !l.startsWith('#')));
        expect(header.join('\n')).toMatch(/fiktif/);
        expect(header.join('\n')).toContain('ODbL');
      });

      it('names its region as the decree does, with every kecamatan', () => {
        const code = EXPECTED[dir]!;
        const rec = region.regencies.get(code)!;
        expect(profile.regency.code).toBe(code);
        expect(text).toContain(`  code: "${code}"\n`);
        expect(profile.regency.name).toBe(rec.name);
        expect(profile.regency.province).toBe(region.provinces.get(rec.provinceCode)!.name);
        expect(profile.regency.domain).toBe(`${dir.replace(/-/g, '')}kab.go.id`);
        const kec = profile.opds.filter((o) => o.kind === 'kecamatan').map((o) => o.regionCode);
        expect(kec).toEqual(region.districtsOf(code).map((d) => d.code));
        expect((profile.villages as VillagesFromDecree).from).toBe('kemendagri');
        expect(profile.regency.letterhead.postcode).toMatch(/^\d{5}$/);
        expect(profile.regency.letterhead.phone).toMatch(/^\(0\d{2,3}\) \d+$/);
      });

      if (dir !== 'sumedang') {
        it('carries the grant from Sumedang, signed by the same (fictional) Bupati as the Sumedang example', () => {
          const grant = profile.grant!;
          expect(grant.grantor.code).toBe('32.11');
          expect(grant.grantor.name).toBe('Kabupaten Sumedang');
          expect(grant.agreement.date).toMatch(/^2026-/);
          expect(grant.bast!.date >= grant.agreement.date).toBe(true);
          expect(grant.items).toContain('source-code');
          const sumedangHead = byDir.get('sumedang')!.profile.signatories.find((s) => s.role === 'kepala-daerah')!;
          const grantorHead = grant.grantor.signatories!.find((s) => s.role === 'kepala-daerah')!;
          expect(grantorHead).toMatchObject({ name: sumedangHead.name, nik: sumedangHead.nik, position: 'Bupati Sumedang' });
          const kominfo = byDir.get('sumedang')!.profile.signatories.find((s) => s.opd === 'diskominfo')!;
          expect(grant.grantor.signatories!.find((s) => s.role === 'kepala-opd')).toMatchObject({ name: kominfo.name, nip: kominfo.nip, position: kominfo.position });
        });
      }
    });
  }

  it('leaves the grant out of the grantor', () => {
    expect(byDir.get('sumedang')!.profile.grant).toBeUndefined();
  });

  it('varies apps and deployment across the examples', () => {
    const profiles = examples.map((e) => e.profile);
    const allThree = profiles.filter((p) => enabled(p.apps.eoffice) && enabled(p.apps.eofficeDesa) && enabled(p.apps.esakip));
    expect(allThree.length).toBeGreaterThanOrEqual(2);
    const targets = new Set(profiles.flatMap((p) => p.deployment?.targets ?? []));
    expect([...targets].sort()).toEqual(['compose', 'kubernetes', 'vm']);
    const engines = new Set(profiles.map((p) => p.deployment?.database?.engine));
    expect(engines).toContain('postgresql');
    expect(engines).toContain('mariadb');
  });

  it('gives some villages their heads and officers', () => {
    const detailed = examples.filter((e) => (e.profile.villages as VillagesFromDecree).details?.some((d) => d.head && (d.officers?.length ?? 0) > 0));
    expect(detailed.length).toBeGreaterThanOrEqual(1);
    for (const { profile } of detailed) {
      const kades = profile.signatories.find((s) => s.role === 'kepala-desa')!;
      expect((profile.villages as VillagesFromDecree).details!.map((d) => d.code)).toContain(kades.village);
    }
  });

  it('are exactly what scripts/make-examples.mjs generates', async () => {
    const url = pathToFileURL(join(ROOT, 'scripts', 'make-examples.mjs')).href;
    const mod = (await import(url)) as ExamplesModule;
    const built = mod.buildExamples({ scaffoldProfile, grantFrom, profileToYaml });
    expect(built.map((b) => b.dir).sort()).toEqual(dirs);
    for (const b of built) expect(b.text, `examples/${b.dir}/regency.yaml is out of date: run node scripts/make-examples.mjs`).toBe(byDir.get(b.dir)!.text);
  });

  it('pass `eoffice validate --strict` as a user runs it', async () => {
    const run = await runCli(['validate', '--strict', '--format', 'json', 'examples/*/regency.yaml'], { cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { files: Array<{ file: string; valid: boolean; diagnostics: unknown[] }> };
    expect(out.files).toHaveLength(9);
    for (const f of out.files) {
      expect(f.valid, f.file).toBe(true);
      expect(f.diagnostics, f.file).toEqual([]);
    }
  });
});
