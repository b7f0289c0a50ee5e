import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { lintBlueprint } from '../blueprint/lint.js';
import { forgetParsed } from '../render/parsed.js';
import { loadBlueprints, type BlueprintLoad } from '../blueprint/load.js';
import { fetchSource, SourceError, type FetchedSource } from '../blueprint/source.js';
import type { Blueprint } from '../blueprint/manifest.js';
import type { Lang } from '../i18n/lang.js';
import { documentOf, readProfileText } from '../profile/load.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import { regionIndex } from '../region/decree.js';
import { seedFiles } from '../seed/files.js';
import { readIfAny, statIfAny } from '../util/fs.js';
import type { Diagnostic, FileResult } from '../validate/diagnostic.js';
import { resultOf, validateDocument } from '../validate/validate-profile.js';
import { step, type OnEvent } from './events.js';
import { BASE_DIR, baseFilesOf } from './base.js';
import { buildLock, LOCK_FILE, parseLock, serializeLock, sha256, type LockFile } from './lock.js';
import { buildModel } from './model.js';
import { computePlan, type ExistingFile, type Plan, type PlanEntry } from './plan.js';
import { isEnabled, renderBlueprints } from './render.js';
import type { RenderedFile } from './rendered.js';
import { ensureSecrets, parseSecrets, SECRETS_FILE, serializeSecrets } from './secrets.js';
import { recover, writeAtomically, type OwnFile } from './sink-disk.js';

export type GenerateMode = 'write' | 'dry-run' | 'check';

export interface GenerateOptions {
  profile: string;
  out: string;
  mode: GenerateMode;
  lang: Lang;
  templatesDir: string;
  toolkitVersion: string;
  onEvent?: OnEvent;
  env?: NodeJS.ProcessEnv;
  /** Test hook: runs after the stage folder is complete, before the swap. */
  beforeSwap?: () => Promise<void>;
}

export type GenerateOutcome =
  | { kind: 'invalid-profile'; result: FileResult }
  | { kind: 'invalid-blueprints'; results: FileResult[] }
  | { kind: 'done'; plan: Plan; lock: LockFile; drift: PlanEntry[]; lockDrift: boolean; conflicts: PlanEntry[] };

const toPosix = (p: string) => p.split(sep).join('/');

// Synchronous inside: an output tree is a few hundred small files, and a thread-pool round trip per
// stat and read made `--check` wait more than it worked.
async function readIfFile(path: string): Promise<ExistingFile | undefined> {
  const st = statIfAny(path);
  if (!st?.isFile()) return undefined;
  return { content: readFileSync(path), mode: st.mode & 0o777 };
}

function gitignore(files: readonly RenderedFile[]): RenderedFile {
  const secretPaths = files.filter((f) => f.secret).map((f) => `/${f.path}`);
  const content = ['# Dibuat oleh eoffice: berkas rahasia tidak pernah di-commit.', `/${SECRETS_FILE}`, ...secretPaths, ''].join('\n');
  return { path: '.gitignore', content: Buffer.from(content), mode: 0o644, policy: 'managed', blueprint: 'eoffice', secret: false };
}

/**
 * `--check` without rendering: generation is deterministic, so when the profile, the blueprints and
 * the toolkit are those the lock records and every file still has its recorded hash, the tree is
 * exactly what the profile generates. Anything else (a changed input, an edited or missing file, a
 * blueprint taken from a git tag, which can move) falls through to a full render and plan.
 */
async function checkAgainstLock(out: string, profileBytes: Buffer, toolkitVersion: string, blueprints: () => Promise<BlueprintLoad[]>): Promise<GenerateOutcome | undefined> {
  const text = readIfAny(join(out, LOCK_FILE))?.toString('utf8');
  const lock = text === undefined ? undefined : parseLock(text);
  // A lock not in the form eoffice writes (reformatted, hand-edited) is drift: the full path says so.
  if (!lock || text !== serializeLock(lock) || lock.toolkit.version !== toolkitVersion || lock.profile.digest !== `sha256:${sha256(profileBytes)}`) return undefined;
  if (lock.blueprints.some((b) => b.source !== undefined && !/^[0-9a-f]{40}$/.test(b.source.ref))) return undefined;
  const loads = await blueprints();
  const current = new Map(loads.flatMap((l) => (l.ok ? [[l.blueprint.manifest.name, l.blueprint.digest] as const] : [])));
  if (loads.some((l) => !l.ok) || lock.blueprints.some((b) => current.get(b.name) !== b.digest)) return undefined;
  // A blueprint in templates/ that the lock does not name may be one the profile now enables.
  if ([...current.keys()].some((name) => !lock.blueprints.some((b) => b.name === name))) return undefined;
  const entries: PlanEntry[] = [];
  for (const [path, locked] of Object.entries(lock.files)) {
    const onDisk = await readIfFile(join(out, path));
    if (locked.secret || locked.policy === 'seed-once') {
      entries.push({ path, action: 'unchanged', reason: 'same', policy: locked.policy, blueprint: locked.blueprint, secret: locked.secret === true });
      continue;
    }
    // Only the executable bit, as for drift below: a checkout's umask decides the others.
    if (!onDisk || sha256(onDisk.content) !== locked.sha256 || (onDisk.mode & 0o100) !== (parseInt(locked.mode, 8) & 0o100)) return undefined;
    entries.push({ path, action: 'unchanged', reason: 'same', policy: locked.policy, blueprint: locked.blueprint, secret: false });
  }
  const counts = { create: 0, update: 0, merge: 0, unchanged: entries.length, delete: 0, keep: 0, conflict: 0 };
  return { kind: 'done', plan: { entries, counts }, lock, drift: [], lockDrift: false, conflicts: [] };
}

/** Template lint findings as validation results, one per template file. */
export function lintResultsOf(blueprints: readonly Blueprint[], lang: Lang = 'id'): FileResult[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const bp of blueprints) {
    for (const p of lintBlueprint(bp, lang)) {
      const file = join(bp.dir, 'files', p.template);
      const list = byFile.get(file) ?? [];
      list.push({ rule: 'template-lint', severity: 'error', message: p.message, hint: p.hint, path: '', line: p.line, column: p.column });
      byFile.set(file, list);
    }
  }
  return [...byFile].map(([file, diagnostics]) => resultOf(file, diagnostics, false));
}

/** A render of the current inputs for one output tree, before any planning. */
export interface RenderedOutput {
  kind: 'rendered';
  out: string;
  rendered: RenderedFile[];
  lock: LockFile;
  previous: LockFile | undefined;
  previousLockText: string | undefined;
  secrets: Map<string, string>;
  secretsText: string;
  /** Secrets created by this render (absent from the secrets store until it is written). */
  created: string[];
}

export type RenderOutcome = Exclude<GenerateOutcome, { kind: 'done' }> | RenderedOutput;

/**
 * Validates the profile, loads the blueprints and renders them with the seed data: everything a
 * plan needs, for `generate` and `eoffice upgrade` alike. Reads the output tree (lock, secrets), writes nothing.
 */
export async function renderOutput(opts: Omit<GenerateOptions, 'mode' | 'beforeSwap'>, blueprintsOnce?: () => Promise<BlueprintLoad[]>): Promise<RenderOutcome> {
  const { lang, onEvent } = opts;
  const out = resolve(opts.out);
  const profilePath = resolve(opts.profile);
  blueprintsOnce ??= () => loadBlueprints(opts.templatesDir, lang);
  const validated = await step(onEvent, 'validate', async () => {
    // Read once: the lock's digest is of the very bytes validated.
    const text = await readProfileText(profilePath, lang);
    const loaded = text.ok ? documentOf(profilePath, text.text, lang) : text;
    const diagnostics: Diagnostic[] = loaded.ok ? validateDocument(loaded.doc, { lang }) : loaded.diagnostics;
    return { result: resultOf(opts.profile, diagnostics, false), profile: loaded.ok ? (loaded.doc.data as RegencyProfile) : undefined, bytes: text.ok ? text.bytes : Buffer.alloc(0) };
  });
  if (!validated.result.valid || !validated.profile) return { kind: 'invalid-profile', result: validated.result };
  const profile = validated.profile;
  // The seed's seed_meta row and the lock record the same digest.
  const profileDigest = `sha256:${sha256(validated.bytes)}`;

  const blueprints = await step(onEvent, 'blueprints', blueprintsOnce, (l) => `${l.length}`);
  const broken = blueprints.filter((b) => !b.ok);
  if (broken.length > 0) {
    return { kind: 'invalid-blueprints', results: broken.map((b) => (b.ok ? resultOf('', [], false) : resultOf(b.file, b.diagnostics, false))) };
  }
  const loaded: Blueprint[] = blueprints.flatMap((b) => (b.ok ? [b.blueprint] : []));
  const lintResults = lintResultsOf(loaded, lang);
  if (lintResults.length > 0) return { kind: 'invalid-blueprints', results: lintResults };

  const region = regionIndex();
  const model = buildModel(profile, region, opts.toolkitVersion);
  const secretsText = readIfAny(join(out, SECRETS_FILE))?.toString('utf8') ?? '';
  const enabled = loaded.filter((b) => isEnabled(b, model));
  const sources = new Map<string, FetchedSource>();
  const { secrets, created } = ensureSecrets(parseSecrets(secretsText), enabled.flatMap((b) => b.manifest.secrets ?? []));

  const previousLockText = readIfAny(join(out, LOCK_FILE))?.toString('utf8');
  const previous = previousLockText === undefined ? undefined : parseLock(previousLockText);

  const rendered = await step(onEvent, 'render', async () => {
    for (const b of enabled) {
      if (!b.manifest.source) continue;
      const fetched = await fetchSource(b.manifest.source, opts.env, lang);
      const { git, ref } = b.manifest.source;
      const locked = previous?.blueprints.find((l) => l.name === b.manifest.name)?.source;
      // The same ref giving another commit than the last generation is a moved tag: never silently.
      if (locked && locked.git === git && locked.ref === ref && locked.commit !== fetched.commit) {
        throw new SourceError(
          lang === 'id'
            ? `${b.manifest.name}: ${git} @ ${ref} sekarang menunjuk ${fetched.commit}, padahal ${LOCK_FILE} mencatat ${locked.commit} (tag dipindah)`
            : `${b.manifest.name}: ${git} @ ${ref} now points to ${fetched.commit}, but ${LOCK_FILE} records ${locked.commit} (a moved tag)`,
          lang === 'id' ? 'kembalikan tag itu, atau pasang ref ke commit lengkap di blueprint.yaml' : 'restore the tag, or pin the ref to a full commit hash in blueprint.yaml',
        );
      }
      sources.set(b.manifest.name, fetched);
    }
    let files: RenderedFile[];
    try {
      files = renderBlueprints(enabled, model, secrets, new Map([...sources].map(([k, v]) => [k, v.files])));
    } finally {
      forgetParsed();
    }
    const seedWanted = enabled.some((b) => (b.manifest.seed ?? []).length > 0);
    const seed: RenderedFile[] = seedWanted
      ? seedFiles(profile, region, { lang, profileDigest }).map((f) => ({ path: f.path, content: Buffer.from(f.content), mode: 0o644, policy: 'managed', blueprint: 'seed', secret: false }))
      : [];
    const all = [...files, ...seed];
    return [...all, gitignore(all)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }, (f) => `${f.length}`);

  const lock = buildLock(
    {
      toolkit: { name: 'eoffice', version: opts.toolkitVersion },
      profile: { path: toPosix(relative(out, profilePath)), digest: profileDigest },
      blueprints: enabled.map((b) => {
        const src = b.manifest.source;
        const fetched = sources.get(b.manifest.name);
        return { name: b.manifest.name, version: b.manifest.version, digest: b.digest, ...(src && fetched ? { source: { git: src.git, ref: src.ref, commit: fetched.commit } } : {}) };
      }),
    },
    rendered,
  );

  return { kind: 'rendered', out, rendered, lock, previous, previousLockText, secrets, secretsText, created };
}

/**
 * The whole generation: validate the profile, load the blueprints, render them with the seed data,
 * plan against the output tree and its lock, then write (atomically), or only show, or check.
 */
export async function generate(opts: GenerateOptions): Promise<GenerateOutcome> {
  const { onEvent } = opts;
  const out = resolve(opts.out);
  const profilePath = resolve(opts.profile);
  // Before anything is read from the output: a run cut between the sink's two renames left the
  // previous tree under another name, and planning against its absence would lose its secrets and edits.
  if (opts.mode === 'write') await recover(out);

  // Loaded once, whether the quick check or the render asks first.
  let blueprintLoads: Promise<BlueprintLoad[]> | undefined;
  const blueprintsOnce = () => (blueprintLoads ??= loadBlueprints(opts.templatesDir, opts.lang));

  if (opts.mode === 'check') {
    // The lock's profile digest is of a profile that was valid under this toolkit version.
    const bytes = readIfAny(profilePath);
    const quick = bytes && (await checkAgainstLock(out, bytes, opts.toolkitVersion, blueprintsOnce));
    if (quick) return quick;
  }

  const r = await renderOutput(opts, blueprintsOnce);
  if (r.kind !== 'rendered') return r;
  const { rendered, lock, previous, previousLockText, secrets, secretsText, created } = r;

  const existing = new Map<string, ExistingFile>();
  const plan = await step(onEvent, 'plan', async () => {
    const paths = new Set([...rendered.map((f) => f.path), ...Object.keys(previous?.files ?? {})]);
    // A first generation (no output folder yet): nothing to read.
    if (!statIfAny(out)?.isDirectory()) paths.clear();
    for (const p of paths) {
      const f = await readIfFile(join(out, p));
      if (f) existing.set(p, f);
    }
    return computePlan(rendered, existing, previous);
  });

  const lockText = serializeLock(lock);
  // A git checkout carries only the executable bit; the other mode bits follow the checkout's umask
  // (GitLab's Docker executor uses 0000), so a mode that differs only there is not drift.
  const gitSameMode = (e: PlanEntry) => e.reason === 'mode-changed' && e.file !== undefined && ((existing.get(e.path)?.mode ?? 0) & 0o100) === (e.file.mode & 0o100);
  const drift = plan.entries.filter((e) => !e.secret && e.policy !== 'seed-once' && e.action !== 'unchanged' && !(e.action === 'keep' && e.reason === 'seed-once-owned') && !gitSameMode(e));
  const lockDrift = previousLockText !== lockText;
  const conflicts = plan.entries.filter((e) => e.action === 'conflict');

  if (opts.mode === 'write' && conflicts.length === 0) {
    await step(onEvent, 'write', async () => {
      const own: OwnFile[] = [{ path: LOCK_FILE, content: lockText, mode: 0o644 }, ...baseFilesOf(rendered)];
      if (created.length > 0 || secretsText === '') own.push({ path: SECRETS_FILE, content: serializeSecrets(secrets), mode: 0o600 });
      await writeAtomically(out, plan, own, { clear: [BASE_DIR], ...(opts.beforeSwap ? { beforeSwap: opts.beforeSwap } : {}) });
    });
  }
  return { kind: 'done', plan, lock, drift, lockDrift, conflicts };
}
