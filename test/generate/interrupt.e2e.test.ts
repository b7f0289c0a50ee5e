/**
 * A run of the built bin/eoffice killed mid-write (SIGKILL once the new tree is staged, through the
 * EOFFICE_TEST_HOLD_BEFORE_SWAP hook) loses nothing; the next run recovers and completes.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv } from '../helpers/cli.js';
import { edited, set } from '../helpers/profile.js';
import { snapshotTree, tempDir } from '../helpers/tree.js';
import { collectSecrets, eoffice, leftovers, recordOutput, SECRET_FILES, withoutSecrets } from './bin.js';
import { done, FIXTURE, REAL_TEMPLATES, run } from './support.js';

describe('a killed run (built bin)', () => {
  it('a run killed mid-write loses nothing; the next run recovers, completes and leaves no stage folder', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const profile = join(tempDir(), 'regency.yaml');
    cpSync(FIXTURE, profile);
    expect((await eoffice(['generate', profile, '--out', out], dir)).code).toBe(0);
    collectSecrets(out);
    appendFileSync(join(out, 'NOTES.md'), 'our own notes\n');
    const before = snapshotTree(out);

    // The next version of the profile: most files change.
    writeFileSync(profile, edited(set(['regency', 'letterhead', 'address'], 'Jl. Baru No. 2, Banjar')));
    const marker = join(tempDir(), 'staged');
    const child = spawn(process.execPath, [BIN, 'generate', profile, '--out', out], {
      cwd: dir,
      env: cleanEnv({ EOFFICE_TEST_HOLD_BEFORE_SWAP: marker }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 20_000;
    while (!existsSync(marker)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the run never reached the hold point:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Staged beside the target, not yet swapped in.
    expect(leftovers(out)).toEqual([expect.stringMatching(/^\.out\.eoffice-stage-[0-9a-f]+$/)]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    recordOutput(output);

    expect(snapshotTree(out)).toEqual(before);

    const again = await eoffice(['generate', profile, '--out', out], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(leftovers(out)).toEqual([]);
    const after = snapshotTree(out);
    expect(readFileSync(join(out, 'docs/profil-daerah.md'), 'utf8')).toContain('Jl. Baru No. 2, Banjar');
    for (const path of [...SECRET_FILES, 'NOTES.md']) expect(after[path], path).toBe(before[path]);
    // The same tree a fresh generation of the new profile gives.
    const fresh = join(tempDir(), 'out');
    done(await run(REAL_TEMPLATES, fresh, { profile }));
    const { ['NOTES.md']: notes, ...rest } = withoutSecrets(after);
    expect(notes).toBeDefined();
    expect(rest).toEqual(withoutSecrets(snapshotTree(fresh)));
  });
});
