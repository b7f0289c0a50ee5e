import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import type { BlueprintFile, BlueprintManifest } from './manifest.js';

export interface FetchedSource {
  /** The exact commit the ref resolved to; recorded in the lock file. */
  commit: string;
  /** The repository's files at that commit, with paths under `into/`. */
  files: BlueprintFile[];
}

/** The source cannot be had at that ref: the blueprint's (or the network's) problem, exit 2, no stack trace. */
export class SourceError extends UsageError {}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.EOFFICE_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'eoffice');
}

/**
 * Application source from a git repository at an exact ref (a full commit hash or a tag), read
 * from a bare mirror in the cache without checking anything out, so the result depends on the ref
 * alone. Symbolic links and submodules are not carried (a grant is plain files).
 */
export async function fetchSource(source: NonNullable<BlueprintManifest['source']>, env: NodeJS.ProcessEnv = process.env, lang: Lang = 'id'): Promise<FetchedSource> {
  const L = (id: string, en: string) => (lang === 'id' ? id : en);
  const { simpleGit } = await import('simple-git');
  const mirror = join(cacheDir(env), 'git', createHash('sha256').update(source.git).digest('hex').slice(0, 32));
  await mkdir(join(cacheDir(env), 'git'), { recursive: true });
  const haveMirror = await stat(join(mirror, 'HEAD')).then(() => true, () => false);
  try {
    if (!haveMirror) await simpleGit().clone(source.git, mirror, ['--mirror', '--quiet']);
    const git = simpleGit(mirror);
    const isCommit = /^[0-9a-f]{40}$/.test(source.ref);
    // `rev-parse --verify --quiet` answers an unknown ref with empty output, not always an error.
    const resolveRef = () => git.revparse(['--verify', '--quiet', `${source.ref}^{commit}`]).then((s) => s.trim(), () => '');
    // A fresh clone is current, and a commit the mirror has never changes; but a tag is asked of the
    // origin every time (the mirror's refspec is forced), so a moved tag is seen rather than hidden
    // by the cache. Offline, the mirror's own answer stands.
    let commit = haveMirror && !isCommit ? '' : await resolveRef();
    if (commit === '' && haveMirror) {
      const failed = await git.fetch(['--quiet', '--force', 'origin']).then(() => undefined, (err: unknown) => err);
      commit = await resolveRef();
      if (commit === '' && failed) throw failed;
    }
    if (commit === '') {
      throw new SourceError(
        L(`${source.git}: ${isCommit ? 'commit' : 'tag'} ${source.ref} tidak ada di repositori ini`, `${source.git}: ${isCommit ? 'no commit' : 'no tag'} ${source.ref} in this repository`),
        L('periksa `source.ref` di blueprint.yaml: tag yang sudah dirilis, atau hash commit lengkap', 'check `source.ref` in blueprint.yaml: a released tag, or a full commit hash'),
      );
    }
    if (isCommit && commit !== source.ref) throw new SourceError(L(`ref ${source.ref} menunjuk ${commit}`, `ref ${source.ref} resolved to ${commit}`));
    const listing = await git.raw(['ls-tree', '-r', '-z', '--full-tree', commit]);
    const files: BlueprintFile[] = [];
    for (const entry of listing.split('\0')) {
      if (entry === '') continue;
      const m = /^(\d{6}) (\w+) ([0-9a-f]{40})\t(.+)$/s.exec(entry);
      if (!m || m[2] !== 'blob' || m[1] === '120000') continue;
      const bytes = await git.binaryCatFile(['blob', m[3]!]);
      files.push({ path: `${source.into}/${m[4]}`, bytes, mode: m[1] === '100755' ? 0o755 : 0o644 });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { commit, files };
  } catch (err) {
    if (err instanceof SourceError) throw err;
    // git's own first line says what went wrong (in the machine's locale); the hint is ours.
    throw new SourceError(
      `${source.git} @ ${source.ref}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      L('periksa alamat repositori dan jaringan; sumber yang pernah diambil tersimpan di cache (EOFFICE_CACHE_DIR)', 'check the repository address and the network; sources fetched before are kept in the cache (EOFFICE_CACHE_DIR)'),
    );
  }
}
