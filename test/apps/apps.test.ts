/**
 * The three reference applications, generated for real examples: each app builds with its own
 * `tsc` and passes its own tests; then, against a real PostgreSQL and a real MariaDB loaded with the
 * generated seed, each built app is booted and asked over HTTP for its regency's letterheads,
 * agencies, villages, signature blocks, performance-agreement pairs and letter numbers (50 issued
 * at once: 50 distinct, consecutive numbers).
 *
 * Bojonegoro chooses PostgreSQL. No MariaDB example enables all three apps, so Belitung Timur
 * (MariaDB, e-Office and e-Office Desa) is used with e-SAKIP also enabled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLetterNumber } from '../../src/domain/letter-number.js';
import { formatSignatureBlock, signatureBlock } from '../../src/domain/signature-block.js';
import type { ModelSignatory, TemplateModel } from '../../src/generate/model.js';
import { findLeftovers, formatLeftover } from '../../src/generate/leftovers.js';
import { regionIndex } from '../../src/region/decree.js';
import { applySeed } from '../../src/seed/apply.js';
import { serverForTests, type DbServer, type ServerDialect } from '../helpers/db.js';
import { tempDir } from '../helpers/tree.js';
import {
  APPS,
  boot,
  checkExample,
  editedProfile,
  filesUnder,
  generateExample,
  getJson,
  linkNodeModules,
  npmRun,
  postJson,
  ROOT,
  type AppName,
  type BootedApp,
  type RunResult,
} from './support.js';

interface Example {
  name: string;
  dialect: ServerDialect;
  profile: string;
  out: string;
  model: TemplateModel;
  enabled: AppName[];
  builds: Map<string, RunResult>;
  tests: Map<string, RunResult>;
}

const work = tempDir('eoffice-apps-');
const examples: Example[] = [];
const booted: BootedApp[] = [];

const enabledApps = (m: TemplateModel): AppName[] =>
  APPS.filter((a) => (a === 'eoffice' ? m.apps.eoffice : a === 'eoffice-desa' ? m.apps.eofficeDesa : m.apps.esakip) !== undefined);

/** Builds the runtime and each app with their own npm scripts (one after another: they share runtime/dist). */
async function buildAndTest(ex: Example): Promise<void> {
  const apps = join(ex.out, 'apps');
  for (const pkg of ['runtime', ...ex.enabled]) {
    const build = await npmRun(join(apps, pkg), 'build');
    ex.builds.set(pkg, build);
    ex.tests.set(pkg, build.code === 0 ? await npmRun(join(apps, pkg), 'test') : { code: -1, output: 'not built' });
  }
}

async function prepare(): Promise<void> {
  const belitung = editedProfile('belitung-timur', work, (text) =>
    text.replace('\n\n# Tempat aplikasi', '\n  esakip:\n    enabled: true\n    period: {start: 2025, end: 2029}\n\n# Tempat aplikasi'),
  );
  for (const [name, dialect, profile] of [
    ['bojonegoro', 'postgresql', join(ROOT, 'examples', 'bojonegoro', 'regency.yaml')],
    ['belitung-timur', 'mysql', belitung],
  ] as const) {
    const out = join(work, name);
    const model = await generateExample(profile, out);
    linkNodeModules(join(out, 'apps'));
    examples.push({ name, dialect, profile, out, model, enabled: enabledApps(model), builds: new Map(), tests: new Map() });
  }
  // Two examples side by side (2 cores); inside one, the packages build in turn.
  await Promise.all(examples.map(buildAndTest));
}

// Generating and building run while the database servers start (real servers, test/helpers/db.ts;
// under CI=true they must start, elsewhere the HTTP tests are skipped with a loud warning).
const preparing = prepare();
preparing.catch(() => undefined);
const [postgres, mariadb] = await Promise.all([serverForTests('postgresql'), serverForTests('mysql')]);
const servers = new Map<ServerDialect, DbServer | undefined>([
  ['postgresql', postgres],
  ['mysql', mariadb],
]);

beforeAll(() => preparing, 240_000);

afterAll(async () => {
  await Promise.all(booted.map((a) => a.stop()));
  await Promise.all([...servers.values()].map((s) => s?.stop()));
});

describe('generated reference applications', () => {
  it('the examples choose the engines this suite needs, and every app is enabled', () => {
    expect(examples.map((e) => [e.name, e.model.profile.deployment?.database?.engine])).toEqual([
      ['bojonegoro', 'postgresql'],
      ['belitung-timur', 'mariadb'],
    ]);
    for (const ex of examples) expect(ex.enabled).toEqual([...APPS]);
  });

  it('a fresh output is exactly what the profile generates (generate --check)', async () => {
    for (const ex of examples) {
      const outcome = await checkExample(ex.profile, ex.out);
      expect(outcome.kind).toBe('done');
      if (outcome.kind === 'done') expect(outcome.drift.map((d) => d.path)).toEqual([]);
    }
  });

  it('only the driver of the chosen engine is a dependency, and the lock file agrees with every package.json (npm ci)', () => {
    type Pkg = { name: string; workspaces?: string[]; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    for (const ex of examples) {
      const read = (path: string) => JSON.parse(readFileSync(join(ex.out, 'apps', path), 'utf8')) as Pkg;
      const runtime = read('runtime/package.json');
      expect(Object.keys(runtime.dependencies ?? {})).toEqual([ex.dialect === 'postgresql' ? 'pg' : 'mysql2']);
      const lock = JSON.parse(readFileSync(join(ex.out, 'apps', 'package-lock.json'), 'utf8')) as { packages: Record<string, Pkg & { resolved?: string; link?: boolean }> };
      const keys = Object.keys(lock.packages);
      expect(keys).toContain(ex.dialect === 'postgresql' ? 'node_modules/pg' : 'node_modules/mysql2');
      expect(keys).not.toContain(ex.dialect === 'postgresql' ? 'node_modules/mysql2' : 'node_modules/pg');
      const root = read('package.json');
      expect(root.workspaces).toEqual(['runtime', ...ex.enabled]);
      expect(lock.packages['']).toMatchObject({ workspaces: root.workspaces, devDependencies: root.devDependencies });
      for (const ws of root.workspaces!) {
        const pkg = read(`${ws}/package.json`);
        expect(lock.packages[ws]?.dependencies, ws).toEqual(pkg.dependencies);
        expect(lock.packages[`node_modules/${pkg.name}`], ws).toEqual({ resolved: ws, link: true });
      }
      // Every third-party package a dependency needs is locked with its integrity hash.
      for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.link) expect((entry as { integrity?: string }).integrity, key).toMatch(/^sha512-/);
    }
  });

  for (const pkg of ['runtime', ...APPS]) {
    it(`${pkg}: builds with tsc and passes its own tests, for both examples`, () => {
      for (const ex of examples) {
        const build = ex.builds.get(pkg)!;
        expect(build.code, `${ex.name} ${pkg} build:\n${build.output}`).toBe(0);
        const test = ex.tests.get(pkg)!;
        expect(test.code, `${ex.name} ${pkg} test:\n${test.output}`).toBe(0);
        const passed = /^ℹ pass (\d+)$/m.exec(test.output);
        expect(Number(passed?.[1]), `${ex.name} ${pkg}: tests ran`).toBeGreaterThanOrEqual(3);
        expect(test.output).toMatch(/^ℹ fail 0$/m);
      }
    });
  }
});

/** Year and month of letter numbers today (both examples are in WIB, UTC+7). */
function today(): { tahun: number; bulan: number } {
  const local = new Date(Date.now() + 7 * 3_600_000);
  return { tahun: local.getUTCFullYear(), bulan: local.getUTCMonth() + 1 };
}

const numberingOf = (ex: Example, app: 'eoffice' | 'eofficeDesa') => {
  const conf = ex.model.apps[app]!;
  return { template: conf.letterTemplate, padding: conf.letterNumber?.padding ?? 0 };
};

/** 50 requests at once: 50 numbers, consecutive, each used once. */
async function issueConcurrently(url: string, body: Record<string, unknown>): Promise<Array<{ nomor: string; urutan: number }>> {
  const results = await Promise.all(Array.from({ length: 50 }, () => postJson<{ nomor: string; urutan: number }>(`${url}/surat/nomor`, body)));
  expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
  const letters = results.map((r) => r.body);
  const order = letters.map((l) => l.urutan).sort((a, b) => a - b);
  expect(new Set(letters.map((l) => l.nomor)).size).toBe(50);
  expect(order).toEqual(Array.from({ length: 50 }, (_, i) => order[0]! + i));
  return letters;
}

const signatureOf = (s: ModelSignatory, kind: 'naskah-dinas' | 'regeling') =>
  formatSignatureBlock(signatureBlock({ signatory: s, kind, ...(s.principal ? { principal: s.principal } : {}), ...(s.via ? { via: s.via } : {}) }));

for (const [name, dialect] of [['bojonegoro', 'postgresql'], ['belitung-timur', 'mysql']] as const) {
  describe.runIf(servers.get(dialect) !== undefined)(`${name} on ${dialect === 'postgresql' ? 'PostgreSQL' : 'MariaDB'}, over HTTP`, () => {
    const ex = () => examples.find((e) => e.name === name)!;
    const apps = new Map<AppName, BootedApp>();

    beforeAll(async () => {
      const server = servers.get(dialect)!;
      const url = await server.createDatabase(name.replace(/-/g, '_'));
      const result = await applySeed(ex().out, url);
      expect(result.tables.find((t) => t.table === 'desa')?.rows).toBe(ex().model.villages.length);
      const started = await Promise.all(ex().enabled.map((app) => boot(join(ex().out, 'apps', app), app, url)));
      for (const app of started) {
        apps.set(app.name as AppName, app);
        booted.push(app);
      }
    }, 60_000);

    it('every app names the regency and counts its agencies and villages from the seed', async () => {
      const m = ex().model;
      for (const [app, running] of apps) {
        const { status, body } = await getJson<{ aplikasi: string; daerah: { kode: string; nama: string; pemerintah: string }; konfigurasi: Record<string, unknown>; jumlah: Record<string, number> }>(running.url + '/');
        expect(status).toBe(200);
        expect(body.aplikasi).toBe(app);
        expect(body.daerah).toEqual({ kode: m.regency.code, nama: m.regency.name, pemerintah: m.regency.government });
        expect(body.konfigurasi).toMatchObject({ zonaWaktu: 'WIB', kertas: m.regency.letterhead.paper ?? 'A4' });
        if (app === 'eoffice') expect(body.konfigurasi.penomoran).toMatchObject({ template: m.apps.eoffice!.letterTemplate });
        if (app === 'eoffice-desa') expect(body.konfigurasi.penomoran).toMatchObject({ template: m.apps.eofficeDesa!.letterTemplate });
        if (app === 'esakip') expect(body.konfigurasi.periode).toEqual({ mulai: m.apps.esakip!.years[0], selesai: m.apps.esakip!.years.at(-1) });
        if (app !== 'eoffice-desa') expect(body.jumlah.opd).toBe(m.opds.length);
        else expect(body.jumlah).toMatchObject({ desaDanKelurahan: m.villages.length, desa: m.desa.length, kecamatan: m.kecamatan.length });
        const health = await getJson<{ status: string; basisData: string }>(running.url + '/healthz');
        expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', basisData: dialect }) });
      }
    });

    it('e-Office: agency directory, letterheads, signature blocks', async () => {
      const m = ex().model;
      const url = apps.get('eoffice')!.url;
      const directory = await getJson<{ jumlah: number; opd: Array<{ kode: string; kodeUnit: string; jenis: string; induk: { kode: string } | null; penandatangan: Array<{ id: string }> }> }>(url + '/opd');
      expect(directory.body.jumlah).toBe(m.opds.length);
      expect(directory.body.opd.map((o) => [o.kode, o.kodeUnit, o.jenis, o.induk?.kode ?? null])).toEqual(m.opds.map((o) => [o.code, o.unit, o.kind, o.parent ?? null]));
      const withOpd = m.signatories.filter((s) => s.opd);
      expect(directory.body.opd.flatMap((o) => o.penandatangan.map((s) => s.id)).sort()).toEqual(withOpd.map((s) => s.id).sort());

      const dinas = m.opds.find((o) => o.kind === 'dinas' || o.kind === 'badan')!;
      const kop = await getJson<{ tingkat: string[]; alamat: string; telepon: string | null; kodePos: string | null; kertas: { ukuran: string } }>(`${url}/kop/${dinas.code}`);
      expect(kop.status).toBe(200);
      expect(kop.body.tingkat).toEqual([m.regency.government, dinas.letterheadName]);
      expect(kop.body.alamat).toBe(dinas.address ?? m.regency.letterhead.address);
      expect(kop.body.telepon).toBe(m.regency.letterhead.phone ?? null);
      expect(kop.body.kodePos).toBe(m.regency.letterhead.postcode ?? null);
      expect(kop.body.kertas.ukuran).toBe(m.regency.letterhead.paper ?? 'A4');
      const page = await fetch(`${url}/kop/${dinas.code}?format=html`);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain(m.regency.government);
      expect(html).toContain(dinas.letterheadName);
      expect(html).toContain(m.regency.letterhead.paper === 'F4' ? 'size: 215mm 330mm' : 'size: 210mm 297mm');
      expect((await getJson(`${url}/kop/tidak-ada`)).status).toBe(404);

      for (const s of m.signatories) {
        for (const kind of ['naskah-dinas', 'regeling'] as const) {
          const ttd = await getJson<{ teks: string }>(`${url}/ttd/${s.id}?jenis=${kind}`);
          expect(ttd.status, `${s.id} ${kind}`).toBe(200);
          expect(ttd.body.teks, `${s.id} ${kind}`).toBe(signatureOf(s, kind));
        }
      }
      expect((await getJson(`${url}/ttd/${m.signatories[0]!.id}?jenis=surat`)).status).toBe(400);
    });

    it('e-Office: letter numbers in the regency format, 50 at once distinct and consecutive', async () => {
      const m = ex().model;
      const url = apps.get('eoffice')!.url;
      const { template, padding } = numberingOf(ex(), 'eoffice');
      const [first, second] = m.opds.filter((o) => o.kind !== 'bagian');
      const { tahun, bulan } = today();
      const one = await postJson<{ nomor: string; urutan: number; klasifikasiPokok: { kode: string } }>(`${url}/surat/nomor`, { opd: first!.code, klasifikasi: ' 000.8.3.3 ', perihal: 'Uji' });
      expect(one.status).toBe(201);
      expect(one.body.urutan).toBe(1);
      expect(one.body.nomor).toBe(formatLetterNumber(template, { klasifikasi: '000.8.3.3', nomor: 1, unit: first!.unit, tahun, bulan, padding }));
      expect(one.body.klasifikasiPokok.kode).toBe('000');

      const letters = await issueConcurrently(url, { opd: second!.code, klasifikasi: '800' });
      expect(letters.map((l) => l.urutan).sort((a, b) => a - b)[0]).toBe(1);
      for (const l of letters) expect(l.nomor).toBe(formatLetterNumber(template, { klasifikasi: '800', nomor: l.urutan, unit: second!.unit, tahun, bulan, padding }));
      const next = await postJson<{ urutan: number }>(`${url}/surat/nomor`, { opd: second!.code, klasifikasi: '800' });
      expect(next.body.urutan).toBe(51);

      expect((await postJson(`${url}/surat/nomor`, { opd: first!.code, klasifikasi: '000.123' })).status).toBe(400);
      expect((await postJson(`${url}/surat/nomor`, { opd: first!.code, klasifikasi: '999.1' })).status).toBe(422);
      expect((await postJson(`${url}/surat/nomor`, { opd: 'tidak-ada', klasifikasi: '000' })).status).toBe(404);
      expect((await postJson(`${url}/surat/nomor`, { klasifikasi: '000' })).status).toBe(400);

      const metrics = await (await fetch(url + '/metrics')).text();
      expect(metrics).toMatch(/^eoffice_letters_issued_total\{aplikasi="eoffice"\} 52$/m);
      expect(metrics).toMatch(/^http_requests_total\{route="\/surat\/nomor",method="POST",status="201"\} 52$/m);
      expect(metrics).toMatch(/^http_requests_total\{route="\/surat\/nomor",method="POST",status="422"\} 1$/m);
      // Through a proxy (which adds X-Forwarded-For), the metrics are not served: internal network only.
      expect((await fetch(url + '/metrics', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(404);
    });

    it('e-Office Desa: villages, three-tier letterheads, officers, village letter numbers', async () => {
      const m = ex().model;
      const url = apps.get('eoffice-desa')!.url;
      const list = await getJson<{ jumlah: number; jumlahDesa: number; desa: Array<{ kode: string; jenis: string; kecamatan: { kode: string } }> }>(url + '/desa');
      expect(list.body.jumlah).toBe(m.villages.length);
      expect(list.body.jumlahDesa).toBe(m.desa.length);
      expect(list.body.desa.map((d) => [d.kode, d.jenis, d.kecamatan.kode])).toEqual(m.villages.map((v) => [v.code, v.kind, v.districtCode]));

      const village = m.desa.find((v) => v.officers.length > 0) ?? m.desa[0]!;
      const district = m.kecamatan.find((k) => k.code === village.districtCode)!;
      const kop = await getJson<{ tingkat: string[] }>(`${url}/kop/desa/${village.code}`);
      expect(kop.body.tingkat).toEqual([m.regency.government, `KECAMATAN ${district.name.toUpperCase()}`, `${village.kind === 'desa-adat' ? 'DESA ADAT' : 'DESA'} ${village.name.toUpperCase()}`]);
      expect(await (await fetch(`${url}/kop/desa/${village.code}?format=html`)).text()).toContain(`KECAMATAN ${district.name.toUpperCase()}`);

      const staff = await getJson<{ kepala: { nama: string } | null; perangkat: Array<{ peran: string; nama: string }> }>(`${url}/desa/${village.code}/perangkat`);
      expect(staff.body.perangkat.map((p) => p.nama).sort()).toEqual(village.officers.map((o) => o.name).sort());
      if (village.head) expect(staff.body.kepala?.nama).toContain(village.head);

      const { template, padding } = numberingOf(ex(), 'eofficeDesa');
      const { tahun, bulan } = today();
      const letters = await issueConcurrently(url, { desa: village.code, klasifikasi: '100' });
      for (const l of letters) {
        expect(l.nomor).toBe(formatLetterNumber(template, { klasifikasi: '100', nomor: l.urutan, unit: village.code, tahun, bulan, kodeDesa: village.code.slice(-4), padding }));
      }
      const kelurahan = m.villages.find((v) => v.kind === 'kelurahan');
      if (kelurahan) expect((await postJson(`${url}/surat/nomor`, { desa: kelurahan.code, klasifikasi: '100' })).status).toBe(422);
      expect((await getJson(`${url}/desa/99.99.99.9999/perangkat`)).status).toBe(404);
      expect(await (await fetch(url + '/metrics')).text()).toMatch(/^eoffice_letters_issued_total\{aplikasi="eoffice-desa"\} 50$/m);
    });

    it('e-SAKIP: RPJMD period, agreement pairs, weights and grades', async () => {
      const m = ex().model;
      const url = apps.get('esakip')!.url;
      const period = await getJson<{ tahun: number[]; kolom: Array<{ kunci: string }> }>(url + '/periode');
      expect(period.body.tahun).toEqual(m.apps.esakip!.years);
      expect(period.body.kolom).toHaveLength(m.apps.esakip!.years.length + 2);

      const pairs = await getJson<{ pasangan: Array<{ jenis: string; pihakPertama: { id: string; ttd: string[] }; pihakKedua: { id: string } | null }> }>(url + '/pk/pasangan');
      const head = m.signatories.find((s) => s.role === 'kepala-daerah')!;
      const byFirst = new Map(pairs.body.pasangan.map((p) => [p.pihakPertama.id, p]));
      expect(byFirst.get(head.id)).toMatchObject({ jenis: 'kinerja-daerah', pihakKedua: null });
      for (const s of m.signatories) {
        if (['sekretaris-daerah', 'kepala-opd', 'camat'].includes(s.role)) expect(byFirst.get(s.id)?.pihakKedua?.id, s.id).toBe(head.id);
        else if (['pejabat', 'lurah'].includes(s.role) && s.superior) expect(byFirst.get(s.id)?.pihakKedua?.id, s.id).toBe(s.superior);
        else if (s.role !== 'kepala-daerah') expect(byFirst.has(s.id), s.id).toBe(false);
      }
      expect(byFirst.get(head.id)!.pihakPertama.ttd.join('\n')).toBe(formatSignatureBlock(signatureBlock({ signatory: head, kind: 'naskah-dinas', delegation: 'none' })));

      const weights = await getJson<{ komponen: Array<{ bobot: number }>; jumlah: number }>(url + '/evaluasi/bobot');
      const w = m.apps.esakip!.weights ?? { planning: 30, measurement: 30, reporting: 15, evaluation: 25 };
      expect(weights.body.komponen.map((k) => k.bobot)).toEqual([w.planning, w.measurement, w.reporting, w.evaluation]);
      expect(weights.body.jumlah).toBe(100);
      for (const [nilai, predikat] of [['95', 'AA'], ['85', 'A'], ['80', 'BB'], ['60,5', 'B'], ['55', 'CC'], ['31', 'C'], ['30', 'D']]) {
        expect((await getJson<{ predikat: string }>(`${url}/evaluasi/predikat?nilai=${nilai}`)).body.predikat, nilai).toBe(predikat);
      }
      expect((await getJson(`${url}/evaluasi/predikat?nilai=101`)).status).toBe(400);
      expect((await getJson<{ jumlah: number }>(url + '/opd')).body.jumlah).toBe(m.opds.length);
    });

    it('an app whose database is unreachable answers /healthz with 503, then stops cleanly on SIGTERM', async () => {
      const engine = dialect === 'postgresql' ? 'postgres' : 'mysql';
      const closed = `${engine}://nobody:secret@127.0.0.1:9/none`;
      const app = await boot(join(ex().out, 'apps', 'eoffice'), 'eoffice', closed, false);
      booted.push(app);
      const health = await getJson<{ status: string }>(app.url + '/healthz');
      expect(health).toEqual({ status: 503, body: expect.objectContaining({ status: 'error' }) });
      expect((await getJson(app.url + '/opd')).status).toBe(503);
      expect(await app.stop()).toBe(0);
      expect(app.output()).not.toContain('secret');
    });

    it('every app stops on SIGTERM with exit code 0', async () => {
      for (const app of apps.values()) {
        expect(await app.stop(), `${app.name}:\n${app.output()}`).toBe(0);
        expect(app.output()).toMatch(/"pesan":"berhenti"/);
      }
    });
  });
}

describe('nothing of another regency in the Bojonegoro output', () => {
  it('apps/, seed/ and deploy/ name no other regency and carry no other region code; the grantor appears nowhere', () => {
    const ex = examples.find((e) => e.name === 'bojonegoro')!;
    const own = ex.model.regency.code;
    const files = (['apps', 'seed', 'deploy'] as const).flatMap((top) =>
      filesUnder(join(ex.out, top), new Set(['node_modules', 'dist'])).map((f) => ({ path: `${top}/${f}`, content: readFileSync(join(ex.out, top, f)) })),
    );
    expect(files.filter((f) => f.path.startsWith('deploy/')).length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(40);
    // The shared scan of src/generate/leftovers.ts: other regencies' names, domains and codes; the
    // grantor is allowed only in grant documents, and none of these folders is one.
    expect(findLeftovers(files, ex.model.profile, regionIndex()).map((f) => formatLeftover(f, 'en'))).toEqual([]);
    expect(files.filter((f) => /sumedang/i.test(f.content.toString('utf8'))).map((f) => f.path)).toEqual([]);
    // The check can see: the regency's own name and code are there.
    const config = readFileSync(join(ex.out, 'apps', 'runtime', 'config', 'daerah.json'), 'utf8');
    expect(config).toContain(ex.model.regency.name);
    expect(config).toContain(`"${own}"`);
  });
});
