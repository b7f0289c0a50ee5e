/**
 * A blueprint's application source from a git repository at an exact ref (real git, a repository
 * the test creates), with the blueprint's own files overlaid; the lock records the commit.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/blueprint/source.js';
import { handleError } from '../../src/cli/handle-error.js';
import { runGenerate } from '../../src/commands/generate.js';
import { UserError } from '../../src/errors.js';
import { STACK_TRACE } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git.js';
import { readTree, snapshotTree, tempDir } from '../helpers/tree.js';
import { context, done, FIXTURE, run, templates } from './support.js';

const LOGO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a, 0x7b, 0x7b]);

let repo: TempRepo;
let tagged: string;
let later: string;

beforeAll(() => {
  repo = tempRepo();
  tagged = repo.commit({
    'README.md': 'versi 1\n',
    'bin/start.sh': { content: '#!/bin/sh\nexec node server.js\n', mode: 0o755 },
    'config/app.yaml': 'name: placeholder\n',
    'public/logo.png': LOGO,
    'views/page.hbs': '<h1>{{title}}</h1>\n',
  }, 'v1');
  repo.tag('v1.0.0');
  later = repo.commit({ 'README.md': 'versi 2\n', 'NEW.md': 'added after the tag\n' }, 'v2');
});

const cacheEnv = () => ({ EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'cache') });

function blueprint(ref: string, git = repo.dir) {
  return templates({
    app: {
      manifest: {
        app: 'eoffice',
        source: { git, ref, into: 'apps/app' },
        files: [{ match: 'apps/app/README.md', policy: 'seed-once' }, { match: '**' }],
      },
      files: { 'apps/app/config/app.yaml.hbs': 'name: {{yaml regency.name}}\n', 'apps/app/config/extra.txt': 'overlay only\n' },
    },
  });
}

async function sourceError(promise: Promise<unknown>): Promise<SourceError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(SourceError);
  expect(err).toBeInstanceOf(UserError);
  return err as SourceError;
}

describe('application source from git', () => {
  it('at a tag: the tagged tree (not the branch head), modes and bytes kept, templates overlaid, the commit in the lock', async () => {
    const out = join(tempDir(), 'out');
    const outcome = done(await run(blueprint('v1.0.0'), out, { env: cacheEnv() }));
    const tree = readTree(out);
    expect(tree.get('apps/app/README.md')!.bytes.toString()).toBe('versi 1\n');
    expect(tree.has('apps/app/NEW.md')).toBe(false);
    expect(tree.get('apps/app/bin/start.sh')!.mode).toBe(0o755);
    expect(tree.get('apps/app/README.md')!.mode).toBe(0o644);
    expect(tree.get('apps/app/public/logo.png')!.bytes.equals(LOGO)).toBe(true);
    // Source files are never rendered, whatever their name.
    expect(tree.get('apps/app/views/page.hbs')!.bytes.toString()).toBe('<h1>{{title}}</h1>\n');
    // The blueprint's own files win over the repository's.
    expect(tree.get('apps/app/config/app.yaml')!.bytes.toString()).toBe('name: Kota Banjar\n');
    expect(tree.get('apps/app/config/extra.txt')!.bytes.toString()).toBe('overlay only\n');

    expect(outcome.lock.blueprints).toEqual([{ name: 'app', version: '1.0.0', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), source: { git: repo.dir, ref: 'v1.0.0', commit: tagged } }]);
    expect(outcome.lock.files['apps/app/README.md']).toMatchObject({ policy: 'seed-once', blueprint: 'app', mode: '0644' });
    expect(outcome.lock.files['apps/app/bin/start.sh']).toMatchObject({ policy: 'managed', blueprint: 'app', mode: '0755' });
    const onDisk = JSON.parse(readFileSync(join(out, 'eoffice.lock.json'), 'utf8')) as { blueprints: unknown };
    expect(onDisk.blueprints).toEqual(outcome.lock.blueprints);
  });

  it('at a full commit hash, and the same result from a fresh and from a cached mirror', async () => {
    const env = cacheEnv();
    const a = join(tempDir(), 'out');
    const b = join(tempDir(), 'out');
    const first = done(await run(blueprint(tagged), a, { env }));
    const second = done(await run(blueprint(tagged), b, { env }));
    expect(first.lock.blueprints[0]!.source).toEqual({ git: repo.dir, ref: tagged, commit: tagged });
    expect(readFileSync(join(a, 'apps/app/README.md'), 'utf8')).toBe('versi 1\n');
    expect(snapshotTree(b)).toEqual(snapshotTree(a));
    expect(second.lock).toEqual(first.lock);
    // The later commit, by its hash, from the same (cached) mirror.
    const out = join(tempDir(), 'out');
    done(await run(blueprint(later), out, { env }));
    expect(readFileSync(join(out, 'apps/app/NEW.md'), 'utf8')).toBe('added after the tag\n');
  });

  it('a tag made after the mirror was cached is fetched', async () => {
    const own = tempRepo();
    own.commit({ 'a.txt': 'one\n' });
    own.tag('v1.0.0');
    const env = cacheEnv();
    done(await run(blueprint('v1.0.0', own.dir), join(tempDir(), 'out'), { env }));
    const second = own.commit({ 'a.txt': 'two\n' });
    own.tag('v1.1.0');
    const out = join(tempDir(), 'out');
    const outcome = done(await run(blueprint('v1.1.0', own.dir), out, { env }));
    expect(outcome.lock.blueprints[0]!.source!.commit).toBe(second);
    expect(readFileSync(join(out, 'apps/app/a.txt'), 'utf8')).toBe('two\n');
  });

  it('an unknown tag, an unknown commit and a missing repository fail clearly (exit 2, no stack trace), writing nothing', async () => {
    const out = join(tempDir(), 'out');
    const missingTag = await sourceError(run(blueprint('v9.9.9'), out, { env: cacheEnv() }));
    expect(missingTag.message).toBe(`${repo.dir}: no tag v9.9.9 in this repository`);
    const missingCommit = await sourceError(run(blueprint('f'.repeat(40)), out, { env: cacheEnv() }));
    expect(missingCommit.message).toBe(`${repo.dir}: no commit ${'f'.repeat(40)} in this repository`);
    const nowhere = join(tempDir(), 'no-such-repo');
    const missingRepo = await sourceError(run(blueprint('v1.0.0', nowhere), out, { env: cacheEnv() }));
    expect(missingRepo.message).toContain(nowhere);
    expect(() => statSync(out)).toThrow();

    // Through the command and the one error handler, as a user sees it.
    const ctx = context({ env: cacheEnv() });
    const err = await runGenerate(ctx, FIXTURE, { out }, blueprint('v9.9.9')).then(() => undefined, (e: unknown) => e);
    expect(handleError(err, ctx)).toBe(2);
    const printed = ctx.printed();
    expect(printed).toContain(`eoffice: ${repo.dir}: no tag v9.9.9 in this repository`);
    expect(printed).toContain('check `source.ref` in blueprint.yaml');
    expect(printed).not.toMatch(/internal error/);
    expect(printed).not.toMatch(STACK_TRACE);

    // In Bahasa Indonesia, the default.
    const idCtx = context({ env: cacheEnv(), lang: 'id' });
    const idErr = await runGenerate(idCtx, FIXTURE, { out }, blueprint('v9.9.9')).then(() => undefined, (e: unknown) => e);
    expect(handleError(idErr, idCtx)).toBe(2);
    expect(idCtx.printed()).toContain(`${repo.dir}: tag v9.9.9 tidak ada di repositori ini`);
    expect(idCtx.printed()).toContain('periksa `source.ref` di blueprint.yaml');
  });

  it('a moved tag fails clearly, from the cached mirror and from a fresh one, and the output stays as it was', async () => {
    const own = tempRepo();
    const first = own.commit({ 'a.txt': 'one\n' });
    own.tag('v2.0.0');
    const env = cacheEnv();
    const t = blueprint('v2.0.0', own.dir);
    const out = join(tempDir(), 'out');
    done(await run(t, out, { env }));
    const before = snapshotTree(out);

    const moved = own.commit({ 'a.txt': 'changed under the same tag\n' });
    own.tag('v2.0.0', 'HEAD', true);
    for (const [mode, e] of [['write', env], ['check', env], ['write', cacheEnv()]] as const) {
      const err = await sourceError(run(t, out, { env: e, mode }));
      expect(err.message).toBe(`app: ${own.dir} @ v2.0.0 now points to ${moved}, but eoffice.lock.json records ${first} (a moved tag)`);
      expect(err.hint).toMatch(/restore the tag, or pin the ref/);
      expect(snapshotTree(out)).toEqual(before);
    }
  });
});
