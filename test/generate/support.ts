/**
 * Shared pieces of the generate tests: a CliContext that records what a command prints, small
 * blueprints written inline into a temporary `templates/` folder, and the engine called with them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { CliContext } from '../../src/cli/context.js';
import type { GenerateEvent } from '../../src/generate/events.js';
import { generate, type GenerateMode, type GenerateOutcome } from '../../src/generate/generate.js';
import type { Lang } from '../../src/i18n/lang.js';
import { VERSION } from '../../src/main.js';
import { tempDir, writeTree, type TreeSpec } from '../helpers/tree.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'kota-banjar.yaml');
export const REAL_TEMPLATES = join(ROOT, 'templates');
export const EXAMPLES = join(ROOT, 'examples');

export interface RecordingContext extends CliContext {
  out: string[];
  err: string[];
  /** Everything printed, stdout then stderr. */
  printed(): string;
}

export function context(options: { lang?: Lang; env?: NodeJS.ProcessEnv; color?: boolean; isInteractive?: boolean; cwd?: string } = {}): RecordingContext {
  const out: string[] = [];
  const err: string[] = [];
  return {
    lang: options.lang ?? 'en',
    color: options.color ?? false,
    cwd: options.cwd ?? process.cwd(),
    isInteractive: options.isInteractive ?? false,
    env: options.env ?? {},
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    out,
    err,
    printed: () => out.join('') + err.join(''),
  };
}

/** A blueprint manifest with the required fields filled in. */
export function manifest(name: string, extra: Record<string, unknown> = {}): string {
  return stringify({ apiVersion: 'eoffice/v1', kind: 'Blueprint', name, version: '1.0.0', description: `test blueprint ${name}`, app: 'shared', files: [{ match: '**' }], ...extra });
}

/**
 * A `templates/` folder holding the given blueprints: name → { manifest fields, files under files/ }.
 * A manifest given as a string is written as it is (for broken-manifest tests).
 */
export function templates(blueprints: Record<string, { manifest?: Record<string, unknown> | string; files: TreeSpec }>): string {
  const dir = tempDir('eoffice-templates-');
  for (const [name, bp] of Object.entries(blueprints)) {
    const spec: TreeSpec = { [`${name}/blueprint.yaml`]: typeof bp.manifest === 'string' ? bp.manifest : manifest(name, bp.manifest) };
    for (const [path, entry] of Object.entries(bp.files)) spec[`${name}/files/${path}`] = entry;
    writeTree(dir, spec);
  }
  return dir;
}

export interface RunOptions {
  profile?: string;
  mode?: GenerateMode;
  env?: NodeJS.ProcessEnv;
  events?: GenerateEvent[];
  beforeSwap?: () => Promise<void>;
}

/** The engine on a profile (the Kota Banjar fixture by default), in English. */
export function run(templatesDir: string, out: string, options: RunOptions = {}): Promise<GenerateOutcome> {
  const events = options.events;
  return generate({
    profile: options.profile ?? FIXTURE,
    out,
    mode: options.mode ?? 'write',
    lang: 'en',
    templatesDir,
    toolkitVersion: VERSION,
    env: options.env ?? { EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'cache') },
    ...(events ? { onEvent: (e: GenerateEvent) => void events.push(e) } : {}),
    ...(options.beforeSwap ? { beforeSwap: options.beforeSwap } : {}),
  });
}

/** The outcome of a run that must have planned (not refused the profile or a blueprint). */
export function done(outcome: GenerateOutcome): Extract<GenerateOutcome, { kind: 'done' }> {
  if (outcome.kind !== 'done') throw new Error(`expected a plan, got ${outcome.kind}: ${JSON.stringify(outcome)}`);
  return outcome;
}

/**
 * A small blueprint shaped like the bundled `base`: a managed summary, one letterhead per agency,
 * a seed-once secret file (`config/app.env`, 0600) and the generated secret `app_key`.
 */
export function secretBlueprint(): string {
  return templates({
    base: {
      manifest: {
        files: [
          { match: 'docs/opd/*.md', each: 'opds' },
          { match: 'config/app.env', policy: 'seed-once', secret: true },
          { match: 'config/*.yaml', policy: 'merge-structured' },
          { match: '**' },
        ],
        secrets: ['app_key'],
      },
      files: {
        'docs/profil-daerah.md.hbs': '# {{regency.name}}\n\n{{regency.letterhead.address}}\n',
        'docs/opd/{{item.code}}.md.hbs': '# {{item.name}}\n\n{{regency.letterhead.address}}\n',
        'config/eoffice.yaml.hbs': 'regency:\n  name: {{yaml regency.name}}\n  address: {{yaml regency.letterhead.address}}\n',
        'config/app.env.hbs': 'APP_KEY={{env (secret "app_key")}}\n',
        'bin/start.sh': { content: '#!/bin/sh\nexec true\n', mode: 0o755 },
      },
    },
  });
}
