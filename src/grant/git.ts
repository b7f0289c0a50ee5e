/**
 * The real git, through simple-git, in an environment of our own: no system or user configuration
 * (HOME is an empty folder and XDG_CONFIG_HOME unset, so no global config; GIT_CONFIG_NOSYSTEM), no signing,
 * no hooks, author, committer and tagger the grantor, every date the grant date. The same tree then
 * gives the same commit and tag hashes on any machine, and the bundle file is the same bytes
 * (one pack thread).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO instant: `2026-02-03T00:00:00+07:00`. */
  date: string;
}

/** The variables we set; simple-git refuses GIT_* variables it was not told to allow. */
const ALLOWED = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CONFIG_NOSYSTEM', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_DATE', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_COMMITTER_DATE', 'GIT_TERMINAL_PROMPT', 'GIT_OPTIONAL_LOCKS'];

const CONFIG = ['commit.gpgsign=false', 'tag.gpgsign=false', 'core.autocrlf=false', 'core.filemode=true', 'pack.threads=1', 'init.defaultBranch=main', 'gc.auto=0', 'core.quotepath=false'];

export async function controlledGit(baseDir: string, home: string, extra: Record<string, string> = {}, identity?: GitIdentity): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  await mkdir(home, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    ...(identity
      ? {
          GIT_AUTHOR_NAME: identity.name,
          GIT_AUTHOR_EMAIL: identity.email,
          GIT_AUTHOR_DATE: identity.date,
          GIT_COMMITTER_NAME: identity.name,
          GIT_COMMITTER_EMAIL: identity.email,
          GIT_COMMITTER_DATE: identity.date,
        }
      : {}),
    ...extra,
  };
  return simpleGit({ baseDir, config: CONFIG, allowEnvironment: ALLOWED }).env(env);
}

export interface IndexEntry {
  mode: string;
  blob: string;
  path: string;
}

/** `git ls-files -s -z` / `git ls-tree -r -z` lines. */
export function parseEntries(out: string, tree: boolean): IndexEntry[] {
  return out
    .split('\0')
    .filter((l) => l !== '')
    .map((l) => {
      const tab = l.indexOf('\t');
      const [mode, a, b] = l.slice(0, tab).split(' ') as [string, string, string];
      return { mode, blob: tree ? b : a, path: l.slice(tab + 1) };
    });
}

/** The git blob id of some bytes (SHA-1 object format). */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export interface SealedRepo {
  commit: string;
  tree: string;
  tagObject: string;
  entries: IndexEntry[];
  /** Tree id of each requested folder in the commit. */
  folders: Map<string, string>;
  bundle: string;
}

/**
 * Stages `workTree` (its `.gitignore` applies; `exclude` paths never enter) into a new repository
 * in `gitDir`, without writing anything inside `workTree`.
 */
export async function stageTree(workTree: string, gitDir: string, home: string, exclude: readonly string[]): Promise<IndexEntry[]> {
  await mkdir(gitDir, { recursive: true });
  const git = await controlledGit(workTree, home, { GIT_DIR: gitDir, GIT_WORK_TREE: workTree });
  await git.raw(['init', '--quiet']);
  // The repository's own exclude file, not pathspecs: git refuses a pathspec that names an ignored file.
  await mkdir(join(gitDir, 'info'), { recursive: true });
  await writeFile(join(gitDir, 'info', 'exclude'), exclude.map((p) => `/${p.replace(/([*?[\\!#])/g, '\\$1')}\n`).join(''));
  await git.raw(['add', '--all', '--', '.']);
  return parseEntries(await git.raw(['ls-files', '--stage', '-z']), false);
}

/** Commits what `stageTree` staged, tags it (annotated) and writes a bundle of every ref. */
export async function sealRepo(
  workTree: string,
  gitDir: string,
  home: string,
  identity: GitIdentity,
  opts: { message: string; tag: string; tagMessage: string; bundleFile: string; folders: readonly string[] },
): Promise<SealedRepo> {
  const git = await controlledGit(workTree, home, { GIT_DIR: gitDir, GIT_WORK_TREE: workTree }, identity);
  await git.raw(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', opts.message]);
  await git.raw(['tag', '--annotate', '-m', opts.tagMessage, opts.tag]);
  const commit = (await git.raw(['rev-parse', 'HEAD'])).trim();
  const tree = (await git.raw(['rev-parse', 'HEAD^{tree}'])).trim();
  const tagObject = (await git.raw(['rev-parse', `refs/tags/${opts.tag}`])).trim();
  const entries = parseEntries(await git.raw(['ls-tree', '-r', '-z', commit]), true);
  const folders = new Map<string, string>();
  for (const f of opts.folders) folders.set(f, (await git.raw(['rev-parse', `${commit}:${f}`])).trim());
  await git.raw(['bundle', 'create', '--quiet', opts.bundleFile, '--all']);
  return { commit, tree, tagObject, entries, folders, bundle: opts.bundleFile };
}

export interface BundleState {
  ok: boolean;
  /** git's own words when the bundle is unreadable. */
  error?: string;
  tags: Map<string, { type: string; object: string; commit?: string }>;
  entriesOf(commit: string): Promise<IndexEntry[] | undefined>;
  treeOf(commit: string): Promise<string | undefined>;
}

/** Reads a bundle file into a scratch repository (`git bundle verify`, then a mirror clone). */
export async function readBundle(bundleFile: string, scratch: string, home: string): Promise<BundleState> {
  const repo = join(scratch, 'verify.git');
  const git = await controlledGit(scratch, home);
  const tags = new Map<string, { type: string; object: string; commit?: string }>();
  try {
    await git.raw(['clone', '--quiet', '--mirror', bundleFile, repo]);
  } catch (err) {
    return { ok: false, error: (err as Error).message.trim().split('\n')[0], tags, entriesOf: async () => undefined, treeOf: async () => undefined };
  }
  const r = await controlledGit(repo, home);
  try {
    await r.raw(['bundle', 'verify', '--quiet', bundleFile]);
  } catch (err) {
    return { ok: false, error: (err as Error).message.trim().split('\n')[0], tags, entriesOf: async () => undefined, treeOf: async () => undefined };
  }
  const refs = (await r.raw(['for-each-ref', '--format=%(refname)%09%(objecttype)%09%(*objectname)%09%(objectname)', 'refs/tags'])).trim();
  for (const line of refs.split('\n').filter(Boolean)) {
    const [ref, type, peeled, object] = line.split('\t') as [string, string, string, string];
    tags.set(ref.replace(/^refs\/tags\//, ''), { type, object, commit: type === 'tag' ? peeled : object });
  }
  return {
    ok: true,
    tags,
    async entriesOf(commit) {
      try {
        return parseEntries(await r.raw(['ls-tree', '-r', '-z', commit]), true);
      } catch {
        return undefined;
      }
    },
    async treeOf(commit) {
      try {
        return (await r.raw(['rev-parse', `${commit}^{tree}`])).trim();
      } catch {
        return undefined;
      }
    },
  };
}
