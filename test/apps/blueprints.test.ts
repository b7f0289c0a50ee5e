/**
 * The blueprints of the reference applications themselves: manifests (app, version, policies,
 * components, seed tables), quoting lint, and nothing of any particular regency in the templates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBlueprint } from '../../src/blueprint/lint.js';
import { loadBlueprint } from '../../src/blueprint/load.js';
import type { Blueprint } from '../../src/blueprint/manifest.js';
import { regionIndex } from '../../src/region/decree.js';
import { SEED_TABLE_NAMES } from '../../src/seed/tables.js';
import { matchesGlob } from '../../src/util/glob.js';
import { filesUnder, TEMPLATES } from './support.js';

const NAMES = ['app-runtime', 'eoffice', 'eoffice-desa', 'esakip'] as const;
const blueprints = new Map<string, Blueprint>();
for (const name of NAMES) {
  const loaded = await loadBlueprint(join(TEMPLATES, name), 'en');
  if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.diagnostics)}`);
  blueprints.set(name, loaded.blueprint);
}

/** The policy a file gets: the first rule whose glob matches, as the renderer decides. */
const policyOf = (bp: Blueprint, path: string) => bp.manifest.files.find((r) => matchesGlob(path, r.match))?.policy ?? 'managed';

describe('reference application blueprints', () => {
  it('declare their app, version 1.0.0, service component and seed tables', () => {
    const expected = { 'app-runtime': ['shared', []], eoffice: ['eoffice', ['eoffice']], 'eoffice-desa': ['eofficeDesa', ['eoffice-desa']], esakip: ['esakip', ['esakip']] } as const;
    for (const [name, [app, components]] of Object.entries(expected)) {
      const m = blueprints.get(name)!.manifest;
      expect(m.app, name).toBe(app);
      expect(m.version, name).toBe('1.0.0');
      expect(m.components ?? [], name).toEqual(components);
      for (const table of m.seed ?? []) expect(SEED_TABLE_NAMES, `${name} seed ${table}`).toContain(table);
    }
    expect(blueprints.get('eoffice')!.manifest.seed).toEqual(expect.arrayContaining(['opd', 'penandatangan', 'klasifikasi_arsip', 'penomoran_surat']));
    expect(blueprints.get('eoffice-desa')!.manifest.seed).toEqual(expect.arrayContaining(['desa', 'perangkat_desa', 'wilayah', 'penomoran_surat']));
  });

  it('source is managed, configuration merged by key, READMEs merged as text', () => {
    for (const [name, bp] of blueprints) {
      for (const file of bp.files) {
        const path = file.path.replace(/\.hbs$/, '');
        const policy = policyOf(bp, path);
        if (/\/config\/[^/]+\.json$/.test(path)) expect(policy, `${name}: ${path}`).toBe('merge-structured');
        else if (/README\.md$/.test(path)) expect(policy, `${name}: ${path}`).toBe('merge-text');
        else expect(policy, `${name}: ${path}`).toBe('managed');
      }
    }
  });

  it('each app has its package, strict tsconfig, Dockerfile, README, config, sources and tests', () => {
    for (const app of ['eoffice', 'eoffice-desa', 'esakip']) {
      const paths = blueprints.get(app)!.files.map((f) => f.path);
      for (const want of ['package.json', 'tsconfig.json', 'Dockerfile', 'README.md.hbs', 'config/app.json.hbs', 'src/main.ts', 'src/app.ts']) {
        expect(paths, `${app}: ${want}`).toContain(`apps/${app}/${want}`);
      }
      expect(paths.some((p) => p.startsWith(`apps/${app}/test/`) && p.endsWith('.test.ts')), app).toBe(true);
      const pkg = JSON.parse(readFileSync(join(TEMPLATES, app, 'files', 'apps', app, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
      expect(Object.keys(pkg.scripts).sort()).toEqual(['build', 'start', 'test']);
      expect(pkg.scripts.build).toMatch(/^tsc\b/);
      expect(pkg.dependencies).toEqual({ 'eoffice-runtime': '*' });
      const docker = readFileSync(join(TEMPLATES, app, 'files', 'apps', app, 'Dockerfile'), 'utf8');
      expect(docker).toMatch(/^FROM node:24-alpine AS build$/m);
      expect(docker).toMatch(/npm ci --omit=dev/);
      expect(docker).toMatch(/^USER node$/m);
      expect(docker).toMatch(/^EXPOSE 8080$/m);
      expect(docker).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    }
    const base = JSON.parse(readFileSync(join(TEMPLATES, 'app-runtime', 'files', 'apps', 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { strict: boolean } };
    expect(base.compilerOptions.strict).toBe(true);
  });

  it('pass the quoting lint', () => {
    for (const bp of blueprints.values()) expect(lintBlueprint(bp, 'en')).toEqual([]);
  });

  it('carry nothing of any particular regency: no regency name, no region code, not the grantor', () => {
    const region = regionIndex();
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const names = [...region.regencies.values()].flatMap((r) => [r.name, r.name.replace(/^(Kabupaten|Kota)\s+(Administrasi\s+)?/i, '')]);
    // `kaur` is the Permendagri 84/2015 role (kepala urusan) of village officers, not Kabupaten Kaur.
    const allowed = new Set(['kaur']);
    const pattern = new RegExp(`\\b(?:${[...new Set(names)].filter((n) => !allowed.has(n.toLowerCase())).map(escape).join('|')})\\b`, 'gi');
    const codes = new Set(region.regencies.keys());
    const found: string[] = [];
    let scanned = 0;
    for (const name of NAMES) {
      const dir = join(TEMPLATES, name);
      for (const file of filesUnder(dir)) {
        const text = readFileSync(join(dir, file), 'utf8');
        scanned++;
        for (const m of text.matchAll(pattern)) found.push(`${name}/${file}: ${m[0]}`);
        for (const m of text.matchAll(/(?<![\d.])(\d{2}\.\d{2})(?!\d)/g)) if (codes.has(m[1]!)) found.push(`${name}/${file}: ${m[1]}`);
      }
    }
    expect(scanned).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });
});
