import { createHash } from 'node:crypto';
import type { FilePolicy } from '../blueprint/manifest.js';
import type { RenderedFile } from './rendered.js';

export const LOCK_FILE = 'eoffice.lock.json';
export const LOCK_VERSION = 1;

export interface LockedFile {
  /** Absent for files that hold secrets. */
  sha256?: string;
  policy: FilePolicy;
  blueprint: string;
  mode: string;
  secret?: true;
}

export interface LockFile {
  lockVersion: number;
  toolkit: { name: 'eoffice'; version: string };
  profile: { path: string; digest: string };
  blueprints: Array<{ name: string; version: string; digest: string; source?: { git: string; ref: string; commit: string } }>;
  files: Record<string, LockedFile>;
  /**
   * Conflicts an `eoffice upgrade` left for the recipient to resolve; absent when there are none.
   * With the base (already the new render) this is all a later upgrade needs to resume.
   */
  conflicts?: PendingConflict[];
}

export interface PendingConflict {
  path: string;
  kind: 'text' | 'structured' | 'no-base' | 'binary';
  /** Structured: the JSON pointers of the keys both sides changed. */
  keys?: string[];
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function buildLock(input: Omit<LockFile, 'lockVersion' | 'files'>, files: readonly RenderedFile[]): LockFile {
  const entries: Record<string, LockedFile> = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    entries[f.path] = {
      ...(f.secret ? {} : { sha256: sha256(f.content) }),
      policy: f.policy,
      blueprint: f.blueprint,
      mode: f.mode.toString(8).padStart(4, '0'),
      ...(f.secret ? { secret: true as const } : {}),
    };
  }
  return {
    lockVersion: LOCK_VERSION,
    toolkit: input.toolkit,
    profile: input.profile,
    blueprints: [...input.blueprints].sort((a, b) => (a.name < b.name ? -1 : 1)),
    files: entries,
  };
}

export function serializeLock(lock: LockFile): string {
  return JSON.stringify(lock, null, 2) + '\n';
}

/** A lock file read back; undefined when it is missing or not one of ours. */
export function parseLock(text: string): LockFile | undefined {
  try {
    const data = JSON.parse(text) as LockFile;
    if (typeof data !== 'object' || data === null || data.lockVersion !== LOCK_VERSION || typeof data.files !== 'object') return undefined;
    return data;
  } catch {
    return undefined;
  }
}
