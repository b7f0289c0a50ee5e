/**
 * The bundle's tar.gz, made repeatable: entries in byte order of their paths, every mtime the
 * grant date, `portable` (no uid/gid, user or group names, no atime/ctime), modes 0644 or 0755 as
 * git records them, and a gzip header without a time stamp. Reading keeps everything in memory:
 * a bundle is a few megabytes, and verify never writes what it has not checked.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { byteOrder } from './checksums.js';

export interface BundleFile {
  bytes: Uint8Array;
  executable?: boolean;
}

/** Writes `files` under `stage/prefix/` and packs them into `out`. */
export async function writeTarball(files: ReadonlyMap<string, BundleFile>, stage: string, prefix: string, out: string, isoDate: string): Promise<void> {
  const tar = await import('tar');
  const paths = [...files.keys()].sort(byteOrder);
  for (const p of paths) {
    const f = files.get(p)!;
    const target = join(stage, prefix, p);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.bytes);
    await chmod(target, f.executable ? 0o755 : 0o644);
  }
  await tar.c(
    { gzip: { level: 9 }, portable: true, mtime: new Date(`${isoDate}T00:00:00Z`), cwd: stage, file: out, noDirRecurse: true, strict: true },
    paths.map((p) => `${prefix}/${p}`),
  );
}

export interface TarContents {
  files: Map<string, BundleFile>;
  /** Entries that are not regular files (links, devices), by path. */
  odd: string[];
}

/** Reads a tar.gz into memory; paths lose their single top-level folder. */
export async function readTarball(file: string): Promise<TarContents> {
  const tar = await import('tar');
  const raw = new Map<string, BundleFile>();
  const odd: string[] = [];
  await tar.t({
    file,
    strict: true,
    onReadEntry: (entry) => {
      if (entry.type === 'Directory') {
        entry.resume();
        return;
      }
      if (entry.type !== 'File' && entry.type !== 'OldFile') {
        odd.push(entry.path.replace(/^(\.\/)+/, ''));
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const path = entry.path.replace(/^(\.\/)+/, '');
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => raw.set(path, { bytes: Buffer.concat(chunks), executable: ((entry.mode ?? 0) & 0o111) !== 0 }));
    },
  });
  const tops = new Set([...raw.keys(), ...odd].map((p) => p.split('/')[0]));
  const strip = tops.size === 1 && [...raw.keys()].every((p) => p.includes('/'));
  const files = new Map<string, BundleFile>();
  for (const [p, f] of raw) files.set(strip ? p.slice(p.indexOf('/') + 1) : p, f);
  return { files, odd: odd.map((p) => (strip && p.includes('/') ? p.slice(p.indexOf('/') + 1) : p)) };
}
