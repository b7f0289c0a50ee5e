/**
 * The plain-profile reader must read every text it takes exactly as js-yaml does, and give up on
 * everything else. Checked on the real profiles, on the forms it gives up on, and differentially
 * on random documents written in many styles and then damaged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readPlainYaml } from '../../src/profile/plain-yaml.js';
import { scaffoldProfile } from '../../src/profile/scaffold.js';
import { profileToYaml } from '../../src/profile/write-yaml.js';

const RUNS = Number(process.env.EOFFICE_PROPERTY_RUNS ?? 1500);
const examples = new URL('../../examples/', import.meta.url);

/** js-yaml's reading as the loader's fast path asks for it, or the error it throws. */
function jsYaml(text: string): { data: unknown } | { error: unknown } {
  try {
    return { data: load(text, { maxAliases: 0, json: false }) };
  } catch (error) {
    return { error };
  }
}

/** The property: undefined, or exactly js-yaml's reading (and then js-yaml accepts the text). */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (plain === undefined) return true;
  const reference = jsYaml(text);
  return 'data' in reference && isDeepStrictEqual(plain, reference.data);
}

describe('readPlainYaml on real profiles', () => {
  const profiles = readdirSync(examples, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'ci')
    .map((d) => readFileSync(new URL(`${d.name}/regency.yaml`, examples), 'utf8'));
  for (const code of ['32.11', '35.22', '95.03', '31.71']) profiles.push(profileToYaml(scaffoldProfile(code, { listed: true }), { lang: 'id' }));
  profiles.push(readFileSync(new URL('../fixtures/kota-banjar.yaml', import.meta.url), 'utf8'));

  it('takes every example, fixture and scaffolded profile, and reads it as js-yaml does', () => {
    expect(profiles.length).toBeGreaterThan(10);
    for (const text of profiles) {
      const plain = readPlainYaml(text);
      expect(plain).toBeDefined();
      expect(plain).toStrictEqual(load(text));
    }
  });
});

describe('readPlainYaml on the forms it takes', () => {
  const cases: Array<[string, unknown]> = [
    ['a: 1\nb: x # note\nc: "q # not a note"\n', { a: 1, b: 'x', c: 'q # not a note' }],
    ["s: 'it''s'\nd: \"tab\\tquote\\\" \\u00e9\"\n", { s: "it's", d: 'tab\tquote" é' }],
    ['n: ~\nm: null\nt: True\nf: false\ne:\nz: ""\n', { n: null, m: null, t: true, f: false, e: null, z: '' }],
    ['v: 1.0.0\nu: https://x.go.id/a#b\nh: a#b\nr: 1:30\nd: 2022-02-07\n', { v: '1.0.0', u: 'https://x.go.id/a#b', h: 'a#b', r: '1:30', d: '2022-02-07' }],
    ['list:\n- a\n- b: 1\n  c: [x, "y, z"]\nafter: {k: v, l: "1"}\n', { list: ['a', { b: 1, c: ['x', 'y, z'] }], after: { k: 'v', l: '1' } }],
    ['# top\n\nx:\n  # inside\n  y:\n    - {code: "32.11.01.2001", name: Cimungkal, kind: desa}\n    -\n      z: 0\n', { x: { y: [{ code: '32.11.01.2001', name: 'Cimungkal', kind: 'desa' }, { z: 0 }] } }],
    ['e: []\nf: {}\ng: [ ]\n', { e: [], f: {}, g: [] }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text).slice(0, 60)}`, () => {
      expect(readPlainYaml(text)).toStrictEqual(expected);
      expect(readPlainYaml(text)).toStrictEqual(load(text));
    });
  }
});

describe('readPlainYaml gives up on everything else', () => {
  const cases: Record<string, string> = {
    anchor: 'a: &x 1\nb: *x\n',
    tag: 'a: !!str 1\n',
    'block scalar': 'a: |\n  text\n',
    'folded scalar': 'a: >-\n  text\n',
    tab: 'a:\n\tb: 1\n',
    'CR line ends': 'a: 1\r\nb: 2\r\n',
    'duplicate key': 'a: 1\na: 2\n',
    'duplicate flow key': 'a: {b: 1, b: 2}\n',
    'multi-line plain scalar': 'a: one\n  two\n',
    'multi-line quoted scalar': 'a: "one\n  two"\n',
    'multi-line flow': 'a: [1,\n  2]\n',
    'float': 'a: 1e3\n',
    'hex': 'a: 0x1F\n',
    'leading zero': 'a: 012\n',
    'negative number': 'a: -5\n',
    'infinity': 'a: .inf\n',
    'key read as a boolean': 'True: 1\n',
    'key read as null': 'null: 1\n',
    'prototype key': '__proto__: 1\n',
    'quoted key': '"a": 1\n',
    'key with a space': 'a b: 1\n',
    'directive': '%YAML 1.2\n---\na: 1\n',
    'document marker': '---\na: 1\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'indented root': '  a: 1\n',
    'root sequence': '- a\n',
    'root scalar': 'just text\n',
    'empty': '',
    'comments only': '# nothing\n',
    'trailing flow comma': 'a: [1, 2,]\n',
    'nested flow': 'a: [[1], 2]\n',
    'YAML-only escape': 'a: "\\x41"\n',
    'text after a quoted scalar': 'a: "x" y\n',
    'mapping in a scalar': 'a: b: c\n',
    'compact nested sequence': '- - a\n',
    'bad indentation': 'a:\n    b: 1\n  c: 2\n',
    'complex key': '? a\n: b\n',
    'NEL': 'a: b\u0085c\n',
    'lone surrogate': 'a: \ud800\n',
    'byte order mark': '\ufeffa: 1\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      expect(readPlainYaml(text)).toBeUndefined();
    });
  }

  it('gives up on nesting deeper than any profile needs, without overflowing the stack', () => {
    const deep = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' 1\n';
    expect(readPlainYaml(deep)).toBeUndefined();
  });
});

describe('readPlainYaml against js-yaml, differentially', () => {
  const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}([-.][A-Za-z0-9]{1,3})?$/);
  const trickyKey = fc.constantFrom('true', 'True', 'null', 'NULL', '__proto__', 'toString', 'constructor', '1', 'a b', 'a:b', '-a', '<<', '');
  const trickyString = fc.string({ unit: fc.constantFrom(...'ab Z09.-_:#,[]{}\'"\\&*!|>%@`~?=+/ \té\u00a0\u2028\ud83d\ude00'.split('')), maxLength: 12 });
  const scalarValue = fc.oneof(
    { weight: 2, arbitrary: trickyString },
    { weight: 2, arbitrary: word },
    { weight: 3, arbitrary: fc.constantFrom('true', 'False', 'TRUE', 'null', 'Null', '~', '1.0.0', '0x1F', '0o17', '0b11', '1_000', '012', '1e3', '.5', '.inf', '-.inf', '.NaN', '-5', '+1', '1:30', '2022-02-07', 'yes', 'Yes', 'NO', 'on', 'Off', 'y', '=', '<<', 'a#b', 'a #b', 'x: y') },
    fc.integer({ min: -5, max: 1e6 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: trickyKey });
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarValue, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  })).map;

  /** The same data written the ways people and tools write YAML. */
  const written = fc.tuple(tree, fc.integer({ min: 0, max: 7 })).map(([data, style]) => {
    switch (style) {
      case 0: return dump(data);
      case 1: return dump(data, { flowLevel: 2 });
      case 2: return dump(data, { seqNoIndent: true, indent: 4 });
      case 3: return dump(data, { quoteStyle: 'double', forceQuotes: true });
      case 4: return stringify(data);
      case 5: return stringify(data, { collectionStyle: 'flow' });
      case 6: return stringify(data, { indentSeq: false, defaultStringType: 'QUOTE_SINGLE' });
      default: return dump(data, { flowLevel: 1, lineWidth: -1, flowBracketPadding: true, seqInlineFirst: true });
    }
  });

  /** Damage of the kinds editors and people do: a character put in or taken out, a line moved in or out. */
  const damaged = fc
    .tuple(written, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...' :#-\'",[]{}\n\t&*!|>\\ab1'.split(''))), { maxLength: 4 }))
    .map(([text, edits]) => {
      let t = text;
      for (const [at, kind, ch] of edits) {
        const i = t.length === 0 ? 0 : at % t.length;
        if (kind === 0) t = t.slice(0, i) + ch + t.slice(i);
        else if (kind === 1) t = t.slice(0, i) + t.slice(i + 1);
        else if (kind === 2) t = t.slice(0, i) + ch + t.slice(i + 1);
        else {
          const lines = t.split('\n');
          const n = at % Math.max(lines.length, 1);
          lines[n] = kind === 3 ? ` ${lines[n] ?? ''}` : (lines[n] ?? '').replace(/^ /, '');
          t = lines.join('\n');
        }
      }
      return t;
    });

  it('reads every core-schema look-alike as js-yaml does, in block and flow context', () => {
    const words = ['true', 'False', 'TRUE', 'null', 'Null', 'NULL', '~', 'yes', 'Yes', 'NO', 'on', 'Off', 'y', 'n', '0', '00', '7', '-0', '012', '0o17', '0x1F', '0b11', '1_000', '1e3', '1E-3', '.5', '5.', '+1', '-5', '.inf', '-.Inf', '.NaN', 'nan', 'Infinity', '1.0.0', '1:30', '2022-02-07', '=', '<<', '123456789012345', '1234567890123456'];
    for (const w of words) {
      for (const text of [`a: ${w}\n`, `a: [${w}, x]\n`, `a: {b: ${w}}\n`, `- ${w}\n`, `a:\n- ${w}\n`]) expect(agrees(text), text).toBe(true);
    }
  });

  it('reads written documents as js-yaml does, or gives up', () => {
    fc.assert(fc.property(written, (text) => agrees(text)), { numRuns: RUNS });
  });

  it('reads damaged documents as js-yaml does, or gives up (never takes what js-yaml refuses)', () => {
    fc.assert(fc.property(damaged, (text) => agrees(text)), { numRuns: RUNS * 2 });
  });

  it('takes a good share of written block documents (the fast path is not dead code)', () => {
    const samples = fc.sample(fc.tuple(fc.dictionary(word, fc.oneof(word, fc.integer({ min: 0, max: 1000 })), { minKeys: 1, maxKeys: 5 }), fc.array(fc.dictionary(word, word, { minKeys: 1 }), { maxLength: 3 })), 200);
    const taken = samples.filter(([m, l]) => readPlainYaml(dump({ m, l })) !== undefined).length;
    expect(taken).toBeGreaterThan(150);
  });
});
