import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { statIfAny } from '../util/fs.js';
import type { Plan, PlanAction } from './plan.js';

/** Extra files the generator owns outright (lock file, secrets store). */
export interface OwnFile {
  path: string;
  content: string | Buffer;
  mode: number;
}

/** Entries whose `file` the sink writes: a conflict only carries one when it is to be written with markers. */
const WRITTEN = new Set<PlanAction>(['create', 'update', 'merge', 'conflict']);

const stagePrefix = (out: string) => `.${basename(out)}.eoffice-stage-`;
const oldName = (out: string) => join(dirname(out), `.${basename(out)}.eoffice-old`);

/**
 * Puts the output tree back as it was when an earlier run was interrupted: a swap cut between its
 * two renames left the previous tree under the old name; a cut during staging left a stage folder.
 */
// Synchronous file-system calls here and below: each is one quick system call, nothing else runs
// meanwhile, and a thread-pool round trip apiece made a generation wait more than it worked.
export async function recover(out: string): Promise<void> {
  const parent = dirname(out);
  const old = oldName(out);
  const outExists = statIfAny(out) !== undefined;
  const oldExists = statIfAny(old) !== undefined;
  if (oldExists && !outExists) renameSync(old, out);
  else if (oldExists) rmSync(old, { recursive: true, force: true });
  let entries: string[] = [];
  try {
    entries = readdirSync(parent);
  } catch {
    // No parent folder yet: nothing to recover.
  }
  for (const e of entries) if (e.startsWith(stagePrefix(out))) rmSync(join(parent, e), { recursive: true, force: true });
}

/**
 * Writes a plan atomically: the new tree is built in a stage folder beside the target (a copy of
 * the current tree with the plan applied) and swapped in with two renames. Until the swap, the
 * previous output is untouched; an interrupted run is undone by `recover` on the next run.
 */
export async function writeAtomically(out: string, plan: Plan, own: readonly OwnFile[], hooks: { beforeSwap?: () => Promise<void>; clear?: readonly string[] } = {}): Promise<void> {
  await recover(out);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const stage = join(parent, stagePrefix(out) + randomBytes(6).toString('hex'));
  const outIsDir = statIfAny(out)?.isDirectory() ?? false;
  try {
    // Synchronous calls: nothing else runs meanwhile, and measured on a generated tree they cost the
    // same as a bare loop of writeFileSync over the same files.
    if (outIsDir) cpSync(out, stage, { recursive: true, verbatimSymlinks: true, errorOnExist: true, force: false });
    else mkdirSync(stage);
    // Folders the writer rebuilds whole (the merge base): what is not written again is gone.
    for (const dir of hooks.clear ?? []) rmSync(join(stage, dir), { recursive: true, force: true });
    const writes: Array<{ path: string; content: string | Buffer; mode: number }> = [
      ...plan.entries.filter((e) => e.file && WRITTEN.has(e.action)).map((e) => ({ path: e.path, content: e.file!.content, mode: e.file!.mode })),
      ...own,
    ];
    const dirs = new Set(writes.map((w) => dirname(join(stage, w.path))));
    for (const d of [...dirs].sort()) mkdirSync(d, { recursive: true });
    const umask = process.umask();
    for (const w of writes) {
      const target = join(stage, w.path);
      const existed = outIsDir && existsSync(target);
      writeFileSync(target, w.content, { mode: w.mode });
      // writeFile's mode applies only to a new file, and through the umask.
      if (existed || (w.mode & umask) !== 0) chmodSync(target, w.mode);
    }
    for (const e of plan.entries) if (e.action === 'delete') rmSync(join(stage, e.path), { force: true });
    await hooks.beforeSwap?.();
    const old = oldName(out);
    if (outIsDir) renameSync(out, old);
    renameSync(stage, out);
    if (outIsDir) rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
}
