/**
 * A reader for the plain shape of YAML that profiles are written in, and nothing else: block
 * mappings and sequences indented with spaces, one-line flow mappings and sequences of scalars,
 * plain and quoted one-line scalars, comments. It gives exactly what js-yaml gives for such a text
 * (core schema) and gives up — returns undefined — on anything else: anchors, aliases, tags,
 * directives, block scalars, multi-line scalars, tabs, CR line ends, duplicate keys, numbers other
 * than plain decimal integers, keys other than plain words. The caller then falls back to js-yaml
 * (and on any problem to the position-keeping parser), so giving up is always safe; reading a
 * text differently from js-yaml is the one thing this must never do, and a differential property
 * test holds it to that.
 *
 * Why it exists: a national set of profiles is 12 MiB of YAML, and a general parser spends most of
 * `validate`'s time on it; this reads the same text several times faster because every line of a
 * profile is one of a few simple forms.
 */

/** Anything js-yaml refuses as unprintable, or that may be a line break in one YAML reading but not another. */
const AWKWARD = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** A key this reader takes: a plain word, which the core schema reads as itself. */
const KEY = /^[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*$/;
/** Words the core schema reads as null or a boolean: as keys they would not read as themselves. */
const NOT_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
/** Every other number form of the core schema; such a value is left to js-yaml. */
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
/** Escapes that mean the same in a YAML double-quoted scalar and a JSON string. */
const JSON_ESCAPES = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;
const MAX_DEPTH = 100;

const MAX_KEYS = 4096;

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/** The data of a plain profile text, or undefined when js-yaml must read it. */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  if (AWKWARD.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (err) {
    if (err instanceof GiveUp || err instanceof RangeError) return undefined;
    throw err;
  }
}

class Reader {
  private readonly text: string;
  /** The current content line: where its content starts, where it ends, and its indentation; `at` is -1 past the end. */
  private at = -1;
  private end = 0;
  private indent = -1;
  private depth = 0;
  private readonly keys = KEYS;

  constructor(text: string) {
    this.text = text;
    this.advance(0);
  }

  document(): Record<string, unknown> | undefined {
    if (this.at < 0) return undefined;
    if (this.indent !== 0 || this.isSequenceItem()) return undefined;
    const root = this.mapping(0);
    if (this.at >= 0) giveUp();
    return root;
  }

  /** Moves to the first line from offset `from` on with content (not blank, not a comment). */
  private advance(from: number): void {
    const text = this.text;
    while (from < text.length) {
      let end = text.indexOf('\n', from);
      if (end < 0) end = text.length;
      let at = from;
      while (text.charCodeAt(at) === 32) at++;
      if (at === end || text.charCodeAt(at) === 35 /* # */) {
        from = end + 1;
        continue;
      }
      if (at === from && (text.startsWith('---', at) || text.startsWith('...', at) || text.charCodeAt(at) === 37 /* % */)) giveUp();
      this.at = at;
      this.end = end;
      this.indent = at - from;
      return;
    }
    this.at = -1;
    this.indent = -1;
  }

  private isSequenceItem(): boolean {
    const t = this.text;
    const at = this.at;
    return t.charCodeAt(at) === 45 /* - */ && (at + 1 === this.end || t.charCodeAt(at + 1) === 32);
  }

  /** A block mapping whose keys stand at `indent`, starting at the current line. */
  private mapping(indent: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) giveUp();
    const out: Record<string, unknown> = {};
    const text = this.text;
    while (this.at >= 0 && this.indent === indent) {
      if (this.isSequenceItem()) giveUp();
      const colon = keyEnd(text, this.at, this.end);
      if (colon < 0) giveUp();
      const key = this.keys.take(text, this.at, colon, keyHash);
      if (Object.hasOwn(out, key)) giveUp();
      out[key] = this.valueAfter(colon + 1, indent, true);
    }
    if (this.indent > indent) giveUp();
    this.depth--;
    return out;
  }

  /** A block sequence whose dashes stand at `indent`. */
  private sequence(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) giveUp();
    const out: unknown[] = [];
    const text = this.text;
    while (this.at >= 0 && this.indent === indent && this.isSequenceItem()) {
      let item = this.at + 1;
      while (text.charCodeAt(item) === 32) item++;
      const c = text.charCodeAt(item);
      if (item === this.end || c === 35 /* # */) {
        out.push(this.valueAfter(item, indent, false));
        continue;
      }
      if (c === 45 /* - */ && (item + 1 === this.end || text.charCodeAt(item + 1) === 32)) giveUp();
      if (keyEnd(text, item, this.end) >= 0) {
        // `- key: value`: a mapping whose keys stand where this first key does.
        this.indent += item - this.at;
        this.at = item;
        out.push(this.mapping(this.indent));
      } else {
        out.push(this.valueAfter(this.at + 1, indent, false));
      }
    }
    if (this.indent > indent) giveUp();
    this.depth--;
    return out;
  }

  /**
   * The value that follows a key's colon or an item's dash on the current line, from offset
   * `from`, moving past it. Nothing there means a nested block on the lines below, or null.
   */
  private valueAfter(from: number, indent: number, inMapping: boolean): unknown {
    const value = stripComment(this.text, from, this.end);
    this.advance(this.end + 1);
    if (value !== '') return inlineValue(value, this.keys);
    if (this.at < 0) return null;
    if (this.indent > indent) return this.isSequenceItem() ? this.sequence(this.indent) : this.mapping(this.indent);
    // A mapping's value may be a sequence whose dashes stand at the key's own indentation.
    if (inMapping && this.indent === indent && this.isSequenceItem()) return this.sequence(indent);
    return null;
  }
}

/** The hash of the characters keyEnd last read (a module-level register: no allocation per key). */
let keyHash = 0;

/**
 * Where the colon ending a plain key that starts at `from` is (`key:` then a space or `end`, the
 * end of the line), or -1; leaves the key's hash in keyHash.
 */
function keyEnd(s: string, from: number, end: number): number {
  let h = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 /* : */) {
      keyHash = h;
      return i + 1 === end || s.charCodeAt(i + 1) === 32 ? i : -1;
    }
    // Letters, digits, `_`, `-`, `.` only: anything else is not a key this reader takes.
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46)) return -1;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return -1;
}

/**
 * The keys met so far (in this process), as the engine's own (internalized) strings, found by the
 * hash keyEnd leaves.
 * A profile repeats a few dozen keys hundreds of thousands of times; taking a slice of the line
 * for each and checking it would cost more than all the rest of the reading.
 */
class KeyTable {
  private readonly byHash = new Map<number, string[]>();
  private size = 0;

  /** The key at s[from, end), or gives up when it is not a plain word read as itself. */
  take(s: string, from: number, end: number, hash: number): string {
    const length = end - from;
    const candidates = this.byHash.get(hash);
    if (candidates) {
      for (const k of candidates) if (k.length === length && s.startsWith(k, from)) return k;
    }
    const key = s.slice(from, end);
    if (!KEY.test(key) || NOT_KEYS.has(key)) giveUp();
    // A key of a literal object is internalized: the one the objects built here will share.
    const own = Object.keys({ [key]: 0 })[0]!;
    // Bounded: a file of made-up keys must not grow it without end (past the bound, keys are sliced).
    if (this.size < MAX_KEYS) {
      this.size++;
      if (candidates) candidates.push(own);
      else this.byHash.set(hash, [own]);
    }
    return own;
  }
}

/** The text of a value in s[from, end) without a trailing comment and spaces; a comment needs a space before `#`. */
function stripComment(s: string, from: number, end: number): string {
  let start = from;
  while (start < end && s.charCodeAt(start) === 32) start++;
  if (start === end) return '';
  const c = s.charCodeAt(start);
  if (c === 35 /* # */) return '';
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const close = quotedEnd(s, start, end);
    let after = close;
    while (after < end && s.charCodeAt(after) === 32) after++;
    if (after < end && !(after > close && s.charCodeAt(after) === 35)) giveUp();
    return s.slice(start, close);
  }
  for (let i = start + 1; i < end; i++) {
    if (s.charCodeAt(i) === 35 && s.charCodeAt(i - 1) === 32) {
      end = i;
      break;
    }
  }
  while (end > start && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(start, end);
}

/** The index just past the quoted scalar opening at `start`; gives up when it does not close before `end`. */
function quotedEnd(s: string, start: number, end: number): number {
  const q = s.charCodeAt(start);
  for (let i = start + 1; i < end; i++) {
    const c = s.charCodeAt(i);
    if (q === 34 && c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === q) {
      if (q === 39 && s.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return giveUp();
}

/** A value written on the key's or dash's own line: a scalar, or a one-line flow collection. */
function inlineValue(v: string, keys: KeyTable): unknown {
  const c = v.charCodeAt(0);
  if (c === 123 /* { */) return flow(v, 125, keys);
  if (c === 91 /* [ */) return flow(v, 93, keys);
  return scalar(v);
}

/** A one-line flow mapping or sequence of scalars: `{a: 1, b: "x"}`, `[a, b]`. */
function flow(v: string, close: number, keys: KeyTable): unknown {
  if (v.charCodeAt(v.length - 1) !== close) giveUp();
  const isMap = close === 125;
  const out: Record<string, unknown> | unknown[] = isMap ? {} : [];
  let i = 1;
  const end = v.length - 1;
  while (v.charCodeAt(i) === 32) i++;
  if (i === end) return out;
  for (;;) {
    let key: string | undefined;
    if (isMap) {
      const colon = keyEnd(v, i, v.length);
      if (colon < 0 || colon + 1 === v.length) giveUp();
      key = keys.take(v, i, colon, keyHash);
      if (Object.hasOwn(out, key)) giveUp();
      i = colon + 1;
      while (v.charCodeAt(i) === 32) i++;
    }
    let itemEnd: number;
    const c = v.charCodeAt(i);
    if (c === 34 || c === 39) {
      itemEnd = quotedEnd(v, i, end);
    } else {
      itemEnd = i;
      while (itemEnd < end) {
        const d = v.charCodeAt(itemEnd);
        if (d === 44 /* , */) break;
        // Brackets, braces, `: ` and ` #` mean more than a plain scalar: js-yaml decides.
        if (d === 91 || d === 93 || d === 123 || d === 125 || d === 58 || d === 35) giveUp();
        itemEnd++;
      }
    }
    let text = v.slice(i, itemEnd);
    let after = itemEnd;
    while (v.charCodeAt(after) === 32) after++;
    if (c !== 34 && c !== 39) text = text.trimEnd();
    if (text === '') giveUp();
    const value = scalar(text);
    if (isMap) (out as Record<string, unknown>)[key!] = value;
    else (out as unknown[]).push(value);
    if (after === end) return out;
    if (v.charCodeAt(after) !== 44) giveUp();
    i = after + 1;
    while (v.charCodeAt(i) === 32) i++;
    // A trailing comma, or an empty entry: js-yaml decides.
    if (i >= end || v.charCodeAt(i) === 44) giveUp();
  }
}

/** Shared by every text read in this process: profiles repeat the same keys. */
const KEYS = new KeyTable();

/** Characters that cannot start a plain scalar (or that js-yaml reads specially there). */
const INDICATOR = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;

/**
 * One scalar, as the core schema reads it. In a flow collection the caller has already given up
 * on brackets, braces, `:` and `#` in a plain scalar.
 */
function scalar(v: string): unknown {
  const c = v.charCodeAt(0);
  if (c === 34 /* " */) {
    if (quotedEnd(v, 0, v.length) !== v.length) giveUp();
    const inner = v.slice(1, -1);
    if (!inner.includes('\\')) return inner;
    if (inner.replace(JSON_ESCAPES, '').includes('\\')) giveUp();
    return JSON.parse(v) as string;
  }
  if (c === 39 /* ' */) {
    if (quotedEnd(v, 0, v.length) !== v.length) giveUp();
    return v.slice(1, -1).replaceAll("''", "'");
  }
  if (c < 128 && INDICATOR[c] === 1) giveUp();
  if (v.includes(': ') || v.charCodeAt(v.length - 1) === 58) giveUp();
  // Only these can start a null, a boolean or a number; any other plain scalar is a string.
  if (c === 126 /* ~ */ || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) {
    if (NULLS.has(v)) return null;
    const bool = BOOLS.get(v);
    if (bool !== undefined) return bool;
  } else if ((c >= 48 && c <= 57) || c === 43 /* + */ || c === 46 /* . */) {
    if (DECIMAL.test(v)) return Number(v);
    if (OTHER_NUMBER.test(v)) giveUp();
  }
  return v;
}
