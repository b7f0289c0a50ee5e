/**
 * Reference readers of `KEY=value` files, written from the readers' source (no shell involved), so
 * the tests can check that `envValue` reads back identically in each:
 *
 *  - systemd `EnvironmentFile=`: the state machine of `parse_env_file_internal` in
 *    systemd/src/basic/env-file.c (v252–v257). Quotes open anywhere in a value and concatenate;
 *    single quotes are literal; in double quotes `\` escapes `"` `\` `` ` `` `$` and is kept before
 *    anything else; unquoted, `\x` gives `x`; trailing whitespace of an unquoted value is dropped.
 *    No variable expansion.
 *  - compose-go v2 `dotenv` (docker compose 2.x): `extractVarValue` with its first-quote-not-after-a-
 *    backslash terminator, `expandEscapes` (`\\(?:[abcfnrtv$"\\]|0\d{0,3})`, Go `UnquoteChar`,
 *    `\$` → `$$`) and interpolation of double-quoted and bare values (`$$` → `$`).
 *  - compose-go v2.13+ `extractQuotedValue`: walks the quoted value, `\<quote>` drops its backslash,
 *    any other escaped character keeps it; then as above.
 * Interpolation here throws on a `$` that would read a variable: a value must never depend on the
 * environment it is read in.
 */

const WHITESPACE = ' \t\n\r';
const NEWLINE = '\n\r';
const SHELL_NEED_ESCAPE = '"\\`$';

/** systemd's reader; returns every assignment. */
export function readSystemd(text: string): Map<string, string> {
  type State = 'PRE_KEY' | 'KEY' | 'PRE_VALUE' | 'VALUE' | 'VALUE_ESCAPE' | 'SQ' | 'DQ' | 'DQ_ESCAPE' | 'COMMENT' | 'COMMENT_ESCAPE';
  const out = new Map<string, string>();
  let state: State = 'PRE_KEY';
  let key = '';
  let value = '';
  let lastKeyWs = -1;
  let lastValueWs = -1;
  const push = (trimValue: boolean) => {
    const k = lastKeyWs >= 0 ? key.slice(0, lastKeyWs) : key;
    const v = trimValue && lastValueWs >= 0 ? value.slice(0, lastValueWs) : value;
    out.set(k, v);
    key = '';
    value = '';
  };
  for (const c of text) {
    switch (state) {
      case 'PRE_KEY':
        if ('#;'.includes(c)) state = 'COMMENT';
        else if (!WHITESPACE.includes(c)) {
          state = 'KEY';
          lastKeyWs = -1;
          key += c;
        }
        break;
      case 'KEY':
        if (NEWLINE.includes(c)) {
          state = 'PRE_KEY';
          key = '';
        } else if (c === '=') {
          state = 'PRE_VALUE';
          lastValueWs = -1;
        } else {
          if (!WHITESPACE.includes(c)) lastKeyWs = -1;
          else if (lastKeyWs < 0) lastKeyWs = key.length;
          key += c;
        }
        break;
      case 'PRE_VALUE':
        if (NEWLINE.includes(c)) {
          state = 'PRE_KEY';
          push(false);
        } else if (c === "'") state = 'SQ';
        else if (c === '"') state = 'DQ';
        else if (c === '\\') state = 'VALUE_ESCAPE';
        else if (!WHITESPACE.includes(c)) {
          state = 'VALUE';
          value += c;
        }
        break;
      case 'VALUE':
        if (NEWLINE.includes(c)) {
          state = 'PRE_KEY';
          push(true);
        } else if (c === '\\') {
          state = 'VALUE_ESCAPE';
          lastValueWs = -1;
        } else {
          if (!WHITESPACE.includes(c)) lastValueWs = -1;
          else if (lastValueWs < 0) lastValueWs = value.length;
          value += c;
        }
        break;
      case 'VALUE_ESCAPE':
        state = 'VALUE';
        if (!NEWLINE.includes(c)) value += c;
        break;
      case 'SQ':
        if (c === "'") state = 'PRE_VALUE';
        else value += c;
        break;
      case 'DQ':
        if (c === '"') state = 'PRE_VALUE';
        else if (c === '\\') state = 'DQ_ESCAPE';
        else value += c;
        break;
      case 'DQ_ESCAPE':
        state = 'DQ';
        if (SHELL_NEED_ESCAPE.includes(c)) value += c;
        else if (c !== '\n') value += `\\${c}`;
        break;
      case 'COMMENT':
        if (c === '\\') state = 'COMMENT_ESCAPE';
        else if (NEWLINE.includes(c)) state = 'PRE_KEY';
        break;
      case 'COMMENT_ESCAPE':
        state = NEWLINE.includes(c) ? 'PRE_KEY' : 'COMMENT';
        break;
    }
  }
  if (['PRE_VALUE', 'VALUE', 'VALUE_ESCAPE', 'SQ', 'DQ', 'DQ_ESCAPE'].includes(state)) push(state === 'VALUE');
  return out;
}

// ------------------------------------------------------------------------------------- compose-go

/** compose-go's `isSpace`: a space but not a line break. */
const isSpace = (c: string) => '\t\v\f\r \u0085\u00a0'.includes(c);
/** Go's `unicode.IsSpace`. */
const isUnicodeSpace = (c: string) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(c);

const GO_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

function expandEscapes(s: string): string {
  return s.replace(/\\(?:[abcfnrtv$"\\]|0\d{0,3})/g, (match) => {
    if (match === '\\$') return '$$';
    let m = match;
    if (m.startsWith('\\0')) m = `\\${m.slice(2)}`;
    const c = m.slice(1);
    if (c.length === 1 && c in GO_ESCAPES) return GO_ESCAPES[c]!;
    if (/^[0-7]{3}$/.test(c) && parseInt(c, 8) <= 255) return String.fromCharCode(parseInt(c, 8));
    return match; // UnquoteChar fails (`\c`, `\`, short octal): the match is kept
  });
}

/** compose-go `template.Substitute` as far as a literal value goes: `$$` is `$`, anything else throws. */
function interpolate(s: string): string {
  return s.replace(/\$(\$|[A-Za-z_{]|)/g, (whole, next: string) => {
    if (next === '$') return '$';
    throw new Error(`compose would interpolate at ${JSON.stringify(whole)} in ${JSON.stringify(s)}`);
  });
}

function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  return s.slice(i);
}

type QuotedExtractor = (src: string, quote: string) => { value: string; rest: string } | undefined;

/** compose-go v2 up to 2.12: the first quote not preceded by a backslash ends the value. */
const extractNaive: QuotedExtractor = (src, quote) => {
  for (let i = 1; i < src.length; i++) {
    if (src[i] !== quote) continue;
    if (src[i - 1] === '\\') continue;
    return { value: src.slice(1, i), rest: src.slice(i + 1) };
  }
  return undefined;
};

/** compose-go v2.13+: `\<quote>` is a quote, any other escaped character keeps its backslash. */
const extractEscaped: QuotedExtractor = (src, quote) => {
  let escaped = false;
  let value = '';
  for (let i = 1; i < src.length; i++) {
    const c = src[i]!;
    if (escaped) {
      escaped = false;
      if (c !== quote) value += '\\';
      value += c;
      continue;
    }
    if (c === '\\') escaped = true;
    else if (c === quote) return { value, rest: src.slice(i + 1) };
    else value += c;
  }
  return undefined;
};

function readCompose(text: string, extract: QuotedExtractor): Map<string, string> {
  const out = new Map<string, string>();
  let src = text;
  for (;;) {
    // getStatementStart: skip whitespace and comment lines
    src = src.replace(/^[\s]+/u, '');
    while (src.startsWith('#')) {
      const nl = src.indexOf('\n');
      src = nl < 0 ? '' : src.slice(nl).replace(/^\s+/u, '');
    }
    if (src === '') return out;
    if (/^export\s+/.test(src)) src = trimLeftSpace(src.slice('export'.length));
    let i = 0;
    for (; i < src.length; i++) {
      const c = src[i]!;
      if (isSpace(c)) continue;
      if (c === '=' || c === ':') break;
      if (c === '\n') throw new Error('inherited keys are not used here');
      if (!/^[\p{L}\p{N}_.\-[\]]$/u.test(c)) throw new Error(`unexpected character ${JSON.stringify(c)} in variable name`);
    }
    const key = src.slice(0, i).replace(/\s+$/u, '');
    src = trimLeftSpace(src.slice(i + 1));
    const quote = src[0];
    if (quote !== '"' && quote !== "'") {
      const nl = src.indexOf('\n');
      let value = nl < 0 ? src : src.slice(0, nl);
      src = nl < 0 ? '' : src.slice(nl);
      const hash = value.indexOf(' #');
      if (hash >= 0) value = value.slice(0, hash);
      let end = value.length;
      while (end > 0 && isUnicodeSpace(value[end - 1]!)) end--;
      out.set(key, interpolate(value.slice(0, end)));
      continue;
    }
    const found = extract(src, quote);
    if (!found) throw new Error(`unterminated quoted value ${src.split('\n')[0]}`);
    out.set(key, quote === '"' ? interpolate(expandEscapes(found.value)) : found.value);
    src = found.rest;
  }
}

/** compose-go v2 (docker compose 2.x up to compose-go 2.12). */
export const readComposeV2 = (text: string) => readCompose(text, extractNaive);
/** compose-go v2.13 and later. */
export const readComposeV213 = (text: string) => readCompose(text, extractEscaped);
