/**
 * Splits an SQL file into statements at the semicolons that are outside string literals, quoted
 * identifiers and comments, keeping the line each statement starts on, so a failing statement can be
 * named by file and line. Understands what the seed files (and hand edits of them) may hold:
 *
 * - PostgreSQL: `'…'` (`''`), `E'…'` (backslash escapes), `"…"`, `$tag$…$tag$`, `--`, nested `/* … *\/`.
 * - MySQL/MariaDB: `'…'` and `"…"` (`''`, backslash escapes), `` `…` ``, `-- `, `#`, `/* … *\/`;
 *   a `/*! … *\/` comment is executable there, so it starts a statement.
 *
 * Not supported: the mysql client's DELIMITER command and psql's backslash commands.
 */
import type { SqlDialect } from './sql.js';

export interface SqlStatement {
  /** The statement without its semicolon and without the comments before it. */
  sql: string;
  /** 1-based line of the statement's first character in the file. */
  line: number;
  /** The first word, upper case (`INSERT`, `CREATE`, …); empty when it starts otherwise. */
  keyword: string;
}

export class SqlSplitError extends Error {
  override readonly name = 'SqlSplitError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const IDENT = /[\p{L}\p{N}_$]/u;
const DOLLAR_TAG = /\$(?:[\p{L}_][\p{L}\p{N}_]*)?\$/uy;

export function splitSql(text: string, dialect: SqlDialect): SqlStatement[] {
  const pg = dialect === 'postgresql';
  const out: SqlStatement[] = [];
  const n = text.length;
  let line = 1;
  let start = -1;
  let startLine = 0;
  let i = 0;

  const begin = () => {
    if (start < 0) {
      start = i;
      startLine = line;
    }
  };
  const end = (at: number) => {
    if (start >= 0) {
      const sql = text.slice(start, at).trimEnd();
      out.push({ sql, line: startLine, keyword: /^[A-Za-z]+/.exec(sql)?.[0].toUpperCase() ?? '' });
    }
    start = -1;
  };
  /** Skips to just after `close`, counting lines; throws when the file ends first. */
  const skipTo = (close: string, from: number, what: string, openLine: number) => {
    const j = text.indexOf(close, from);
    if (j < 0) throw new SqlSplitError(`unterminated ${what}`, openLine);
    for (let k = i; k < j + close.length; k++) if (text.charCodeAt(k) === 10) line++;
    i = j + close.length;
  };
  /** A quoted literal or identifier: `q` doubled is a quote; with `backslash`, `\x` is escaped. */
  const quoted = (q: string, backslash: boolean, what: string) => {
    const openLine = line;
    let k = i + 1;
    for (;;) {
      if (k >= n) throw new SqlSplitError(`unterminated ${what}`, openLine);
      const c = text[k]!;
      if (c === '\n') line++;
      if (backslash && c === '\\') {
        if (text[k + 1] === '\n') line++;
        k += 2;
        continue;
      }
      if (c === q) {
        if (text[k + 1] === q) {
          k += 2;
          continue;
        }
        i = k + 1;
        return;
      }
      k++;
    }
  };

  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === ';') {
      end(i);
      i++;
      continue;
    }
    // Comments.
    if (c === '-' && next === '-' && (pg || i + 2 >= n || /\s|[\x00-\x1f]/.test(text[i + 2]!))) {
      const j = text.indexOf('\n', i);
      i = j < 0 ? n : j;
      continue;
    }
    if (!pg && c === '#') {
      const j = text.indexOf('\n', i);
      i = j < 0 ? n : j;
      continue;
    }
    if (c === '/' && next === '*') {
      if (!pg && text[i + 2] === '!') {
        begin();
        skipTo('*/', i + 3, 'comment', line);
        continue;
      }
      const openLine = line;
      if (!pg) {
        skipTo('*/', i + 2, 'comment', openLine);
        continue;
      }
      let depth = 0;
      let k = i;
      for (;;) {
        if (k >= n) throw new SqlSplitError('unterminated comment', openLine);
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
          if (depth === 0) break;
        } else {
          if (text[k] === '\n') line++;
          k++;
        }
      }
      i = k;
      continue;
    }
    begin();
    if (c === "'") {
      const prev = text[i - 1];
      const escape = !pg || ((prev === 'E' || prev === 'e') && !(i >= 2 && IDENT.test(text[i - 2]!)));
      quoted("'", escape, 'string literal');
      continue;
    }
    if (c === '"') {
      quoted('"', !pg, pg ? 'quoted identifier' : 'string literal');
      continue;
    }
    if (!pg && c === '`') {
      quoted('`', false, 'quoted identifier');
      continue;
    }
    if (pg && c === '$' && !(i > 0 && IDENT.test(text[i - 1]!))) {
      DOLLAR_TAG.lastIndex = i;
      const m = DOLLAR_TAG.exec(text);
      if (m) {
        skipTo(m[0], i + m[0].length, 'dollar-quoted string', line);
        continue;
      }
    }
    i++;
  }
  end(n);
  return out;
}
