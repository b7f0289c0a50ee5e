// validateMany splits a large batch across two threads (a worker parses, this thread validates);
// its results must be exactly those of validating each file on its own, in the order given.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateMany } from '../src/validate/validate-many.js';
import { validateFile } from '../src/validate/validate-profile.js';
import { ROOT } from './helpers/cli.js';
import { FIXTURE_TEXT } from './helpers/profile.js';
import { tempTree } from './helpers/tree.js';

describe('validateMany', () => {
  it('through the worker gives the same results, in order, as one file at a time, for every kind of file', async () => {
    const broken: Record<string, string | Uint8Array> = {
      'b-invalid-code.yaml': FIXTURE_TEXT.replace('  code: "32.79"\n', '  code: "32.99"\n'),
      'c-schema.yaml': FIXTURE_TEXT.replace('  code: "32.79"\n', '  code: 32.79\n'),
      'd-binary.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]),
      'e-empty.yaml': '# nothing\n',
      'f-alias.yaml': FIXTURE_TEXT + 'extra: &a [1]\nmore: *a\n',
      'g-syntax.yaml': 'apiVersion: eoffice/v1\nkind: [unclosed\n',
      'h-not-utf8.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
      'i-bom.yaml': '\ufeff' + FIXTURE_TEXT,
    };
    const spec: Record<string, string | Uint8Array> = { ...broken };
    for (let i = 0; i < 12; i++) spec[`valid-${String(i).padStart(2, '0')}.yaml`] = FIXTURE_TEXT;
    const dir = tempTree(spec);
    mkdirSync(join(dir, 'z-directory.yaml'));
    const files = [...Object.keys(spec).sort(), 'z-directory.yaml', 'zz-missing.yaml'].map((f) => join(dir, f));

    const options = { lang: 'en' as const, strict: false };
    const alone = await Promise.all(files.map((f) => validateFile(f, options)));
    // The worker is a file of the build (dist/, made by the global setup): run the built module,
    // and its two-thread path directly, which throws where validateMany would fall back.
    const built = (await import(pathToFileURL(join(ROOT, 'dist/validate/validate-many.js')).href)) as typeof import('../src/validate/validate-many.js');
    const pipelined = await built.validatePipelined(files, options);
    expect(pipelined).toEqual(alone);
    expect(await built.validateMany(files, { ...options, parallelFrom: 1 })).toEqual(alone);
    expect(await validateMany(files, { ...options, parallelFrom: Infinity })).toEqual(alone);

    // The batch is the mix it claims to be: every kind of file came through with its own finding.
    const firstRule = (name: string) => pipelined.find((r) => r.file.endsWith(name))!.diagnostics[0]?.rule;
    expect(pipelined.filter((r) => r.valid).map((r) => r.file.split('/').pop())).toEqual([...Array.from({ length: 12 }, (_, i) => `valid-${String(i).padStart(2, '0')}.yaml`), 'i-bom.yaml'].sort());
    expect(firstRule('b-invalid-code.yaml')).toBe('region-code');
    expect(firstRule('c-schema.yaml')).toBe('schema');
    expect(firstRule('d-binary.yaml')).toBe('file-binary');
    expect(firstRule('e-empty.yaml')).toBe('file-empty');
    expect(firstRule('h-not-utf8.yaml')).toBe('file-not-utf8');
    expect(firstRule('z-directory.yaml')).toBe('file-is-directory');
    expect(firstRule('zz-missing.yaml')).toBe('file-missing');
    // Positions are found on the main thread from the text the worker read.
    const schema = pipelined.find((r) => r.file.endsWith('c-schema.yaml'))!.diagnostics[0]!;
    expect(schema.line).toBeGreaterThan(0);
    expect(schema.line).toBe(alone.find((r) => r.file.endsWith('c-schema.yaml'))!.diagnostics[0]!.line);
  });
});
