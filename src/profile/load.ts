import { readFileSync, statSync } from 'node:fs';
import { load as fastLoad } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../validate/diagnostic.js';
import { parsePointer } from '../validate/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { loaderMessage, type LoaderProblem } from './loader-messages.js';
import { readPlainYaml } from './plain-yaml.js';

/** Profiles are small; anything larger is a mistake (or an attack), not a regency. */
// `yaml` keeps source positions but takes ~35 ms to load; a plain valid file never needs it (js-yaml
// reads it), so it is loaded on first use: a file the fast path refuses, or a diagnostic's position.
let yamlLib: typeof YamlLib | undefined;
const Y = (): typeof YamlLib => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib);

export const MAX_PROFILE_BYTES = 16 * 1024 * 1024;
/** Aliases are allowed, but a "billion laughs" expansion must fail fast. */
export const MAX_ALIAS_COUNT = 200;
/** A profile is a few levels deep; hundreds of levels is an attack on the recursive parser. */
export const MAX_NESTING = 100;

export interface Position {
  line: number;
  column: number;
}

/** A parsed YAML document that still knows where each value came from. */
export interface SourceDocument {
  file: string;
  data: unknown;
  /** 1-based position of the value at a JSON pointer; with `key`, of the key naming it. */
  locate(pointer: string, options?: { key?: boolean }): Position;
}

export type LoadResult = { ok: true; doc: SourceDocument } | { ok: false; diagnostics: Diagnostic[] };

function problem(p: LoaderProblem, lang: Lang, pos: Position = { line: 0, column: 0 }, params: Record<string, unknown> = {}): Diagnostic {
  const m = loaderMessage(p, lang, params);
  return { rule: p, severity: 'error', message: m.message, hint: m.hint, path: '', line: pos.line, column: pos.column };
}

/** Reads a file, refusing what is not a profile-sized UTF-8 text file with its own message. */
export async function loadYamlFile(file: string, lang: Lang): Promise<LoadResult> {
  const text = await readProfileText(file, lang);
  return text.ok ? documentOf(file, text.text, lang) : text;
}

export type TextResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };
/** A file's text, with the bytes it was decoded from. */
export type FileTextResult = { ok: true; text: string; bytes: Buffer } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The file's text, or why it is not a profile-sized UTF-8 text file (missing, a directory, binary…).
 * Read synchronously: a profile is small and the work after reading is all on this thread, so the
 * thread pool's round trips (five per file) cost more than they overlap — a tenth of the time of
 * a national batch, measured.
 */
export async function readProfileText(file: string, lang: Lang): Promise<FileTextResult> {
  return readProfileTextSync(file, lang);
}

function readProfileTextSync(file: string, lang: Lang): FileTextResult {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { ok: false, diagnostics: [problem('file-is-directory', lang)] };
    if (!st.isFile()) return { ok: false, diagnostics: [problem('file-not-regular', lang)] };
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, diagnostics: [problem('file-missing', lang)] };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, diagnostics: [problem('file-unreadable', lang, undefined, { reason: code })] };
    return { ok: false, diagnostics: [problem('file-unreadable', lang, undefined, { reason: code ?? String(err) })] };
  }
  if (size > MAX_PROFILE_BYTES) {
    return { ok: false, diagnostics: [problem('file-too-large', lang, undefined, { size, max: MAX_PROFILE_BYTES })] };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, diagnostics: [problem('file-unreadable', lang, undefined, { reason: code ?? String(err) })] };
  }
  const text = decodeProfileText(bytes, lang);
  return text.ok ? { ...text, bytes } : text;
}

/** Decodes and parses; exported for tests and for profiles that do not come from disk. */
export function parseYamlText(file: string, bytes: Uint8Array | string, lang: Lang): LoadResult {
  const text = decodeProfileText(bytes, lang);
  return text.ok ? documentOf(file, text.text, lang) : text;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text without a BOM, refusing binary, oversized and empty input with their own messages. */
export function decodeProfileText(bytes: Uint8Array | string, lang: Lang): TextResult {
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    if (bytes.length > MAX_PROFILE_BYTES) {
      return { ok: false, diagnostics: [problem('file-too-large', lang, undefined, { size: bytes.length, max: MAX_PROFILE_BYTES })] };
    }
    if (bytes.includes(0)) return { ok: false, diagnostics: [problem('file-binary', lang)] };
    try {
      text = UTF8.decode(bytes);
    } catch {
      return { ok: false, diagnostics: [problem('file-not-utf8', lang)] };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > MAX_PROFILE_BYTES) {
    return { ok: false, diagnostics: [problem('file-too-large', lang, undefined, { size: text.length, max: MAX_PROFILE_BYTES })] };
  }
  if (text.includes('\0')) return { ok: false, diagnostics: [problem('file-binary', lang)] };
  if (!hasContent(text)) return { ok: false, diagnostics: [problem('file-empty', lang)] };
  return { ok: true, text };
}

/**
 * The document of a decoded text. `fast` is js-yaml's reading of it when another thread already
 * made it (`{data: undefined}`: js-yaml refused it); without it, it is made here.
 */
export function documentOf(file: string, text: string, lang: Lang, fast: { data: unknown } = { data: fastParse(text) }): LoadResult {
  // Fast path: a plain file (no aliases, tags, directives; one document; no duplicate keys) is read
  // by js-yaml, ~13× faster than the position-keeping parser, which then runs only when a diagnostic
  // needs a line and column. Anything js-yaml refuses takes the full path below, which is the
  // authority on what is wrong and where.
  if (fast.data !== undefined) {
    let located: ((ptr: string, key: boolean) => Position) | undefined;
    return {
      ok: true,
      doc: {
        file,
        data: fast.data,
        locate: (ptr, options) => {
          located ??= positionIndex(text);
          return located(ptr, options?.key ?? false);
        },
      },
    };
  }

  const lineCounter = new (Y().LineCounter)();
  const doc = Y().parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  const issues = [...doc.errors, ...doc.warnings];
  if (issues.length > 0) {
    // One mistake often trips several parser errors on the same line; the first says it best.
    const lines = new Set<number>();
    const diagnostics: Diagnostic[] = [];
    for (const e of issues) {
      // An unclosed quote is found at the end of the file; the mistake is where the quote opens.
      const opening = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? quoteEndingAt(doc, e.pos[0]) : undefined;
      const at = pos(opening ?? e.pos[0]);
      if (lines.has(at.line)) continue;
      lines.add(at.line);
      if (/Maximum call stack/i.test(e.message)) {
        diagnostics.push(problem('yaml-too-deep', lang, at, { max: MAX_NESTING }));
        continue;
      }
      if (e.code === 'MULTIPLE_DOCS') {
        diagnostics.push(problem('yaml-multiple-documents', lang, at));
        continue;
      }
      const kind: LoaderProblem =
        e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'TAG_RESOLVE_FAILED' ? 'yaml-unknown-tag' : 'yaml-syntax';
      // The library's own message names the problem precisely; keep its first line.
      let detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      if (kind === 'yaml-duplicate-key') detail = `\`${keyAt(doc, e.pos[0]) ?? text.slice(e.pos[0], e.pos[1])}\``;
      diagnostics.push(problem(kind, lang, at, { detail }));
    }
    return { ok: false, diagnostics };
  }
  if (doc.contents === null) return { ok: false, diagnostics: [problem('file-empty', lang)] };

  let wrong: Structure | undefined;
  try {
    wrong = structureProblem(doc);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    wrong = { problem: 'yaml-too-deep', node: doc.contents as Node, name: '' };
  }
  if (wrong) return { ok: false, diagnostics: [problem(wrong.problem, lang, pos(wrong.node.range?.[0] ?? 0), { name: wrong.name, max: MAX_NESTING })] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError && /excessive alias/i.test(err.message)) {
      return { ok: false, diagnostics: [problem('yaml-alias-limit', lang, pos(0), { max: MAX_ALIAS_COUNT })] };
    }
    throw err;
  }
  // `---` alone, or `null`: a document with nothing in it.
  if (data === null || data === undefined) return { ok: false, diagnostics: [problem('file-empty', lang)] };
  return { ok: true, doc: { file, data, locate: (ptr, options) => locate(doc, ptr, options?.key ?? false, pos) } };
}

/** js-yaml's reading of a plain file, or undefined when the full path must decide (see documentOf). */
export function fastParse(text: string): unknown {
  // Most profiles are written in a plain shape that a reader made for it takes several times
  // faster than js-yaml, with the same result; it gives up on anything else.
  const plain = readPlainYaml(text);
  if (plain !== undefined) return plain;
  try {
    const data = fastLoad(text, { maxAliases: 0, json: false });
    // An empty or scalar document is left to the full path, which says what is wrong with it.
    return data !== null && typeof data === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Positions only, for a text already known to parse cleanly. */
function positionIndex(text: string): (ptr: string, key: boolean) => Position {
  const lineCounter = new (Y().LineCounter)();
  const doc = Y().parseDocument(text, { lineCounter, version: '1.2', schema: 'core', uniqueKeys: false, merge: false, keepSourceTokens: false });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return (ptr, key) => locate(doc, ptr, key, pos);
}

/** Whether anything but blank lines, comments and document markers is there. Linear: no regex backtracking. */
function hasContent(text: string): boolean {
  // Line by line without splitting the whole file: a profile's first line of content is near the top.
  const lineBreak = /\r?\n|\r/g;
  let start = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const t = text.slice(start, m ? m.index : text.length).trim();
    if (t !== '' && !t.startsWith('#') && t !== '---' && t !== '...') return true;
    if (!m) return false;
    start = m.index + m[0].length;
  }
}

/** The key whose source starts at an offset, to name it in a duplicate-key message. */
function keyAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  Y().visit(doc, {
    Pair(_, pair) {
      if (Y().isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return Y().visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Where the quoted scalar that runs up to `offset` (unclosed) begins. */
function quoteEndingAt(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  Y().visit(doc, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === offset) {
        found = node.range[0];
        return Y().visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

type Structure = { problem: 'yaml-undefined-alias' | 'yaml-recursive-alias' | 'yaml-complex-key' | 'yaml-too-deep'; node: Node; name: string };

/**
 * What parses as YAML but cannot become a profile: an alias naming no anchor before it (`*x`
 * without `&x`), an alias inside its own anchor (a cycle, which would make the data endless), a
 * mapping or list used as a key, and nesting deeper than any profile needs (the later steps recurse).
 * One walk in document order.
 */
function structureProblem(doc: Document): Structure | undefined {
  const anchors = new Map<string, Node>();
  let found: Structure | undefined;
  Y().visit(doc, {
    Pair(_, pair) {
      if (Y().isMap(pair.key) || Y().isSeq(pair.key)) {
        found = { problem: 'yaml-complex-key', node: pair.key, name: '' };
        return Y().visit.BREAK;
      }
      return undefined;
    },
    Node(_, node, path) {
      if ((Y().isMap(node) || Y().isSeq(node)) && path.filter((p) => Y().isMap(p) || Y().isSeq(p)).length >= MAX_NESTING) {
        found = { problem: 'yaml-too-deep', node, name: '' };
        return Y().visit.BREAK;
      }
      if (Y().isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) found = { problem: 'yaml-undefined-alias', node, name: node.source };
        else if (path.includes(target)) found = { problem: 'yaml-recursive-alias', node, name: node.source };
        return found ? Y().visit.BREAK : undefined;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      return undefined;
    },
  });
  return found;
}

function locate(doc: Document, ptr: string, wantKey: boolean, pos: (offset: number) => Position): Position {
  let node: unknown = doc.contents;
  let last: Node | null = isNode(node) ? node : null;
  const segments = parsePointer(ptr);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (Y().isAlias(node)) node = node.resolve(doc);
    if (Y().isMap(node)) {
      const pair = node.items.find((p) => Y().isPair(p) && Y().isScalar(p.key) && String(p.key.value) === seg);
      // A missing key falls back to its parent, already in `last`.
      if (!pair) break;
      const key = Y().isScalar(pair.key) && pair.key.range ? pair.key : null;
      if (i === segments.length - 1 && wantKey && key) {
        last = key;
        break;
      }
      node = pair.value;
      // A key with no value (`nip:`) has only an empty placeholder, and a section (a mapping or a
      // list, found or fallen back to) reads best at the line that names it: point at the key.
      const empty = !isNode(node) || !node.range || (Y().isScalar(node) && node.range[0] === node.range[1]);
      const collection = Y().isMap(node) || Y().isSeq(node);
      last = key && (empty || collection) ? key : isNode(node) && node.range ? node : last;
    } else if (Y().isSeq(node)) {
      const item: unknown = node.items[Number(seg)];
      if (!/^\d+$/.test(seg) || !isNode(item) || !item.range) break;
      node = item;
      last = item;
    } else {
      break;
    }
  }
  const offset = last?.range?.[0] ?? 0;
  return pos(offset);
}

function isNode(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n;
}
