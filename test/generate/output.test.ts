/**
 * The output tree as a whole: deterministic (stable order, no timestamps, LF endings), the lock
 * file's contents, and generated secrets (0600, kept, never in the lock, never printed).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBlueprint } from '../../src/blueprint/load.js';
import { runGenerate } from '../../src/commands/generate.js';
import { RenderError } from '../../src/generate/render.js';
import { edited, set } from '../helpers/profile.js';
import { readTree, tempDir, tempTree, writeTree } from '../helpers/tree.js';
import { context, done, FIXTURE, manifest, REAL_TEMPLATES, ROOT, run, secretBlueprint, templates } from './support.js';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const SECRET_FILES = ['.eoffice/secrets.env', 'config/app.env'];

function secretsOf(out: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readFileSync(join(out, '.eoffice/secrets.env'), 'utf8').split('\n')) {
    const m = /^([a-z_]+)=(.+)$/.exec(line);
    if (m) map.set(m[1]!, m[2]!);
  }
  return map;
}

const changedProfile = () => {
  const file = join(tempDir(), 'regency.yaml');
  writeFileSync(file, edited(set(['regency', 'letterhead', 'address'], 'Jl. Baru No. 2, Banjar')));
  return file;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('deterministic output', () => {
  it('two fresh generations at different dates give byte-identical trees apart from the generated secrets', async () => {
    const parent = tempDir();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T00:00:01Z'));
    done(await run(REAL_TEMPLATES, join(parent, 'a')));
    vi.setSystemTime(new Date('2031-07-15T23:59:59Z'));
    done(await run(REAL_TEMPLATES, join(parent, 'b')));
    vi.useRealTimers();

    const a = readTree(join(parent, 'a'));
    const b = readTree(join(parent, 'b'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(20);
    for (const [path, file] of a) {
      if (SECRET_FILES.includes(path)) continue;
      expect(file.bytes.equals(b.get(path)!.bytes), path).toBe(true);
      expect(file.mode, path).toBe(b.get(path)!.mode);
      const text = file.bytes.toString('utf8');
      expect(text.includes('\r'), `${path} has CR`).toBe(false);
      // The clock was set to these days: a timestamp would show one of them.
      expect(text, path).not.toMatch(/2027-01-01|2031-07-15|1 Januari 2027|15 Juli 2031/);
    }
    // Secrets are cryptographic, so the two differ there and only there.
    expect(secretsOf(join(parent, 'a')).get('app_key')).not.toBe(secretsOf(join(parent, 'b')).get('app_key'));
  });

  it('the order files were created in does not matter: the same blueprint digest and output', async () => {
    const files: Record<string, string> = { 'b.md.hbs': '{{regency.code}}\n', 'a/z.md': 'z\n', 'a/a.md': 'a\n', 'c.txt': 'c\n' };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const one = done(await run(templates({ t: { files } }), join(tempDir(), 'out')));
    const two = done(await run(templates({ t: { files: reversed } }), join(tempDir(), 'out')));
    expect(two.lock.blueprints).toEqual(one.lock.blueprints);
    expect(Object.keys(one.lock.files)).toEqual([...Object.keys(one.lock.files)].sort());
    expect(two.lock.files).toEqual(one.lock.files);
  });
});

describe('eoffice.lock.json', () => {
  it('records the toolkit version, each blueprint with its digest, the profile digest, and every file with its hash, policy and mode', async () => {
    const t = secretBlueprint();
    writeTree(t, { 'extra/blueprint.yaml': manifest('extra', { version: '2.3.4-rc.1', seed: ['wilayah'] }), 'extra/files/extra.md': 'x\n' });
    const out = join(tempDir(), 'out');
    done(await run(t, out));
    const text = readFileSync(join(out, 'eoffice.lock.json'), 'utf8');
    const lock = JSON.parse(text) as {
      lockVersion: number;
      toolkit: { name: string; version: string };
      profile: { path: string; digest: string };
      blueprints: Array<{ name: string; version: string; digest: string }>;
      files: Record<string, { sha256?: string; policy: string; blueprint: string; mode: string; secret?: boolean }>;
    };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

    expect(text.endsWith('}\n')).toBe(true);
    expect(lock.lockVersion).toBe(1);
    expect(lock.toolkit).toEqual({ name: 'eoffice', version: pkg.version });
    expect(lock.profile).toEqual({ path: relative(out, FIXTURE), digest: `sha256:${sha256(readFileSync(FIXTURE))}` });
    const digests = Object.fromEntries(await Promise.all(['base', 'extra'].map(async (n) => [n, ((await loadBlueprint(join(t, n), 'en')) as { blueprint: { digest: string } }).blueprint.digest])));
    expect(lock.blueprints).toEqual([
      { name: 'base', version: '1.0.0', digest: digests.base },
      { name: 'extra', version: '2.3.4-rc.1', digest: digests.extra },
    ]);
    expect(digests.base).toMatch(/^sha256:[0-9a-f]{64}$/);

    const tree = readTree(out);
    const paths = [...tree.keys()].filter((p) => p !== 'eoffice.lock.json' && p !== '.eoffice/secrets.env' && !p.startsWith('.eoffice/base/'));
    expect(Object.keys(lock.files)).toEqual([...paths].sort());
    // The merge base of `eoffice upgrade`: every file but the secret ones, as rendered.
    const based = [...tree.keys()].filter((p) => p.startsWith('.eoffice/base/')).map((p) => p.slice('.eoffice/base/'.length));
    expect(based).toEqual(paths.filter((p) => !lock.files[p]!.secret).sort());
    for (const p of based) expect(tree.get(`.eoffice/base/${p}`)!.bytes.equals(tree.get(p)!.bytes), p).toBe(true);
    for (const path of paths) {
      const entry = lock.files[path]!;
      const file = tree.get(path)!;
      expect(entry.mode, path).toBe(`0${file.mode.toString(8)}`);
      if (entry.secret) expect(entry.sha256, path).toBeUndefined();
      else expect(entry.sha256, path).toBe(sha256(file.bytes));
    }
    expect(lock.files['config/app.env']).toEqual({ policy: 'seed-once', blueprint: 'base', mode: '0600', secret: true });
    expect(lock.files['config/eoffice.yaml']).toMatchObject({ policy: 'merge-structured', blueprint: 'base', mode: '0644' });
    expect(lock.files['docs/opd/setda.md']).toMatchObject({ policy: 'managed', blueprint: 'base' });
    expect(lock.files['bin/start.sh']).toMatchObject({ policy: 'managed', blueprint: 'base', mode: '0755' });
    expect(lock.files['extra.md']).toMatchObject({ policy: 'managed', blueprint: 'extra' });
    expect(lock.files['seed/postgresql/002-data.sql']).toMatchObject({ policy: 'managed', blueprint: 'seed' });
  });

  it('a blueprint digest follows its manifest, file bytes, names and modes', async () => {
    const digestOf = async (spec: Parameters<typeof templates>[0]) => done(await run(templates(spec), join(tempDir(), 'out'))).lock.blueprints[0]!.digest;
    const files = { 'a.md.hbs': '{{regency.code}}\n', 'run.sh': { content: '#!/bin/sh\n', mode: 0o755 } };
    const base = await digestOf({ t: { files } });
    expect(await digestOf({ t: { files } })).toBe(base);
    expect(await digestOf({ t: { files: { ...files, 'a.md.hbs': '{{regency.code}} \n' } } })).not.toBe(base);
    expect(await digestOf({ t: { files: { ...files, 'run.sh': { content: '#!/bin/sh\n', mode: 0o644 } } } })).not.toBe(base);
    expect(await digestOf({ t: { files: { 'b.md.hbs': '{{regency.code}}\n', 'run.sh': files['run.sh'] } } })).not.toBe(base);
    expect(await digestOf({ t: { manifest: { description: 'another' }, files } })).not.toBe(base);
  });
});

describe('generated secrets', () => {
  const TEMPLATES = secretBlueprint();

  it('are 0600, git-ignored, kept across regeneration and a deleted secret file comes back with the same value', async () => {
    const out = join(tempDir(), 'out');
    done(await run(TEMPLATES, out));
    const tree = readTree(out);
    for (const path of SECRET_FILES) expect(tree.get(path)!.mode, path).toBe(0o600);
    const key = secretsOf(out).get('app_key')!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tree.get('config/app.env')!.bytes.toString()).toContain(`APP_KEY=${key}\n`);
    expect(tree.get('.gitignore')!.bytes.toString().split('\n')).toEqual(expect.arrayContaining(['/.eoffice/secrets.env', '/config/app.env']));

    done(await run(TEMPLATES, out, { profile: changedProfile() }));
    rmSync(join(out, 'config/app.env'));
    done(await run(TEMPLATES, out, { profile: changedProfile() }));
    const after = readTree(out);
    for (const path of SECRET_FILES) {
      expect(after.get(path)!.bytes.equals(tree.get(path)!.bytes), path).toBe(true);
      expect(after.get(path)!.mode, path).toBe(0o600);
    }
  });

  it('never appear in the lock file, nor their files\' hashes', async () => {
    const out = join(tempDir(), 'out');
    done(await run(TEMPLATES, out));
    const lock = readFileSync(join(out, 'eoffice.lock.json'), 'utf8');
    const key = secretsOf(out).get('app_key')!;
    expect(lock).not.toContain(key);
    expect(lock).not.toContain('secrets.env');
    for (const path of SECRET_FILES) expect(lock).not.toContain(sha256(readFileSync(join(out, path))));
  });

  it('are never printed: generate, --dry-run, --check, --json, both languages, nor a render error about one', async () => {
    const out = join(tempDir(), 'out');
    const printed: string[] = [];
    let ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out }, TEMPLATES)).toBe(0);
    printed.push(ctx.printed());
    const key = secretsOf(out).get('app_key')!;
    for (const lang of ['id', 'en'] as const) {
      for (const opts of [{}, { dryRun: true }, { check: true }, { json: true }, { dryRun: true, json: true }, { check: true, json: true }]) {
        ctx = context({ lang });
        await runGenerate(ctx, changedProfile(), { out, ...opts }, TEMPLATES);
        printed.push(ctx.printed());
      }
    }
    expect(printed.join('')).toMatch(/config\/app\.env/);
    for (const text of printed) expect(text).not.toContain(key);

    // A template that hands the secret to a helper that refuses it: the message masks the value.
    const leaky = templates({ t: { manifest: { secrets: ['app_key'] }, files: { 'nip.md.hbs': 'NIP {{nip (secret "app_key")}}\n' } } });
    const leakyOut = tempTree({ '.eoffice/secrets.env': `app_key=${key}\n` });
    ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out: leakyOut }, leaky)).toBe(2);
    expect(ctx.err.join('')).toContain('nip: expected 18 digits, got the string "***"');
    expect(ctx.printed()).not.toContain(key);
    const err = await run(leaky, leakyOut).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(RenderError);
    expect(JSON.stringify((err as RenderError).problems)).not.toContain(key);
  });
});
