import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes one file whole or not at all: a temporary file beside it (same file system), then a
 * rename, which is atomic. An interrupted or failed write leaves the old file as it was and no
 * temporary file behind. (A whole output tree has its own sink: generate/sink-disk.ts.)
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, options.mode === undefined ? {} : { mode: options.mode });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
