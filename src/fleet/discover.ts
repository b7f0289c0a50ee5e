import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { LOCK_FILE } from '../generate/lock.js';

/** One recipient of a fleet: its generated tree (the folder holding eoffice.lock.json). */
export interface Recipient {
  name: string;
  tree: string;
}

const hasLock = (dir: string) => stat(join(dir, LOCK_FILE)).then((s) => s.isFile(), () => false);

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(dir, e.name)).sort();
}

/**
 * A fleet is found through its lock files, so any layout works; the documented one is
 * `<fleet>/<recipient>/regency.yaml` beside `<fleet>/<recipient>/out/` (the lock names its profile).
 * Each argument is a recipient's tree itself, or a folder holding trees one or two levels down.
 * A tree named `out` takes its parent's name.
 */
export async function discoverRecipients(dirs: readonly string[]): Promise<{ recipients: Recipient[]; empty: string[] }> {
  const recipients: Recipient[] = [];
  const empty: string[] = [];
  const nameOf = (root: string, tree: string) => {
    const rel = relative(root, tree).split('\\').join('/');
    const name = rel === '' ? basename(tree) : rel;
    return name.endsWith('/out') ? name.slice(0, -4) : name === 'out' ? basename(resolve(root)) : name;
  };
  for (const dir of dirs) {
    const root = resolve(dir);
    const found: string[] = [];
    if (await hasLock(root)) found.push(root);
    else {
      for (const sub of await subfolders(root)) {
        if (await hasLock(sub)) found.push(sub);
        else for (const deeper of await subfolders(sub)) if (await hasLock(deeper)) found.push(deeper);
      }
    }
    if (found.length === 0) empty.push(dir);
    for (const tree of found) if (!recipients.some((r) => r.tree === tree)) recipients.push({ name: nameOf(root, tree), tree });
  }
  return { recipients, empty };
}
