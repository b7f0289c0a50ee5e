/**
 * Value encoders for the output contexts blueprints write: YAML, JSON, POSIX shell, dotenv.
 * Each returns the text to put in the file so that the file's own reader gets the value back
 * unchanged, or throws when that is impossible (a value the format cannot carry).
 *
 * SQL literals are not here: src/seed/sql.ts owns the escaping per dialect, and the template helper
 * (`sql`, see helpers.ts) calls the function it is given rather than duplicating it.
 */

export class EncodeError extends TypeError {
  override readonly name = 'EncodeError';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date object';
  return typeof value === 'object' ? 'an object' : typeof value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(s: string, who: string): void {
  // A lone surrogate cannot be written as UTF-8; it would come back as U+FFFD.
  if (LONE_SURROGATE.test(s)) throw new EncodeError(`${who}: the string contains a lone surrogate (not valid Unicode)`);
}

// ---------------------------------------------------------------------------------------------- YAML

/** Words YAML 1.1 or 1.2 resolves to a boolean or null in some spelling (compared in lower case). */
const YAML_RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

/**
 * A plain (unquoted) scalar we are sure every YAML 1.1 and 1.2 reader takes as this very string, in
 * block and in flow context: starts with a letter or `_` (so never a number, date, indicator, `~`,
 * `.inf`, `<<`), contains only letters, marks, digits, space, `_ . / @ + ( ) ' -` (no `:`, `#`, `,`,
 * brackets, braces, tabs), does not end with a space, and is not a boolean/null word.
 */
const YAML_PLAIN = /^[\p{L}_](?:[\p{L}\p{M}\p{N}_ ./@+()'-]*[\p{L}\p{M}\p{N}_./@+()'-])?$/u;

const YAML_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '\x85': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
  '\uFEFF': '\\uFEFF',
  '\uFFFE': '\\uFFFE',
  '\uFFFF': '\\uFFFF',
};

/** A YAML double-quoted scalar: one line, every non-printable character escaped. */
export function yamlDoubleQuoted(s: string): string {
  wellFormed(s, 'yaml');
  let out = '"';
  for (const ch of s) {
    const escaped = YAML_ESCAPES[ch];
    if (escaped !== undefined) {
      out += escaped;
      continue;
    }
    const code = ch.codePointAt(0)!;
    // C0 controls, DEL and C1 controls are outside YAML's printable set.
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
  }
  return `${out}"`;
}

export type YamlScalarValue = string | number | bigint | boolean | null;

/**
 * A YAML scalar that reads back as `value` (YAML 1.2 core schema, and YAML 1.1 readers too): a plain
 * scalar when it is unambiguous, else double-quoted; numbers, booleans and null as such
 * (`.nan`, `.inf`, `-.inf` for the non-finite numbers). Safe after `key: `, as a `- ` item and inside
 * a flow collection. Objects, arrays, dates and undefined are refused: this encodes one scalar.
 */
export function yamlScalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      wellFormed(value, 'yaml');
      // `e5`, `E+3`: an exponent without a mantissa, which a YAML 1.1 float pattern (the `yaml`
      // library's, for one) takes for a number.
      return YAML_PLAIN.test(value) && !YAML_RESERVED.has(value.toLowerCase()) && !/^[eE][-+]?[0-9]+$/.test(value) ? value : yamlDoubleQuoted(value);
    case 'number':
      if (Number.isNaN(value)) return '.nan';
      if (value === Infinity) return '.inf';
      if (value === -Infinity) return '-.inf';
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value === null) return 'null';
      throw new EncodeError(`yaml: expected a string, number, boolean or null, got ${describe(value)}`);
  }
}

// ---------------------------------------------------------------------------------------------- JSON

/**
 * `JSON.stringify`, strict and safe to embed in an HTML `<script>` element: `</` and `<!--` are written
 * `\u003c/` and `\u003c!--`, and U+2028/U+2029 (line terminators in older JavaScript) as escapes; all
 * of these are ordinary JSON escapes, so `JSON.parse` gives the value back. Refuses what JSON would
 * silently change: undefined at the top, non-finite numbers (JSON writes null), bigints.
 */
export function jsonValue(value: unknown, indent?: number): string {
  if (indent !== undefined && (!Number.isInteger(indent) || indent < 0 || indent > 10)) {
    throw new EncodeError(`json: indent must be a whole number from 0 to 10, got ${String(indent)}`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === 'number' && !Number.isFinite(v)) throw new EncodeError(`json: ${v} has no JSON form`);
        if (typeof v === 'bigint') throw new EncodeError('json: a bigint has no exact JSON form (pass it as a string)');
        return v;
      },
      indent,
    );
  } catch (err) {
    if (err instanceof EncodeError) throw err;
    throw new EncodeError(`json: ${(err as Error).message}`);
  }
  if (text === undefined) throw new EncodeError(`json: ${describe(value)} has no JSON form`);
  return text.replace(/<(?=\/|!--)/g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// --------------------------------------------------------------------------------------------- Shell

/** Words that mean the same to sh quoted or not (no `=`, which would make a leading word an assignment). */
const SHELL_PLAIN = /^[A-Za-z0-9_@%+:,./-]+$/;

/**
 * One POSIX shell word that expands to exactly `value`: left bare when it has only safe characters,
 * else in single quotes with each `'` written `'\''`. NUL cannot be in a shell word and is refused.
 */
export function shellWord(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else if (typeof value === 'bigint') s = String(value);
  else throw new EncodeError(`shell: expected a string or a finite number, got ${describe(value)}`);
  wellFormed(s, 'shell');
  if (s.includes('\0')) throw new EncodeError('shell: a NUL character cannot be passed in a shell word');
  if (SHELL_PLAIN.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// -------------------------------------------------------------------------------------------- dotenv

const ENV_PLAIN = /^[A-Za-z0-9_@%+:,./=-]+$/;

/**
 * The value part of a `KEY=value` line that Docker Compose (`env_file:` and `.env`, compose-go v2
 * dotenv parser) and systemd (`EnvironmentFile=`, src/basic/env-file.c) both read back as `value`.
 *
 * The subset used:
 *  - only `A–Z a–z 0–9 _ @ % + : , . / = -`: bare (`eoffice`, `https://host/path`). Neither reader
 *    changes such a word: no `$` (compose interpolates), no `\` (systemd unescapes), no space, no `#`
 *    (compose cuts ` #…`), no quote;
 *  - no `'` in it: single quotes, `'…'`. Both take the content literally: no escapes, no `$`
 *    interpolation in compose, newlines kept;
 *  - a `'` in it: double quotes, with `\` `"` `$` written `\\` `\"` `\$`. systemd unescapes exactly
 *    those (and keeps a backslash before anything else); compose-go v2 unescapes `\\` `\"` and turns
 *    `\$` into a literal `$`. A backtick stays as it is (systemd would also unescape `` \` ``, compose
 *    would not, so it is never escaped).
 * Refused: NUL (an environment string cannot hold it), a lone surrogate, and a value ending in `\`
 * (compose-go takes `\'` and `\"` as an escaped quote even after another backslash, so the closing
 * quote would be lost).
 * Known gaps: compose-go v1 (older docker compose v2 releases) trimmed a trailing `"` off a
 * double-quoted value, so a value with both a `'` and a trailing `"` reads back shorter there; and an
 * empty value is "" for `EnvironmentFile=` but skipped as invalid by systemd's environment.d reader.
 * The reference readers of both, written from their source, are in test/render/env-readers.ts.
 */
export function envValue(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else if (typeof value === 'bigint') s = String(value);
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else throw new EncodeError(`env: expected a string, finite number or boolean, got ${describe(value)}`);
  wellFormed(s, 'env');
  if (s.includes('\0')) throw new EncodeError('env: a NUL character cannot be in an environment variable');
  if (s.endsWith('\\')) {
    throw new EncodeError('env: a value ending in a backslash cannot be written so that both docker compose and systemd read it back');
  }
  if (ENV_PLAIN.test(s)) return s;
  if (!s.includes("'")) return `'${s}'`;
  return `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}
