/** The by-key merge of YAML and JSON files (merge-structured policy). */
import { describe, expect, it } from 'vitest';
import { mergeStructured, structuredFormatOf } from '../../src/upgrade/merge-structured.js';

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

describe('mergeStructured (JSON)', () => {
  it('a key the recipient added survives, a key the blueprint changed is updated, one it removed goes', () => {
    const base = json({ a: 1, b: { c: 1, gone: true }, list: [1, 2] });
    const local = json({ a: 1, b: { c: 1, gone: true, mine: 'x' }, list: [1, 2] });
    const blueprint = json({ a: 2, b: { c: 1 }, list: [1, 2, 3], added: null });
    const r = mergeStructured('json', base, local, blueprint)!;
    expect(r.conflicts).toEqual([]);
    expect(JSON.parse(r.content.toString())).toEqual({ a: 2, b: { c: 1, mine: 'x' }, list: [1, 2, 3], added: null });
  });

  it('both changed one key differently: a conflict with its JSON pointer and the three values; the local value stays', () => {
    const r = mergeStructured('json', json({ s: { 'a/b': 1, t: 1 } }), json({ s: { 'a/b': 2, t: 1 } }), json({ s: { 'a/b': 3, t: 5 } }))!;
    expect(r.conflicts).toEqual([{ pointer: '/s/a~1b', base: 1, local: 2, blueprint: 3 }]);
    expect(JSON.parse(r.content.toString())).toEqual({ s: { 'a/b': 2, t: 5 } });
  });

  it('both made the same change: no conflict; the local bytes are kept when nothing is to be taken', () => {
    const local = '{"a":2,\n "b":1}';
    const r = mergeStructured('json', json({ a: 1, b: 1 }), local, json({ a: 2, b: 1 }))!;
    expect(r.conflicts).toEqual([]);
    expect(r.content.toString()).toBe(local);
  });

  it('lists are values: both changing one differently is a conflict, never an interleaving', () => {
    const r = mergeStructured('json', json({ l: [1] }), json({ l: [1, 2] }), json({ l: [1, 3] }))!;
    expect(r.conflicts.map((c) => c.pointer)).toEqual(['/l']);
  });

  it('no base: keys only one side has are kept, keys both hold differently are conflicts', () => {
    const r = mergeStructured('json', undefined, json({ a: 1, mine: true }), json({ a: 2, theirs: true }))!;
    expect(r.conflicts).toEqual([{ pointer: '/a', local: 1, blueprint: 2 }]);
    expect(JSON.parse(r.content.toString())).toEqual({ a: 1, mine: true, theirs: true });
  });

  it('a side that does not parse, or is not a mapping, is left to the text merge', () => {
    expect(mergeStructured('json', json({}), '{ broken', json({}))).toBeUndefined();
    expect(mergeStructured('json', json([]), json([1]), json([2]))).toBeUndefined();
  });
});

describe('mergeStructured (YAML)', () => {
  it("keeps the recipient's comments and keys, takes the blueprint's changed and new keys (with their comments)", () => {
    const base = 'app:\n  name: x\n  size: 10\n';
    const local = '# ours: tuned for Banjar\napp:\n  name: x # keep this name\n  size: 10\n  extra: yes-please\n';
    const blueprint = 'app:\n  name: x\n  size: 20\n  # new in v2\n  theme: light\n';
    const r = mergeStructured('yaml', base, local, blueprint)!;
    expect(r.conflicts).toEqual([]);
    const text = r.content.toString();
    expect(text).toContain('# ours: tuned for Banjar');
    expect(text).toContain('name: x # keep this name');
    expect(text).toContain('size: 20');
    expect(text).toContain('extra: yes-please');
    expect(text).toContain('theme: light');
  });

  it('a conflicting key is reported by its path', () => {
    const r = mergeStructured('yaml', 'a:\n  b: 1\n', 'a:\n  b: 2\n', 'a:\n  b: 3\n')!;
    expect(r.conflicts).toEqual([{ pointer: '/a/b', base: 1, local: 2, blueprint: 3 }]);
    expect(r.content.toString()).toBe('a:\n  b: 2\n');
  });

  it('multi-document YAML is left to the text merge', () => {
    expect(mergeStructured('yaml', 'a: 1\n', 'a: 1\n---\nb: 2\n', 'a: 2\n')).toBeUndefined();
  });

  it('format by extension', () => {
    expect([structuredFormatOf('x/a.json'), structuredFormatOf('a.yml'), structuredFormatOf('a.YAML'), structuredFormatOf('a.toml')]).toEqual(['json', 'yaml', 'yaml', undefined]);
  });
});
