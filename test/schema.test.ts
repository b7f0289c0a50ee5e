import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../src/profile/schema.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { validateText } from '../src/validate/validate-profile.js';

const root = new URL('..', import.meta.url);
const FIXTURE = readFileSync(new URL('test/fixtures/kota-banjar.yaml', root), 'utf8');
const TODAY = new Date('2026-06-01');

/** The fixture with one exact piece of text replaced (which must occur exactly once). */
function withText(from: string, to: string): string {
  const at = FIXTURE.indexOf(from);
  if (at < 0 || FIXTURE.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur once in the fixture`);
  return FIXTURE.slice(0, at) + to + FIXTURE.slice(at + from.length);
}

/** The 1-based line of the first line of `text` that starts with `prefix` (after `after`, when given). */
function lineOf(text: string, prefix: string, after = 0): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l, n) => n + 1 > after && l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with "${prefix}"`);
  return i + 1;
}

function schemaDiagnostics(text: string, lang: 'id' | 'en' = 'en'): Diagnostic[] {
  const { diagnostics } = validateText('regency.yaml', text, { lang, today: TODAY });
  expect(diagnostics.every((d) => d.rule === 'schema')).toBe(true);
  return diagnostics;
}

describe('the committed schema and types', () => {
  it('equal what scripts/schema.mjs renders (no drift between schema source, JSON Schema and TypeScript types)', async () => {
    const script = new URL('scripts/schema.mjs', root).href;
    const { render } = (await import(script)) as { render: () => Promise<{ json: string; ts: string; validator: string }> };
    const { json, ts, validator } = await render();
    expect(readFileSync(new URL('schemas/regency-profile.schema.json', root), 'utf8'), 'schemas/regency-profile.schema.json is stale: run `npm run schema`').toBe(json);
    expect(readFileSync(new URL('src/profile/types.generated.ts', root), 'utf8'), 'src/profile/types.generated.ts is stale: run `npm run schema`').toBe(ts);
    expect(readFileSync(new URL('src/profile/validator.generated.ts', root), 'utf8'), 'src/profile/validator.generated.ts is stale: run `npm run schema`').toBe(validator);
  });

  it('is a draft 2020-12 schema with an $id, which the validator loads', () => {
    const schema = profileSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\/[^ ]+\.schema\.json$/);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes itself in Bahasa Indonesia and English', () => {
    const descriptions: [string, string][] = [];
    const titles: [string, string][] = [];
    (function walk(node: unknown, at: string): void {
      if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') descriptions.push([at, v]);
        else if (k === 'title' && typeof v === 'string') titles.push([at, v]);
        else walk(v, `${at}/${k}`);
      }
    })(profileSchema(), '');
    expect(descriptions.length).toBeGreaterThan(20);
    for (const [at, text] of descriptions) {
      const [id, en, ...rest] = text.split('\n\n(en) ');
      expect(rest, at).toEqual([]);
      expect(id?.trim(), `${at}: Indonesian part`).not.toBe('');
      expect(en?.trim(), `${at}: English part`).toMatch(/\S/);
      expect(id, at).not.toBe(en);
    }
    for (const [at, text] of titles) expect(text, at).toMatch(/^\S.* \/ \S.*$/);
    expect(String(profileSchema().description)).toMatch(/^Profil .+\n\n\(en\) A grant recipient's profile/);
  });

  it('accepts the valid fixture', () => {
    expect(validateText('regency.yaml', FIXTURE, { lang: 'en', today: TODAY }).diagnostics).toEqual([]);
  });
});

describe('schema diagnostics say what is wrong, where, and how to fix it', () => {
  it('names an unknown field, suggests the near one, and points at its key', () => {
    const text = withText('  province: Jawa Barat\n', '  provnce: Jawa Barat\n');
    expect(schemaDiagnostics(text)).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        message: 'unknown field `provnce`',
        hint: 'did you mean `province`?',
        path: '/regency/provnce',
        line: lineOf(text, '  provnce:'),
        column: 3,
      },
    ]);
    const [id] = schemaDiagnostics(text, 'id');
    expect(id).toMatchObject({ message: 'kolom `provnce` tidak dikenal', hint: 'mungkin maksudnya `province`?' });
  });

  it('suggests from the fields of the right section, also deep in a list', () => {
    const text = withText('    unitCode: DISKOMINFO\n', '    unitcode: DISKOMINFO\n');
    const [d, ...rest] = schemaDiagnostics(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ message: 'unknown field `unitcode`', hint: 'did you mean `unitCode`?', path: '/opds/4/unitcode', line: lineOf(text, '    unitcode:'), column: 5 });
  });

  it('lists the known fields when nothing is near', () => {
    const text = withText('  province: Jawa Barat\n', '  province: Jawa Barat\n  zzzzzzzz: 1\n');
    const [d] = schemaDiagnostics(text);
    expect(d?.hint).toMatch(/^known fields: code, .*name.*letterhead/);
  });

  it('names a missing required field and points at the section that lacks it', () => {
    const text = withText('  name: Kota Banjar\n', '');
    expect(schemaDiagnostics(text)).toEqual([
      expect.objectContaining({ message: 'required field `name` is missing', hint: 'add `name:` to this section', path: '/regency', line: lineOf(text, 'regency:'), column: 1 }),
    ]);
  });

  it('lists the allowed values of an enum', () => {
    const text = withText('    kind: dinas\n', '    kind: dinass\n');
    const [d, ...rest] = schemaDiagnostics(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ message: 'value `dinass` is not allowed', path: '/opds/4/kind', line: lineOf(text, '    kind: dinass'), column: 11 });
    expect(d?.hint).toMatch(/^choose one of: sekretariat-daerah, .*\bdinas\b.*\bbadan\b.*\bkecamatan\b/);
  });

  it.each([
    ['postcode', '    postcode: "46311"\n', '    postcode: "4631"\n', '/regency/letterhead/postcode', '4631', 'five digits, e.g. 45311'],
    ['kecamatan region code', '    regionCode: "32.79.01"\n', '    regionCode: "32-79-01"\n', '/opds/6/regionCode', '32-79-01', 'e.g. 32.11.01'],
    ['regency code', '  code: "32.79"\n', '  code: "3279"\n', '/regency/code', '3279', 'PP.KK, e.g. 32.11'],
  ])('explains a %s pattern mismatch with an example, not a regex', (_, from, to, path, value, example) => {
    const text = withText(from, to);
    const [d, ...rest] = schemaDiagnostics(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ message: `\`${value}\` is not in the expected format`, path, line: lineOf(text, to.trimEnd()) });
    expect(d?.hint).toContain(example);
    expect(d?.hint).not.toMatch(/[\\^$]|\\d/);
  });

  it('gives one clear message when villages is a string (no oneOf noise)', () => {
    const block = FIXTURE.slice(FIXTURE.indexOf('villages:\n'), FIXTURE.indexOf('signatories:\n'));
    const text = withText(block, 'villages: semua desa\n');
    expect(schemaDiagnostics(text)).toEqual([
      expect.objectContaining({
        path: '/villages',
        line: lineOf(text, 'villages:'),
        message: 'the shape of this section is not recognised',
        hint: 'write a list of villages, or a mapping with `from: kemendagri`',
      }),
    ]);
  });

  it('speaks of the branch that fits when villages is a mapping with a wrong value', () => {
    const text = withText('  from: kemendagri\n', '  from: kemendagr\n');
    expect(schemaDiagnostics(text)).toEqual([expect.objectContaining({ path: '/villages/from', message: 'the value must be `kemendagri`', line: lineOf(text, '  from:') })]);
  });

  it('says a bad item of a village list, not that the list is not a mapping', () => {
    const block = FIXTURE.slice(FIXTURE.indexOf('villages:\n'), FIXTURE.indexOf('signatories:\n'));
    const text = withText(block, 'villages:\n  - code: "32.79.01.2003"\n    nama: Balokang\n');
    const found = schemaDiagnostics(text);
    expect(found.map((d) => d.path)).toContain('/villages/0/nama');
    expect(found.every((d) => d.path.startsWith('/villages/0'))).toBe(true);
  });

  it('says an unquoted code is a number, and to quote it', () => {
    const text = withText('  code: "32.79"\n', '  code: 32.79\n');
    expect(schemaDiagnostics(text)).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        message: 'wrong kind of value: expected text, not a number (`32.79`)',
        hint: 'unquoted, YAML reads it as a number (and drops trailing zeros); put it in quotes: "32.79"',
        path: '/regency/code',
        line: lineOf(text, '  code: 32.79'),
        column: 9,
      },
    ]);
    const [id] = schemaDiagnostics(text, 'id');
    expect(id?.message).toBe('jenis nilai salah: seharusnya teks, bukan angka (`32.79`)');
    expect(id?.hint).toMatch(/beri tanda kutip: "32\.79"$/);
  });

  it('does not suggest quotes when a list is given for a mapping', () => {
    const block = FIXTURE.slice(FIXTURE.indexOf('  letterhead:\n'), FIXTURE.indexOf('opds:\n'));
    const [d, ...rest] = schemaDiagnostics(withText(block, '  letterhead: [a, b]\n'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ path: '/regency/letterhead', message: 'wrong kind of value: expected a mapping (key: value)', hint: 'this value should be a mapping (key: value)' });
  });
});
