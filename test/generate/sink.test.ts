/**
 * The disk sink: the new tree is staged beside the target and swapped in; a run that fails or is
 * cut short leaves the previous output exactly as it was, and the next run cleans up and completes.
 * (The test that kills a real process mid-write is in cli.e2e.test.ts.)
 */
import { appendFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recover } from '../../src/generate/sink-disk.js';
import { edited, set } from '../helpers/profile.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/tree.js';
import { done, run, secretBlueprint } from './support.js';

const changedProfile = () => {
  const file = join(tempDir(), 'regency.yaml');
  writeFileSync(file, edited(set(['regency', 'letterhead', 'address'], 'Jl. Baru No. 2, Banjar')));
  return file;
};

/** The target's siblings other than the target: stage and old folders left behind. */
const leftovers = (out: string) => readdirSync(dirname(out)).filter((e) => e !== basename(out));

const TEMPLATES = secretBlueprint();

async function generated() {
  const out = join(tempDir(), 'out');
  done(await run(TEMPLATES, out));
  return out;
}

describe('atomic writes', () => {
  it('stages the complete new tree beside the target while the target is still the previous one', async () => {
    const out = await generated();
    const before = snapshotTree(out);
    let staged: Record<string, string> | undefined;
    done(
      await run(TEMPLATES, out, {
        profile: changedProfile(),
        beforeSwap: async () => {
          const stages = leftovers(out);
          expect(stages).toHaveLength(1);
          expect(stages[0]).toMatch(/^\.out\.eoffice-stage-[0-9a-f]+$/);
          staged = snapshotTree(join(dirname(out), stages[0]!));
          expect(snapshotTree(out)).toEqual(before);
        },
      }),
    );
    expect(staged).toBeDefined();
    expect(snapshotTree(out)).toEqual(staged);
    expect(snapshotTree(out)).not.toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('a run that fails before the swap leaves the previous output byte for byte, and no stage folder', async () => {
    const out = await generated();
    writeTree(out, { 'catatan/milik-kami.txt': 'tetap\n' });
    const before = snapshotTree(out);
    const failing = run(TEMPLATES, out, {
      profile: changedProfile(),
      beforeSwap: () => Promise.reject(new Error('disk full')),
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('a first run that fails leaves nothing at all', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    await expect(run(TEMPLATES, out, { beforeSwap: () => Promise.reject(new Error('cut')) })).rejects.toThrow('cut');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('recover() puts back a tree cut between the two renames and drops stage folders', async () => {
    const out = await generated();
    const before = snapshotTree(out);
    const parent = dirname(out);
    renameSync(out, join(parent, '.out.eoffice-old'));
    mkdirSync(join(parent, '.out.eoffice-stage-0123456789ab'));
    writeFileSync(join(parent, '.out.eoffice-stage-0123456789ab', 'half'), 'x');
    await recover(out);
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('the next run after a cut between the two renames keeps the secrets and local edits of the previous tree', async () => {
    const out = await generated();
    appendFileSync(join(out, 'docs/profil-daerah.md'), 'catatan setempat\n');
    const before = snapshotTree(out);
    const parent = dirname(out);
    renameSync(out, join(parent, '.out.eoffice-old'));
    mkdirSync(join(parent, '.out.eoffice-stage-0123456789ab'));

    // The edited file is a conflict, so nothing is written, but the previous tree is back.
    const outcome = done(await run(TEMPLATES, out));
    expect(outcome.conflicts.map((e) => e.path)).toEqual(['docs/profil-daerah.md']);
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('a generation completes over a tree cut between the two renames, with its secrets kept', async () => {
    const out = await generated();
    const before = snapshotTree(out);
    renameSync(out, join(dirname(out), '.out.eoffice-old'));
    done(await run(TEMPLATES, out));
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });
});
