/**
 * Properties of the loader and the validator over random and mutated profiles: they never throw,
 * every diagnostic has the documented shape, and no rule ever crashes (rule `internal`).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { LETTER_NUMBER_TOKENS } from '../src/domain/letter-number.js';
import { parseYamlText } from '../src/profile/load.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { validateDocument, validateText } from '../src/validate/validate-profile.js';

const FIXTURE = readFileSync(new URL('fixtures/kota-banjar.yaml', import.meta.url), 'utf8');
const BASE = parse(FIXTURE) as Record<string, unknown>;
const TODAY = new Date('2026-06-01');
/** More with EOFFICE_PROPERTY_RUNS=5000 when hunting; the default keeps the file under ~15 s. */
const RUNS = Number(process.env.EOFFICE_PROPERTY_RUNS ?? 400);
const POINTER = /^(\/([^~/]|~[01])*)*$/;

/**
 * A `{word}` left in a message is a placeholder the message forgot to fill, unless it is a letter
 * number token or the generic `{nama}`/`{name}` (which messages show on purpose), or came from the
 * profile itself.
 */
const SHOWN_ON_PURPOSE: readonly string[] = [...LETTER_NUMBER_TOKENS, 'nama', 'name'];
function unfilled(message: string, source: string): string[] {
  return [...message.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[0]).filter((p) => !SHOWN_ON_PURPOSE.includes(p.slice(1, -1)) && !source.includes(p));
}

/** Checks the documented shape; `source` is the YAML text the diagnostics are about. */
function assertShape(diagnostics: readonly Diagnostic[], source?: string): void {
  const lines = source?.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    const where = JSON.stringify(d);
    expect(Object.keys(d).sort(), where).toEqual(['column', 'hint', 'line', 'message', 'path', 'rule', 'severity'].filter((k) => k !== 'hint' || 'hint' in d));
    expect(d.rule, where).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(d.rule, `a rule crashed: ${where}`).not.toBe('internal');
    expect(['error', 'warning'], where).toContain(d.severity);
    expect(typeof d.message, where).toBe('string');
    expect(d.message.trim(), where).not.toBe('');
    expect(d.message, where).not.toMatch(/\n\s+at |\bundefined\b|\[object Object\]/);
    expect(unfilled(`${d.message} ${d.hint ?? ''}`, source ?? ''), where).toEqual([]);
    expect(d.hint === undefined || typeof d.hint === 'string', where).toBe(true);
    expect(d.path, where).toMatch(POINTER);
    expect(Number.isInteger(d.line) && d.line >= 0, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 0, where).toBe(true);
    expect(d.line === 0 ? d.column === 0 : d.column >= 1, `column without a line, or line without a column: ${where}`).toBe(true);
    if (lines !== undefined) expect(d.line, where).toBeLessThanOrEqual(lines + 1);
  }
}

function check(text: string | Uint8Array): void {
  const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  const loaded = parseYamlText('regency.yaml', text, 'en');
  if (!loaded.ok) {
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expect(loaded.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    assertShape(loaded.diagnostics, typeof text === 'string' ? source : undefined);
    return;
  }
  for (const lang of ['en', 'id'] as const) assertShape(validateDocument(loaded.doc, { lang, today: TODAY }), source);
}

// ---- mutations of the fixture's parsed object ----

type Segment = string | number;

/** Every path into the fixture, whole sections and single values alike. */
function pathsOf(value: unknown, at: Segment[] = []): Segment[][] {
  const here = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}
const PATHS = pathsOf(BASE);

const trickyString = fc.oneof(
  fc.constantFrom('', ' ', '{{x}}', '{{{x}}}', '{nomor}/{tahun}', '"', "'", '\\', '\n', '\t', '--- ', '*x', '&x', '!Ref', '%', '::error::x', '<&>', '32.11', '32.79.01.2003', '196805121994031004', 'env:', 'file:', 'env:X', 'IV/c', 'III/a', 'plt', 'a.n.', 'u.b.', 'kemendagri', '__proto__', 'constructor', 'toString', '0', '-1', 'null', 'true', 'ÿ', 'é', '🏙️', '\u200b', '\ud800', 'a'.repeat(300)),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const scalar = fc.oneof(trickyString, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constantFrom(32.11, 0, -0, 1e21, 2 ** 53 + 1, 2025, 2029, 100, -5));
const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'code', 'name', 'nip', 'id', 'from', '', '~', '/'), fc.string({ maxLength: 8 }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(key, tie('any'), { maxKeys: 3 })),
})).any;

type Mutation =
  | { kind: 'delete'; path: Segment[] }
  | { kind: 'replace'; path: Segment[]; value: unknown }
  | { kind: 'insert'; path: Segment[]; key: string; value: unknown }
  | { kind: 'duplicate'; path: Segment[] }
  | { kind: 'swap-type'; path: Segment[]; to: number };

const path = fc.constantFrom(...PATHS);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path }),
  fc.record({ kind: fc.constant('replace' as const), path, value }),
  fc.record({ kind: fc.constant('insert' as const), path, key, value }),
  fc.record({ kind: fc.constant('duplicate' as const), path }),
  fc.record({ kind: fc.constant('swap-type' as const), path, to: fc.nat(6) }),
);

function swapType(v: unknown, to: number): unknown {
  switch (to) {
    case 0: return [v];
    case 1: return { value: v };
    case 2: return typeof v === 'object' ? JSON.stringify(v) : String(v);
    case 3: return Number(typeof v === 'object' ? NaN : v);
    case 4: return v === null || v === undefined ? true : !v;
    case 5: return null;
    default: return Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [String(i), x])) : v !== null && typeof v === 'object' ? Object.values(v) : [];
  }
}

/** Applies one mutation in place; a path made stale by an earlier one is simply skipped. */
function apply(root: Record<string, unknown>, m: Mutation): void {
  let parent: unknown = root;
  for (const seg of m.path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<Segment, unknown>)[seg];
  }
  if (parent === null || typeof parent !== 'object') return;
  const last = m.path.at(-1)!;
  const container = parent as Record<Segment, unknown>;
  if (!Object.hasOwn(container, last)) return;
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
      break;
    case 'replace':
      container[last] = structuredClone(m.value);
      break;
    case 'insert': {
      const target = container[last];
      if (Array.isArray(target)) target.push(structuredClone(m.value));
      else if (target !== null && typeof target === 'object') Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      else container[last] = { [m.key]: structuredClone(m.value) };
      break;
    }
    case 'duplicate':
      if (Array.isArray(container)) container.splice(Number(last), 0, structuredClone(container[Number(last)]));
      break;
    case 'swap-type':
      container[last] = swapType(container[last], m.to);
      break;
  }
}

describe('properties of loading and validating', () => {
  it('a mutated fixture never throws and gives well-shaped diagnostics, in both languages', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const profile = structuredClone(BASE);
        for (const m of mutations) apply(profile, m);
        check(stringify(profile));
      }),
      { numRuns: RUNS },
    );
  });

  it('a profile with values changed to others of the same kind reaches the domain rules without any rule crashing', () => {
    // Values of the right kind mostly pass the schema, so this property exercises the rules
    // themselves: digits changed in NIPs, NIKs and codes, ids and codes swapped between fields.
    const valueAt = (p: Segment[]) => p.reduce<unknown>((o, s) => (o as Record<Segment, unknown>)[s], BASE);
    const leaves = PATHS.filter((p) => typeof valueAt(p) !== 'object');
    const strings = [...new Set(leaves.map(valueAt).filter((v): v is string => typeof v === 'string'))];
    const numbers = [...new Set(leaves.map(valueAt).filter((v): v is number => typeof v === 'number'))];
    const sameKind = (original: unknown): fc.Arbitrary<unknown> => {
      if (typeof original === 'number') return fc.oneof(fc.constantFrom(...numbers), fc.integer({ min: -5, max: 3000 }), fc.double({ min: -1, max: 200, noNaN: true }));
      if (typeof original === 'boolean') return fc.boolean();
      const text = String(original);
      return fc.oneof(
        fc.constantFrom(...strings),
        fc.tuple(fc.nat(Math.max(0, text.length - 1)), fc.constantFrom(...'0123456789./-aZ ')).map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
        fc.nat(Math.max(0, text.length)).map((n) => text.slice(0, n)),
        trickyString,
      );
    };
    const change = fc.constantFrom(...leaves).chain((at) => sameKind(valueAt(at)).map((v) => ({ at, v })));
    let reachedRules = 0;
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        const profile = structuredClone(BASE);
        for (const { at, v } of changes) apply(profile, { kind: 'replace', path: at, value: v });
        const text = stringify(profile);
        const result = validateText('regency.yaml', text, { lang: 'id', today: TODAY });
        assertShape(result.diagnostics, text);
        if (!result.diagnostics.some((d) => d.rule === 'schema')) reachedRules++;
      }),
      { numRuns: RUNS },
    );
    expect(reachedRules).toBeGreaterThan(RUNS / 4);
  });

  it('random bytes never make the loader throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        check(bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('random YAML-ish text never makes the loader or the validator throw', () => {
    const token = fc.oneof(
      fc.constantFrom('a', 'code', 'opds', 'villages', ':', ': ', ' ', '  ', '\n', '\r\n', '\t', '- ', '-', '[', ']', '{', '}', ',', '?', '? ', '&x', '*x', '&y ', '*y', '!', '!!str ', '!!map', '!Ref ', '"', "'", '#', '# c', '---', '...', '|', '>', '|-', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '<<: ', '\\', '\ufeff', '\u2028', '1', '32.11', '~', 'null', 'true'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }).map((t) => t.join('')), (text) => {
        check(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('the fixture text with lines deleted, duplicated, re-indented or cut never makes anything throw', () => {
    const lines = FIXTURE.split('\n');
    const edit = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
      fc.record({ op: fc.constant('indent' as const), at: fc.nat(lines.length - 1), by: fc.integer({ min: -4, max: 4 }) }),
      fc.record({ op: fc.constant('cut' as const), at: fc.nat(lines.length - 1), col: fc.nat(40) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(lines.length - 1), col: fc.nat(40), text: fc.constantFrom(': ', '"', "'", '&a ', '*a', '!Ref ', '[', '{', '# ', '\t', '- ', '---\n', 'x: 1\n') }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const out = [...lines];
        for (const e of edits) {
          const at = Math.min(e.at, out.length - 1);
          const line = out[at] ?? '';
          if (e.op === 'delete') out.splice(at, 1);
          else if (e.op === 'duplicate') out.splice(at, 0, line);
          else if (e.op === 'indent') out[at] = e.by >= 0 ? ' '.repeat(e.by) + line : line.slice(Math.min(-e.by, line.length - line.trimStart().length));
          else if (e.op === 'cut') out[at] = line.slice(0, e.col);
          else out[at] = line.slice(0, e.col) + e.text + line.slice(e.col);
        }
        check(out.join('\n'));
      }),
      { numRuns: RUNS },
    );
  });
});
