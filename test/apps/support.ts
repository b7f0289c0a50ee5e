/**
 * The generated reference applications, for the tests: generate an example with the real blueprints,
 * give its `apps/` the toolkit's node_modules (symlinks, no network), run the apps' own npm scripts,
 * and boot a built app as a child process on a free port.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../src/generate/generate.js';
import { buildModel, type TemplateModel } from '../../src/generate/model.js';
import { VERSION } from '../../src/main.js';
import { loadYamlFile } from '../../src/profile/load.js';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { regionIndex } from '../../src/region/decree.js';
import { freePort } from '../helpers/db.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEMPLATES = join(ROOT, 'templates');
export const APPS = ['eoffice', 'eoffice-desa', 'esakip'] as const;
export type AppName = (typeof APPS)[number];

/** Generates `profile` into `out` with the real blueprints; returns the template model for expectations. */
export async function generateExample(profile: string, out: string): Promise<TemplateModel> {
  const outcome = await generate({ profile, out, mode: 'write', lang: 'en', templatesDir: TEMPLATES, toolkitVersion: VERSION });
  if (outcome.kind !== 'done') throw new Error(`generate ${profile}: ${JSON.stringify(outcome).slice(0, 2000)}`);
  if (outcome.conflicts.length > 0) throw new Error(`generate ${profile}: conflicts ${outcome.conflicts.map((c) => c.path).join(', ')}`);
  return modelOf(profile);
}

export async function modelOf(profile: string): Promise<TemplateModel> {
  const loaded = await loadYamlFile(profile, 'en');
  if (!loaded.ok) throw new Error(`cannot load ${profile}`);
  return buildModel(loaded.doc.data as RegencyProfile, regionIndex(), VERSION);
}

export async function checkExample(profile: string, out: string) {
  return generate({ profile, out, mode: 'check', lang: 'en', templatesDir: TEMPLATES, toolkitVersion: VERSION });
}

/**
 * `apps/node_modules` as npm would lay it out for the workspace, without the network: a link to each
 * package of the toolkit's own node_modules (pg, mysql2, typescript, @types …), and the workspace
 * link `eoffice-runtime` → `../runtime`.
 */
export function linkNodeModules(appsDir: string): void {
  const source = join(ROOT, 'node_modules');
  const target = join(appsDir, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) symlinkSync(join(source, name), join(target, name));
  symlinkSync('../runtime', join(target, 'eoffice-runtime'));
}

/** A copy of an example with one change, for a case no example covers. */
export function editedProfile(example: string, dir: string, edit: (text: string) => string): string {
  const text = readFileSync(join(ROOT, 'examples', example, 'regency.yaml'), 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit of ${example} changed nothing`);
  const file = join(dir, `${example}.yaml`);
  writeFileSync(file, edited);
  return file;
}

export interface RunResult {
  code: number;
  output: string;
}

const npmBin = () => {
  const beside = join(dirname(process.execPath), 'npm');
  return existsSync(beside) ? beside : 'npm';
};

/** `npm run <script>` in `cwd`, with this Node first on PATH; never throws. */
export function npmRun(cwd: string, script: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      npmBin(),
      ['run', script, '--silent'],
      { cwd, env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, NO_COLOR: '1', npm_config_update_notifier: 'false' }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

export interface BootedApp {
  name: string;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (or the signal that ended it). */
  stop(): Promise<number | string>;
}

/** Starts a built app (`node dist/src/main.js`) and waits until it answers `/healthz` (any status when `healthy` is false). */
export async function boot(appDir: string, name: string, databaseUrl: string, healthy = true): Promise<BootedApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  const app: BootedApp = {
    name,
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    if (res && (res.ok || !healthy)) return app;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function getJson<T = Record<string, unknown>>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

export async function postJson<T = Record<string, unknown>>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

/** Every file under `dir` (relative paths), skipping the folders named in `skip`. */
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skip.has(e.name)) walk(path);
      } else if (e.isFile()) out.push(path);
    }
  };
  walk('');
  return out.sort();
}
