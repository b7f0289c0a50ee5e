/**
 * The plan against the output tree and its lock: local edits are never overwritten, seed-once files
 * belong to the recipient, files no longer rendered are deleted only when unchanged; `--check`
 * lists what differs and `--dry-run` writes nothing.
 */
import { appendFileSync, chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenerate } from '../../src/commands/generate.js';
import type { PlanEntry } from '../../src/generate/plan.js';
import { edited, set } from '../helpers/profile.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/tree.js';
import { context, done, FIXTURE, run, templates } from './support.js';

const BLUEPRINT = () =>
  templates({
    t: {
      manifest: {
        files: [
          { match: 'seed.md', policy: 'seed-once' },
          { match: 'opd/*.md', each: 'opds' },
          { match: 'opd-seed/*.md', each: 'opds', policy: 'seed-once' },
          { match: 'config/app.env', policy: 'seed-once', secret: true },
          { match: '**' },
        ],
        secrets: ['app_key'],
      },
      files: {
        'managed.md.hbs': '# {{regency.name}}\n{{regency.letterhead.address}}\n',
        'seed.md.hbs': 'Awal: {{regency.letterhead.address}}\n',
        'opd/{{item.code}}.md.hbs': '{{item.name}}\n',
        'opd-seed/{{item.code}}.md.hbs': '{{item.name}}\n',
        'config/app.env.hbs': 'APP_KEY={{env (secret "app_key")}}\n',
      },
    },
  });

function profileFile(text: string): string {
  const file = join(tempDir(), 'regency.yaml');
  writeFileSync(file, text);
  return file;
}

const NEW_ADDRESS = 'Jl. Baru No. 2, Banjar';
/** The fixture with another letterhead address (managed.md and seed.md render differently) and without Bappeda. */
const CHANGED_PROFILE = () =>
  profileFile(
    edited(set(['regency', 'letterhead', 'address'], NEW_ADDRESS), (doc) => {
      const opds = doc.get('opds') as { items: Array<{ get(k: string): unknown }> };
      opds.items = opds.items.filter((o) => o.get('code') !== 'bappeda');
    }),
  );

const actions = (entries: readonly PlanEntry[]) => Object.fromEntries(entries.filter((e) => e.action !== 'unchanged').map((e) => [e.path, `${e.action}:${e.reason}`]));

async function generated(t = BLUEPRINT()) {
  const out = join(tempDir(), 'out');
  done(await run(t, out));
  return { t, out };
}

describe('local edits', () => {
  it('a file edited since the last generation is a conflict: exit 1, the file named, nothing written', async () => {
    const { t, out } = await generated();
    appendFileSync(join(out, 'managed.md'), 'catatan setempat\n');
    const before = snapshotTree(out);

    // With the same profile and with a changed one (other files would change too): all or nothing.
    for (const profile of [FIXTURE, CHANGED_PROFILE()]) {
      const outcome = done(await run(t, out, { profile }));
      expect(outcome.conflicts.map((e) => `${e.path}:${e.reason}`)).toEqual(['managed.md:edited-locally']);
      expect(snapshotTree(out)).toEqual(before);

      const ctx = context();
      expect(await runGenerate(ctx, profile, { out }, t)).toBe(1);
      expect(ctx.err.join('')).toMatch(/edited locally since the last generation; nothing was written:\nconflict\s+managed\.md/);
      expect(ctx.err.join('')).toContain('eoffice upgrade');
      expect(snapshotTree(out)).toEqual(before);
    }
  });

  it('a file eoffice did not write is never overwritten, even where a blueprint now renders one', async () => {
    const out = writeTree(join(tempDir(), 'out'), { 'managed.md': 'my own file\n', 'notes/mine.txt': 'mine\n' });
    const before = snapshotTree(out);
    const outcome = done(await run(BLUEPRINT(), out));
    expect(outcome.conflicts.map((e) => e.path)).toEqual(['managed.md']);
    expect(snapshotTree(out)).toEqual(before);

    // Once it is out of the way, the user's other files stay through every regeneration.
    rmSync(join(out, 'managed.md'));
    done(await run(BLUEPRINT(), out));
    done(await run(BLUEPRINT(), out, { profile: CHANGED_PROFILE() }));
    expect(readFileSync(join(out, 'notes/mine.txt'), 'utf8')).toBe('mine\n');
  });

  it('seed-once files edited by the recipient are kept, while managed files follow the profile', async () => {
    const { t, out } = await generated();
    writeFileSync(join(out, 'seed.md'), 'Milik penerima sekarang\n');
    writeFileSync(join(out, 'opd-seed/setda.md'), 'Setda, versi kami\n');
    const outcome = done(await run(t, out, { profile: CHANGED_PROFILE() }));
    expect(outcome.conflicts).toEqual([]);
    expect(actions(outcome.plan.entries)).toMatchObject({
      'seed.md': 'keep:seed-once-owned',
      'opd-seed/setda.md': 'keep:seed-once-owned',
      'managed.md': 'update:content-changed',
    });
    expect(readFileSync(join(out, 'seed.md'), 'utf8')).toBe('Milik penerima sekarang\n');
    expect(readFileSync(join(out, 'opd-seed/setda.md'), 'utf8')).toBe('Setda, versi kami\n');
    expect(readFileSync(join(out, 'managed.md'), 'utf8')).toBe(`# Kota Banjar\n${NEW_ADDRESS}\n`);
    // An unedited seed-once file is not rewritten either: it was the recipient's from the start.
    expect(readFileSync(join(out, 'opd-seed/diskominfo.md'), 'utf8')).toBe('Dinas Komunikasi dan Informatika\n');
  });

  it('a file the previous render wrote and the new one does not is deleted only if unchanged', async () => {
    const { t, out } = await generated();
    writeFileSync(join(out, 'opd/bappeda.md'), 'edited after generation\n');
    const profile = CHANGED_PROFILE();
    let outcome = done(await run(t, out, { profile }));
    expect(actions(outcome.plan.entries)).toMatchObject({ 'opd/bappeda.md': 'keep:edited-locally-no-longer-rendered' });
    expect(outcome.plan.entries.find((e) => e.path === 'opd-seed/bappeda.md')!.action).toBe('keep');
    expect(readFileSync(join(out, 'opd/bappeda.md'), 'utf8')).toBe('edited after generation\n');
    expect(statSync(join(out, 'opd-seed/bappeda.md')).isFile()).toBe(true);

    // The same change on an untouched tree deletes the managed file (and keeps the seed-once one).
    const fresh = await generated(t);
    outcome = done(await run(t, fresh.out, { profile }));
    expect(actions(outcome.plan.entries)).toMatchObject({ 'opd/bappeda.md': 'delete:no-longer-rendered' });
    expect(() => statSync(join(fresh.out, 'opd/bappeda.md'))).toThrow();
    expect(statSync(join(fresh.out, 'opd-seed/bappeda.md')).isFile()).toBe(true);
    expect(outcome.lock.files['opd/bappeda.md']).toBeUndefined();
  });

  it('a deleted file comes back; a changed mode is put back', async () => {
    const { t, out } = await generated();
    const pristine = snapshotTree(out);
    rmSync(join(out, 'opd/setda.md'));
    chmodSync(join(out, 'managed.md'), 0o755);
    const outcome = done(await run(t, out));
    expect(actions(outcome.plan.entries)).toEqual({ 'opd/setda.md': 'create:missing-on-disk', 'managed.md': 'update:mode-changed' });
    expect(snapshotTree(out)).toEqual(pristine);
  });
});

describe('--check', () => {
  it('passes on fresh output, and after any single file is edited or removed fails naming exactly that file', async () => {
    const { t, out } = await generated();
    const ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, check: true }, t)).toBe(0);
    expect(ctx.out.join('')).toMatch(/is up to date/);

    const lock = JSON.parse(readFileSync(join(out, 'eoffice.lock.json'), 'utf8')) as { files: Record<string, { policy: string; secret?: true }> };
    const compared = Object.entries(lock.files).filter(([, f]) => f.policy !== 'seed-once' && !f.secret).map(([p]) => p);
    expect(compared.length).toBeGreaterThan(10);
    for (const path of compared) {
      const file = join(out, path);
      const original = readFileSync(file);
      for (const change of ['edit', 'remove'] as const) {
        if (change === 'edit') writeFileSync(file, Buffer.concat([original, Buffer.from(' ')]));
        else rmSync(file);
        const outcome = done(await run(t, out, { mode: 'check' }));
        expect(outcome.drift.map((e) => e.path), `${change} ${path}`).toEqual([path]);
        expect(outcome.lockDrift).toBe(false);
        writeFileSync(file, original);
      }
    }
    expect(done(await run(t, out, { mode: 'check' })).drift).toEqual([]);
  });

  it('exits 1 and lists the differing files, in text and JSON; the lock file counts too', async () => {
    const { t, out } = await generated();
    appendFileSync(join(out, 'managed.md'), 'x');
    rmSync(join(out, 'opd/setwan.md'));
    let ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, check: true }, t)).toBe(1);
    const text = ctx.err.join('');
    expect(text).toMatch(/is not what .* generates:\n/);
    expect(text).toMatch(/^conflict\s+managed\.md\s/m);
    expect(text).toMatch(/^create\s+opd\/setwan\.md\s/m);
    expect(text.match(/^\S+\s+\S+\s+\(/gm)).toHaveLength(2);

    ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, check: true, json: true }, t)).toBe(1);
    const report = JSON.parse(ctx.out.join('')) as { mode: string; drift: string[] };
    expect(report.mode).toBe('check');
    expect(report.drift).toEqual(['managed.md', 'opd/setwan.md']);

    const fresh = await generated(t);
    appendFileSync(join(fresh.out, 'eoffice.lock.json'), ' ');
    ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out: fresh.out, check: true, json: true }, t)).toBe(1);
    expect((JSON.parse(ctx.out.join('')) as { drift: string[] }).drift).toEqual(['eoffice.lock.json']);
  });

  it('does not count the recipient\'s seed-once files, secrets or files of its own', async () => {
    const { t, out } = await generated();
    writeFileSync(join(out, 'seed.md'), 'ours now\n');
    writeFileSync(join(out, 'config/app.env'), 'APP_KEY=rotated-by-the-recipient\n');
    writeFileSync(join(out, 'NOTES.md'), 'not eoffice\'s\n');
    const ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, check: true }, t)).toBe(0);
  });

  it('a mode a git checkout cannot carry (its umask) is not drift; the executable bit is', async () => {
    const { t, out } = await generated();
    chmodSync(join(out, 'managed.md'), 0o666);
    chmodSync(join(out, 'opd/setda.md'), 0o600);
    expect(done(await run(t, out, { mode: 'check' })).drift).toEqual([]);
    chmodSync(join(out, 'managed.md'), 0o755);
    expect(done(await run(t, out, { mode: 'check' })).drift.map((e) => `${e.path}:${e.reason}`)).toEqual(['managed.md:mode-changed']);
    // Writing puts every mode back exactly.
    done(await run(t, out));
    expect(statSync(join(out, 'managed.md')).mode & 0o777).toBe(0o644);
    expect(statSync(join(out, 'opd/setda.md')).mode & 0o777).toBe(0o644);
  });

  it('a missing output folder is drift, and --check writes nothing', async () => {
    const t = BLUEPRINT();
    const parent = tempDir();
    const out = join(parent, 'out');
    const ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, check: true }, t)).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('--dry-run', () => {
  it('prints the plan and writes nothing, for a missing and for an existing output folder', async () => {
    const t = BLUEPRINT();
    const parent = tempDir();
    const out = join(parent, 'out');
    let ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, dryRun: true }, t)).toBe(0);
    const text = ctx.out.join('');
    expect(text).toMatch(/^create\s+managed\.md\s+\(new file\)$/m);
    expect(text).toMatch(/^create\s+opd\/setda\.md\s+\(new file\)$/m);
    expect(text).toMatch(/plan \(nothing written\): \d+ created, 0 updated, 0 deleted/);
    expect(readdirSync(parent)).toEqual([]);

    ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out, dryRun: true, json: true }, t)).toBe(0);
    const plan = JSON.parse(ctx.out.join('')) as { mode: string; counts: Record<string, number>; entries: Array<{ path: string; action: string; policy: string; blueprint: string }> };
    expect(plan.mode).toBe('dry-run');
    expect(plan.entries.find((e) => e.path === 'seed.md')).toEqual({ path: 'seed.md', action: 'create', reason: 'new-file', policy: 'seed-once', blueprint: 't' });
    expect(plan.counts.create).toBe(plan.entries.length);
    expect(readdirSync(parent)).toEqual([]);

    done(await run(t, out));
    appendFileSync(join(out, 'opd/bappeda.md'), 'edit\n');
    const before = snapshotTree(out);
    const entriesBefore = readdirSync(dirname(out)).sort();
    for (const json of [false, true]) {
      ctx = context();
      expect(await runGenerate(ctx, CHANGED_PROFILE(), { out, dryRun: true, json }, t)).toBe(0);
      if (json) {
        const p = JSON.parse(ctx.out.join('')) as { entries: Array<{ path: string; action: string }> };
        expect(p.entries.find((e) => e.path === 'managed.md')!.action).toBe('update');
        expect(p.entries.find((e) => e.path === 'opd/bappeda.md')!.action).toBe('keep');
      } else {
        expect(ctx.out.join('')).toMatch(/^update\s+managed\.md\s+\(content changed\)$/m);
        expect(ctx.out.join('')).toMatch(/^keep\s+opd\/bappeda\.md\s/m);
      }
      expect(snapshotTree(out)).toEqual(before);
      expect(readdirSync(dirname(out)).sort()).toEqual(entriesBefore);
    }
  });

  it('--dry-run with --check is a usage error', async () => {
    await expect(runGenerate(context(), FIXTURE, { out: join(tempDir(), 'o'), dryRun: true, check: true }, BLUEPRINT())).rejects.toMatchObject({ exitCode: 2 });
  });
});
