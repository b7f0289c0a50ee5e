// Benchmark of `eoffice generate`, in one warm process (start-up is the validate benchmark's
// business). Floors measured in the same run:
//   raw write   — writing the very bytes the generator produced into a fresh folder;
//   bare script — parse the profile with `yaml`, build the template model, render the same
//                 templates with handlebars and the same helpers (no validation, no seed data,
//                 no plan, no lock, no atomic swap), write.
// Templates are linted and compiled once per process, keyed by their text, so every generation after
// the first reuses them, as a fleet run over many recipients does; the first, cold one is printed too.
// Targets (issue 3): one regency within 4× the raw-write floor; a no-change `--check` within 0.3×
// of a full generation.
//
//   npm run bench:generate   (or: node bench/generate.bench.mjs [--runs N] [--quick])
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const { generate } = await import(join(root, 'dist/generate/generate.js'));
const { regionIndex } = await import(join(root, 'dist/region/decree.js'));
const { buildModel } = await import(join(root, 'dist/generate/model.js'));
const { scaffoldProfile } = await import(join(root, 'dist/profile/scaffold.js'));
const { profileToYaml } = await import(join(root, 'dist/profile/write-yaml.js'));
const YAML = require('yaml');
const Handlebars = require('handlebars');
const { registerHelpers } = await import(join(root, 'dist/render/helpers.js'));
const templatesDir = join(root, 'templates');
const work = mkdtempSync(join(tmpdir(), 'eoffice-genbench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

function readTree(dir, rel = '', out = []) {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) readTree(dir, p, out);
    else out.push({ path: p, bytes: readFileSync(join(dir, p)) });
  }
  return out;
}
function writeTree(dir, files) {
  const dirs = new Set(files.map((f) => dirname(join(dir, f.path))));
  for (const d of dirs) mkdirSync(d, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.path), f.bytes);
}

// The bare script: what a hand-written generator without any checks would do.
function bareGenerate(profilePath, out) {
  const profile = YAML.parse(readFileSync(profilePath, 'utf8'));
  // The data the templates read (decree filled in, references resolved): the same model, unchecked.
  const model = buildModel(profile, regionIndex(), 'bench');
  const hb = Handlebars.create();
  registerHelpers(hb);
  hb.registerHelper('secret', () => 'bench-secret');
  const files = [];
  const base = join(templatesDir, 'base', 'files');
  for (const f of readTree(base)) {
    if (!f.path.endsWith('.hbs')) continue;
    const render = hb.compile(f.bytes.toString('utf8'), { noEscape: true });
    const items = f.path.includes('{{item') ? profile.opds : [undefined];
    for (const item of items) {
      const path = hb.compile(f.path.slice(0, -4), { noEscape: true })({ item });
      files.push({ path, bytes: Buffer.from(render({ ...model, item })) });
    }
  }
  writeTree(out, files);
}

async function measureRegency(code, n) {
  const profilePath = join(work, `${code}.yaml`);
  writeFileSync(profilePath, profileToYaml(scaffoldProfile(code, {}), { lang: 'id' }));
  const genTimes = [], checkTimes = [], rawTimes = [], bareTimes = [];
  let files = [];
  for (let i = 0; i < n; i++) {
    const out = join(work, `out-${code}-${i}`);
    genTimes.push(await time(() => generate({ profile: profilePath, out, mode: 'write', lang: 'id', templatesDir, toolkitVersion: 'bench' })));
    checkTimes.push(await time(() => generate({ profile: profilePath, out, mode: 'check', lang: 'id', templatesDir, toolkitVersion: 'bench' })));
    files = readTree(out);
    const raw = join(work, `raw-${code}-${i}`);
    rawTimes.push(await time(() => writeTree(raw, files)));
    const bare = join(work, `bare-${code}-${i}`);
    bareTimes.push(await time(() => bareGenerate(profilePath, bare)));
    for (const d of [out, raw, bare]) rmSync(d, { recursive: true, force: true });
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  return { code, files: files.length, kib: bytes / 1024, gen: median(genTimes), check: median(checkTimes), raw: median(rawTimes), bare: median(bareTimes) };
}

// The process's first generation is cold (templates linted and compiled, the JIT not yet warm): it
// is timed and printed on its own, and left out of the samples, which are of a warm process.
const firstGeneration = await (async () => {
  const profilePath = join(work, 'cold.yaml');
  writeFileSync(profilePath, profileToYaml(scaffoldProfile('32.11', {}), { lang: 'id' }));
  const out = join(work, 'cold-out');
  const ms = await time(() => generate({ profile: profilePath, out, mode: 'write', lang: 'id', templatesDir, toolkitVersion: 'bench' }));
  rmSync(out, { recursive: true, force: true });
  return ms;
})();
const rows = [];
for (const code of ['32.11', '35.22', '16.10', '32.79', '95.03']) rows.push(await measureRegency(code, runs));
// The national set: every regency and city of the decree once, summed.
const national = { code: 'national', files: 0, kib: 0, gen: 0, check: 0, raw: 0, bare: 0 };
if (!process.argv.includes('--quick')) {
  for (const code of [...regionIndex().regencies.keys()].sort()) {
    const r = await measureRegency(code, 1);
    for (const k of ['files', 'kib', 'gen', 'check', 'raw', 'bare']) national[k] += r[k];
  }
  rows.push(national);
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`eoffice generate benchmark — warm process, median of ${runs} runs per sample regency; "national" sums one run of each of the 514 regencies (--quick skips it); node ${process.versions.node}; blueprints: ${readdirSync(templatesDir).join(', ')}`);
console.log(`Templates are linted and compiled once per process (cached by their text), as in a fleet run; the process's first generation, cold, took ${firstGeneration.toFixed(0)} ms.`);
console.log('');
console.log(pad('regency', 9) + pad('files', 7) + pad('KiB', 8) + pad('generate', 10) + pad('raw write', 11) + pad('bare', 8) + pad('× raw', 8) + pad('× bare', 8) + pad('check', 8) + pad('check/gen', 10) + 'targets');
let missed = 0;
for (const r of rows) {
  const xRaw = r.gen / r.raw;
  const checkRatio = r.check / r.gen;
  const ok = xRaw <= 4 && checkRatio <= 0.3;
  if (!ok) missed++;
  console.log(pad(r.code, 9) + pad(r.files, 7) + pad(r.kib.toFixed(0), 8) + pad(r.gen.toFixed(1), 10) + pad(r.raw.toFixed(1), 11) + pad(r.bare.toFixed(1), 8) + pad(xRaw.toFixed(2), 8) + pad((r.gen / r.bare).toFixed(2), 8) + pad(r.check.toFixed(1), 8) + pad(checkRatio.toFixed(2), 10) + `≤ 4× raw, check ≤ 0.3× gen: ${ok ? 'met' : 'MISSED'}`);
}
process.exitCode = missed ? 1 : 0;
