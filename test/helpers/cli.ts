/**
 * Runs the built `bin/eoffice` as a user would: a separate Node process (the one running the tests,
 * so Node ≥ 22.12), in a working folder of the test's choosing, with a clean environment in which
 * only what the test sets decides language and colour.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'eoffice');
export const RECORDER = join(ROOT, 'test', 'helpers', 'record-imports.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** Added to the clean environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Node options placed before the script, e.g. `--import` of a hook. */
  nodeArgs?: string[];
}

/** The variables that would change language or colour are left out unless a test sets them. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'];

export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of INHERITED) if (process.env[k] !== undefined) env[k] = process.env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      { cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8', timeout: 20_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(`could not run bin/eoffice (${String(err.code ?? err.signal ?? err.message)}):\n${stderr}`));
          return;
        }
        resolve({ code: typeof err?.code === 'number' ? err.code : 0, stdout, stderr });
      },
    );
  });
}

/** A temporary folder holding `files` (path → content); `remove()` deletes it. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-test-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines of a V8 stack trace (`    at fn (file:1:2)`), which a user's mistake must never show. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
/** Any ANSI escape sequence. */
export const ANSI = /\u001b\[/;
