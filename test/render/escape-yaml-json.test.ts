import fc from 'fast-check';
import { load as jsYamlLoad } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EncodeError, jsonValue, yamlScalar } from '../../src/render/escape.js';

/** Characters that mean something to YAML, JSON, HTML or a line reader. */
const TRICKY = [
  "'", '"', '\\', '$', '#', ':', ' ', '\t', '\n', '\r', '\0', '\x07', '\x1b', '\x7f', '\x85', '\x9f', '\u00a0', '\u2028', '\u2029',
  '\ufeff', '\ufffe', '\uffff', '-', '?', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '<', '%', '@', '`', '~', '=', '/', 'é', '😀',
];
const unit = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }));
/** Strings YAML readers are known to turn into something else when written bare. */
const YAML_TRAPS = [
  '', ' ', 'yes', 'no', 'Yes', 'NO', 'on', 'off', 'On', 'y', 'n', 'Y', 'N', 'true', 'False', 'TRUE', 'null', 'Null', 'NULL', '~',
  '1e3', 'e0', 'E5', 'e+3', '0x10', '0o17', '017', '1_000', '12:30', '1:20:30', '.inf', '-.inf', '.NaN', '+1', '-1', '3.14', '2026-03-17', '2001-12-14t21:59:43.10-05:00',
  '- x', '-', '--- ', '...', ': ', 'a: b', 'a #b', '#comment', ' lead', 'trail ', 'multi\nline', 'tab\there', '@at', '`tick', '!tag', '&anchor', '*alias',
  '|', '>', '%TAG', '{a: 1}', '[1, 2]', '?', '? x', '<<', '=', "'single'", '"double"', 'Kota Banjar', 'Dr. H. Ade Uu Sukaesih, M.Si.', 'Jl. Letjen Soewarto No. 1',
];
const anyString = fc.oneof(fc.constantFrom(...YAML_TRAPS), fc.string({ unit, maxLength: 40 }));

describe('yamlScalar', () => {
  it.each(YAML_TRAPS)('%j reads back as the same string (YAML 1.2, YAML 1.1, js-yaml, block and flow)', (s) => {
    const text = yamlScalar(s);
    expect(parse(`k: ${text}\n`)).toEqual({ k: s });
    expect(parse(`k: ${text}\n`, { version: '1.1' })).toEqual({ k: s });
    expect(parse(`- ${text}\n`)).toEqual([s]);
    expect(parse(`[${text}, ${text}]`)).toEqual([s, s]);
    expect(parse(`{k: ${text}}`)).toEqual({ k: s });
    expect(jsYamlLoad(`k: ${text}\n`)).toEqual({ k: s });
  });

  it('leaves ordinary names bare and quotes the traps', () => {
    expect(yamlScalar('Kota Banjar')).toBe('Kota Banjar');
    expect(yamlScalar('eoffice')).toBe('eoffice');
    expect(yamlScalar("Nurul 'Aini")).toBe("Nurul 'Aini");
    expect(yamlScalar('yes')).toBe('"yes"');
    expect(yamlScalar('No')).toBe('"No"');
    expect(yamlScalar('null')).toBe('"null"');
    expect(yamlScalar('1e3')).toBe('"1e3"');
    expect(yamlScalar('0x10')).toBe('"0x10"');
    expect(yamlScalar('- x')).toBe('"- x"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('a #b')).toBe('"a #b"');
    expect(yamlScalar(' lead')).toBe('" lead"');
    expect(yamlScalar('trail ')).toBe('"trail "');
    expect(yamlScalar('multi\nline')).toBe('"multi\\nline"');
    expect(yamlScalar('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(yamlScalar('\u2028\x85\0\x7f')).toBe('"\\L\\N\\0\\x7f"');
  });

  it('writes numbers, booleans and null as such', () => {
    expect(yamlScalar(42)).toBe('42');
    expect(yamlScalar(-1.5)).toBe('-1.5');
    expect(yamlScalar(1e21)).toBe('1e+21');
    expect(yamlScalar(NaN)).toBe('.nan');
    expect(yamlScalar(Infinity)).toBe('.inf');
    expect(yamlScalar(-Infinity)).toBe('-.inf');
    expect(yamlScalar(12345678901234567890n)).toBe('12345678901234567890');
    expect(yamlScalar(true)).toBe('true');
    expect(yamlScalar(false)).toBe('false');
    expect(yamlScalar(null)).toBe('null');
    expect(parse(`k: ${yamlScalar(null)}`)).toEqual({ k: null });
    expect(Object.is(parse(`k: ${yamlScalar(-0)}`).k, -0)).toBe(true);
  });

  it('refuses what is not one scalar, and lone surrogates', () => {
    for (const v of [undefined, {}, [], new Date(0), () => 1, Symbol('s')]) expect(() => yamlScalar(v)).toThrow(EncodeError);
    expect(() => yamlScalar('a\uD800b')).toThrow(/lone surrogate/);
  });

  it('round-trips any string, in a mapping, a sequence and a flow collection (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const text = yamlScalar(s);
        expect(text).not.toMatch(/[\n\r]/);
        expect(parse(`k: ${text}\n`)).toEqual({ k: s });
        expect(parse(`- ${text}\n- ${text}\n`)).toEqual([s, s]);
        expect(parse(`{a: ${text}, b: [${text}]}`)).toEqual({ a: s, b: [s] });
        expect(parse(`k: ${text}\n`, { version: '1.1' })).toEqual({ k: s });
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips any number (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, -0)), (n) => {
        const back = parse(`k: ${yamlScalar(n)}\n`).k as number;
        expect(Object.is(back, n)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('jsonValue', () => {
  it('parses back to what JSON.stringify would give (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 2), (v, indent) => {
        expect(JSON.parse(jsonValue(v, indent))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });

  it('is safe inside an HTML <script> element', () => {
    const v = { note: '</script><script>alert(1)</script>', c: '<!-- x -->', ls: 'a\u2028b\u2029c', lt: 'a < b' };
    const text = jsonValue(v);
    expect(text).not.toMatch(/<\/|<!--|\u2028|\u2029/);
    expect(text).toContain('a < b');
    expect(JSON.parse(text)).toEqual(v);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '/', '!', '-', 's', '\u2028', '\u2029', '\\', '"') }), (s) => {
        const out = jsonValue({ s });
        expect(out).not.toMatch(/<\/|<!--|\u2028|\u2029/);
        expect(JSON.parse(out)).toEqual({ s });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON would silently change', () => {
    expect(() => jsonValue(undefined)).toThrow(EncodeError);
    expect(() => jsonValue({ n: NaN })).toThrow(/NaN has no JSON form/);
    expect(() => jsonValue([Infinity])).toThrow(/Infinity has no JSON form/);
    expect(() => jsonValue(1n)).toThrow(/bigint/);
    expect(() => jsonValue(() => 1)).toThrow(EncodeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => jsonValue(cyclic)).toThrow(/json: .*circular/i);
    expect(() => jsonValue(1, 11)).toThrow(/indent/);
  });

  it('indents when asked', () => {
    expect(jsonValue({ a: [1] }, 2)).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(jsonValue('x')).toBe('"x"');
  });
});
