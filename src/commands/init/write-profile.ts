import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../../util/write-atomic.js';

/**
 * Writes regency.yaml whole or not at all: a temporary file beside it, then a rename, which is
 * atomic on one file system. An old profile being replaced is first copied to regency.yaml.bak.
 */
export async function writeProfileAtomically(path: string, text: string, options: { backup?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  if (options.backup) await copyFile(path, `${path}.bak`);
  await writeFileAtomically(path, text, { mode: 0o644 });
}
