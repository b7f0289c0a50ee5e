/**
 * Test helpers for the domain rules: take the valid Kota Banjar fixture, edit it through the `yaml`
 * Document API (so comments and layout survive and each edit lands on a known line), validate the
 * result, and find the diagnostics of one rule.
 *
 * `lineOf` computes where a JSON pointer sits in the edited text on its own (a fresh parse with a
 * `LineCounter`), so a test checks the line a diagnostic names against something the validator did
 * not compute.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { LETTER_NUMBER_TOKENS } from '../../src/domain/letter-number.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Diagnostic, Severity } from '../../src/validate/diagnostic.js';
import { validateText } from '../../src/validate/validate-profile.js';

export const FIXTURE_PATH = new URL('../fixtures/kota-banjar.yaml', import.meta.url);
export const FIXTURE_TEXT = readFileSync(FIXTURE_PATH, 'utf8');
/** NIP "TMT in the future" checks are made against this day, never the real one. */
export const TODAY = new Date('2026-11-23');

export type Path = readonly (string | number)[];
export type Edit = (doc: Document) => void;

/** Sets the value at `path` (creating maps on the way). */
export const set = (path: Path, value: unknown): Edit => (doc) => doc.setIn(path, value);
/** Removes the value at `path`. */
export const del = (path: Path): Edit => (doc) => {
  doc.deleteIn(path);
};
/** Appends `value` to the sequence at `path`. */
export const add = (path: Path, value: unknown): Edit => (doc) => doc.addIn(path, value);

/** Parsed once; each edit works on a clone (cloning is a few times cheaper than parsing). */
const FIXTURE_DOC = parseDocument(FIXTURE_TEXT);

/** The fixture with `edits` applied, as YAML text (long lines are never folded). */
export function edited(...edits: Edit[]): string {
  const doc = FIXTURE_DOC.clone();
  for (const e of edits) e(doc);
  return doc.toString({ lineWidth: 0 });
}

export interface RunOptions {
  lang?: Lang;
  /** Defaults to TODAY. */
  today?: Date;
}

/** The same text is often validated more than once in a test (both languages, several findings). */
const validated = new Map<string, Diagnostic[]>();

/** Validates YAML text, refusing (failing the test) when the schema, not a domain rule, rejected it. */
export function validate(text: string, options: RunOptions = {}): Diagnostic[] {
  const lang = options.lang ?? 'id';
  const today = options.today ?? TODAY;
  const key = `${lang}|${today.toISOString()}|${text}`;
  const cached = validated.get(key);
  if (cached) return structuredClone(cached);
  const result = validateText('regency.yaml', text, { lang, today });
  const foreign = result.diagnostics.filter((d) => d.rule === 'schema' || d.rule === 'internal' || d.rule.startsWith('yaml-') || d.rule.startsWith('file-'));
  if (foreign.length > 0) {
    throw new Error(`the edited profile did not reach the domain rules:\n${foreign.map((d) => `  ${d.rule} ${d.path} ${d.message}`).join('\n')}`);
  }
  if (validated.size > 200) validated.clear();
  validated.set(key, structuredClone(result.diagnostics));
  return result.diagnostics;
}

/** The diagnostics one rule gave for the fixture with `edits` applied. */
export function diagnosticsOf(rule: string, edits: Edit[], options: RunOptions = {}): { text: string; found: Diagnostic[] } {
  const text = edited(...edits);
  return { text, found: validate(text, options).filter((d) => d.rule === rule) };
}

export interface Expected {
  severity: Severity;
  path: string;
  /** Each must occur in the message. */
  mentions?: readonly string[];
  /** Picks among several diagnostics of the rule at the same path. */
  match?: RegExp;
  /** Checked against `lineOf(text, path)` unless given. */
  line?: number;
  lang?: Lang;
}

/**
 * Asserts that the rule reports exactly one diagnostic at `path` (matching `match`), with the
 * severity, the independently computed line, a non-empty hint and a message mentioning each of
 * `mentions`; returns it for further checks.
 */
export function expectFinding(rule: string, edits: Edit[], want: Expected, options: RunOptions = {}): Diagnostic & { text: string } {
  const lang = want.lang ?? options.lang ?? 'id';
  const { text, found } = diagnosticsOf(rule, edits, { ...options, lang });
  const at = found.filter((d) => d.path === want.path && (want.match === undefined || want.match.test(d.message)));
  expect(at, `${rule} at ${want.path}${want.match ? ` matching ${want.match}` : ''}; got ${JSON.stringify(found, null, 1)}`).toHaveLength(1);
  const d = at[0]!;
  expect(d.rule).toBe(rule);
  expect(d.severity).toBe(want.severity);
  expect(d.line).toBe(want.line ?? lineOf(text, want.path));
  expect(d.line).toBeGreaterThan(0);
  expect(d.column).toBeGreaterThan(0);
  expect(d.hint?.trim() ?? '').not.toBe('');
  expect(d.message.trim()).not.toBe('');
  // Every placeholder was filled (letter-number messages quote template tokens, which look alike).
  if (rule !== 'letter-number-template') {
    const unfilled = [...d.message.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!).filter((name) => !(LETTER_NUMBER_TOKENS as readonly string[]).includes(name));
    expect(unfilled, d.message).toEqual([]);
  }
  for (const m of want.mentions ?? []) expect(d.message).toContain(m);
  return { ...d, text };
}

/** No diagnostic of `rule` for the fixture with `edits` applied (none: the fixture itself). */
export function expectNone(rule: string, edits: Edit[] = [], options: RunOptions = {}): void {
  const { found } = diagnosticsOf(rule, edits, options);
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);
}

const INDONESIAN = /\b(tidak|bukan|dengan|tanpa|sudah|harus|yang|adalah|berisi|kedua|ganda|dari|untuk|belum|punya|sesuai|usia|angka|pola|atau|tambahkan|periksa|tulis)\b/i;

/**
 * Asserts the finding as `expectFinding` does, in English (`--lang en`): `mentions` are English
 * phrases, the message has no Indonesian words and differs from the Indonesian one.
 */
export function expectEnglish(rule: string, edits: Edit[], want: Omit<Expected, 'lang'>, options: RunOptions = {}): Diagnostic {
  const en = expectFinding(rule, edits, { ...want, lang: 'en' }, options);
  expect(en.message).not.toMatch(INDONESIAN);
  expect(en.hint).not.toMatch(INDONESIAN);
  const id = diagnosticsOf(rule, edits, { ...options, lang: 'id' }).found.filter((d) => d.path === want.path);
  expect(id.length).toBeGreaterThan(0);
  expect(id.map((d) => d.message)).not.toContain(en.message);
  return en;
}

// ---------------------------------------------------------------------------------------------
// Where a pointer lies in the text, computed apart from the validator.

function walk(doc: Document, segments: readonly string[]): { node: Node | null; keyNode: Node | null; parentIsSeq: boolean } {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  let parentIsSeq = false;
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) throw new Error(`no key "${seg}" in the edited YAML`);
      keyNode = pair.key as Node;
      node = pair.value;
      parentIsSeq = false;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) throw new Error(`no item ${seg} in the edited YAML`);
      keyNode = null;
      node = item;
      parentIsSeq = true;
    } else {
      // Aliases are not followed: the edits these tests make never create one.
      throw new Error(`cannot step into "${seg}": not a map or sequence (an alias?)`);
    }
  }
  return { node: (node as Node | null) ?? null, keyNode, parentIsSeq };
}

/** The last text `lineOf` parsed: a test asks about one edited text several times. */
let lastParsed: { text: string; doc: Document; lc: LineCounter } | undefined;

/**
 * The 1-based line a diagnostic about `pointer` should name: a scalar value's own line; for a map
 * or sequence (or an empty value) under a key, the key's line; for a sequence item, the line where
 * the item starts; for the whole document, its first content line.
 */
export function lineOf(text: string, pointer: string): number {
  if (lastParsed?.text !== text) {
    const lc = new LineCounter();
    lastParsed = { text, doc: parseDocument(text, { lineCounter: lc }), lc };
  }
  const { doc, lc } = lastParsed;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const { node, keyNode, parentIsSeq } = walk(doc, segments);
  let offset: number | undefined;
  if (segments.length === 0) offset = node?.range?.[0];
  else if (parentIsSeq) offset = node?.range?.[0];
  else if (node && isScalar(node) && node.range) offset = node.range[0];
  else offset = keyNode?.range?.[0];
  if (offset === undefined) throw new Error(`no position for ${pointer}`);
  return lc.linePos(offset).line;
}

/**
 * The 1-based line of the only line of `text` containing `needle` (a string, or a pattern tested
 * against each line): a second, purely textual check.
 */
export function lineContaining(text: string, needle: string | RegExp): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)) ? [i + 1] : []);
  if (hits.length !== 1) throw new Error(`"${needle}" is on ${hits.length} lines of the edited YAML`);
  return hits[0]!;
}
