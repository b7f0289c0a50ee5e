import type { FilePolicy } from '../blueprint/manifest.js';
import { sha256, type LockFile } from './lock.js';
import type { RenderedFile } from './rendered.js';

export type PlanAction = 'create' | 'update' | 'merge' | 'unchanged' | 'delete' | 'keep' | 'conflict';

/** Why an entry is what it is; turned into words by the command that shows the plan. */
export type PlanReason =
  | 'new-file'
  | 'missing-on-disk'
  | 'content-changed'
  | 'mode-changed'
  | 'same'
  | 'seed-once-owned'
  | 'no-longer-rendered'
  | 'edited-locally'
  | 'edited-locally-no-longer-rendered'
  | 'not-ours'
  // eoffice upgrade
  | 'edited-locally-kept'
  | 'merged'
  | 'merge-conflict'
  | 'structured-conflict'
  | 'no-base-conflict'
  | 'binary-conflict'
  | 'unresolved';

export interface PlanEntry {
  path: string;
  action: PlanAction;
  reason: PlanReason;
  policy: FilePolicy;
  blueprint: string;
  secret: boolean;
  /** What the sink writes for create, update, merge (and conflict, written with markers). */
  file?: RenderedFile;
  /** The conflicting places, for conflicts an upgrade found. */
  conflict?: ConflictDetail;
}

/** Where an upgrade could not merge: text hunks (with markers in the file) or structured keys. */
export interface ConflictDetail {
  kind: 'text' | 'structured' | 'no-base' | 'binary';
  /** Text: how many conflicting hunks. */
  hunks?: number;
  /** Structured: each key both sides changed, as a JSON pointer, with the three values. */
  keys?: Array<{ pointer: string; base?: unknown; local?: unknown; blueprint?: unknown }>;
}

export interface Plan {
  entries: PlanEntry[];
  counts: Record<PlanAction, number>;
}

/** What is on disk now, for the files the plan is about. */
export interface ExistingFile {
  content: Buffer;
  mode: number;
}

/**
 * Compares a render with the output tree and the previous lock. Nothing a person wrote is lost: a
 * file edited since the last generation is not overwritten (`conflict`; `eoffice upgrade` merges
 * it), a seed-once file belongs to the recipient, and a file the previous render did not write is
 * never deleted.
 */
export function computePlan(
  rendered: readonly RenderedFile[],
  existing: ReadonlyMap<string, ExistingFile>,
  previous: LockFile | undefined,
): Plan {
  const entries: PlanEntry[] = [];
  const renderedPaths = new Set<string>();
  for (const file of rendered) {
    renderedPaths.add(file.path);
    const base = { path: file.path, policy: file.policy, blueprint: file.blueprint, secret: file.secret };
    const onDisk = existing.get(file.path);
    const locked = previous?.files[file.path];
    if (!onDisk) {
      entries.push({ ...base, action: 'create', reason: locked ? 'missing-on-disk' : 'new-file', file });
      continue;
    }
    const sameContent = onDisk.content.equals(file.content);
    if (sameContent && onDisk.mode === file.mode) {
      entries.push({ ...base, action: 'unchanged', reason: 'same' });
      continue;
    }
    if (file.policy === 'seed-once' || file.secret) {
      entries.push({ ...base, action: sameContent ? 'update' : 'keep', reason: sameContent ? 'mode-changed' : 'seed-once-owned', ...(sameContent ? { file } : {}) });
      continue;
    }
    const editedLocally = locked?.sha256 !== undefined ? sha256(onDisk.content) !== locked.sha256 : locked === undefined;
    if (!sameContent && editedLocally) {
      entries.push({ ...base, action: 'conflict', reason: 'edited-locally' });
      continue;
    }
    entries.push({ ...base, action: 'update', reason: sameContent ? 'mode-changed' : 'content-changed', file });
  }
  return finishPlan(entries, previous, renderedPaths, existing);
}

/**
 * Adds what the last generation wrote and this one no longer renders (deleted when unedited, kept
 * when edited or seed-once), then sorts and counts: the end of a generation's plan and an upgrade's.
 */
export function finishPlan(entries: PlanEntry[], previous: LockFile | undefined, renderedPaths: ReadonlySet<string>, existing: ReadonlyMap<string, ExistingFile>): Plan {
  for (const [path, locked] of Object.entries(previous?.files ?? {})) {
    if (renderedPaths.has(path)) continue;
    const onDisk = existing.get(path);
    if (!onDisk) continue;
    const base = { path, policy: locked.policy, blueprint: locked.blueprint, secret: locked.secret === true };
    const unchanged = locked.sha256 !== undefined && sha256(onDisk.content) === locked.sha256;
    if (unchanged && locked.policy !== 'seed-once') entries.push({ ...base, action: 'delete', reason: 'no-longer-rendered' });
    else entries.push({ ...base, action: 'keep', reason: 'edited-locally-no-longer-rendered' });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const counts = emptyCounts();
  for (const e of entries) counts[e.action]++;
  return { entries, counts };
}

export function emptyCounts(): Record<PlanAction, number> {
  return { create: 0, update: 0, merge: 0, unchanged: 0, delete: 0, keep: 0, conflict: 0 };
}
