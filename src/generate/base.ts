import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedFile } from './rendered.js';
import type { OwnFile } from './sink-disk.js';

/**
 * The merge base of `eoffice upgrade`: a pristine copy of the last render, kept inside the output
 * tree under `.eoffice/base/<path>`. Stored, not replayed: an old blueprint version may no longer
 * exist (or no longer render with today's toolkit) when the recipient upgrades years later.
 *
 * A hidden folder rather than the output's git history: it works the same whether or not the tree
 * is a repository, survives a fresh clone or a grant bundle, and does not depend on which commit of
 * a history that mixes the recipient's edits with ours was the last pristine render. It is written
 * with the tree (committed with it, not git-ignored, so a clone can still be upgraded), holds no
 * secret file, is rebuilt on every write (so it is deterministic and never stale), and is not part
 * of the lock: `generate --check` and drift ignore it.
 */
export const BASE_DIR = '.eoffice/base';

export const basePath = (path: string) => `${BASE_DIR}/${path}`;

/** The base copy of every file a write produces; secret files are never copied. */
export function baseFilesOf(rendered: readonly RenderedFile[]): OwnFile[] {
  return rendered.filter((f) => !f.secret).map((f) => ({ path: basePath(f.path), content: f.content, mode: 0o644 }));
}

/** The stored base of one file, if any. */
export async function readBase(out: string, path: string): Promise<Buffer | undefined> {
  return readFile(join(out, BASE_DIR, path)).catch(() => undefined);
}
