import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BASE_DIR, baseFilesOf, readBase } from '../generate/base.js';
import { step, type OnEvent } from '../generate/events.js';
import { renderOutput, type RenderOutcome } from '../generate/generate.js';
import { LOCK_FILE, parseLock, type LockFile } from '../generate/lock.js';
import type { ExistingFile, Plan, PlanEntry } from '../generate/plan.js';
import type { RenderedFile } from '../generate/rendered.js';
import { SECRETS_FILE, serializeSecrets } from '../generate/secrets.js';
import { recover, writeAtomically, type OwnFile } from '../generate/sink-disk.js';
import type { Lang } from '../i18n/lang.js';
import { gitMergeFile, type TextMerger } from './merge-text.js';
import { conflictsOf, lockAfter, planUpgrade } from './plan-upgrade.js';

export interface UpgradeOptions {
  /** The generated output tree to upgrade. */
  out: string;
  /** The profile; by default the one the lock records (its path is relative to the tree). */
  profile?: string;
  templatesDir: string;
  toolkitVersion: string;
  lang: Lang;
  env?: NodeJS.ProcessEnv;
  onEvent?: OnEvent;
  /** `--continue`: accept the structured and binary conflicts left by the last upgrade as settled. */
  resolved?: boolean;
  merge?: TextMerger;
}

export type UpgradeOutcome =
  | { kind: 'no-lock'; out: string }
  | Exclude<RenderOutcome, { kind: 'rendered' }>
  | UpgradePlanned;

export interface UpgradePlanned {
  kind: 'planned';
  out: string;
  profile: string;
  plan: Plan;
  lock: LockFile;
  /** Conflicts the upgrade would leave (or, for `unresolved`, has left) for the recipient. */
  conflicts: PlanEntry[];
  /** False when applying would write nothing at all: the tree is already the upgrade. */
  changes: boolean;
  /** Writes the plan, the new lock and the new base atomically. */
  apply(): Promise<void>;
}

export async function readExisting(path: string): Promise<ExistingFile | undefined> {
  const st = await stat(path).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  return { content: await readFile(path), mode: st.mode & 0o777 };
}

/** Every file under the stored base, by path relative to it. */
export async function listBase(out: string): Promise<string[]> {
  const root = join(out, BASE_DIR);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1).split('\\').join('/'));
}

export async function readLock(out: string): Promise<{ lock: LockFile; text: string } | undefined> {
  const text = await readFile(join(out, LOCK_FILE), 'utf8').catch(() => undefined);
  const lock = text === undefined ? undefined : parseLock(text);
  return lock && text !== undefined ? { lock, text } : undefined;
}

/**
 * Plans the upgrade of one output tree: renders the current inputs, reads the tree, its lock and
 * its stored base, and merges file by file. Nothing is written until `apply()`.
 */
export async function upgrade(opts: UpgradeOptions): Promise<UpgradeOutcome> {
  const out = resolve(opts.out);
  // A generate or upgrade cut between its two renames left the previous tree under another name.
  await recover(out);
  const found = await readLock(out);
  if (!found) return { kind: 'no-lock', out };
  const profile = resolve(opts.profile ?? join(out, found.lock.profile.path));
  const r = await renderOutput({ profile, out, lang: opts.lang, templatesDir: opts.templatesDir, toolkitVersion: opts.toolkitVersion, ...(opts.env ? { env: opts.env } : {}), ...(opts.onEvent ? { onEvent: opts.onEvent } : {}) });
  if (r.kind !== 'rendered') return r;
  const { rendered, previous } = r;

  const planned = await step(opts.onEvent, 'plan', () =>
    planAgainstTree(out, rendered, previous, opts, (bp) => `blueprint ${bp} ${versionOf(r.lock, bp) ?? '?'}`),
  );
  const { plan, baseStale } = planned;
  const { lock, lockText } = lockAfter(plan, r.lock);
  const changes = writesFiles(plan) || baseStale || lockText !== r.previousLockText || r.created.length > 0;
  return {
    kind: 'planned',
    out,
    profile,
    plan,
    lock,
    conflicts: conflictsOf(plan),
    changes,
    apply: async () => {
      if (!changes) return;
      await step(opts.onEvent, 'write', async () => {
        const own: OwnFile[] = [{ path: LOCK_FILE, content: lockText, mode: 0o644 }, ...baseFilesOf(rendered)];
        if (r.created.length > 0 || r.secretsText === '') own.push({ path: SECRETS_FILE, content: serializeSecrets(r.secrets), mode: 0o600 });
        await writeAtomically(out, plan, own, { clear: [BASE_DIR] });
      });
    },
  };
}

const versionOf = (lock: LockFile | undefined, name: string) => lock?.blueprints.find((b) => b.name === name)?.version;

/**
 * Reads the tree, its stored base and the files the last lock names, and merges the new render into
 * them file by file: the planning step of `upgrade` and of `upgrade --from BUNDLE`. `theirs` labels
 * the new side of a conflict (`blueprint eoffice 1.1.0`, `bundle 0.2.0 eoffice 1.1.0`). The base is
 * stale when any stored copy differs from the new render, or one is left over.
 */
export async function planAgainstTree(
  out: string,
  rendered: readonly RenderedFile[],
  previous: LockFile | undefined,
  opts: { resolved?: boolean; merge?: TextMerger },
  theirs: (blueprint: string) => string,
): Promise<{ plan: Plan; baseStale: boolean }> {
  const existing = new Map<string, ExistingFile>();
  for (const p of new Set([...rendered.map((f) => f.path), ...Object.keys(previous?.files ?? {})])) {
    const f = await readExisting(join(out, p));
    if (f) existing.set(p, f);
  }
  const bases = new Map<string, Buffer>();
  for (const f of rendered) {
    const b = f.secret ? undefined : await readBase(out, f.path);
    if (b) bases.set(f.path, b);
  }
  const plan = await planUpgrade({
    rendered,
    existing,
    bases,
    previous,
    resolved: opts.resolved === true,
    merge: opts.merge ?? gitMergeFile,
    labels: (path) => {
      const bp = rendered.find((f) => f.path === path)?.blueprint ?? '';
      return { local: `local ${path}`, base: `base ${bp} ${versionOf(previous, bp) ?? '?'}`, blueprint: theirs(bp) };
    },
  });
  const wanted = new Set(rendered.filter((f) => !f.secret).map((f) => f.path));
  const baseStale = rendered.some((f) => !f.secret && !bases.get(f.path)?.equals(f.content)) || (await listBase(out)).some((p) => !wanted.has(p));
  return { plan, baseStale };
}

/** Whether carrying out the plan writes or deletes any file of the tree. */
export function writesFiles(plan: Plan): boolean {
  return plan.entries.some((e) => e.action === 'create' || e.action === 'update' || e.action === 'merge' || e.action === 'delete' || (e.action === 'conflict' && e.file !== undefined));
}
