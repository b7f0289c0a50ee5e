import { serializeLock, sha256, type LockFile, type PendingConflict } from '../generate/lock.js';
import { finishPlan, type ConflictDetail, type ExistingFile, type Plan, type PlanEntry } from '../generate/plan.js';
import type { RenderedFile } from '../generate/rendered.js';
import { mergeStructured, structuredFormatOf } from './merge-structured.js';
import { hasConflictMarkers, isBinary, type MergeLabels, type TextMerger } from './merge-text.js';

export interface UpgradeInput {
  /** The new render: new toolkit, new blueprint versions, the current profile. */
  rendered: readonly RenderedFile[];
  /** What is on disk now, for every rendered or previously locked path that exists. */
  existing: ReadonlyMap<string, ExistingFile>;
  /** The stored pristine copies of the last render (`.eoffice/base`). */
  bases: ReadonlyMap<string, Buffer>;
  previous: LockFile | undefined;
  /** `--continue`: the recipient says the structured and binary conflicts left last time are settled. */
  resolved: boolean;
  merge: TextMerger;
  labels: (path: string) => MergeLabels;
}

/**
 * The merge base of one file: the stored copy when it is the render the lock recorded; failing
 * that, the file itself when it is still unedited (its hash is the lock's); otherwise none, and
 * then no side may silently win.
 */
function baseOf(path: string, onDisk: Buffer, input: UpgradeInput): Buffer | undefined {
  const locked = input.previous?.files[path]?.sha256;
  if (locked === undefined) return undefined;
  const stored = input.bases.get(path);
  if (stored && sha256(stored) === locked) return stored;
  if (sha256(onDisk) === locked) return onDisk;
  // No stored copy (a tree generated before bases were kept), but the new render is byte for byte
  // the one the lock recorded: then it is the base.
  return input.rendered.find((f) => f.path === path && sha256(f.content) === locked)?.content;
}

function pendingOf(previous: LockFile | undefined): Map<string, PendingConflict> {
  return new Map((previous?.conflicts ?? []).map((c) => [c.path, c]));
}

/** A conflict left by the last upgrade that the recipient has not settled yet. */
function stillPending(p: PendingConflict, onDisk: Buffer, resolved: boolean): boolean {
  if (p.kind === 'text' || p.kind === 'no-base') return hasConflictMarkers(onDisk);
  return !resolved;
}

async function mergeOne(file: RenderedFile, local: Buffer, base: Buffer | undefined, input: UpgradeInput): Promise<{ content: Buffer; conflict?: ConflictDetail }> {
  if (isBinary(local) || isBinary(file.content) || (base && isBinary(base))) return { content: local, conflict: { kind: 'binary' } };
  const format = file.policy === 'merge-structured' ? structuredFormatOf(file.path) : undefined;
  if (format) {
    const r = mergeStructured(format, base?.toString('utf8'), local.toString('utf8'), file.content.toString('utf8'));
    if (r) return r.conflicts.length === 0 ? { content: r.content } : { content: r.content, conflict: { kind: 'structured', keys: r.conflicts } };
  }
  const r = await input.merge(base, local, file.content, input.labels(file.path));
  if (r.conflicts === 0) return { content: r.content };
  return { content: r.content, conflict: { kind: base ? 'text' : 'no-base', hunks: r.conflicts } };
}

const REASON_OF: Record<ConflictDetail['kind'], PlanEntry['reason']> = {
  text: 'merge-conflict',
  structured: 'structured-conflict',
  'no-base': 'no-base-conflict',
  binary: 'binary-conflict',
};

/**
 * The upgrade plan, file by file, by the blueprint's policy:
 * - `seed-once` and secret files are the recipient's: never touched once they exist;
 * - `managed`, `merge-text`: the new render, unless the recipient edited the file; then a three-way
 *   text merge (conflict markers where both changed the same lines);
 * - `merge-structured`: YAML/JSON merged by key (text merge when a side does not parse);
 * - a file the new render no longer has is deleted only when it is unchanged since the last render.
 * Pure apart from the injected text merger.
 */
export async function planUpgrade(input: UpgradeInput): Promise<Plan> {
  const entries: PlanEntry[] = [];
  const pending = pendingOf(input.previous);
  const renderedPaths = new Set<string>();
  for (const file of input.rendered) {
    renderedPaths.add(file.path);
    const base = { path: file.path, policy: file.policy, blueprint: file.blueprint, secret: file.secret };
    const onDisk = input.existing.get(file.path);
    if (!onDisk) {
      entries.push({ ...base, action: 'create', reason: input.previous?.files[file.path] ? 'missing-on-disk' : 'new-file', file });
      continue;
    }
    const sameContent = onDisk.content.equals(file.content);
    if (file.policy === 'seed-once' || file.secret) {
      entries.push({ ...base, action: sameContent && onDisk.mode === file.mode ? 'unchanged' : 'keep', reason: sameContent && onDisk.mode === file.mode ? 'same' : 'seed-once-owned' });
      continue;
    }
    const p = pending.get(file.path);
    if (p && stillPending(p, onDisk.content, input.resolved)) {
      const conflict: ConflictDetail = { kind: p.kind, ...(p.keys ? { keys: p.keys.map((pointer) => ({ pointer })) } : {}) };
      entries.push({ ...base, action: 'conflict', reason: 'unresolved', conflict });
      continue;
    }
    if (sameContent) {
      entries.push(onDisk.mode === file.mode ? { ...base, action: 'unchanged', reason: 'same' } : { ...base, action: 'update', reason: 'mode-changed', file });
      continue;
    }
    const mergeBase = baseOf(file.path, onDisk.content, input);
    if (mergeBase?.equals(onDisk.content)) {
      entries.push({ ...base, action: 'update', reason: 'content-changed', file });
      continue;
    }
    if (mergeBase?.equals(file.content)) {
      // Edited here, not changed by the blueprint: the edit stands as it is.
      entries.push(onDisk.mode === file.mode ? { ...base, action: 'keep', reason: 'edited-locally-kept' } : { ...base, action: 'update', reason: 'mode-changed', file: { ...file, content: onDisk.content } });
      continue;
    }
    const merged = await mergeOne(file, onDisk.content, mergeBase, input);
    const out: RenderedFile = { ...file, content: merged.content };
    if (merged.conflict) {
      // A binary conflict keeps the local bytes untouched; the others are written for the recipient to settle.
      entries.push({ ...base, action: 'conflict', reason: REASON_OF[merged.conflict.kind], conflict: merged.conflict, ...(merged.conflict.kind === 'binary' ? {} : { file: out }) });
    } else if (merged.content.equals(onDisk.content) && onDisk.mode === file.mode) {
      entries.push({ ...base, action: 'keep', reason: 'edited-locally-kept' });
    } else {
      entries.push({ ...base, action: 'merge', reason: 'merged', file: out });
    }
  }
  return finishPlan(entries, input.previous, renderedPaths, input.existing);
}

/** The conflicts to record in the lock, so that the next upgrade can tell when they are settled. */
export function pendingConflicts(plan: Plan): PendingConflict[] {
  return plan.entries
    .filter((e) => e.action === 'conflict' && e.conflict)
    .map((e) => ({ path: e.path, kind: e.conflict!.kind, ...(e.conflict!.keys ? { keys: e.conflict!.keys.map((k) => k.pointer) } : {}) }));
}

/** An upgrade's lock: `lock` with the conflicts the plan leaves pending (if any), and its text. */
export function lockAfter(plan: Plan, lock: LockFile): { lock: LockFile; lockText: string } {
  const pending = pendingConflicts(plan);
  const withPending: LockFile = { ...lock, ...(pending.length > 0 ? { conflicts: pending } : {}) };
  return { lock: withPending, lockText: serializeLock(withPending) };
}

/** The entries of a plan that the recipient has to settle. */
export const conflictsOf = (plan: Plan): PlanEntry[] => plan.entries.filter((e) => e.action === 'conflict');
