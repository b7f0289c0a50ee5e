/**
 * `eoffice upgrade` on a blueprint going from v1 to v2 over a recipient that edited files of every
 * policy kind: every edit is kept, what can be merged is merged, true conflicts are reported (and
 * written so that they can be resolved), and a second upgrade is a no-op.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_DIR } from '../../src/generate/base.js';
import { isGrantDocument } from '../../src/generate/leftovers.js';
import { parseLock } from '../../src/generate/lock.js';
import { snapshotTree, tempDir } from '../helpers/tree.js';
import { done, run } from '../generate/support.js';
import { blueprintV1, blueprintV2, edit, planned, read, write } from './support.js';

async function editedRecipient(): Promise<string> {
  const out = join(tempDir(), 'out');
  done(await run(blueprintV1(), out));
  edit(out, 'docs/guide.md', 'guide line 2\n', 'guide line 2, edited by Banjar\n');
  edit(out, 'docs/notes.md', 'note 1\n', 'note 1 (Banjar)\n');
  edit(out, 'docs/clash.md', 'title: v1', 'title: Banjar');
  edit(out, 'docs/old-edited.md', 'edited by the recipient', 'edited by the recipient: ours now');
  edit(out, 'config/app.yaml', '  timeout: 30\n', '  timeout: 45 # slow network here\n  custom: true\n');
  edit(out, 'config/app.json', '"tte": false', '"tte": false,\n    "srikandi": true');
  write(out, 'config/local.env', 'MODE=banjar\n');
  return out;
}

describe('upgrade v1 → v2 with local edits of every policy kind', () => {
  it('keeps every edit, merges what merges, reports the true conflicts, resumes, and then is a no-op', async () => {
    const out = await editedRecipient();
    const v2 = blueprintV2();
    const up = await planned(out, v2);
    const byPath = Object.fromEntries(up.plan.entries.map((e) => [e.path, `${e.action}:${e.reason}`]));
    expect(byPath).toMatchObject({
      'docs/guide.md': 'merge:merged',
      'docs/notes.md': 'merge:merged',
      'docs/clash.md': 'conflict:merge-conflict',
      'docs/new.md': 'create:new-file',
      'docs/old.md': 'delete:no-longer-rendered',
      'docs/old-edited.md': 'keep:edited-locally-no-longer-rendered',
      'config/app.yaml': 'conflict:structured-conflict',
      'config/app.json': 'merge:merged',
      'config/local.env': 'keep:seed-once-owned',
    });
    expect(up.conflicts.find((c) => c.path === 'config/app.yaml')?.conflict?.keys).toEqual([{ pointer: '/settings/timeout', base: 30, local: 45, blueprint: 60 }]);
    await up.apply();

    // Managed and merge-text: both sides' changes are there.
    expect(read(out, 'docs/guide.md')).toContain('guide line 2, edited by Banjar\n');
    expect(read(out, 'docs/guide.md')).toContain('guide line 9, revised in v2\n');
    expect(read(out, 'docs/notes.md')).toMatch(/^note 1 \(Banjar\)\n[\s\S]*note 7, added in v2\n$/);
    // The true conflict is written with the markers editors know, both versions and the base.
    expect(read(out, 'docs/clash.md')).toMatch(/^<<<<<<< local docs\/clash.md\ntitle: Banjar\n\|\|\|\|\|\|\| base t 1\.0\.0\ntitle: v1\n=======\ntitle: v2\n>>>>>>> blueprint t 2\.0\.0\nbody\n$/);
    // Structured: the recipient's key and comment survive, the blueprint's changes land, the clash keeps the local value.
    const yaml = read(out, 'config/app.yaml');
    expect(yaml).toContain('timeout: 45 # slow network here');
    expect(yaml).toContain('custom: true');
    expect(yaml).toContain('pageSize: 50');
    expect(yaml).toContain('theme: light');
    expect(JSON.parse(read(out, 'config/app.json'))).toEqual({ version: 2, features: { tte: false, srikandi: true } });
    // Seed-once is the recipient's; a removed file goes only when unedited.
    expect(read(out, 'config/local.env')).toBe('MODE=banjar\n');
    expect(existsSync(join(out, 'docs/old.md'))).toBe(false);
    expect(read(out, 'docs/old-edited.md')).toContain('ours now');
    expect(read(out, 'docs/new.md')).toBe('new in v2\n');
    // The base is now the v2 render; the lock records the conflicts to resume from.
    expect(read(out, `${BASE_DIR}/docs/clash.md`)).toBe('title: v2\nbody\n');
    expect(existsSync(join(out, BASE_DIR, 'docs/old.md'))).toBe(false);
    const lock = parseLock(read(out, 'eoffice.lock.json'))!;
    expect(lock.blueprints.map((b) => b.version)).toEqual(['2.0.0']);
    expect(lock.conflicts).toEqual([
      { path: 'config/app.yaml', kind: 'structured', keys: ['/settings/timeout'] },
      { path: 'docs/clash.md', kind: 'text' },
    ]);

    // Run again before resolving: still the same two conflicts, nothing written.
    const before = snapshotTree(out);
    const again = await planned(out, v2);
    expect(again.conflicts.map((c) => `${c.path}:${c.reason}`)).toEqual(['config/app.yaml:unresolved', 'docs/clash.md:unresolved']);
    await again.apply();
    expect(snapshotTree(out)).toEqual(before);

    // The recipient settles both: edits the text, keeps its timeout, and says so with --continue.
    write(out, 'docs/clash.md', 'title: Banjar v2\nbody\n');
    const resumed = await planned(out, v2, { resolved: true });
    expect(resumed.conflicts).toEqual([]);
    await resumed.apply();
    expect(parseLock(read(out, 'eoffice.lock.json'))!.conflicts).toBeUndefined();
    expect(read(out, 'docs/clash.md')).toBe('title: Banjar v2\nbody\n');
    expect(read(out, 'config/app.yaml')).toContain('timeout: 45 # slow network here');

    // A second upgrade is a no-op: nothing to write, the tree byte for byte as it was.
    const settled = snapshotTree(out);
    const noop = await planned(out, v2);
    expect(noop.changes).toBe(false);
    expect(noop.conflicts).toEqual([]);
    expect(noop.plan.counts).toMatchObject({ create: 0, update: 0, merge: 0, delete: 0, conflict: 0 });
    await noop.apply();
    expect(snapshotTree(out)).toEqual(settled);
  });

  it('a tree generated before bases were stored: an unedited file is upgraded, an edited one is a conflict showing both versions', async () => {
    const out = await editedRecipient();
    rmSync(join(out, BASE_DIR), { recursive: true });
    const up = await planned(out, blueprintV2());
    const byPath = Object.fromEntries(up.plan.entries.map((e) => [e.path, `${e.action}:${e.reason}`]));
    expect(byPath['docs/guide.md']).toBe('conflict:no-base-conflict');
    // Unedited: the lock's hash proves it, so the new render is taken.
    expect(byPath['.gitignore']).toBe('unchanged:same');
    // Structured with no base: the blueprint's new keys come in, keys both hold differently clash.
    expect(up.conflicts.find((c) => c.path === 'config/app.json')?.conflict?.keys?.map((k) => k.pointer)).toEqual(['/version']);
    await up.apply();
    const guide = read(out, 'docs/guide.md');
    expect(guide).toContain('guide line 2, edited by Banjar');
    expect(guide).toContain('guide line 9, revised in v2');
    expect(guide).toMatch(/^<<<<<<< local docs\/guide.md$/m);
    expect(guide).toMatch(/^>>>>>>> blueprint t 2\.0\.0$/m);
  });

  it('generate writes the base beside the tree, and generate --check does not count it', async () => {
    const out = join(tempDir(), 'out');
    const v1 = blueprintV1();
    done(await run(v1, out));
    expect(read(out, `${BASE_DIR}/docs/clash.md`)).toBe('title: v1\nbody\n');
    const check = done(await run(v1, out, { mode: 'check' }));
    expect(check.drift).toEqual([]);
    expect(check.lockDrift).toBe(false);
    // The leftover check reads the base copy of a grant document as a grant document.
    expect(isGrantDocument(`${BASE_DIR}/docs/inventaris.md`)).toBe(true);
    expect(isGrantDocument(`${BASE_DIR}/docs/panduan-operator.md`)).toBe(false);
  });
});
