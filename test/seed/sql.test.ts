import { describe, expect, it } from 'vitest';
import { csvField, tableCsv } from '../../src/seed/csv.js';
import { dataSql, pruneSql, quoteIdentifier, quoteString, schemaSql, sqlLiteral, upsertSql } from '../../src/seed/sql.js';
import { splitSql } from '../../src/seed/split.js';
import { seedTable } from '../../src/seed/tables.js';
import { fixtureProfile, HOSTILE, region } from './support.js';
import { seedRows } from '../../src/seed/rows.js';

describe('SQL string literals', () => {
  it('PostgreSQL: plain text in standard quotes, quotes doubled', () => {
    expect(quoteString('Kota Banjar', 'postgresql')).toBe("'Kota Banjar'");
    expect(quoteString("O'Neil", 'postgresql')).toBe("'O''Neil'");
    expect(quoteString("'); DROP TABLE x; --", 'postgresql')).toBe("'''); DROP TABLE x; --'");
    expect(quoteString('', 'postgresql')).toBe("''");
  });

  it('PostgreSQL: backslash, CR and LF in an E-string, whose meaning does not depend on standard_conforming_strings', () => {
    expect(quoteString('a\\b', 'postgresql')).toBe("E'a\\\\b'");
    expect(quoteString("\\'", 'postgresql')).toBe("E'\\\\'''");
    expect(quoteString('ends with \\', 'postgresql')).toBe("E'ends with \\\\'");
    expect(quoteString('one\ntwo\r\n', 'postgresql')).toBe("E'one\\ntwo\\r\\n'");
    // A lower-case e before the quote would be part of the literal; it is always upper case here.
    expect(quoteString('x\\', 'postgresql').startsWith("E'")).toBe(true);
  });

  it('MySQL: quotes doubled, backslash escaped, CR/LF/Ctrl-Z as escapes', () => {
    expect(quoteString("O'Neil", 'mysql')).toBe("'O''Neil'");
    expect(quoteString("'); DROP TABLE x; --", 'mysql')).toBe("'''); DROP TABLE x; --'");
    expect(quoteString('a\\b', 'mysql')).toBe("'a\\\\b'");
    expect(quoteString("\\'", 'mysql')).toBe("'\\\\'''");
    expect(quoteString('ends with \\', 'mysql')).toBe("'ends with \\\\'");
    expect(quoteString('one\ntwo\r\n\u001a', 'mysql')).toBe("'one\\ntwo\\r\\n\\Z'");
    // Never a backslash before a quote: safe even if NO_BACKSLASH_ESCAPES were on.
    for (const s of Object.values(HOSTILE)) expect(quoteString(s, 'mysql')).not.toMatch(/(^|[^\\])(\\\\)*\\'/);
  });

  it('leaves template, shell and identifier syntax inert inside the literal', () => {
    for (const d of ['postgresql', 'mysql'] as const) {
      expect(quoteString('{{x}} {{{y}}}', d)).toBe("'{{x}} {{{y}}}'");
      expect(quoteString('$(rm -rf /)', d)).toBe("'$(rm -rf /)'");
      expect(quoteString('`whoami` "x"', d)).toBe("'`whoami` \"x\"'");
      expect(quoteString('$$ $tag$ ; -- /* # */', d)).toBe("'$$ $tag$ ; -- /* # */'");
    }
  });

  it('keeps characters outside the BMP as they are (UTF-8 in the file, utf8mb4 on MySQL)', () => {
    for (const d of ['postgresql', 'mysql'] as const) {
      expect(quoteString('𝔘 🇮🇩 👩🏽‍💻', d)).toBe("'𝔘 🇮🇩 👩🏽‍💻'");
      expect(Buffer.from(quoteString('𝔘', d), 'utf8').toString('hex')).toBe('27f09d949827');
    }
  });

  it('refuses NUL: PostgreSQL cannot store it, so neither dialect gets it', () => {
    expect(() => quoteString('a\0b', 'postgresql')).toThrow(/NUL/);
    expect(() => quoteString('a\0b', 'mysql')).toThrow(/NUL/);
  });

  it('writes NULL and integers bare', () => {
    expect(sqlLiteral(null, 'postgresql')).toBe('NULL');
    expect(sqlLiteral(42, 'mysql')).toBe('42');
    expect(() => sqlLiteral(1.5, 'mysql')).toThrow(/integer/);
  });

  it('every literal is exactly one token: the splitter sees one statement per INSERT for every hostile string', () => {
    for (const d of ['postgresql', 'mysql'] as const) {
      for (const s of Object.values(HOSTILE)) {
        const sql = `INSERT INTO t VALUES (${quoteString(s, d)}, ${quoteString(s, d)});\nSELECT 1;`;
        const st = splitSql(sql, d);
        expect(st.map((x) => x.keyword), `${d} ${JSON.stringify(s)}`).toEqual(['INSERT', 'SELECT']);
        expect(st[1]!.line).toBe(2);
      }
    }
  });
});

describe('SQL identifiers', () => {
  it('quotes per dialect and doubles the quote character', () => {
    expect(quoteIdentifier('opd', 'postgresql')).toBe('"opd"');
    expect(quoteIdentifier('a"b', 'postgresql')).toBe('"a""b"');
    expect(quoteIdentifier('opd', 'mysql')).toBe('`opd`');
    expect(quoteIdentifier('a`b', 'mysql')).toBe('`a``b`');
    expect(() => quoteIdentifier('a\0', 'mysql')).toThrow();
  });
});

describe('schema and data files', () => {
  it('sets the session explicitly at the top of every file', () => {
    const rows = seedRows(fixtureProfile(), region);
    for (const text of [schemaSql('postgresql'), dataSql(rows, 'postgresql')]) {
      const st = splitSql(text, 'postgresql').map((s) => s.sql);
      expect(st.slice(0, 2)).toEqual(["SET client_encoding = 'UTF8'", 'SET standard_conforming_strings = on']);
    }
    for (const text of [schemaSql('mysql'), dataSql(rows, 'mysql')]) {
      const st = splitSql(text, 'mysql').map((s) => s.sql);
      expect(st[0]).toBe('SET NAMES utf8mb4');
      expect(st[1]).toMatch(/^SET SESSION sql_mode = '[A-Z_,]*STRICT_ALL_TABLES[A-Z_,]*'$/);
      expect(st[1]).not.toContain('NO_BACKSLASH_ESCAPES');
      expect(st[1]).not.toContain('ANSI_QUOTES');
    }
  });

  it('creates every table idempotently; MySQL tables are InnoDB utf8mb4 with binary keys', () => {
    const pg = schemaSql('postgresql');
    const my = schemaSql('mysql');
    const creates = (t: string) => splitSql(t, 'postgresql').filter((s) => s.keyword === 'CREATE').map((s) => s.sql.split('\n')[0]);
    expect(creates(pg)).toContain('CREATE TABLE IF NOT EXISTS "desa" (');
    expect(creates(pg)).toContain('CREATE INDEX IF NOT EXISTS "desa_kode_kecamatan_idx" ON "desa" ("kode_kecamatan")');
    const tables = splitSql(my, 'mysql').filter((s) => s.keyword === 'CREATE');
    expect(tables).toHaveLength(8);
    for (const t of tables) {
      expect(t.sql).toMatch(/^CREATE TABLE IF NOT EXISTS `/);
      expect(t.sql).toMatch(/\) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci$/);
    }
    expect(my).toContain('`kode` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL');
  });

  it('upserts keyed on the official code, in batches, one row per line', () => {
    const t = seedTable('wilayah');
    const rows = Array.from({ length: 5 }, (_, i) => ({ kode: `32.79.0${i}`, nama: `N${i}`, jenis: 'kecamatan', induk: '32.79' }));
    const pg = upsertSql(t, rows, 'postgresql', { rows: 2 });
    const st = splitSql(pg, 'postgresql');
    expect(st).toHaveLength(3);
    expect(st[0]!.sql).toContain('ON CONFLICT ("kode") DO UPDATE SET "nama" = EXCLUDED."nama", "jenis" = EXCLUDED."jenis", "induk" = EXCLUDED."induk"');
    expect(st[0]!.sql).toContain('IS DISTINCT FROM');
    expect(st[0]!.sql.split('\n').slice(1, 3)).toEqual(["('32.79.00', 'N0', 'kecamatan', '32.79'),", "('32.79.01', 'N1', 'kecamatan', '32.79')"]);
    const my = splitSql(upsertSql(t, rows, 'mysql', { rows: 2 }), 'mysql');
    expect(my).toHaveLength(3);
    expect(my[2]!.sql).toMatch(/ON DUPLICATE KEY UPDATE `nama` = VALUES\(`nama`\), `jenis` = VALUES\(`jenis`\), `induk` = VALUES\(`induk`\)$/);
    // A byte budget splits batches too.
    expect(splitSql(upsertSql(t, rows, 'postgresql', { rows: 100, bytes: 100 }), 'postgresql')).toHaveLength(3);
    expect(upsertSql(t, [], 'postgresql')).toBe('-- wilayah: 0 rows\n');
  });
});

describe('keyed deletion of rows the profile no longer has', () => {
  it('keys on the official code (a tuple for composite keys), never drops or empties a table by name alone', () => {
    const pg = pruneSql(seedTable('desa'), [{ kode: '32.79.01.2001' }, { kode: '32.79.01.2002' }], 'postgresql');
    expect(pg).toBe("-- desa: rows whose key the profile no longer has\nDELETE FROM \"desa\" WHERE \"kode\" NOT IN (\n'32.79.01.2001',\n'32.79.01.2002'\n);\n");
    const my = pruneSql(seedTable('perangkat_desa'), [{ kode_desa: '32.79.01.2001', peran: 'sekretaris-desa', urutan: 1 }], 'mysql');
    expect(my).toContain("WHERE (`kode_desa`, `peran`, `urutan`) NOT IN (\n('32.79.01.2001', 'sekretaris-desa', 1)\n);");
    expect(pruneSql(seedTable('perangkat_desa'), [], 'mysql')).toContain('DELETE FROM `perangkat_desa` WHERE `kode_desa` IS NOT NULL;');
    // Reference data a regency extends in its own database is never pruned, nor is the seed's metadata.
    const data = dataSql(seedRows(fixtureProfile(), region), 'postgresql');
    expect(data).not.toMatch(/DELETE FROM "(klasifikasi_arsip|seed_meta)"/);
    expect(data).not.toMatch(/\b(DROP|TRUNCATE)\b/);
    expect(splitSql(data, 'postgresql').filter((st) => st.keyword === 'DELETE')).toHaveLength(6);
  });
});

describe('CSV', () => {
  it('quotes only what needs it; NULL is empty, the empty string is ""', () => {
    expect(csvField('Kota Banjar')).toBe('Kota Banjar');
    expect(csvField('S.Kom., M.T.')).toBe('"S.Kom., M.T."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(7)).toBe('7');
  });

  it('writes a header row and LF record endings, without BOM', () => {
    const csv = tableCsv(seedTable('seed_meta'), [{ kunci: 'a', nilai: 'x,y' }]);
    expect(csv).toBe('kunci,nilai\na,"x,y"\n');
  });
});
