/**
 * The real-database tests, the same for PostgreSQL and MariaDB: each test file starts its server
 * (test/helpers/db.ts) and calls `seedLoadSuite`.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runSeedApply } from '../../src/commands/seed.js';
import { applySeed, SeedApplyError, type ApplyEvent } from '../../src/seed/apply.js';
import { MYSQL_SQL_MODE, quoteString } from '../../src/seed/sql.js';
import { SEED_TABLE_NAMES } from '../../src/seed/tables.js';
import type { DbServer } from '../helpers/db.js';
import {
  expectDatabaseHolds,
  expectedRows,
  fixtureProfile,
  HOSTILE,
  hostileProfile,
  readTable,
  seedOf,
  snapshot,
  sumedangProfile,
  tablesIn,
  writeSeed,
} from './support.js';

export function context(env: NodeJS.ProcessEnv = {}, lang: 'id' | 'en' = 'en'): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { lang, color: false, cwd: process.cwd(), stdout: (s) => out.push(s), stderr: (s) => err.push(s), isInteractive: false, env, out, err };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** The line of the INSERT statement whose rows include the line holding `needle`. */
const statementLineOf = (text: string, needle: string) => {
  const lines = text.split('\n');
  let i = lineOf(text, needle) - 1;
  while (i > 0 && !lines[i]!.startsWith('INSERT INTO')) i--;
  return i + 1;
};

/**
 * `server` is read only when a test runs: when it could not start (outside CI), the file's
 * `describe.runIf` skips these tests, after test/helpers/db.ts said so loudly.
 */
export function seedLoadSuite(dialect: DbServer['dialect'], started: DbServer | undefined): void {
  const d = dialect;
  const server = started ?? (new Proxy({}, { get: () => { throw new Error(`the ${dialect} server did not start`); } }) as DbServer);
  const folder = `seed/${d}`;
  const trees: Array<{ remove: () => void }> = [];
  const tree = (files: ReturnType<typeof seedOf>) => {
    const t = writeSeed(files);
    trees.push(t);
    return t.dir;
  };
  afterAll(() => {
    for (const t of trees) t.remove();
  });
  let dbs = 0;
  const database = async () => {
    const name = `seed_${++dbs}`;
    return { name, url: await server.createDatabase(name) };
  };

  describe(`seed apply (${d === 'postgresql' ? 'PostgreSQL' : 'MariaDB'})`, () => {
    it('loads the fixture seed twice: the same rows, no duplicates, byte for byte as in the profile', async () => {
      const profile = fixtureProfile();
      const dir = tree(seedOf(profile));
      const db = await database();
      const events: ApplyEvent[] = [];
      const first = await applySeed(dir, db.url, (e) => events.push(e));
      const second = await applySeed(dir, db.url);
      const want = expectedRows(profile);
      expect(first.tables).toEqual([
        { table: 'wilayah', rows: 5 },
        { table: 'desa', rows: 25 },
        { table: 'perangkat_desa', rows: 1 },
        { table: 'opd', rows: 10 },
        { table: 'penandatangan', rows: 5 },
        { table: 'klasifikasi_arsip', rows: want.klasifikasi_arsip!.length },
        { table: 'penomoran_surat', rows: 2 },
        { table: 'seed_meta', rows: 8 },
      ]);
      expect(second.tables).toEqual(first.tables);
      expect(first.files.map((f) => f.file)).toEqual([`${folder}/001-schema.sql`, `${folder}/002-data.sql`]);
      expect(first.dialect).toBe(d);
      expect(first.target).not.toContain(server.password);
      expect(first.target).not.toContain(encodeURIComponent(server.password));
      expect(events.map((e) => e.type)).toEqual(['connected', 'file', 'file', 'committed']);
      await expectDatabaseHolds(server, db.name, profile);
      expect((await tablesIn(server, db.name)).sort()).toEqual([...SEED_TABLE_NAMES].sort());
    });

    it('follows a profile change keyed on codes: a village and a signatory removed, an officer gone, a head replaced; nothing else touched', async () => {
      const before = fixtureProfile();
      const db = await database();
      await applySeed(tree(seedOf(before)), db.url);
      // What the regency's own use added: a deeper classification code and a table of its own.
      const q = (n: string) => (d === 'postgresql' ? `"${n}"` : `\`${n}\``);
      await server.query(db.name, `INSERT INTO ${q('klasifikasi_arsip')} (${q('kode')}, ${q('uraian')}, ${q('induk')}) VALUES ('000.1.1', 'Tata Usaha', '000.1')`);
      await server.query(db.name, 'CREATE TABLE surat (id integer)');
      await server.query(db.name, 'INSERT INTO surat VALUES (7)');

      const after = structuredClone(before);
      const details = new Set((after.villages as { details?: Array<{ code: string }> }).details?.map((v) => v.code) ?? []);
      const removedVillage = expectedRows(before).desa!.map((r) => String(r.kode)).filter((c) => !details.has(c)).at(-1)!;
      (after.villages as { exclude?: string[] }).exclude = [removedVillage];
      const removedSignatory = after.signatories.at(-1)!.id;
      after.signatories = after.signatories.slice(0, -1) as typeof after.signatories;
      const detailed = (after.villages as { details: Array<{ head?: string; officers?: unknown[] }> }).details[0]!;
      detailed.head = 'Siti Pengganti';
      detailed.officers = [];
      const second = tree(seedOf(after));
      const result = await applySeed(second, db.url);
      await applySeed(second, db.url);

      const keys = async (table: string, col: string) => (await server.query<Record<string, string>>(db.name, `SELECT ${q(col)} AS k FROM ${q(table)}`)).map((r) => r.k);
      expect(await keys('desa', 'kode')).not.toContain(removedVillage);
      expect(await keys('penandatangan', 'id')).not.toContain(removedSignatory);
      expect(result.tables.find((t) => t.table === 'desa')?.rows).toBe(expectedRows(before).desa!.length - 1);
      expect(await keys('klasifikasi_arsip', 'kode')).toContain('000.1.1');
      expect(await server.query(db.name, 'SELECT id FROM surat')).toEqual([{ id: 7 }]);
      // Apart from the regency's own classification code, exactly the changed profile's rows.
      await server.query(db.name, `DELETE FROM ${q('klasifikasi_arsip')} WHERE ${q('kode')} = '000.1.1'`);
      await expectDatabaseHolds(server, db.name, after);
      expect((await tablesIn(server, db.name)).sort()).toEqual([...SEED_TABLE_NAMES, 'surat'].sort());
    });

    it('loads a profile with hostile names twice and reads every byte back; nothing is executed', async () => {
      const profile = hostileProfile();
      const dir = tree(seedOf(profile));
      const db = await database();
      // The canary the hostile OPD name tries to drop.
      await server.query(db.name, 'CREATE TABLE x (id integer)');
      await server.query(db.name, 'INSERT INTO x VALUES (42)');
      const first = await applySeed(dir, db.url);
      const second = await applySeed(dir, db.url);
      expect(second.tables).toEqual(first.tables);
      expect(first.tables.find((t) => t.table === 'perangkat_desa')?.rows).toBe(3);
      await expectDatabaseHolds(server, db.name, profile);
      expect(await server.query(db.name, 'SELECT id FROM x')).toEqual([{ id: 42 }]);
      expect((await tablesIn(server, db.name)).sort()).toEqual([...SEED_TABLE_NAMES, 'x'].sort());
      const opd = (await readTable(server, db.name, 'opd')).find((r) => r.kode === Buffer.from('diskominfo').toString('hex'))!;
      expect(Buffer.from(String(opd.nama), 'hex').toString('utf8')).toBe(HOSTILE.opdName);
      expect(Buffer.from(String(opd.alamat), 'hex').toString('utf8')).toBe(HOSTILE.opdAddress);
    });

    it('string literals survive the real parser for any text (property, 150 random strings)', async () => {
      const db = await database();
      if (d === 'mysql') {
        await server.query(db.name, 'SET NAMES utf8mb4');
        await server.query(db.name, `SET SESSION sql_mode = '${MYSQL_SQL_MODE}'`);
      } else {
        await server.query(db.name, 'SET standard_conforming_strings = on');
      }
      const text = fc.string({ unit: fc.oneof(fc.constantFrom("'", '\\', '"', '`', '$', ';', '\n', '\r', '\u001a', '-', '/', '*', '#', '𝔘', '🇮🇩'), fc.integer({ min: 1, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c))), maxLength: 40 });
      const samples = fc.sample(text.filter((s) => !s.includes('\0')), { numRuns: 150, seed: 20260317 });
      for (const s of [...samples, ...Object.values(HOSTILE)]) {
        const rows = await server.query<{ v: string }>(db.name, `SELECT ${quoteString(s, d)} AS v`);
        expect(rows, JSON.stringify(s)).toEqual([{ v: s }]);
      }
    });

    if (d === 'mysql') {
      it('should sql_mode lose its setting and NO_BACKSLASH_ESCAPES be on, a literal is still one value (backslashes doubled, nothing executed)', async () => {
        const db = await database();
        await server.query(db.name, 'SET NAMES utf8mb4');
        await server.query(db.name, `SET SESSION sql_mode = '${MYSQL_SQL_MODE},NO_BACKSLASH_ESCAPES'`);
        for (const s of Object.values(HOSTILE)) {
          const literal = quoteString(s, 'mysql');
          const rows = await server.query<Record<string, string>>(db.name, `SELECT ${literal} AS v`);
          expect(rows, JSON.stringify(s)).toEqual([{ v: literal.slice(1, -1).replaceAll("''", "'") }]);
        }
      });
    }

    it('a failing statement names its file and line, and leaves the database as it was', async () => {
      const profile = fixtureProfile();
      const db = await database();
      await applySeed(tree(seedOf(profile)), db.url);
      const before = await snapshot(server, db.name);

      // The hostile seed changes names in every table, then one statement violates NOT NULL.
      const files = seedOf(hostileProfile());
      const data = files.find((f) => f.path === `${folder}/002-data.sql`)!;
      const q = d === 'postgresql' ? '"' : '`';
      const bad = `INSERT INTO ${q}opd${q} (${q}kode${q}, ${q}urutan${q}) VALUES ('rusak', 99);`;
      data.content = data.content.replace('-- penandatangan:', `${bad}\n\n-- penandatangan:`);
      const dir = tree(files);
      const err = await applySeed(dir, db.url).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SeedApplyError);
      const e = err as SeedApplyError;
      expect(e.kind).toBe('statement');
      expect(e.exitCode).toBe(1);
      expect(e.details.file).toBe(`${folder}/002-data.sql`);
      expect(e.details.line).toBe(lineOf(data.content, "VALUES ('rusak', 99)"));
      expect(e.details.excerpt).toContain('rusak');
      expect(e.message).toContain(`${folder}/002-data.sql:${e.details.line}`);
      expect(e.message).not.toContain(server.password);
      expect(await snapshot(server, db.name)).toEqual(before);
    });

    it('a syntax error inside a multi-line statement names the line of the error', async () => {
      const db = await database();
      const files = seedOf(fixtureProfile());
      const data = files.find((f) => f.path === `${folder}/002-data.sql`)!;
      const q = d === 'postgresql' ? '"' : '`';
      data.content += `\nINSERT INTO ${q}seed_meta${q} (${q}kunci${q}, ${q}nilai${q}) VALUES\n('a', 'b'),\n('c', 'd',);\n`;
      const err = (await applySeed(tree(files), db.url).catch((e: unknown) => e)) as SeedApplyError;
      expect(err).toBeInstanceOf(SeedApplyError);
      expect(err.exitCode).toBe(1);
      expect(err.details.file).toBe(`${folder}/002-data.sql`);
      expect(err.details.line).toBe(lineOf(data.content, "('c', 'd',)"));
      expect(err.details.statementLine).toBe(err.details.line! - 2);
      // The database was empty and stays empty: no table is left behind.
      expect(await tablesIn(server, db.name)).toEqual([]);
    });

    it('refuses to leave tables behind when the first data statement fails on an empty database', async () => {
      const db = await database();
      const files = seedOf(fixtureProfile());
      const data = files.find((f) => f.path === `${folder}/002-data.sql`)!;
      data.content = data.content.replace("('32.79', 'Kota Banjar', 'kota', '32')", "('32.79', NULL, 'kota', '32')");
      const events: ApplyEvent[] = [];
      const err = (await applySeed(tree(files), db.url, (e) => events.push(e)).catch((e: unknown) => e)) as SeedApplyError;
      expect(err).toBeInstanceOf(SeedApplyError);
      // A constraint has no position: the statement's first line is named.
      expect(err.details.line).toBe(statementLineOf(data.content, "('32.79', NULL"));
      expect(err.details.statementLine).toBe(err.details.line);
      expect(await tablesIn(server, db.name)).toEqual([]);
      const rolled = events.find((e) => e.type === 'rolled-back');
      expect(rolled).toBeDefined();
      if (d === 'mysql' && rolled?.type === 'rolled-back') expect([...rolled.droppedTables].sort()).toEqual([...SEED_TABLE_NAMES].sort());
    });

    it('seeds every village of Kabupaten Sumedang (from: kemendagri), byte for byte', async () => {
      const profile = sumedangProfile();
      const db = await database();
      const result = await applySeed(tree(seedOf(profile)), db.url);
      expect(result.tables.find((t) => t.table === 'desa')?.rows).toBe(277);
      expect(result.tables.find((t) => t.table === 'wilayah')?.rows).toBe(27);
      await expectDatabaseHolds(server, db.name, profile);
    });

    it('runSeedApply: counts as JSON with --db env:NAME, the password nowhere in the output', async () => {
      const db = await database();
      const dir = tree(seedOf(fixtureProfile()));
      const ctx = context({ DATABASE_URL: db.url });
      expect(await runSeedApply(ctx, dir, { db: 'env:DATABASE_URL', json: true })).toBe(0);
      const out = JSON.parse(ctx.out.join('')) as { ok: boolean; tables: Array<{ table: string; rows: number }>; target: string };
      expect(out.ok).toBe(true);
      expect(out.tables.find((t) => t.table === 'desa')?.rows).toBe(25);
      expect(out.target).toContain(':***@');
      expect(ctx.err).toEqual([]);
      const all = ctx.out.join('') + ctx.err.join('');
      expect(all).not.toContain(server.password);
      expect(all).not.toContain(encodeURIComponent(server.password));

      const text = context({}, 'id');
      expect(await runSeedApply(text, dir, { db: db.url })).toBe(0);
      const shown = text.out.join('');
      expect(shown).toMatch(/^Data awal dimuat ke /);
      expect(shown).toMatch(/^ {2}desa +25$/m);
      // A password typed on the command line earns a warning, and is still not printed.
      expect(text.err.join('')).toContain('env:DATABASE_URL');
      expect(shown + text.err.join('')).not.toContain(encodeURIComponent(server.password));
    });

    it('runSeedApply: a wrong password exits 2 and prints neither password', async () => {
      const db = await database();
      const dir = tree(seedOf(fixtureProfile()));
      const wrong = `Wr0ng:${server.password.slice(0, 6)}!@#`;
      const url = db.url.replace(encodeURIComponent(server.password), encodeURIComponent(wrong));
      for (const json of [false, true]) {
        const ctx = context({ DB: url });
        expect(await runSeedApply(ctx, dir, { db: 'env:DB', json })).toBe(2);
        const all = ctx.out.join('') + ctx.err.join('');
        expect(all).toMatch(json ? /"kind": "connect"/ : /cannot connect to/);
        expect(all).toContain(':***@127.0.0.1');
        for (const secret of [wrong, encodeURIComponent(wrong), server.password, encodeURIComponent(server.password)]) expect(all).not.toContain(secret);
      }
      expect(await tablesIn(server, db.name)).toEqual([]);
    });

    it('runSeedApply: a failing seed exits 1 and names file and line', async () => {
      const db = await database();
      const files = seedOf(fixtureProfile());
      const data = files.find((f) => f.path === `${folder}/002-data.sql`)!;
      data.content = data.content.replace("'Kecamatan Banjar'", 'NULL');
      const dir = tree(files);
      const ctx = context({ DB: db.url }, 'id');
      expect(await runSeedApply(ctx, dir, { db: 'env:DB' })).toBe(1);
      const err = ctx.err.join('');
      expect(err).toContain(`${folder}/002-data.sql:${statementLineOf(data.content, "('kec-banjar', NULL")}:`);
      expect(err).toContain('dikembalikan seperti semula');
      expect(err).not.toContain(encodeURIComponent(server.password));
    });

    if (d === 'postgresql') {
      it('the CSV files load into the same rows through COPY … (FORMAT csv), byte for byte', async () => {
        const profile = hostileProfile();
        const dir = tree(seedOf(profile));
        // The server reads the files itself (as the postgres user).
        chmodSync(dir, 0o755);
        const db = await database();
        writeFileSync(join(dir, 'seed', 'postgresql', '002-data.sql'), '-- schema only\n');
        await applySeed(dir, db.url);
        for (const t of SEED_TABLE_NAMES) {
          const path = join(dir, 'seed', 'csv', `${t}.csv`);
          await server.query(db.name, `COPY "${t}" FROM '${path}' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`);
        }
        await expectDatabaseHolds(server, db.name, profile);
      });
    }
  });
}
