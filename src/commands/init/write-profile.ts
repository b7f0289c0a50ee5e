import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes regency.yaml whole or not at all: a temporary file beside it, then a rename, which is
 * atomic on one file system. An old profile being replaced is first copied to regency.yaml.bak.
 */
export async function writeProfileAtomically(path: string, text: string, options: { backup?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  if (options.backup) await copyFile(path, `${path}.bak`);
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { mode: 0o644 });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
