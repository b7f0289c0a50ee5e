import { describe, expect, it } from 'vitest';
import { splitSql, SqlSplitError } from '../../src/seed/split.js';

const parts = (text: string, d: 'postgresql' | 'mysql') => splitSql(text, d).map((s) => [s.line, s.sql]);

describe('splitSql (PostgreSQL)', () => {
  it('splits at semicolons outside literals, identifiers, comments and dollar quotes', () => {
    const text = [
      '-- a comment; not a statement',
      "SELECT 'a;b', 'it''s', E'\\';', \"x;y\";",
      '/* outer /* nested; */ still comment; */ SELECT $$ ; $$, $fn$ ; $x$ $fn$;',
      'SELECT $1, a$b FROM t;;',
      '',
      'SELECT 3',
    ].join('\n');
    expect(parts(text, 'postgresql')).toEqual([
      [2, "SELECT 'a;b', 'it''s', E'\\';', \"x;y\""],
      [3, 'SELECT $$ ; $$, $fn$ ; $x$ $fn$'],
      [4, 'SELECT $1, a$b FROM t'],
      [6, 'SELECT 3'],
    ]);
  });

  it('counts lines inside multi-line literals and comments', () => {
    const st = splitSql("SELECT 'one\ntwo';\n/* a\nb */\nSELECT E'x\\\ny';\nSELECT 1;", 'postgresql');
    expect(st.map((s) => s.line)).toEqual([1, 5, 7]);
  });

  it('a backslash ends nothing in a standard string', () => {
    expect(parts("SELECT 'a\\'; SELECT 2;", 'postgresql')).toEqual([[1, "SELECT 'a\\'"], [1, 'SELECT 2']]);
  });

  it('names the line where an unterminated literal or comment starts', () => {
    for (const [text, line] of [["SELECT 1;\n\nSELECT 'open;\n", 3], ['SELECT 1;\n/* open', 2], ['SELECT $t$ x', 1], ['SELECT "x', 1]] as const) {
      let err: unknown;
      try {
        splitSql(text, 'postgresql');
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(SqlSplitError);
      expect((err as SqlSplitError).line, text).toBe(line);
    }
  });

  it('gives each statement its first keyword', () => {
    expect(splitSql('insert into t values (1); -- x\n create table t (a int);', 'postgresql').map((s) => s.keyword)).toEqual(['INSERT', 'CREATE']);
  });
});

describe('splitSql (MySQL/MariaDB)', () => {
  it('knows backslash escapes, double-quoted strings, backticks and # comments', () => {
    const text = ["SELECT 'a\\';b', \"c;\\\"d\", `e;``f`; # comment;", 'SELECT 1--1;', 'SELECT 2; -- comment; here', "SELECT 'x''y';"].join('\n');
    expect(parts(text, 'mysql')).toEqual([
      [1, "SELECT 'a\\';b', \"c;\\\"d\", `e;``f`"],
      [2, 'SELECT 1--1'],
      [3, 'SELECT 2'],
      [4, "SELECT 'x''y'"],
    ]);
  });

  it('keeps an executable /*! … */ comment as a statement', () => {
    expect(parts('/*!40101 SET NAMES utf8mb4 */;\n/* plain; */ SELECT 1;', 'mysql')).toEqual([
      [1, '/*!40101 SET NAMES utf8mb4 */'],
      [2, 'SELECT 1'],
    ]);
  });

  it('has no dollar quoting', () => {
    expect(parts('SELECT $$; SELECT 2;', 'mysql')).toEqual([[1, 'SELECT $$'], [1, 'SELECT 2']]);
  });
});
