// Benchmark of `eoffice validate`: the examples, and a national set of 514 generated regency files
// listing all 83,762 villages of the 2025 decree. Each measurement runs in a fresh process, so wall
// time includes start-up and peak memory is that process's own. The floor is measured in the same
// run: plain `yaml` parse + ajv validate of the same files, no rules.
//
//   npm run bench            (or: node bench/validate.bench.mjs [--runs N])
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const node = process.execPath;

const { regionIndex } = await import(join(root, 'dist/region/decree.js'));
const { scaffoldProfile } = await import(join(root, 'dist/profile/scaffold.js'));
const { profileToYaml } = await import(join(root, 'dist/profile/write-yaml.js'));

const work = mkdtempSync(join(tmpdir(), 'eoffice-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const national = join(work, 'national');
mkdirSync(national);
let villages = 0;
let bytes = 0;
for (const code of [...regionIndex().regencies.keys()].sort()) {
  const profile = scaffoldProfile(code, { listed: true });
  villages += Array.isArray(profile.villages) ? profile.villages.length : 0;
  const text = profileToYaml(profile, { lang: 'id' });
  bytes += Buffer.byteLength(text);
  writeFileSync(join(national, `${code}.yaml`), text);
}
const nationalFiles = readdirSync(national).map((f) => join(national, f));
const exampleFiles = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'ci')
  .map((d) => join(root, 'examples', d.name, 'regency.yaml'));

// A child that reports its own wall time (from process start) and peak RSS as JSON on fd 3.
const probe = join(work, 'probe.mjs');
writeFileSync(probe, `
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
// --import runs in worker threads too; only the main thread reports (maxRSS is the process's).
if (isMainThread) process.on('exit', () => {
  const ms = performance.now();
  writeSync(3, JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024 }));
});
`);
const floorScript = join(work, 'floor.mjs');
writeFileSync(floorScript, `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
const YAML = require('yaml');
const { Ajv2020 } = require('ajv/dist/2020.js');
const schema = JSON.parse(readFileSync(${JSON.stringify(join(root, 'schemas/regency-profile.schema.json'))}, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
let invalid = 0;
for (const f of process.argv.slice(2)) if (!validate(YAML.parse(readFileSync(f, 'utf8')))) invalid++;
if (invalid) { console.error(invalid + ' invalid'); process.exit(1); }
`);

function measure(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(node, ['--import', probe, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 2000)}`);
    const inner = JSON.parse(r.output[3].toString());
    samples.push({ wall, rssMiB: inner.rssMiB });
  }
  samples.sort((a, b) => a.wall - b.wall);
  return { wall: samples[Math.floor(samples.length / 2)].wall, rssMiB: Math.max(...samples.map((s) => s.rssMiB)) };
}

const bin = join(root, 'bin/eoffice');
const rows = [];
const add = (name, m, floor, target) => rows.push({ name, ...m, ratio: floor ? m.wall / floor.wall : undefined, target });

const floorNational = measure([floorScript, ...nationalFiles]);
const national1 = measure([bin, 'validate', '--format', 'json', ...nationalFiles]);
add('floor: yaml.parse + ajv, national set', floorNational);
add('eoffice validate, national set', national1, floorNational, { ms: 1500, mib: 250 });

const floorExamples = measure([floorScript, ...exampleFiles]);
add('floor: yaml.parse + ajv, examples', floorExamples);
add('eoffice validate, examples', measure([bin, 'validate', ...exampleFiles]), floorExamples);

const nodeBare = measure(['-e', '0']);
add('floor: node -e 0', nodeBare);
add('eoffice --help', measure([bin, '--help']), nodeBare, { ratio: 2.5 });


console.log(`eoffice validate benchmark — ${nationalFiles.length} national files, ${villages} villages, ${(bytes / 1048576).toFixed(1)} MiB of YAML; ${exampleFiles.length} examples; median of ${runs} runs; node ${process.versions.node}`);
console.log('');
const pad = (s, n) => String(s).padEnd(n);
console.log(pad('measurement', 42) + pad('wall ms', 10) + pad('peak MiB', 10) + pad('× floor', 9) + 'target');
let missed = 0;
for (const r of rows) {
  let target = '';
  if (r.target) {
    const okMs = r.target.ms === undefined || r.wall <= r.target.ms;
    const okMem = r.target.mib === undefined || r.rssMiB <= r.target.mib;
    const okRatio = r.target.ratio === undefined || r.ratio <= r.target.ratio;
    const ok = okMs && okMem && okRatio;
    if (!ok) missed++;
    target = [r.target.ms && `≤ ${r.target.ms} ms`, r.target.mib && `≤ ${r.target.mib} MiB`, r.target.ratio && `≤ ${r.target.ratio}× floor`].filter(Boolean).join(', ') + (ok ? '  met' : '  MISSED');
  }
  console.log(pad(r.name, 42) + pad(r.wall.toFixed(0), 10) + pad(r.rssMiB.toFixed(0), 10) + pad(r.ratio ? r.ratio.toFixed(2) : '', 9) + target);
}
process.exitCode = missed ? 1 : 0;
