/**
 * Running the built bin/eoffice in the generate end-to-end tests: every run's output is kept, and
 * when the test file ends none of it may contain a secret of any output tree the file generated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

export const SECRET_FILES = ['.eoffice/secrets.env', 'config/app.env'];

const runs: CliRun[] = [];
const secretValues = new Set<string>();

// Registered when a test file imports this module (each test file gets its own module graph).
// (collectSecrets throws when a tree has no secrets file, so an empty set means no tree was made.)
afterAll(() => {
  for (const r of runs) for (const s of secretValues) expect(r.stdout + r.stderr).not.toContain(s);
});

/** bin/eoffice in English (unless `env` says otherwise), its output recorded. */
export async function eoffice(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const r = await runCli(args, { cwd, env: { LANG: 'en_US.UTF-8', ...env } });
  runs.push(r);
  return r;
}

/** Output of a run made some other way (a killed process, a terminal), to be searched too. */
export function recordOutput(text: string): void {
  runs.push({ code: -1, stdout: text, stderr: '' });
}

/** Notes the secret values of a generated tree, which no run may print. */
export function collectSecrets(out: string): void {
  for (const line of readFileSync(join(out, '.eoffice/secrets.env'), 'utf8').split('\n')) {
    const m = /^[a-z_]+=(.+)$/.exec(line);
    if (m) secretValues.add(m[1]!);
  }
}

/** The target's siblings: stage and old folders a run left behind. */
export const leftovers = (out: string) => readdirSync(dirname(out)).filter((e) => e !== basename(out));

export function withoutSecrets(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([p]) => !SECRET_FILES.includes(p)));
}
