import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_FILE, type LockFile } from '../generate/lock.js';
import { SECRETS_FILE } from '../generate/secrets.js';

/** What a sealed upgrade bundle is made of: one folder per recipient. */
export interface SealedBundle {
  dir: string;
  files: string[];
  archiveSha256: string;
}

/**
 * The seam `fleet upgrade --bundle` seals through. Today a deterministic tar.gz with checksums and
 * a manifest; `grant pack` (git bundle, signed manifest, SBOM) can take its place behind the same call.
 */
export interface UpgradeSealer {
  seal(input: { recipient: string; tree: string; lock: LockFile; outDir: string }): Promise<SealedBundle>;
}

const ARCHIVE = 'upgrade.tar.gz';
const MANIFEST = 'manifest.json';
const SUMS = 'SHA256SUMS';
const hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

async function treeFiles(tree: string): Promise<string[]> {
  const entries = await readdir(tree, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(tree.length + 1).split('\\').join('/')).sort();
}

/**
 * The upgraded tree as `upgrade.tar.gz` (sorted entries, fixed mtime, no owner names: the same
 * tree gives the same bytes), `manifest.json` (recipient, toolkit and blueprint versions, profile
 * digest, archive digest, no timestamp) and `SHA256SUMS` over both, which `sha256sum -c` checks
 * offline. Generated secrets never leave the tree: the secrets store and secret files are left out.
 */
export const tarSealer: UpgradeSealer = {
  async seal({ recipient, tree, lock, outDir }) {
    const { create } = await import('tar');
    const secret = new Set([SECRETS_FILE, ...Object.entries(lock.files).filter(([, f]) => f.secret).map(([p]) => p)]);
    const files = (await treeFiles(tree)).filter((p) => !secret.has(p));
    const dir = join(outDir, recipient.replaceAll('/', '_'));
    const stage = `${dir}.partial`;
    await rm(stage, { recursive: true, force: true });
    await mkdir(stage, { recursive: true });
    await create({ file: join(stage, ARCHIVE), cwd: tree, gzip: { level: 9 }, portable: true, mtime: new Date('2000-01-01T00:00:00Z'), noDirRecurse: true }, files);
    const archiveSha256 = hex(await readFile(join(stage, ARCHIVE)));
    const manifest = {
      kind: 'EofficeUpgradeBundle',
      version: 1,
      recipient,
      toolkit: lock.toolkit,
      profile: lock.profile,
      blueprints: lock.blueprints.map(({ name, version, digest }) => ({ name, version, digest })),
      lock: `sha256:${hex(await readFile(join(tree, LOCK_FILE)))}`,
      archive: { file: ARCHIVE, sha256: archiveSha256, files: files.length },
      apply: 'sha256sum -c SHA256SUMS && tar -xzf upgrade.tar.gz -C <tree>',
    };
    const manifestText = JSON.stringify(manifest, null, 2) + '\n';
    await writeFile(join(stage, MANIFEST), manifestText);
    await writeFile(join(stage, SUMS), `${archiveSha256}  ${ARCHIVE}\n${hex(manifestText)}  ${MANIFEST}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(stage, dir);
    return { dir, files: [ARCHIVE, MANIFEST, SUMS], archiveSha256 };
  },
};
