/**
 * `eoffice generate` as a user runs it: the built bin/eoffice on an example and on the fixture, in
 * temporary folders. Deterministic output, --check and --dry-run; no secret ever printed.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edited, set } from '../helpers/profile.js';
import { readTree, snapshotTree, tempDir } from '../helpers/tree.js';
import { collectSecrets, eoffice, SECRET_FILES } from './bin.js';
import { EXAMPLES, FIXTURE } from './support.js';

const EXAMPLE = join(EXAMPLES, 'bojonegoro', 'regency.yaml');

describe('eoffice generate (built bin)', () => {
  it('exit codes: a missing profile is an I/O error (2), an invalid one a failed check (1); nothing is written', async () => {
    const dir = tempDir();
    const missing = await eoffice(['generate', join(dir, 'nope.yaml'), '--out', join(dir, 'out')], dir);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toMatch(/file-missing/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(EXAMPLE, 'utf8').replace('code: "35.22"', 'code: "35.99"'));
    const invalid = await eoffice(['generate', bad, '--out', join(dir, 'out')], dir);
    expect(invalid.code, invalid.stderr).toBe(1);
    expect(invalid.stderr).toMatch(/region-code/);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml']);
  });

  it('generating an example twice gives identical trees (other cwd, time zone and locale), LF only, secrets 0600', async () => {
    const a = tempDir();
    const b = tempDir();
    const first = await eoffice(['generate', EXAMPLE, '--out', join(a, 'out')], a, { TZ: 'Asia/Jakarta' });
    const second = await eoffice(['generate', EXAMPLE, '--out', 'out'], b, { TZ: 'America/Los_Angeles', LANG: 'id_ID.UTF-8' });
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    collectSecrets(join(a, 'out'));
    collectSecrets(join(b, 'out'));

    const one = readTree(join(a, 'out'));
    const two = readTree(join(b, 'out'));
    expect([...one.keys()]).toEqual([...two.keys()]);
    expect(one.size).toBeGreaterThan(50);
    for (const [path, file] of one) {
      expect(file.mode, path).toBe(two.get(path)!.mode);
      if (SECRET_FILES.includes(path)) {
        expect(file.mode, path).toBe(0o600);
        continue;
      }
      expect(file.bytes.equals(two.get(path)!.bytes), `${path} differs`).toBe(true);
      expect(file.bytes.includes(13), `${path} has a CR`).toBe(false);
    }
  });

  it('--dry-run writes nothing (missing and existing folder, text and --json); --check passes on fresh output and fails, naming the files, once they are edited', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const plan = await eoffice(['generate', FIXTURE, '--out', out, '--dry-run'], dir);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/^create\s+docs\/opd\/setda\.md\s+\(new file\)$/m);
    expect(plan.stdout).toMatch(/plan \(nothing written\): \d+ created/);
    expect(readdirSync(dir)).toEqual([]);

    expect((await eoffice(['generate', FIXTURE, '--out', out], dir)).code).toBe(0);
    collectSecrets(out);
    const ok = await eoffice(['generate', FIXTURE, '--out', out, '--check'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/is up to date \([1-9]\d* files\)/);

    const before = snapshotTree(out);
    const changed = join(dir, 'changed.yaml');
    writeFileSync(changed, edited(set(['regency', 'letterhead', 'address'], 'Jl. Baru No. 2, Banjar')));
    const json = await eoffice(['generate', changed, '--out', out, '--dry-run', '--json'], dir);
    expect(json.code).toBe(0);
    const entries = (JSON.parse(json.stdout) as { mode: string; entries: Array<{ path: string; action: string }> }).entries;
    expect(entries.find((e) => e.path === 'docs/profil-daerah.md')!.action).toBe('update');
    expect(entries.find((e) => e.path === 'docs/opd/setda.md')!.action).toBe('update');
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['changed.yaml', 'out']);

    appendFileSync(join(out, 'docs/profil-daerah.md'), '\nditambahkan tangan\n');
    writeFileSync(join(out, 'seed/postgresql/002-data.sql'), readFileSync(join(out, 'seed/postgresql/002-data.sql'), 'utf8').replace('INSERT', 'insert'));
    const drifted = await eoffice(['generate', FIXTURE, '--out', out, '--check'], dir);
    expect(drifted.code).toBe(1);
    expect(drifted.stderr).toMatch(/^conflict\s+docs\/profil-daerah\.md\s/m);
    expect(drifted.stderr).toMatch(/^conflict\s+seed\/postgresql\/002-data\.sql\s/m);
    expect(drifted.stderr.match(/^(conflict|create|update|delete|keep)\s/gm)).toHaveLength(2);
    // Edited files are never overwritten by generate: the hint says how to go back, or to keep them.
    expect(drifted.stderr).toContain(`hint: the "conflict" files were edited locally and generate does not overwrite them. To go back to what the profile gives, delete them and run \`eoffice generate ${FIXTURE} --out ${out}\``);
    expect(drifted.stderr).toContain(`update later with \`eoffice upgrade ${out}\``);

    // A file that is only missing is made again by generate: that is the hint then.
    writeFileSync(join(out, 'docs/profil-daerah.md'), readFileSync(join(out, 'docs/profil-daerah.md'), 'utf8').replace('\nditambahkan tangan\n', ''));
    writeFileSync(join(out, 'seed/postgresql/002-data.sql'), readFileSync(join(out, 'seed/postgresql/002-data.sql'), 'utf8').replace('insert', 'INSERT'));
    rmSync(join(out, 'docs/opd/setda.md'));
    const missing = await eoffice(['generate', FIXTURE, '--out', out, '--check'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^create\s+docs\/opd\/setda\.md\s/m);
    expect(missing.stderr.match(/^(conflict|create|update|delete|keep)\s/gm)).toHaveLength(1);
    expect(missing.stderr).toContain(`hint: run \`eoffice generate ${FIXTURE} --out ${out}\``);
  });
});
