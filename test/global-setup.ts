// The end-to-end tests run the built bin/eoffice, which imports dist/. Build once per run, and only
// when dist/ is older than the sources, so a run of the unit tests alone stays fast.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

export function distIsFresh(): boolean {
  const inputs = [...sources(join(root, 'src')), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')];
  const outputs = sources(join(root, 'src')).map((f) => join(root, 'dist', relative(join(root, 'src'), f).replace(/\.ts$/, '.js')));
  if (!outputs.every((f) => existsSync(f))) return false;
  const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return oldestOutput >= newestInput;
}

export default function setup(): void {
  if (distIsFresh()) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    // tsc still writes dist/ when only types are wrong; the type-check reports those. Without a
    // dist/main.js nothing can run.
    const e = err as { stdout?: string; stderr?: string };
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    if (!existsSync(join(root, 'dist', 'main.js'))) throw new Error(`building dist/ for the end-to-end tests failed:\n${output}`, { cause: err });
    console.warn(`warning: tsc reported errors while building dist/ (run the type-check):\n${output}`);
  }
}
