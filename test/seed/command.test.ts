import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSeedApply } from '../../src/commands/seed.js';
import { applySeed, parseDatabaseUrl, redact, SeedApplyError } from '../../src/seed/apply.js';
import { freePort } from '../helpers/db.js';
import { context } from './load-suite.js';
import { fixtureProfile, seedOf, writeSeed } from './support.js';

const SECRET = 'Sup3r:s3cr3t@/#';
const enc = encodeURIComponent(SECRET);
const trees: Array<{ remove: () => void }> = [];
afterAll(() => trees.forEach((t) => t.remove()));
const seedDir = (files = seedOf(fixtureProfile())) => {
  const t = writeSeed(files);
  trees.push(t);
  return t.dir;
};
const printed = (ctx: ReturnType<typeof context>) => ctx.out.join('') + ctx.err.join('');
const expectNoSecret = (text: string) => {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(enc);
  expect(text).not.toContain('s3cr3t');
};

describe('database URLs', () => {
  it('knows the four schemes and redacts the password and secret parameters', () => {
    const pg = parseDatabaseUrl(`postgres://eoffice:${enc}@db.example:5432/eoffice?sslmode=require&password=${enc}`);
    expect(pg.dialect).toBe('postgresql');
    expect(pg.display).toBe('postgres://eoffice:***@db.example:5432/eoffice?sslmode=require&password=***');
    expect(pg.secrets).toContain(SECRET);
    expect(parseDatabaseUrl('postgresql://u@h/d').dialect).toBe('postgresql');
    expect(parseDatabaseUrl('mysql://u:p@h/d').dialect).toBe('mysql');
    expect(parseDatabaseUrl(`mariadb://root:${enc}@127.0.0.1:3306/eoffice`).display).toBe('mariadb://root:***@127.0.0.1:3306/eoffice');
    expect(redact(`failed for ${SECRET} and ${enc}`, pg.secrets)).toBe('failed for *** and ***');
  });

  it('refuses other schemes, broken URLs and a MySQL URL without a database, without echoing them', () => {
    for (const url of [`http://u:${enc}@h/d`, `u:${enc}@h/d`, `postgres://u:${enc}@[::1/d`, `mysql://u:${enc}@h:3306/`, `postgres:u:${enc}@h/d`]) {
      let err: unknown;
      try {
        parseDatabaseUrl(url);
      } catch (e) {
        err = e;
      }
      expect(err, url).toBeInstanceOf(SeedApplyError);
      expect((err as SeedApplyError).exitCode).toBe(2);
      expect((err as SeedApplyError).kind).toBe('url');
      expectNoSecret((err as SeedApplyError).messages.id + (err as SeedApplyError).messages.en);
    }
  });
});

describe('runSeedApply without a server', () => {
  it('a bad URL exits 2 and never prints the password', async () => {
    for (const lang of ['id', 'en'] as const) {
      for (const json of [false, true]) {
        const ctx = context({}, lang);
        expect(await runSeedApply(ctx, seedDir(), { db: `http://admin:${enc}@127.0.0.1/eoffice`, json })).toBe(2);
        const text = printed(ctx);
        expectNoSecret(text);
        expect(text).toContain(lang === 'id' ? 'tidak didukung' : 'not supported');
        if (json) expect(JSON.parse(ctx.out.join(''))).toMatchObject({ ok: false, error: { kind: 'url' } });
      }
    }
  });

  it('an unreachable server exits 2, naming the redacted URL', async () => {
    const port = await freePort();
    for (const scheme of ['postgres', 'mysql']) {
      const ctx = context({ DATABASE_URL: `${scheme}://eoffice:${enc}@127.0.0.1:${port}/eoffice` });
      expect(await runSeedApply(ctx, seedDir(), { db: 'env:DATABASE_URL' })).toBe(2);
      const text = printed(ctx);
      expectNoSecret(text);
      expect(text).toContain(`cannot connect to ${scheme}://eoffice:***@127.0.0.1:${port}/eoffice`);
      expect(text).toContain('hint:');
    }
  });

  it('env: and file: references: a missing variable exits 2; a file holds the URL', async () => {
    const ctx = context({}, 'id');
    expect(await runSeedApply(ctx, seedDir(), { db: 'env:EOFFICE_DB' })).toBe(2);
    expect(ctx.err.join('')).toContain('variabel lingkungan EOFFICE_DB tidak diisi');
    const dir = seedDir();
    writeFileSync(join(dir, 'db-url'), `mysql://u:${enc}@127.0.0.1:1/\n`);
    const fromFile = context({ }, 'en');
    fromFile.cwd = dir;
    expect(await runSeedApply(fromFile, dir, { db: 'file:db-url' })).toBe(2);
    expect(fromFile.err.join('')).toContain('names no database');
    expectNoSecret(printed(fromFile));
  });

  it('a folder without a seed exits 2 before connecting', async () => {
    const dir = seedDir([]);
    const ctx = context({ DB: `postgres://u:${enc}@127.0.0.1:1/x` });
    expect(await runSeedApply(ctx, dir, { db: 'env:DB' })).toBe(2);
    expect(ctx.err.join('')).toContain('has no seed/postgresql/');
    mkdirSync(join(dir, 'seed', 'mysql'), { recursive: true });
    const my = context({ DB: `mariadb://u:${enc}@127.0.0.1:1/x` });
    expect(await runSeedApply(my, dir, { db: 'env:DB' })).toBe(2);
    expect(my.err.join('')).toContain('holds no .sql file');
  });

  it('refuses, before connecting, a seed that would break the one transaction (exit 1)', async () => {
    const late = seedOf(fixtureProfile());
    late.find((f) => f.path === 'seed/mysql/002-data.sql')!.content += '\nCREATE TABLE `late` (a int);\n';
    const e1 = (await applySeed(seedDir(late), `mysql://u@127.0.0.1:1/x`).catch((e: unknown) => e)) as SeedApplyError;
    expect(e1).toBeInstanceOf(SeedApplyError);
    expect(e1.kind).toBe('order');
    expect(e1.exitCode).toBe(1);
    expect(e1.details.file).toBe('seed/mysql/002-data.sql');
    expect(e1.message).toContain('DDL after a data statement');

    const commit = seedOf(fixtureProfile());
    commit.find((f) => f.path === 'seed/postgresql/001-schema.sql')!.content += '\nCOMMIT;\n';
    const e2 = (await applySeed(seedDir(commit), `postgres://u@127.0.0.1:1/x`).catch((e: unknown) => e)) as SeedApplyError;
    expect(e2.kind).toBe('order');
    expect(e2.message).toContain('must not control transactions');
  });

  it('an unterminated literal names file and line (exit 1)', async () => {
    const files = seedOf(fixtureProfile());
    const f = files.find((x) => x.path === 'seed/postgresql/002-data.sql')!;
    f.content += "\nSELECT 'unterminated;\n";
    const line = f.content.split('\n').length - 1;
    const ctx = context({ DB: `postgres://u:${enc}@127.0.0.1:1/x` });
    expect(await runSeedApply(ctx, seedDir(files), { db: 'env:DB' })).toBe(1);
    expect(ctx.err.join('')).toContain(`seed/postgresql/002-data.sql:${line}: unterminated string literal`);
  });
});
