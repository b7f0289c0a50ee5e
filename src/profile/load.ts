import { readFile, stat } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, isAlias, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../validate/diagnostic.js';
import { parsePointer } from '../validate/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { loaderMessage, type LoaderProblem } from './loader-messages.js';

/** Profiles are small; anything larger is a mistake (or an attack), not a regency. */
export const MAX_PROFILE_BYTES = 16 * 1024 * 1024;
/** Aliases are allowed, but a "billion laughs" expansion must fail fast. */
export const MAX_ALIAS_COUNT = 200;

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
  let size: number;
  try {
    const st = await stat(file);
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
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, diagnostics: [problem('file-unreadable', lang, undefined, { reason: code ?? String(err) })] };
  }
  return parseYamlText(file, bytes, lang);
}

/** Decodes and parses; exported for tests and for profiles that do not come from disk. */
export function parseYamlText(file: string, bytes: Uint8Array | string, lang: Lang): LoadResult {
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    if (bytes.includes(0)) return { ok: false, diagnostics: [problem('file-binary', lang)] };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, diagnostics: [problem('file-not-utf8', lang)] };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > MAX_PROFILE_BYTES) {
    return { ok: false, diagnostics: [problem('file-too-large', lang, undefined, { size: text.length, max: MAX_PROFILE_BYTES })] };
  }
  if (text.includes('\0')) return { ok: false, diagnostics: [problem('file-binary', lang)] };
  if (text.trim() === '' || /^(\s*#[^\n]*\n?|\s*---\s*\n?|\s+)*$/.test(text)) {
    return { ok: false, diagnostics: [problem('file-empty', lang)] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
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
    return {
      ok: false,
      diagnostics: issues.map((e) => {
        const kind: LoaderProblem =
          e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'TAG_RESOLVE_FAILED' ? 'yaml-unknown-tag' : 'yaml-syntax';
        // The library's own message names the problem precisely; keep its first line.
        const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return problem(kind, lang, pos(e.pos[0]), { detail });
      }),
    };
  }
  if (doc.contents === null) return { ok: false, diagnostics: [problem('file-empty', lang)] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError || /alias/i.test(String(err))) {
      return { ok: false, diagnostics: [problem('yaml-alias-limit', lang, pos(0), { max: MAX_ALIAS_COUNT })] };
    }
    throw err;
  }
  return { ok: true, doc: { file, data, locate: (ptr, options) => locate(doc, ptr, options?.key ?? false, pos) } };
}

function locate(doc: Document, ptr: string, wantKey: boolean, pos: (offset: number) => Position): Position {
  let node: unknown = doc.contents;
  let last: Node | null = isNode(node) ? node : null;
  const segments = parsePointer(ptr);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      const isLast = i === segments.length - 1;
      if (isLast && wantKey && isScalar(pair.key)) {
        last = pair.key;
        break;
      }
      node = pair.value;
      // A key with no value (`nip:`) has no value node, and a finding about a whole section reads
      // best at the line that names it: point at the key in both cases.
      const collection = isMap(node) || isSeq(node);
      last = isNode(node) && node.range && !(isLast && collection) ? node : isScalar(pair.key) ? pair.key : last;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)];
      if (!isNode(node)) break;
      last = node;
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
