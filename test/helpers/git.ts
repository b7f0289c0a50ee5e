/**
 * A temporary git repository driven by the real `git`, with an identity and configuration of its
 * own (nothing from the user's ~/.gitconfig or the system's), for tests of git-sourced blueprints
 * and of committed output trees.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeTree, type TreeSpec } from './tree.js';

/** The environment every git call of the tests runs in. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig-none'),
    GIT_AUTHOR_NAME: 'Uji eoffice',
    GIT_AUTHOR_EMAIL: 'uji@example.invalid',
    GIT_COMMITTER_NAME: 'Uji eoffice',
    GIT_COMMITTER_EMAIL: 'uji@example.invalid',
    GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
    GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
    GIT_TERMINAL_PROMPT: '0',
  };
}

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes `files` (and removes `remove`), commits everything, returns the full commit hash. */
  commit(files: TreeSpec, message?: string, remove?: readonly string[]): string;
  /** Creates (or, with `force`, moves) an annotated tag; returns the commit it points to. */
  tag(name: string, ref?: string, force?: boolean): string;
  head(): string;
}

/** A new repository (branch `main`) in a temporary folder removed after the test file. */
export function tempRepo(dir: string = tempDir('eoffice-repo-')): TempRepo {
  const env = gitEnv(tempDir('eoffice-githome-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
  const head = () => git('rev-parse', 'HEAD');
  return {
    dir,
    git,
    head,
    commit(files, message = 'commit', remove = []) {
      writeTree(dir, files);
      for (const path of remove) rmSync(join(dir, path), { force: true });
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return head();
    },
    tag(name, ref = 'HEAD', force = false) {
      git('tag', ...(force ? ['--force'] : []), '-a', '-m', name, name, ref);
      return git('rev-parse', `${name}^{commit}`);
    },
  };
}
