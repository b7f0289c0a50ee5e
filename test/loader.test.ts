import { closeSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadYamlFile, MAX_ALIAS_COUNT, MAX_NESTING, MAX_PROFILE_BYTES, parseYamlText, type SourceDocument } from '../src/profile/load.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { tempTree } from './helpers/cli.js';

/** The one diagnostic a refused input gives; fails the test when the input was accepted. */
function refusal(result: Awaited<ReturnType<typeof loadYamlFile>>): Diagnostic {
  if (result.ok) throw new Error(`expected the loader to refuse the input, got ${JSON.stringify(result.doc.data)}`);
  expect(result.diagnostics).toHaveLength(1);
  const d = result.diagnostics[0]!;
  expect(d.severity).toBe('error');
  expect(d.message).not.toMatch(/\n\s+at /);
  expect(d.message).not.toMatch(/Error:|undefined|\{\w+\}/);
  expect(d.hint ?? '').not.toBe('');
  return d;
}

function loaded(text: string): SourceDocument {
  const r = parseYamlText('regency.yaml', text, 'en');
  if (!r.ok) throw new Error(`expected the text to load: ${JSON.stringify(r.diagnostics)}`);
  return r.doc;
}

describe('loader: what is not a profile-sized UTF-8 YAML text file', () => {
  let dir: string;
  let remove: () => void;
  beforeAll(() => {
    ({ dir, remove } = tempTree({
      'empty.yaml': '',
      'comments.yaml': '# yaml-language-server: $schema=x\n\n   \n# nothing else\n---\n',
      'binary.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02]),
      'latin1.yaml': new Uint8Array([...Buffer.from('name: Kabupaten Sumedang '), 0xe9, 0x0a]),
      'ok.yaml': 'apiVersion: eoffice/v1\n',
    }));
    mkdirSync(join(dir, 'profiles'));
    // A sparse file just over the limit: refused from its size, without reading 16 MiB.
    const fd = openSync(join(dir, 'huge.yaml'), 'w');
    ftruncateSync(fd, MAX_PROFILE_BYTES + 1);
    closeSync(fd);
  });
  afterAll(() => remove());

  const cases: [string, string, string, RegExp][] = [
    ['a missing file', 'missing.yaml', 'file-missing', /^file not found$/],
    ['a path through a file', 'ok.yaml/regency.yaml', 'file-missing', /^file not found$/],
    ['a directory', 'profiles', 'file-is-directory', /^this is a directory, not a profile file$/],
    ['an empty file', 'empty.yaml', 'file-empty', /^the file is empty$/],
    ['a file of comments and blank lines only', 'comments.yaml', 'file-empty', /^the file is empty$/],
    ['a binary file (NUL bytes)', 'binary.yaml', 'file-binary', /^binary file, not YAML text$/],
    ['a file that is not UTF-8', 'latin1.yaml', 'file-not-utf8', /^the file is not UTF-8 text$/],
    ['a file over the size limit', 'huge.yaml', 'file-too-large', new RegExp(`^the file is too large \\(${MAX_PROFILE_BYTES + 1} bytes; limit ${MAX_PROFILE_BYTES}\\)$`)],
  ];
  it.each(cases)('refuses %s with its own message', async (_, name, rule, message) => {
    const d = refusal(await loadYamlFile(join(dir, name), 'en'));
    expect(d.rule).toBe(rule);
    expect(d.message).toMatch(message);
    expect(d).toMatchObject({ path: '', line: 0, column: 0 });
  });

  it('gives each problem a message of its own, in both languages', async () => {
    for (const lang of ['id', 'en'] as const) {
      const messages = new Map<string, string>();
      for (const [, name, rule] of cases) {
        const r = await loadYamlFile(join(dir, name), lang);
        messages.set(rule, refusal(r).message);
      }
      expect(new Set(messages.values()).size).toBe(messages.size);
    }
    const id = refusal(await loadYamlFile(join(dir, 'missing.yaml'), 'id'));
    expect(id.message).toBe('berkas tidak ditemukan');
  });

  it('loads a small file', async () => {
    const r = await loadYamlFile(join(dir, 'ok.yaml'), 'en');
    expect(r.ok && r.doc.data).toEqual({ apiVersion: 'eoffice/v1' });
  });

  it('refuses too-large text and bytes given directly, before decoding them', () => {
    const big = 'a'.repeat(MAX_PROFILE_BYTES + 1);
    expect(refusal(parseYamlText('x.yaml', big, 'en')).rule).toBe('file-too-large');
    expect(refusal(parseYamlText('x.yaml', Buffer.from(big), 'en')).rule).toBe('file-too-large');
  });

  it('refuses NUL in text given as a string, and accepts (drops) a UTF-8 byte order mark', () => {
    expect(refusal(parseYamlText('x.yaml', 'a: "\0"\n', 'en')).rule).toBe('file-binary');
    const r = parseYamlText('x.yaml', Buffer.from('\ufeffa: 1\n'), 'en');
    expect(r.ok && r.doc.data).toEqual({ a: 1 });
  });

  it('says the empty document `---` alone, or `null`, is empty', () => {
    expect(refusal(parseYamlText('x.yaml', '--- # profile\n', 'en')).rule).toBe('file-empty');
    expect(refusal(parseYamlText('x.yaml', 'null\n', 'en')).rule).toBe('file-empty');
  });

  it('decides "empty" in linear time (no regex backtracking on blank lines with spaces)', () => {
    const start = performance.now();
    const r = parseYamlText('x.yaml', ' \n'.repeat(10_000) + '\t \t\n'.repeat(10_000) + 'apiVersion: eoffice/v1\n', 'en');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.ok && r.doc.data).toEqual({ apiVersion: 'eoffice/v1' });
    expect(r.ok && r.doc.locate('/apiVersion')).toEqual({ line: 20_001, column: 13 });
  });
});

describe('loader: YAML problems, with the line and column where they are', () => {
  const at = (text: string) => refusal(parseYamlText('regency.yaml', text, 'en'));

  it('reports a syntax error at its line and column', () => {
    const d = at('apiVersion: eoffice/v1\nregency:\n  name: Kota: Banjar\n');
    expect(d).toMatchObject({ rule: 'yaml-syntax', line: 3, column: 9 });
    expect(d.message).toMatch(/^YAML syntax error: /);
    expect(d.message).not.toMatch(/line \d+, column \d+/);
  });

  it('reports a wrongly indented key at its line', () => {
    expect(at('apiVersion: eoffice/v1\nopds:\n  - code: a\n  name: b\n')).toMatchObject({ rule: 'yaml-syntax', line: 4 });
  });

  it('reports an unclosed quote where it opens, not at the end of the file', () => {
    const d = at('apiVersion: eoffice/v1\nregency:\n  code: "32.79\n  name: Kota Banjar\n');
    expect(d).toMatchObject({ rule: 'yaml-syntax', line: 3, column: 9 });
    expect(d.message).toMatch(/quote/);
  });

  it('refuses a duplicate key, naming it, at the line of the second one', () => {
    const d = at('apiVersion: eoffice/v1\nregency:\n  code: "32.79"\n  name: Kota Banjar\n  code: "32.80"\n');
    expect(d).toMatchObject({ rule: 'yaml-duplicate-key', line: 5, column: 3 });
    expect(d.message).toBe('duplicate key: `code`');
    expect(at('x:\n  "a b": 1\n  "a b": 2\n')).toMatchObject({ message: 'duplicate key: `a b`', line: 3, column: 3 });
  });

  it.each([
    ['!!python/object:os.system', 'a: !!python/object:os.system ls\n', /python\/object/],
    ['!Ref', 'regency:\n  code: !Ref RegionCode\n', /!Ref/],
  ])('refuses the unknown tag %s', (_, text, named) => {
    const d = at(text);
    expect(d.rule).toBe('yaml-unknown-tag');
    expect(d.message).toMatch(/^unknown YAML tag: /);
    expect(d.message).toMatch(named);
    expect(d.line).toBe(text.split('\n').findIndex((l) => l.includes('!')) + 1);
  });

  it('stops a "billion laughs" alias bomb fast, with the alias message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const start = performance.now();
    const d = at(levels.join('\n') + '\n');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(d.rule).toBe('yaml-alias-limit');
    expect(d.message).toBe(`too many YAML aliases (more than ${MAX_ALIAS_COUNT})`);
  });

  it('still accepts a few ordinary aliases', () => {
    expect(loaded('base: &b {engine: postgresql}\ncopy: *b\n').data).toEqual({ base: { engine: 'postgresql' }, copy: { engine: 'postgresql' } });
  });

  it('refuses an alias to no anchor, and an alias inside its own anchor (a cycle)', () => {
    expect(at('a: 1\nb: *nowhere\n')).toMatchObject({ rule: 'yaml-undefined-alias', line: 2, column: 4, message: 'alias `*nowhere` refers to no anchor `&nowhere` before it' });
    expect(at('a: &loop\n  b: *loop\n')).toMatchObject({ rule: 'yaml-recursive-alias', line: 2, column: 6 });
  });

  it('refuses nesting deeper than MAX_NESTING, and one that overflows the parser, with the same message', () => {
    const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(loaded(block(MAX_NESTING)).data).toBeTruthy();
    expect(at(block(MAX_NESTING + 1))).toMatchObject({ rule: 'yaml-too-deep', line: MAX_NESTING + 1, message: `nested too deeply (more than ${MAX_NESTING} levels)` });
    // Through the position-keeping parser too (an alias keeps the text off any fast path).
    expect(at(`x: &a 1\n${block(MAX_NESTING + 1).replace(/ 1\n$/, ' *a\n')}`)).toMatchObject({ rule: 'yaml-too-deep', line: MAX_NESTING + 2 });
    const start = performance.now();
    for (const text of ['a: ' + '['.repeat(20_000), '{a: '.repeat(5000) + '1' + '}'.repeat(5000)]) {
      const d = at(text);
      expect(d.rule).toBe('yaml-too-deep');
      expect(d.message).not.toMatch(/call stack/i);
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses a mapping used as a key (it would be stringified silently)', () => {
    expect(at('? {a: 1}\n: 2\n')).toMatchObject({ rule: 'yaml-complex-key', line: 1 });
  });

  it('refuses a file of several YAML documents, at the second one', () => {
    const d = at('apiVersion: eoffice/v1\n---\napiVersion: eoffice/v1\n');
    expect(d).toMatchObject({ rule: 'yaml-multiple-documents', line: 2, column: 1 });
    expect(d.message).toBe('the file holds more than one YAML document (separated by `---`)');
    expect(d.message + (d.hint ?? '')).not.toMatch(/parseAllDocuments/);
  });

  it('accepts a single document that starts with `---`', () => {
    expect(loaded('---\napiVersion: eoffice/v1\n').data).toEqual({ apiVersion: 'eoffice/v1' });
  });

  it('reads YAML 1.2 core values: no YAML 1.1 booleans, no timestamps, no merge keys', () => {
    expect(loaded('a: yes\nb: 2026-03-17\nc: 0o17\nd: ~\n<<: {e: 1}\n').data).toEqual({ a: 'yes', b: '2026-03-17', c: 15, d: null, '<<': { e: 1 } });
  });
});

describe('locate(): 1-based positions for JSON pointers', () => {
  const text = [
    'apiVersion: eoffice/v1', //           1
    'regency:', //                         2
    '  code: "32.79"', //                  3
    '  flags: {key: true}', //             4
    'signatories:', //                     5
    '  - id: sekda', //                    6
    '    nip:', //                         7
    '  - id: "a/b~c"', //                  8
    '    name:   Budi', //                 9
    'odd/key~: 1', //                      10
  ].join('\n') + '\n';
  const doc = loaded(text);

  it('finds a value', () => {
    expect(doc.locate('/regency/code')).toEqual({ line: 3, column: 9 });
    expect(doc.locate('/signatories/1/name')).toEqual({ line: 9, column: 13 });
  });

  it('finds a key with { key: true }, also inside a flow mapping', () => {
    expect(doc.locate('/regency/code', { key: true })).toEqual({ line: 3, column: 3 });
    expect(doc.locate('/regency/flags/key', { key: true })).toEqual({ line: 4, column: 11 });
    expect(doc.locate('/regency/flags/key')).toEqual({ line: 4, column: 16 });
  });

  it('points at the key when the key has no value (`nip:`)', () => {
    expect(doc.locate('/signatories/0/nip')).toEqual({ line: 7, column: 5 });
  });

  it('falls back to the parent for a key or item that is not there', () => {
    expect(doc.locate('/regency/kind')).toEqual(doc.locate('/regency'));
    expect(doc.locate('/regency/kind')).toEqual({ line: 2, column: 1 });
    expect(doc.locate('/signatories/0/golongan')).toEqual({ line: 6, column: 5 });
    expect(doc.locate('/signatories/7/nip')).toEqual({ line: 5, column: 1 });
    expect(doc.locate('/signatories/x')).toEqual({ line: 5, column: 1 });
    expect(doc.locate('/regency/code/deeper')).toEqual({ line: 3, column: 9 });
  });

  it('points at the key line for a whole section', () => {
    expect(doc.locate('/regency')).toEqual({ line: 2, column: 1 });
    expect(doc.locate('/signatories')).toEqual({ line: 5, column: 1 });
    expect(doc.locate('/regency/flags')).toEqual({ line: 4, column: 3 });
    expect(doc.locate('/signatories/1')).toEqual({ line: 8, column: 5 });
  });

  it('reads escaped pointer segments (~1 for /, ~0 for ~) and the whole document', () => {
    expect(doc.locate('/odd~1key~0')).toEqual({ line: 10, column: 11 });
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });
});
