import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TextMergeResult {
  content: Buffer;
  /** Conflicting hunks left in `content` as markers; 0 for a clean merge. */
  conflicts: number;
}

export interface MergeLabels {
  local: string;
  base: string;
  blueprint: string;
}

/** Merges two edits of a text against their common base; `base` undefined is "no common base". */
export type TextMerger = (base: Buffer | undefined, local: Buffer, blueprint: Buffer, labels: MergeLabels) => Promise<TextMergeResult>;

/**
 * A real `git merge-file --diff3`: the markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`) are the
 * ones every editor and merge tool recognises, and the algorithm is the one recipients already trust.
 * Without a base an empty file stands in for it, so the whole of each differing region is shown
 * from both sides rather than one of them silently winning.
 */
export const gitMergeFile: TextMerger = async (base, local, blueprint, labels) => {
  const dir = await mkdtemp(join(tmpdir(), 'eoffice-merge-'));
  try {
    const files = { local: join(dir, 'local'), base: join(dir, 'base'), blueprint: join(dir, 'blueprint') };
    await Promise.all([writeFile(files.local, local), writeFile(files.base, base ?? Buffer.alloc(0)), writeFile(files.blueprint, blueprint)]);
    const args = ['merge-file', '-p', '--diff3', '-L', labels.local, '-L', labels.base, '-L', labels.blueprint, files.local, files.base, files.blueprint];
    return await new Promise<TextMergeResult>((resolvePromise, reject) => {
      execFile('git', args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
        // merge-file exits with the number of conflicts (up to 127); anything else is a failure.
        if (code < 0 || code > 127) reject(new Error(`git merge-file failed: ${err?.message ?? code}`));
        else resolvePromise({ content: stdout, conflicts: code });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const MARKER = /^(<{7} |>{7} |={7}$|\|{7} )/m;

/** Whether a text still holds conflict markers (a conflict the recipient has not resolved). */
export function hasConflictMarkers(content: Buffer): boolean {
  return MARKER.test(content.toString('utf8'));
}

export const isBinary = (b: Buffer) => b.subarray(0, 8000).includes(0);
